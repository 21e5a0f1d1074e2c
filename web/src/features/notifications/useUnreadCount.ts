import type { TUnreadCount } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notificationKeys } from './notificationKeys';

export const UNREAD_POLL_MS = 30_000;

/** The signed-in user's unread notification count, polled every 30 s while the page is visible. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => api<TUnreadCount>('/notifications/unread-count', { signal }),
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 0,
  });
}
