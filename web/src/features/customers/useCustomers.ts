import type { TCustomer } from '@techserve/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { customerKeys } from './customerKeys';

/** The customers list with type-ahead search and keyset pagination ("load more"). */
export function useCustomers(q: string | undefined) {
  return useInfiniteQuery({
    queryKey: customerKeys.list(q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api<Page<TCustomer>>('/customers', { query: { limit: 50, cursor: pageParam, q }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
