import type { TTicketSummary } from '@techserve/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { ticketKeys } from './ticketKeys';

/** The request list for the given query (filters as the API takes them), keyset-paged ("load more"). */
export function useTickets(query: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TTicketSummary>>('/tickets', { query: { ...query, limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
