import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ticketKeys } from './ticketKeys';
import './i18n';

/**
 * Shows a failed request action. 409 (someone changed the request, or the action is no longer legal): the request
 * and its timeline are reloaded and the user is told so; 422: the server's message with its rule id; field
 * details go onto the form when one is given. Returns the status (0 when not an API error).
 */
export function useTicketError(ticketId?: number) {
  const { message, notification } = App.useApp();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    (error: unknown, form?: FormInstance): number => {
      if (!(error instanceof ApiError)) {
        notification.error({ title: t('common.errorTitle'), description: (error as Error)?.message });
        return 0;
      }
      if (error.status === 409 && ticketId) {
        void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
        void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) });
        void message.warning({ content: t('tickets.conflictReloaded'), duration: 6 });
        return 409;
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
        description: error.ruleId ? t('tickets.ruleViolation', { message: error.message, ruleId: error.ruleId }) : error.message,
      });
      return error.status;
    },
    [message, notification, queryClient, t, ticketId],
  );
}
