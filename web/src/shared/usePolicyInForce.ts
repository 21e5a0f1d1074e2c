import type { TPolicyInForce } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useSession } from '../features/auth/useSession';
import { policyKeys } from '../features/policy/usePolicy';

/**
 * The policy in force today (company-local, as the server judges it): the intake's priority preview, a contract's
 * SLA levels, leave types, travel rules. Only for those who may read the policy.
 */
export function usePolicyInForce() {
  const { can } = useSession();
  return useQuery({
    queryKey: [...policyKeys.all, 'in-force'],
    queryFn: ({ signal }) => api<TPolicyInForce>('/policy/in-force', { signal }),
    enabled: can('policy.read'),
    staleTime: 5 * 60_000,
  });
}
