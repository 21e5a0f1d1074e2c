import type { TTicketDashboard } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/** SR-5 / SLA-4 / FS-11: the supervisor's dashboard, refreshed every minute. */
export function useTicketDashboard() {
  return useQuery({
    queryKey: ticketKeys.dashboard(),
    queryFn: ({ signal }) => api<TTicketDashboard>('/tickets/dashboard', { signal }),
    refetchInterval: 60_000,
  });
}
