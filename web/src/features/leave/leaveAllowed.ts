import { LEAVE_ACTIONS, type TLeaveAction, type TLeaveRequest } from '@techserve/core';

/** The server's `allowedActions` of a leave (core's leaveAllowedActions for this reader) as flags for the buttons. */
export function leaveAllowed(leave: Pick<TLeaveRequest, 'allowedActions'>): Record<TLeaveAction, boolean> {
  return Object.fromEntries(LEAVE_ACTIONS.map((a) => [a, leave.allowedActions.includes(a)])) as Record<TLeaveAction, boolean>;
}
