import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZDateInRange, ZId, ZListQuery, ZRef, ZVersion } from './common';

// RS-6/RS-7 (issue 14 item 12): changes of resident personnel; RS-4b/item 3: the client IT office's second approvals.

export const PERSONNEL_CHANGE_KINDS = ['change', 'replacement'] as const;
export const ZPersonnelChangeKind = z.enum(PERSONNEL_CHANGE_KINDS);

/**
 * client_requested (RS-7: the client asked) | notice (RS-6: announced, request due) → requested (newcomer and CV) →
 * company_approved → approved (the client's second approval) → handover → completed (form signed by all, PDF kept);
 * rejected or cancelled end it.
 */
export const PERSONNEL_CHANGE_STATUSES = [
  'client_requested',
  'notice',
  'requested',
  'company_approved',
  'approved',
  'handover',
  'completed',
  'rejected',
  'cancelled',
] as const;
export const ZPersonnelChangeStatus = z.enum(PERSONNEL_CHANGE_STATUSES);
export type TPersonnelChangeStatus = z.infer<typeof ZPersonnelChangeStatus>;

/** RS-7: why the client asks for a replacement. */
export const REPLACEMENT_REASONS = ['attitude', 'responsibility', 'skill', 'coordination'] as const;
export const ZReplacementReason = z.enum(REPLACEMENT_REASONS);

/** RS-6: what a handover covers. */
export const HANDOVER_ITEMS = ['operations_documents', 'status_report', 'onsite_training'] as const;
export const ZChangeHandoverItem = z.enum(HANDOVER_ITEMS);
export type TChangeHandoverItem = z.infer<typeof ZChangeHandoverItem>;

/** Who signs the handover confirmation form (工作交接确认表). */
export const CHANGE_SIGNER_ROLES = ['outgoing', 'incoming', 'client'] as const;
export const ZChangeSignerRole = z.enum(CHANGE_SIGNER_ROLES);
export type TChangeSignerRole = z.infer<typeof ZChangeSignerRole>;

const ZText = (max: number) => z.string().trim().min(2).max(max);

/** RS-6: the company announces a change (人员变动通知) of a resident at a date. */
export const ZPersonnelNoticeCreate = z.strictObject({
  outgoingUserId: ZRef,
  changeDate: ZDateInRange,
  reason: ZText(1000),
});
export type TPersonnelNoticeCreate = z.infer<typeof ZPersonnelNoticeCreate>;

/** RS-7: the client IT office asks to replace a resident of its site. */
export const ZReplacementCreate = z.strictObject({
  outgoingUserId: ZRef,
  reasonKind: ZReplacementReason,
  reason: ZText(1000),
});
export type TReplacementCreate = z.infer<typeof ZReplacementCreate>;

/** RS-6/RS-7: the change request (人员变更申请): the newcomer, qualifications; the CV is uploaded beforehand. */
export const ZChangeRequestSubmit = z.strictObject({
  version: ZVersion,
  incomingUserId: ZRef.optional(),
  incomingName: ZText(100),
  qualifications: ZText(2000),
  /** RS-7 only: the change date (on or before the due date); RS-6 keeps the announced one. */
  changeDate: ZDateInRange.optional(),
});
export type TChangeRequestSubmit = z.infer<typeof ZChangeRequestSubmit>;

export const ZPersonnelDecision = z.strictObject({
  version: ZVersion,
  approve: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});
export type TPersonnelDecision = z.infer<typeof ZPersonnelDecision>;

/** RS-6/RS-7: cancelling a change in progress, with the reason (who may, until which step: personnel.cancel.ts). */
export const ZPersonnelCancel = z.strictObject({ version: ZVersion, reason: ZText(500) });
export type TPersonnelCancel = z.infer<typeof ZPersonnelCancel>;

export const ZHandoverStart = z.strictObject({ version: ZVersion, start: ZDateInRange, end: ZDateInRange });
export type THandoverStart = z.infer<typeof ZHandoverStart>;

