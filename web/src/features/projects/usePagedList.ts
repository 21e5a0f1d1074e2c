import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

/** A keyset-paged list (projects, deliveries, trainings) with "load more". */
export function usePagedList<T>(queryKey: readonly unknown[], path: string, query: Record<string, string | number | undefined>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...query, cursor: pageParam ?? undefined, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
