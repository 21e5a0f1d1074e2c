import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TMonthDay } from './calendarTypes';

/** The kind of every day of a 'YYYY-MM' month, as the server's calendar engine sees it. */
export function useCalendarMonth(id: number, month: string, version: number) {
  return useQuery({
    queryKey: ['calendars', id, 'month', month, version],
    queryFn: ({ signal }) => api<{ items: TMonthDay[] }>(`/calendars/${id}/month`, { query: { month }, signal }),
    placeholderData: keepPreviousData,
  });
}
