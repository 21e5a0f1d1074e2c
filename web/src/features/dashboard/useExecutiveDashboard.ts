import type { TExecutiveDashboard } from '@techserve/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Issue 12 item 6: the executive dashboard of a range (company-local dates, both included). */
export function useExecutiveDashboard(from: string, to: string) {
  return useQuery({
    queryKey: ['dashboard', 'executive', from, to],
    queryFn: ({ signal }) => api<TExecutiveDashboard>('/dashboard/executive', { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
  });
}
