import type { QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import './i18n';

export { detailFields } from '../../api/useApiError';

/** Shows a failed field-service action (rule ids such as FS-2); on 409 `reloadKey` is reloaded. */
export function useFieldError(reloadKey?: QueryKey) {
  const { t } = useTranslation();
  return useApiError({ reload: reloadKey ? [reloadKey] : [], conflictMessage: t('field.conflictReloaded') });
}
