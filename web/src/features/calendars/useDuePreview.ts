import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TDueResult } from './calendarTypes';

/** SLA-3: the instant `minutes` working minutes after `from` (ISO with offset), computed by the server. */
export function useDuePreview(id: number, version: number, from: string | null, minutes: number | null) {
  return useQuery({
    queryKey: ['calendars', id, 'due', from, minutes, version],
    queryFn: ({ signal }) => api<TDueResult>(`/calendars/${id}/due`, { query: { from, minutes }, signal }),
    enabled: from !== null && minutes !== null && minutes >= 0,
    placeholderData: keepPreviousData,
  });
}
