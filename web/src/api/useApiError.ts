import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';

/**
 * Shows an API error in a notification and, when a form is given, puts `details[].path`
 * (`body.username` → field `username`) on the matching form fields.
 */
export function useApiError() {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        notification.error({ title: t('common.errorTitle'), description: (error as Error)?.message });
        return;
      }
      if (error.code === 'version_conflict' || error.status === 409) {
        notification.warning({ title: t('common.errorTitle'), description: t('common.conflict') });
        return;
      }
      if (form) {
        const fields = error.details
          .map((detail) => ({ name: detail.path.replace(/^body\.?/, ''), errors: [detail.message] }))
          .filter((field) => field.name !== '')
          .map((field) => ({ name: field.name.split('.'), errors: field.errors }));
        if (fields.length > 0) form.setFields(fields);
      }
      notification.error({
        title: t('common.errorTitle'),
        description: error.ruleId ? `${error.message} (${error.ruleId})` : error.message,
      });
    },
    [notification, t],
  );
}
