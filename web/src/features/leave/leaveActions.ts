import type { TLeaveRequest } from '@techserve/core';

export type TLeaveActions = { cancel: boolean; extend: boolean; decide: boolean; recordCertificate: boolean };

/**
 * What the current user may do with a leave, as the server allows it: the applicant withdraws a submitted one, or an
 * approved one before its first day, and extends an approved one that has not ended (RS-4); an approver (leave.approve)
 * decides on another's submitted leave and records a sick-leave certificate still due (AT-4). `today` is the local date.
 */
export function leaveActions(
  leave: TLeaveRequest,
  { userId, canApprove, today }: { userId: number | undefined; canApprove: boolean; today: string },
): TLeaveActions {
  const own = leave.userId === userId;
  const open = leave.status === 'submitted' || leave.status === 'approved';
  return {
    cancel: own && (leave.status === 'submitted' || (leave.status === 'approved' && leave.startDate > today)),
    extend: own && leave.status === 'approved' && leave.endDate >= today,
    decide: canApprove && !own && leave.status === 'submitted',
    recordCertificate: canApprove && !own && open && leave.certificateRequired && !leave.certificateReceivedAt,
  };
}
