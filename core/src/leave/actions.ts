/** What a reader may do with a leave request (RS-4, AT-4); the server returns it as `allowedActions`. */
export const LEAVE_ACTIONS = ['cancel', 'extend', 'decide', 'recordCertificate'] as const;
export type TLeaveAction = (typeof LEAVE_ACTIONS)[number];

type LeaveFacts = {
  userId: number;
  status: string;
  startDate: string;
  endDate: string;
  certificateRequired: boolean;
  certificateReceivedAt: string | null;
};

/**
 * The applicant withdraws a submitted leave, or an approved one before its first day, and extends an approved one
 * that has not ended (RS-4); an approver (leave.approve) decides on another's submitted leave and records a
 * sick-leave certificate still due (AT-4). `today` is the company-local date.
 */
export function leaveAllowedActions(leave: LeaveFacts, reader: { userId: number; canApprove: boolean }, today: string): TLeaveAction[] {
  const own = leave.userId === reader.userId;
  const open = leave.status === 'submitted' || leave.status === 'approved';
  const allowed: Record<TLeaveAction, boolean> = {
    cancel: own && (leave.status === 'submitted' || (leave.status === 'approved' && leave.startDate > today)),
    extend: own && leave.status === 'approved' && leave.endDate >= today,
    decide: reader.canApprove && !own && leave.status === 'submitted',
    recordCertificate: reader.canApprove && !own && open && leave.certificateRequired && !leave.certificateReceivedAt,
  };
  return LEAVE_ACTIONS.filter((a) => allowed[a]);
}
