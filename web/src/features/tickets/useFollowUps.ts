import type { TFollowUp } from '@techserve/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/** SR-11: follow-up calls (回访), soonest due first. */
export function useFollowUps(state: 'open' | 'done') {
  return useInfiniteQuery({
    queryKey: ticketKeys.followUps(state),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api<Page<TFollowUp>>('/followups', { query: { state, limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
