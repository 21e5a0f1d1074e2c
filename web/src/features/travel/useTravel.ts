import type { TTravelClaim, TTravelLogDays, TTravelRequest, TTravelRequestSummary } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { travelKeys } from './travelKeys';

type Page<T> = { items: T[]; nextCursor: string | null };

/** Trips in the user's scope: `mine`, the ones for `approvals`, or `all`. */
export function useTravelList(view: 'mine' | 'approvals' | 'all', status?: string) {
  return useQuery({
    queryKey: travelKeys.list(view, status),
    queryFn: ({ signal }) => api<Page<TTravelRequestSummary>>('/travel-requests', { query: { view, status, limit: 100 }, signal }),
  });
}

/** One trip with its allowance lines, advances and claims. */
export function useTravelRequest(id: number) {
  return useQuery({
    queryKey: travelKeys.detail(id),
    queryFn: ({ signal }) => api<TTravelRequest>(`/travel-requests/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** AT-2/AT-3: the trip's days with logs and missing reports. */
export function useTravelLogDays(id: number, enabled = true) {
  return useQuery({
    queryKey: travelKeys.logs(id),
    queryFn: ({ signal }) => api<TTravelLogDays>(`/travel-requests/${id}/logs`, { signal }),
    enabled: enabled && Number.isInteger(id) && id > 0,
  });
}

/** Claims whose trip ended in `month`, with a status filter. */
export function useTravelClaims(month: string, view: 'approvals' | 'all', status?: string) {
  return useQuery({
    queryKey: [...travelKeys.claims(month), view, status ?? ''],
    queryFn: ({ signal }) =>
      api<Page<TTravelClaim>>('/travel-claims', { query: { month: month || undefined, view, status, limit: 200 }, signal }),
  });
}

/** Any travel write (POST path with body, or a FormData upload); refreshes every travel query after it. */
export function useTravelAction<T = unknown>() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, headers }: { path: string; body: unknown; headers?: Record<string, string> }) =>
      api<T>(path, { method: 'POST', body, headers }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: travelKeys.all }),
  });
}
