import type { TLeaveRequest, TLeaveStatus } from '@techserve/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { leaveKeys } from './leaveKeys';

export type TLeaveView = 'mine' | 'approvals' | 'all';

/** Leave in the user's scope — `mine`, others' for `approvals`, or `all` — newest first, a page at a time ("load more"). */
export function useLeaveList(view: TLeaveView, status?: TLeaveStatus) {
  return useInfiniteQuery({
    queryKey: leaveKeys.list(view, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TLeaveRequest>>('/leave-requests', { query: { view, status, limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One leave request with its notice explanation. */
export function useLeaveRequest(id: number) {
  return useQuery({
    queryKey: leaveKeys.detail(id),
    queryFn: ({ signal }) => api<TLeaveRequest>(`/leave-requests/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** Any leave write (POST `path` with `body`); refreshes every leave query after it. */
export function useLeaveAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, headers }: { path: string; body: unknown; headers?: Record<string, string> }) =>
      api<TLeaveRequest>(path, { method: 'POST', body, headers }),
    onSuccess: (leave) => {
      queryClient.setQueryData(leaveKeys.detail(leave.id), leave);
      return queryClient.invalidateQueries({ queryKey: leaveKeys.lists() });
    },
  });
}
