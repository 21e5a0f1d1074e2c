import type { TPolicyInForce } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../auth/useSession';
import { policyKeys } from '../policy/usePolicy';

/** The policy in force today, for the intake's priority preview (only for those who may read the policy). */
export function usePolicyInForce() {
  const { can } = useSession();
  return useQuery({
    queryKey: [...policyKeys.all, 'in-force'],
    queryFn: ({ signal }) => api<TPolicyInForce>('/policy/in-force', { signal }),
    enabled: can('policy.read'),
    staleTime: 5 * 60_000,
  });
}
