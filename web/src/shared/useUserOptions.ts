import type { TUser } from '@techserve/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../api/client';
import { useSession } from '../features/auth/useSession';

const PORTAL_ROLES = new Set(['customer_contact', 'client_it']);

/**
 * Active staff for pickers (assignee, escalation, team lead, product experts, members): those matching `q`, at most
 * `limit`. Needs users.read; empty otherwise. Portal accounts are never offered.
 */
export function useUserOptions(q = '', limit = 30) {
  const { can } = useSession();
  return useQuery({
    queryKey: ['users', 'options', q, limit] as const,
    queryFn: ({ signal }) => api<Page<TUser>>('/users', { query: { q: q || undefined, status: 'active', limit }, signal }),
    select: (page) => page.items.filter((user) => !PORTAL_ROLES.has(user.roleKey)),
    enabled: can('users.read'),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** A user as a Select option: name and username. */
export const userOption = (user: TUser) => ({ value: user.id, label: `${user.name} (${user.username})` });
