import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TCalendarSummary } from './calendarTypes';

/** All calendars with their zone, mode and holiday counts. */
export function useCalendars() {
  return useQuery({
    queryKey: ['calendars'],
    queryFn: ({ signal }) => api<{ items: TCalendarSummary[] }>('/calendars', { signal }),
  });
}
