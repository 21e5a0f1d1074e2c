import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import './i18n';

/** The error's field details as form fields (`body.plannedSolution` → `plannedSolution`). */
export function detailFields(error: ApiError) {
  return error.details
    .map((detail) => ({ name: detail.path.replace(/^(body|query|params)\.?/, ''), errors: [detail.message] }))
    .filter((field) => field.name !== '')
    .map((field) => ({ name: field.name.split('.'), errors: field.errors }));
}

/**
 * Shows a failed field-service action. 409: `reloadKey` is reloaded and the user is told someone else changed it
 * (stale version) or why the step is no longer possible; 422: the server's message with its rule id (e.g. FS-2); field
 * details go onto the form when one is given. Returns the HTTP status (0 when not an API error).
 */
export function useFieldError(reloadKey?: QueryKey) {
  const { message, notification } = App.useApp();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown, form?: FormInstance): number => {
      if (!(error instanceof ApiError)) {
        notification.error({ title: t('common.errorTitle'), description: (error as Error)?.message });
        return 0;
      }
      if (error.status === 409) {
        if (reloadKey) void queryClient.invalidateQueries({ queryKey: reloadKey });
        // A stale version: someone else changed it. Any other 409 (e.g. a step no longer legal) says why itself.
        if (error.code === 'version_conflict') void message.warning({ content: t('field.conflictReloaded'), duration: 6 });
        else notification.warning({ title: t('common.errorTitle'), description: error.message });
        return 409;
      }
      if (form) {
        const fields = detailFields(error);
        if (fields.length > 0) form.setFields(fields);
      }
      notification.error({
        title: t('common.errorTitle'),
        description: error.ruleId ? t('field.ruleViolation', { message: error.message, ruleId: error.ruleId }) : error.message,
      });
      return error.status;
    },
    [message, notification, queryClient, t, reloadKey],
  );
}
