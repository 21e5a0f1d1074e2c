import { z } from 'zod';
import { LEAVE_ACTIONS } from '../leave/actions';
import { ZExplanation } from '../explanation';
import { ZDateInRange, ZListQuery, ZLocalizedName, ZRef, ZVersion, orderedDates, zInt } from './common';

// RS-4, AT-4: leave requests (请假申请). Approved leave makes the engineer unavailable for automatic assignment
// (SR-4) and shows as a conflict on the dispatch board (FS-10).
//
// API (under /api/v1):
//   POST /leave-requests                        leave.request  file a leave (RS-4 notice, stand-in, AT-4 type)
//   GET  /leave-requests?view=mine|approvals    any leave.*    leave in scope
//   GET  /leave-requests/:id                    any leave.*    one leave with its notice explanation
//   POST /leave-requests/:id/decision           leave.approve  the superior approves or rejects (not one's own)
//   POST /leave-requests/:id/cancel             leave.request  the applicant withdraws it before it starts
//   POST /leave-requests/:id/certificate        leave.approve  the medical certificate was handed in (AT-4)
//   GET  /leave/stand-ins?q=                    leave.request  colleagues of your department who may stand in (RS-4)

export const LEAVE_STATUSES = ['submitted', 'approved', 'rejected', 'cancelled'] as const;
export const ZLeaveStatus = z.enum(LEAVE_STATUSES);
export type TLeaveStatus = z.infer<typeof ZLeaveStatus>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZLeaveRequestCreate = orderedDates(
  z.strictObject({
    /** AT-4: a leave type id of the policy in force (personal, sick, marriage …). */
    typeId: z.string().trim().min(1).max(50),
    startDate: ZDateInRange,
    endDate: ZDateInRange,
    reason: text(500),
    /** RS-4: who covers the duties meanwhile (required when the policy says so). */
    standInId: ZRef.nullable().optional(),
    /** RS-4: where the applicant stays reachable. */
    contactPhone: z.string().trim().max(40).optional(),
    /** RS-4: an emergency — the lead was told at once, the form is filed afterwards. */
    emergency: z.boolean().default(false),
    /** RS-4: an extension of this approved leave of yours (starts the day after it ends); needs approval too. */
    extendsId: ZRef.nullable().optional(),
  }),
  'startDate',
  'endDate',
  'AT-4',
);
export type TLeaveRequestCreate = z.input<typeof ZLeaveRequestCreate>;

export const ZLeaveRequest = z.strictObject({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  typeId: z.string(),
  typeName: ZLocalizedName,
  status: ZLeaveStatus,
  startDate: z.string(),
  endDate: z.string(),
  /** Working days on the applicant's calendar. */
  days: zInt(),
  reason: z.string(),
  standInId: zInt().nullable(),
  standInName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  emergency: z.boolean(),
  /** RS-4/AT-4: filed later than the notice asks; valid only with the superior's approval. */
  late: z.boolean(),
  requiredNoticeDays: zInt(),
  daysAhead: zInt(),
  certificateRequired: z.boolean(),
  certificateReceivedAt: z.string().nullable(),
  extendsId: zInt().nullable(),
  explanation: ZExplanation,
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** RS-4b: a resident's extension approved by the company waits for the client IT office (pending), then counts. */
  clientStatus: z.enum(['pending', 'approved', 'rejected']).nullable(),
  /** RS-4b: the emergency form signed and archived (PDF) by the client IT office or supervision unit. */
  formArchive: z.strictObject({ byName: z.string(), at: z.string() }).nullable(),
  policyVersion: zInt().nullable(),
  createdAt: z.string(),
  version: zInt(),
  allowedActions: z.array(z.enum(LEAVE_ACTIONS)).describe('What the reader may do now (RS-4, AT-4), from core’s leaveAllowedActions'),
});
export type TLeaveRequest = z.infer<typeof ZLeaveRequest>;

/** RS-4b: the client side signs (drawn on the device, PNG data URL) or approves in the app, and archives the form. */
export const ZLeaveFormArchive = z.strictObject({ version: ZVersion, signature: z.string().max(800_000).optional() });
export type TLeaveFormArchive = z.infer<typeof ZLeaveFormArchive>;

export const ZLeaveDecision = z.strictObject({ version: ZVersion, approve: z.boolean(), comment: z.string().trim().max(500).optional() });
export type TLeaveDecision = z.infer<typeof ZLeaveDecision>;

export const ZLeaveListQuery = ZListQuery.extend({
  /** mine: my own leave; approvals: others' leave in my scope; all: both. */
  view: z.enum(['mine', 'approvals', 'all']).default('all'),
  status: ZLeaveStatus.optional(),
}).strict();
export type TLeaveListQuery = z.infer<typeof ZLeaveListQuery>;

/** RS-4: colleagues who may stand in (GET /leave/stand-ins?q=): active staff of the applicant's department. */
export const ZStandInQuery = z.strictObject({ q: z.string().trim().max(50).optional() });
export const ZStandInCandidate = z.strictObject({
  id: zInt(),
  name: z.string(),
  employeeNo: z.string().nullable(),
  sameTeam: z.boolean(),
});
export type TStandInCandidate = z.infer<typeof ZStandInCandidate>;
export const ZStandInList = z.strictObject({ items: z.array(ZStandInCandidate) });
