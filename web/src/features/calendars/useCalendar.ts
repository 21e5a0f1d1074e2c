import type { TCalendar } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** One calendar with its full definition. */
export function useCalendar(id: number) {
  return useQuery({
    queryKey: ['calendars', id],
    queryFn: ({ signal }) => api<TCalendar>(`/calendars/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
