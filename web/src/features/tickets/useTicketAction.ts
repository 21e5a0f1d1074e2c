import type { TTicket } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';

export type TTicketCall = { path: string; method?: 'POST' | 'PATCH'; body: unknown };

/**
 * A change to a request answered with the whole request (transitions, escalations, change-request steps): the
 * answer replaces the cached request; the timeline and lists reload.
 */
export function useTicketAction(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', body }: TTicketCall) => api<TTicket>(`/tickets/${ticketId}${path}`, { method, body }),
    onSuccess: (ticket) => {
      queryClient.setQueryData(ticketKeys.detail(ticketId), ticket);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.dashboard() });
    },
  });
}
