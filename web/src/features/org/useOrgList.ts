import type { TOrgKind } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../auth/useSession';

/** All records of one organisation list (they are small and unpaginated). */
export function useOrgList<T>(kind: TOrgKind) {
  const { can } = useSession();
  return useQuery({
    queryKey: ['org', kind],
    queryFn: ({ signal }) => api<{ items: T[] }>(`/${kind}`, { signal }).then((page) => page.items),
    enabled: can('org.read'),
  });
}
