import { useUserOptions } from '../users/useUserOptions';
import type { TRefSource } from './orgEntityConfigs';
import { useOrgList } from './useOrgList';

/** Choices for a reference field: an organisation list or the users in scope. */
export function useRefOptions(source: TRefSource): { value: number; label: string }[] {
  const isUsers = source === 'users';
  const users = useUserOptions();
  const org = useOrgList<{ id: number; name: string }>(isUsers ? 'departments' : source);
  if (isUsers) return users.data ?? [];
  return (org.data ?? []).map((item) => ({ value: item.id, label: item.name }));
}
