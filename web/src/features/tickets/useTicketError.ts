import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { ticketKeys } from './ticketKeys';
import './i18n';

/** Shows a failed request action; on 409 the request and its timeline are reloaded and the user told so. */
export function useTicketError(ticketId?: number) {
  const { t } = useTranslation();
  return useApiError({
    reload: ticketId ? [ticketKeys.detail(ticketId), ticketKeys.timeline(ticketId)] : [],
    conflictMessage: t('tickets.conflictReloaded'),
  });
}
