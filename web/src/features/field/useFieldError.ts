import type { QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { useLocalizeRuleError } from './useLocalizeRuleError';
import './i18n';

export { detailFields } from '../../api/useApiError';

/** Shows a failed field-service action (rule ids such as FS-2) in the UI language; on 409 `reloadKey` is reloaded. */
export function useFieldError(reloadKey?: QueryKey) {
  const { t } = useTranslation();
  const localize = useLocalizeRuleError();
  return useApiError({ reload: reloadKey ? [reloadKey] : [], conflictMessage: t('field.conflictReloaded'), localize });
}
