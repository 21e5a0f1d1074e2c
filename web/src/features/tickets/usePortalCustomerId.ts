import { useSession } from '../auth/useSession';
import { useIsCustomerSide } from './useIsCustomerSide';

/** The company a customer contact files requests for (from the session); undefined for staff, null when unset. */
export function usePortalCustomerId(): number | null | undefined {
  const customerSide = useIsCustomerSide();
  const { session } = useSession();
  if (!customerSide) return undefined;
  return session?.user.customerId ?? null;
}
