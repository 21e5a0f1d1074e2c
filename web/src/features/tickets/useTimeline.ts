import type { TTicketEntry } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/** The request's timeline, oldest first (a customer gets the public entries only). */
export function useTimeline(id: number) {
  return useQuery({
    queryKey: ticketKeys.timeline(id),
    queryFn: ({ signal }) => api<TTicketEntry[]>(`/tickets/${id}/timeline`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