export const ZHandoverTick = z.strictObject({ version: ZVersion, item: ZChangeHandoverItem, note: z.string().trim().max(500).optional() });
export type THandoverTick = z.infer<typeof ZHandoverTick>;

/** RS-6: the client's optional test of the newcomer. */
export const ZNewcomerTest = z.strictObject({ version: ZVersion, passed: z.boolean(), note: ZText(1000) });
export type TNewcomerTest = z.infer<typeof ZNewcomerTest>;

/** A signature on the confirmation form: drawn on the device (PNG data URL) or, without one, an approval in the app. */
export const ZHandoverFormSign = z.strictObject({
  version: ZVersion,
  role: ZChangeSignerRole,
  signature: z.string().max(800_000).optional(),
});
export type THandoverFormSign = z.infer<typeof ZHandoverFormSign>;

const ZDecided = z.strictObject({ byName: z.string(), at: z.string(), comment: z.string().nullable() }).nullable();

export const ZPersonnelChange = z.strictObject({
  id: z.number().int(),
  kind: ZPersonnelChangeKind,
  status: ZPersonnelChangeStatus,
  siteId: z.number().int(),
  siteName: z.string(),
  outgoingUserId: z.number().int(),
  outgoingName: z.string(),
  incomingUserId: z.number().int().nullable(),
  incomingName: z.string().nullable(),
  qualifications: z.string().nullable(),
  cv: z.strictObject({ fileName: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
  reason: z.string(),
  reasonKind: ZReplacementReason.nullable(),
  noticeOn: z.string().nullable(),
  changeDate: z.string().nullable(),
  requestDeadline: z.string().nullable(),
  requestedOn: z.string().nullable(),
  /** RS-7: the replacement is done by this date; overdue after it while not completed. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  companyDecision: ZDecided,
  clientDecision: ZDecided,
  handoverStart: z.string().nullable(),
  handoverEnd: z.string().nullable(),
  checklist: z.array(
    z.strictObject({
      item: ZChangeHandoverItem,
      done: z.boolean(),
      byName: z.string().nullable(),
      at: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  test: z.strictObject({ passed: z.boolean(), note: z.string(), byName: z.string(), at: z.string() }).nullable(),
  signatures: z.array(
    z.strictObject({
      role: ZChangeSignerRole,
      byName: z.string(),
      at: z.string(),
      method: z.enum(['device', 'app']),
      signatureId: z.number().int().nullable(),
    }),
  ),
  hasPdf: z.boolean(),
  /** RS-6/RS-7: who cancelled the change, when and why. */
  cancellation: z.strictObject({ byName: z.string(), at: z.string(), reason: z.string() }).nullable(),
  explanations: z.array(ZExplanation),
  timeline: z.array(z.strictObject({ at: z.string(), event: z.string(), byName: z.string().nullable() })),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TPersonnelChange = z.infer<typeof ZPersonnelChange>;

export const ZPersonnelChangeListQuery = ZListQuery.extend({
  status: ZPersonnelChangeStatus.optional(),
  kind: ZPersonnelChangeKind.optional(),
});
export type TPersonnelChangeListQuery = z.infer<typeof ZPersonnelChangeListQuery>;

/** RS-4b/item 3/RS-6: what waits for the client IT office's second approval at its site. */
export const CLIENT_APPROVAL_KINDS = ['leave_extension', 'attendance_correction', 'personnel_change'] as const;
export const ZClientApprovalKind = z.enum(CLIENT_APPROVAL_KINDS);
export type TClientApprovalKind = z.infer<typeof ZClientApprovalKind>;

export const ZClientApprovalItem = z.strictObject({
  kind: ZClientApprovalKind,
  id: z.number().int(),
  userName: z.string(),
  summary: z.string(),
  companyDecidedByName: z.string().nullable(),
  companyDecidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TClientApprovalItem = z.infer<typeof ZClientApprovalItem>;

export const ZClientApprovalParams = z.strictObject({ kind: ZClientApprovalKind, id: ZId });
