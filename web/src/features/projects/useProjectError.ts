import { useApiError } from '../../api/useApiError';
import { useLocalizeRuleError } from '../field/useLocalizeRuleError';

/** Shows a failed projects call (rule ids FS-12..14) in the UI language and marks the form fields it names. */
export function useProjectError() {
  const localize = useLocalizeRuleError();
  return useApiError({ localize });
}
