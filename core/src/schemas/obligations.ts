import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { OBLIGATION_KINDS, OBLIGATION_STATES } from '../obligations/kinds';
import { ZId, ZListQuery, ZLocalizedName, ZRef, ZVersion, zInt, zIntText } from './common';
import { ZMonth } from './travel';

// Obligations (design: "Obligations") and the month (design: "The month").
//
// API (under /api/v1):
//   GET  /obligations?view=mine|team|department&range=week|overdue|open|all    any staff   what is due, in scope
//   GET  /obligations/summary?month=&view=team|department                    reports.review  per person and kind: the department view
//   GET  /obligations/:id                                                    own or in scope  one obligation with its explanations
//   POST /obligations/:id/excuse       {version, reason}                     obligations.excuse  excuse an open or late one (audited)
//   POST /obligations/:id/corrections  {reason}                              obligations.excuse  the month is closed: excuse it as an adjustment
//   GET  /months?year=                                                       any staff   the months of a year, open or closed
//   POST /months/:month/close          {note}                                months.close  close an ended month (audited, final)
//   GET  /month-adjustments?month=&userId=                                   reports.review | months.close  the month's adjustments
//   POST /month-adjustments            {...}                                 months.close  a correction of a closed month, booked in the next open one

export const ZObligationKind = z.enum(OBLIGATION_KINDS);
export const ZObligationState = z.enum(OBLIGATION_STATES);

const text = (max: number) => z.string().trim().min(1).max(max);
const person = z.strictObject({ id: zInt(), name: z.string() });

export const ZObligation = z.strictObject({
  id: zInt(),
  kind: ZObligationKind,
  kindName: ZLocalizedName,
  ruleId: z.string(),
  ownerId: zInt(),
  ownerName: z.string(),
  subjectType: z.string().nullable(),
  subjectId: zInt().nullable(),
  /** A date (day, event), a week's Monday, or a month 'YYYY-MM'. */
  period: z.string(),
  dueAt: z.string(),
  /** The company-local day the deadline is named by (a 24:00 deadline belongs to this day). */
  dueDate: z.string(),
  /** The month the obligation counts in (its due date's month). */
  month: z.string(),
  state: ZObligationState,
  /** Open and past its due instant. */
  overdue: z.boolean(),
  /** When the fulfilment was received. */
  doneAt: z.string().nullable(),
  lateMinutes: zInt().nullable(),
  /** How the due instant was computed (rule, policy version, calendar). */
  explanation: ZExplanation,
  /** How the fulfilment was judged (on time or late, by the time received). */
  judgement: ZExplanation.nullable(),
  evidenceType: z.string().nullable(),
  evidenceId: zInt().nullable(),
  excusedBy: person.nullable(),
  excusedAt: z.string().nullable(),
  excusedReason: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  policyVersion: zInt().nullable(),
  /** Where the owner fulfils it in the web app. */
  link: z.string().nullable(),
  version: zInt(),
});
export type TObligation = z.infer<typeof ZObligation>;

export const ZObligationListQuery = ZListQuery.extend({
  /** mine: own; team / department: within the actor's data scope (reports.review). */
  view: z.enum(['mine', 'team', 'department']).default('mine'),
  /** week: due this week (any state); overdue: open past the due time; open; all. */
  range: z.enum(['week', 'overdue', 'open', 'all']).default('week'),
  kind: ZObligationKind.optional(),
  ownerId: ZId.optional(),
  month: ZMonth.optional(),
});
export type TObligationListQuery = z.infer<typeof ZObligationListQuery>;

export const ZObligationSummaryQuery = z.strictObject({
  month: ZMonth,
  view: z.enum(['team', 'department']).default('department'),
});
export type TObligationSummaryQuery = z.infer<typeof ZObligationSummaryQuery>;

const ZCounts = z.strictObject({
  open: zInt(),
  overdue: zInt(),
  onTime: zInt(),
  late: zInt(),
  excused: zInt(),
});
export type TObligationCounts = z.infer<typeof ZCounts>;

/** The supervisor's department view: per person and kind, the month's obligations by state. */
export const ZObligationSummary = z.strictObject({
  month: z.string(),
  totals: ZCounts,
  people: z.array(
    z.strictObject({
      userId: zInt(),
      name: z.string(),
      teamId: zInt().nullable(),
      teamName: z.string().nullable(),
      totals: ZCounts,
      byKind: z.array(z.strictObject({ kind: ZObligationKind, counts: ZCounts })),
    }),
  ),
});
export type TObligationSummary = z.infer<typeof ZObligationSummary>;

export const ZObligationExcuse = z.strictObject({
  version: ZVersion,
  /** Why the supervisor excuses it (a trip without network, sick leave …); audited. */
  reason: text(500),
});
export type TObligationExcuse = z.infer<typeof ZObligationExcuse>;

export const ZObligationCorrection = z.strictObject({ reason: text(500) });
export type TObligationCorrection = z.infer<typeof ZObligationCorrection>;

// The month -----------------------------------------------------------------------------------------------------

export const ZMonthParams = z.strictObject({ month: ZMonth });

export const ZMonthStatus = z.strictObject({
  month: z.string(),
  state: z.enum(['open', 'closed']),
  closedBy: person.nullable(),
  closedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** Whether the month has ended (only an ended month may be closed). */
  ended: z.boolean(),
});
export type TMonthStatus = z.infer<typeof ZMonthStatus>;

export const ZMonthListQuery = z.strictObject({ year: zIntText().min(1970).max(2199) });
export const ZMonthClose = z.strictObject({ note: z.string().trim().max(500).optional() });
export type TMonthClose = z.infer<typeof ZMonthClose>;

export const ZAdjustment = z.strictObject({
  id: zInt(),
  /** The open month the correction is booked in. */
  month: z.string(),
  userId: zInt(),
  userName: z.string(),
  kind: z.string(),
  ruleId: z.string().nullable(),
  /** The fact corrected: its type, id and (closed) month. */
  factType: z.string(),
  factId: zInt().nullable(),
  factMonth: z.string(),
  explanation: ZLocalizedName,
  amountFen: zInt().nullable(),
  delta: z.record(z.string(), z.unknown()).nullable(),
  createdBy: person.nullable(),
  createdAt: z.string(),
});
export type TAdjustment = z.infer<typeof ZAdjustment>;

export const ZAdjustmentListQuery = ZListQuery.extend({ month: ZMonth.optional(), userId: ZId.optional() });
export type TAdjustmentListQuery = z.infer<typeof ZAdjustmentListQuery>;

/** A manual correction of a closed month's fact (HR or the supervisor), booked in the next open month. */
export const ZAdjustmentCreate = z.strictObject({
  userId: ZRef,
  factType: z
    .string()
    .trim()
    .regex(/^[a-z][a-z_]{1,39}$/, 'a fact type such as weekly_report'),
  factId: ZRef.nullable().optional(),
  factMonth: ZMonth,
  ruleId: z
    .string()
    .regex(/^[A-Z]+-\d+[a-z]?$/, 'a rule id such as AP-9')
    .optional(),
  reason: text(1000),
  /** A money correction in fen (negative: less pay), bounded to a 32-bit column. */
  amountFen: zInt().min(-2_000_000_000).max(2_000_000_000).nullable().optional(),
});
export type TAdjustmentCreate = z.infer<typeof ZAdjustmentCreate>;
