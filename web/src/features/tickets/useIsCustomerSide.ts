import { useSession } from '../auth/useSession';

/** A customer contact (its company) or client IT office (its site): the portal view without internal controls. */
export function useIsCustomerSide(): boolean {
  const { session } = useSession();
  const scope = session?.user.role.scope;
  return scope === 'company' || scope === 'site';
}
