import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useApiError } from '../../api/useApiError';
import { useLocalizeRuleError } from '../field/useLocalizeRuleError';

/** Shows a travel API error (with its rule id such as FS-3, TR-1, TR-2) in the UI language and marks the form fields it names. */
export function useTravelError() {
  const localize = useLocalizeRuleError();
  const show = useApiError({ localize });
  return useCallback((error: unknown, form?: FormInstance) => show(error, form), [show]);
}
