import { useUserOptions, userOption } from '../../shared/useUserOptions';
import type { TRefSource } from './orgEntityConfigs';
import { useOrgList } from './useOrgList';

/** Choices for a reference field: an organisation list or the users in scope. */
export function useRefOptions(source: TRefSource): { value: number; label: string }[] {
  const isUsers = source === 'users';
  // The first 200 in scope: a reference field's picker filters them locally.
  const users = useUserOptions('', 200);
  const org = useOrgList<{ id: number; name: string }>(isUsers ? 'departments' : source);
  if (isUsers) return (users.data ?? []).map(userOption);
  return (org.data ?? []).map((item) => ({ value: item.id, label: item.name }));
}
