import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

/** A keyset-paged field list (notices, letters, ledger) for `query` as the API takes it ("load more"). */
export function usePagedList<T>(path: string, queryKey: QueryKey, query: Record<string, string>) {
  return useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...query, limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
