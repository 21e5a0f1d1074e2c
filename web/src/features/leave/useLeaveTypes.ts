import type { TLeavePolicy } from '@techserve/core';
import { usePolicyInForce } from '../../shared/usePolicyInForce';

/** AT-4/RS-4: the leave rules of the policy in force — types for the type select, notice rules, whether a stand-in is required. */
export function useLeaveTypes(): { policy: TLeavePolicy | undefined; isLoading: boolean } {
  const policy = usePolicyInForce();
  return { policy: policy.data?.document.leave, isLoading: policy.isLoading };
}
