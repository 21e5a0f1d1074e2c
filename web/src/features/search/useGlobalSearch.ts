import type { TSearchKind, TSearchResult } from '@techserve/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useDebounced } from '../../shared/useDebounced';

/** Where a hit opens: the page its own module shows it on. */
export function hitPath(kind: TSearchKind, id: number, label: string): string {
  switch (kind) {
    case 'tickets':
      return `/tickets/${id}`;
    case 'customers':
      return `/customers/${id}`;
    case 'letters':
      return `/field/letters/${id}`;
    case 'users':
      return `/users?q=${encodeURIComponent(label)}`;
  }
}

/** Issue 12 item 8: the grouped hits of the typed text (debounced), only what the user may open (the server filters). */
export function useGlobalSearch(text: string) {
  const q = useDebounced(text.trim(), 250);
  const query = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api<TSearchResult>(`/search?q=${encodeURIComponent(q)}&limit=5`, { signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return { q, result: q.length > 0 ? query.data : undefined, loading: query.isFetching };
}
