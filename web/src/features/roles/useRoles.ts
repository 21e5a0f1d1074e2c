import type { TPermission, TRole } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../auth/useSession';

export function useRoles() {
  const { can } = useSession();
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api<{ items: TRole[]; permissions: TPermission[] }>('/roles', { signal }),
    enabled: can('users.read'),
  });
}

/** A role's name in the UI language. */
export function roleLabel(role: Pick<TRole, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && role.nameEn ? role.nameEn : role.name;
}
