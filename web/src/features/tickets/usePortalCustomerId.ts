import type { TTicketSummary } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { useSession } from '../auth/useSession';
import { useIsCustomerSide } from './useIsCustomerSide';

/**
 * The company a customer contact files requests for. The session names it when the server includes `customerId`
 * in the session user; until then it is read off the contact's own requests (the portal sees its company's only).
 * undefined while loading or for staff; null when it cannot be told.
 */
export function usePortalCustomerId(): number | null | undefined {
  const customerSide = useIsCustomerSide();
  const { session } = useSession();
  const fromSession = (session?.user as { customerId?: number | null } | undefined)?.customerId;
  const fallback = useQuery({
    queryKey: ['tickets', 'portal-customer'],
    queryFn: ({ signal }) => api<Page<TTicketSummary>>('/tickets', { query: { limit: 1 }, signal }),
    enabled: customerSide && fromSession == null,
    staleTime: Infinity,
  });
  if (!customerSide) return undefined;
  if (fromSession != null) return fromSession;
  if (fallback.isPending) return undefined;
  return fallback.data?.items[0]?.customerId ?? null;
}
