import type { TUser } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { useSession } from '../auth/useSession';

/** Users for pickers (team lead, product experts): the first 200 in scope. */
export function useUserOptions() {
  const { can } = useSession();
  return useQuery({
    queryKey: ['users', 'options'],
    queryFn: ({ signal }) => api<Page<TUser>>('/users', { query: { limit: 200, status: 'active' }, signal }),
    enabled: can('users.read'),
    select: (page) => page.items.map((user) => ({ value: user.id, label: `${user.name} (${user.username})` })),
  });
}
