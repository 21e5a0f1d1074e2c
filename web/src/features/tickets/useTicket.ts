import type { TTicket } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/** One request with its SLA clocks, legal actions and explanations; refreshed every minute (the clocks run). */
export function useTicket(id: number) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => api<TTicket>(`/tickets/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: 60_000,
  });
}
