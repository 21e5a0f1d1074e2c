import type { TUser } from '@techserve/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export type TUserFilters = { q?: string; status?: string; roleId?: number };

/** The users list with keyset pagination ("load more"). */
export function useUsers(filters: TUserFilters) {
  return useInfiniteQuery({
    queryKey: ['users', 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api<Page<TUser>>('/users', { query: { limit: 50, cursor: pageParam, ...filters }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
