import { type QueryKey, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../api/client';

/** A keyset-paged list for `query` as the API takes it, 50 rows a page, with "load more" (LoadMore). */
export function usePagedList<T>(path: string, queryKey: QueryKey, query: Record<string, string | number | undefined>) {
  return useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...query, limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
