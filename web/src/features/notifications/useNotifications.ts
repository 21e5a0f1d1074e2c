import type { TNotification } from '@techserve/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { notificationKeys } from './notificationKeys';

/** My notifications, newest first, a page at a time; fetched only while the drawer is open. */
export function useNotifications(opts: { enabled: boolean; unreadOnly: boolean }) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(opts.unreadOnly),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TNotification>>('/notifications', {
        query: { limit: 20, cursor: pageParam, unread: opts.unreadOnly ? 'true' : undefined },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: opts.enabled,
    staleTime: 0,
  });
}
