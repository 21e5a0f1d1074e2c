import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TWorkingDaysResult } from './calendarTypes';

/** RS-6: working days after `from` up to and including `to` ('YYYY-MM-DD'). */
export function useWorkingDays(id: number, version: number, from: string | null, to: string | null) {
  return useQuery({
    queryKey: ['calendars', id, 'working-days', from, to, version],
    queryFn: ({ signal }) => api<TWorkingDaysResult>(`/calendars/${id}/working-days`, { query: { from, to }, signal }),
    enabled: from !== null && to !== null,
    placeholderData: keepPreviousData,
  });
}
