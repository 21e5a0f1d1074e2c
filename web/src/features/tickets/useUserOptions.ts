import type { TUser } from '@techserve/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { useSession } from '../auth/useSession';
import { ticketKeys } from './ticketKeys';

const PORTAL_ROLES = new Set(['customer_contact', 'client_it']);

/** Active staff matching `q`, for assignee and escalation pickers (needs users.read; empty otherwise). */
export function useUserOptions(q: string) {
  const { can } = useSession();
  return useQuery({
    queryKey: ticketKeys.users(q),
    queryFn: ({ signal }) => api<Page<TUser>>('/users', { query: { q: q || undefined, status: 'active', limit: 30 }, signal }),
    select: (page) => page.items.filter((user) => !PORTAL_ROLES.has(user.roleKey)),
    enabled: can('users.read'),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
