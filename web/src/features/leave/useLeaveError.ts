import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { detailFields, useApiError } from '../../api/useApiError';
import { leaveKeys } from './leaveKeys';
import { useLocalizeLeaveError } from './useLocalizeLeaveError';
import './i18n';

/**
 * Shows a failed leave call in the UI language and marks the form fields it names (RS-4/AT-4 refusals, 422). A stale
 * version (409) reloads the leave and says so; an overlap with another leave (409 conflict) is marked on its date too.
 */
export function useLeaveError() {
  const { t } = useTranslation();
  const localize = useLocalizeLeaveError();
  const show = useApiError({ reload: [leaveKeys.all], conflictMessage: t('leave.conflictReloaded'), localize });
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      const status = show(error, form);
      if (status === 409 && form && error instanceof ApiError && error.code === 'conflict') form.setFields(detailFields(localize(error)));
      return status;
    },
    [show, localize],
  );
}
