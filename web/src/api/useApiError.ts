import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client';
import { localizeApiError } from './localizeApiError';
import { localizeByReason } from './localizeByReason';

/** The error's field details as form fields (`body.plannedSolution` → `plannedSolution`). */
export function detailFields(error: ApiError) {
  return error.details
    .map((detail) => ({ name: detail.path.replace(/^(body|query|params)\.?/, ''), errors: [detail.message] }))
    .filter((field) => field.name !== '')
    .map((field) => ({ name: field.name.split('.'), errors: field.errors }));
}

export type ApiErrorOptions = {
  /** Reloaded on 409, so the user sees what changed. */
  reload?: QueryKey[];
  /** Said on a stale version (409 version_conflict); defaults to the common "changed by someone else". */
  conflictMessage?: string;
  /** Puts the server's (English) message and field messages into the UI language, e.g. by rule id. */
  localize?: (error: ApiError) => ApiError;
};

/**
 * The error as the user should read it: a rule refusal through the feature's `localize`; any other error without a
 * rule id, in Chinese, by its code and known detail messages (`localizeApiError`). In English the server's exact
 * message stays.
 */
export function useLocalizedApiError(localize?: (error: ApiError) => ApiError) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback(
    (raw: ApiError): ApiError => {
      const byReason = localizeByReason(raw, english ? 'en' : 'zh-CN');
      if (byReason) return byReason;
      const error = localize ? localize(raw) : raw;
      if (english || error !== raw || error.ruleId) return error;
      return localizeApiError(error, t);
    },
    [english, t, localize],
  );
}

/**
 * Shows a failed API call in the UI language (`useLocalizedApiError`). 409: the `reload` queries are reloaded; a
 * stale version says someone else changed the record, any other 409 (a step no longer legal) gives the reason.
 * Otherwise the message with its rule id (e.g. FS-2), and the field details go onto the form when one is given.
 * Returns the HTTP status (0 when the error is not an API error).
 */
export function useApiError({ reload = [], conflictMessage, localize }: ApiErrorOptions = {}) {
  const { message, notification } = App.useApp();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reloadKeys = JSON.stringify(reload);
  const localized = useLocalizedApiError(localize);
  return useCallback(
    (raw: unknown, form?: FormInstance): number => {
      const error = raw instanceof ApiError ? localized(raw) : raw;
      if (!(error instanceof ApiError)) {
        notification.error({ title: t('common.errorTitle'), description: (error as Error)?.message });
        return 0;
      }
      if (error.status === 409) {
        for (const queryKey of JSON.parse(reloadKeys) as QueryKey[]) void queryClient.invalidateQueries({ queryKey });
        if (error.code === 'version_conflict') void message.warning({ content: conflictMessage ?? t('common.conflict'), duration: 6 });
        else notification.warning({ title: t('common.errorTitle'), description: error.message });
        return 409;
      }
      if (form) {
        const fields = detailFields(error);
        if (fields.length > 0) form.setFields(fields);
      }
      notification.error({
        title: t('common.errorTitle'),
        description: error.ruleId ? t('common.ruleViolation', { message: error.message, ruleId: error.ruleId }) : error.message,
      });
      return error.status;
    },
    [message, notification, queryClient, t, reloadKeys, conflictMessage, localized],
  );
}
