import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../auth/useSession';
import type { TCalendarSummary } from '../calendars/calendarTypes';

/** The calendars a site can follow, as picker options; shares its cache with the calendars page. */
export function useCalendarOptions() {
  const { can } = useSession();
  return useQuery({
    queryKey: ['calendars'],
    queryFn: ({ signal }) => api<{ items: TCalendarSummary[] }>('/calendars', { signal }),
    enabled: can('calendars.read'),
    select: (page) => page.items.map((calendar) => ({ value: calendar.id, label: calendar.name })),
  });
}
