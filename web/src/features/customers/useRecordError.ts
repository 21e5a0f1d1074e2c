import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiError, useLocalizedApiError } from '../../api/useApiError';
import { isStaleVersion } from '../../api/isStaleVersion';
import './i18n';

/**
 * useApiError, except for a 409 that is not a stale version (a taken contract number, a record still referred
 * to): useApiError would call that "someone else changed this record"; here it is the server's reason, on the
 * field it names, in the UI language. `title` says what failed ("Cannot delete"); `reason` replaces the server's sentence.
 */
export function useRecordError() {
  const showError = useApiError();
  const localized = useLocalizedApiError();
  const { notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (raw: unknown, form?: FormInstance, { title, reason }: { title?: string; reason?: string } = {}) => {
      if (!(raw instanceof ApiError) || raw.status !== 409 || isStaleVersion(raw)) {
        showError(raw, form);
        return;
      }
      const error = localized(raw);
      const fields = error.details
        .map((detail) => detail.path.replace(/^body\.?/, ''))
        .filter((name) => name !== '')
        .map((name) => ({ name: name.split('.'), errors: [error.message] }));
      if (form && fields.length > 0) form.setFields(fields);
      notification.error({ title: title ?? t('customers.saveBlocked'), description: reason ?? error.message });
    },
    [showError, localized, notification, t],
  );
}
