import type { TPriority, TSlaPolicy } from '../policy/slaPolicy';
import type { AssignmentOptions } from './assignment';

const URGENCY: Record<TPriority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

/**
 * SR-4/SR-5: the open-load cap automatic assignment applies to a request of this priority — the policy's cap, or
 * none when the priority is at or above `capWaivedFrom` (a P1 goes to the best available engineer even above it).
 */
export function assignmentCap(
  assignment: TSlaPolicy['assignment'],
  priority: TPriority,
): Pick<AssignmentOptions, 'maxOpenLoad' | 'capWaived'> {
  const from = assignment.capWaivedFrom;
  const waived = from !== 'none' && URGENCY[priority] <= URGENCY[from];
  return waived
    ? { maxOpenLoad: null, capWaived: { priority, cap: assignment.maxOpenLoad } }
    : { maxOpenLoad: assignment.maxOpenLoad, capWaived: null };
}
