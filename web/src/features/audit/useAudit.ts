import type { TAuditEntry } from '@techserve/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export type TAuditFilters = { entity?: string; action?: string; from?: string; to?: string };

export function useAudit(filters: TAuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api<Page<TAuditEntry>>('/audit', { query: { limit: 50, cursor: pageParam, ...filters }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
