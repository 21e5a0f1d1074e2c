import type { TPolicyInForce } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../auth/useSession';
import { policyKeys } from '../policy/usePolicy';

/** SLA-1: the policy in force today (company-local, as the server judges it) — its SLA levels are a contract's choices. */
export function useInForcePolicy() {
  const { can } = useSession();
  return useQuery({
    queryKey: [...policyKeys.all, 'in-force'],
    queryFn: ({ signal }) => api<TPolicyInForce>('/policy/in-force', { signal }),
    enabled: can('policy.read'),
  });
}
