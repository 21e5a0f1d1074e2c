import { z } from 'zod';
import { ZLetterStatus } from '../field/letterStatus';
import { ZExplanation } from '../explanation';
import { ZDestinationLevel, ZTransportMode } from '../policy/travelPolicy';
import { TRAVEL_WORK_TYPES } from '../travel/allowances';
import { ZDateInRange, ZListQuery, ZRef, ZVersion, orderedDates, zInt } from './common';

// TR-1..4, AT-2/AT-3, FS-3: travel requests (出差申请) with itineraries, advances (预支出差款), daily travel logs
// (出差日志), allowances, reimbursement claims (报销) and the finance export.
//
// API (under /api/v1):
//   POST /travel-requests                         travel.request  a request with its itinerary (TR-1/TR-2)
//   GET  /travel-requests?view=mine|approvals     any travel.*    requests in scope
//   GET  /travel-requests/:id                     any travel.*    one request with allowance lines, advances, claims
//   POST /travel-requests/:id/decision            travel.approve  approve (naming plane/taxi, TR-2) or reject
//   POST /travel-requests/:id/cancel              travel.request  the traveller withdraws it
//   POST /travel-requests/:id/special-rate        travel.approve  the GM decides the special-region rate (TR-4)
//   POST /travel-requests/:id/extension           travel.request  report days beyond the itinerary (TR-1)
//   POST /travel-requests/:id/extension/decision  travel.approve  approve or reject them
//   POST /travel-requests/:id/advances            travel.request  a travel advance (FS-3)
//   GET  /travel-advances                         any travel.*    advances in scope
//   POST /travel-advances/:id/decision            travel.approve
//   POST /travel-advances/:id/pay                 travel.finance
//   POST /travel-logs                             travel.request  the day's travel log (AT-2)
//   GET  /travel-requests/:id/logs                any travel.*    the trip's days, logs and gaps (AT-2/AT-3)
//   POST /travel-requests/:id/claims              travel.request  a reimbursement claim (TR-1, TR-3)
//   GET  /travel-claims                           any travel.*    claims in scope
//   GET  /travel-claims/:id                       any travel.*
//   POST /travel-claims/:id/receipts              travel.request  a transport receipt (image/PDF)
//   GET  /travel-receipts/:id                     any travel.*    download a receipt
//   POST /travel-claims/:id/decision              travel.approve
//   POST /travel-claims/:id/pay                   travel.finance  paid; the advances are settled
//   GET  /travel/finance-export?month=YYYY-MM     travel.finance  the month's claims and allowance lines (.xlsx)
//   GET  /travel-links?q=ZR-00                    travel.request  letters and requests to link a trip to, by number
//   GET  /travel-links/:number                    travel.request  one by its exact number (404 travel.linkUnknown)

export const TRAVEL_REQUEST_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'cancelled', 'completed'] as const;
export const ZTravelRequestStatus = z.enum(TRAVEL_REQUEST_STATUSES);
export type TTravelRequestStatus = z.infer<typeof ZTravelRequestStatus>;

export const ZTravelWorkType = z.enum(TRAVEL_WORK_TYPES);
export const ZDecisionStatus = z.enum(['requested', 'approved', 'rejected']);
export type TDecisionStatus = z.infer<typeof ZDecisionStatus>;

const text = (max: number) => z.string().trim().min(1).max(max);
/** Money in a body: positive integer fen, at most 1,000,000 yuan. */
const ZAmountFen = zInt().positive().max(100_000_000);
/** A trip is at most a year long (bounds every per-day computation). */
export const MAX_TRIP_DAYS = 366;

const dayNo = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** TR-1/TR-2: one leg of the itinerary: from, to, the destination's level (TR-3), dates and transport. */
export const ZTravelSegment = orderedDates(
  z.strictObject({
    from: text(100),
    to: text(100),
    destinationLevel: ZDestinationLevel,
    startDate: ZDateInRange,
    endDate: ZDateInRange,
    transport: ZTransportMode,
  }),
  'startDate',
  'endDate',
  'TR-1',
);
export type TTravelSegment = z.infer<typeof ZTravelSegment>;

export const ZTravelRequestCreate = z
  .strictObject({
    purpose: text(500),
    workType: ZTravelWorkType,
    /** TR-3: the client provides board and lodging. */
    boardProvided: z.boolean().default(false),
    /** FS-2/FS-3: the responsibility letter the trip serves (the traveller must be on it). */
    letterId: ZRef.nullable().optional(),
    /** The service request the trip serves. */
    ticketId: ZRef.nullable().optional(),
    segments: z.array(ZTravelSegment).min(1).max(20),
    /** TR-4: ask the GM for a special-region daily rate. */
    specialRate: z
      .strictObject({ dailyFen: ZAmountFen, reason: text(500) })
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    const starts = v.segments.map((s) => s.startDate).sort();
    const ends = v.segments.map((s) => s.endDate).sort();
    if (starts.length && ends.length && dayNo(ends[ends.length - 1]) - dayNo(starts[0]) + 1 > MAX_TRIP_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments'],
        message: `a trip lasts at most ${MAX_TRIP_DAYS} days`,
        params: { ruleId: 'TR-1' },
      });
    }
  });
export type TTravelRequestCreate = z.input<typeof ZTravelRequestCreate>;

export const ZTravelDecision = z.strictObject({
  version: ZVersion,
  approve: z.boolean(),
  /** TR-2: the modes needing prior approval (plane, taxi …) that this approval explicitly allows. */
  approvedTransport: z.array(ZTransportMode).max(10).default([]),
  comment: z.string().trim().max(500).optional(),
});
export type TTravelDecision = z.input<typeof ZTravelDecision>;

export const ZApprovalDecision = z.strictObject({
  version: ZVersion,
  approve: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});
export type TApprovalDecision = z.infer<typeof ZApprovalDecision>;

/** TR-1: days beyond the itinerary, reported for approval. */
export const ZExtensionRequest = orderedDates(
  z.strictObject({ version: ZVersion, startDate: ZDateInRange, endDate: ZDateInRange, reason: text(500) }),
  'startDate',
  'endDate',
  'TR-1',
);
export type TExtensionRequest = z.infer<typeof ZExtensionRequest>;

export const ZAllowanceLine = z.object({
  kind: z.enum(['technicalGuidance', 'mealsLodging', 'newEmployee', 'flatDaily', 'specialRegion', 'boardProvided', 'beyondItinerary']),
  days: zInt(),
  rateFen: zInt(),
  amountFen: zInt(),
  explanation: ZExplanation,
});
export type TAllowanceLineOut = z.infer<typeof ZAllowanceLine>;

export const ZTravelAdvanceStatus = z.enum(['requested', 'approved', 'rejected', 'paid', 'settled']);
export type TTravelAdvanceStatus = z.infer<typeof ZTravelAdvanceStatus>;

export const ZTravelAdvanceCreate = z.strictObject({ amountFen: ZAmountFen, reason: text(500) });
export type TTravelAdvanceCreate = z.infer<typeof ZTravelAdvanceCreate>;

export const ZTravelAdvance = z.object({
  id: zInt(),
  requestId: zInt(),
  userId: zInt(),
  userName: z.string(),
  amountFen: zInt(),
  reason: z.string(),
  status: ZTravelAdvanceStatus,
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  createdAt: z.string(),
  version: zInt(),
});
export type TTravelAdvance = z.infer<typeof ZTravelAdvance>;

export const ZTravelClaimStatus = z.enum(['submitted', 'approved', 'rejected', 'paid']);
export type TTravelClaimStatus = z.infer<typeof ZTravelClaimStatus>;

/** One expense of a claim; transport is reimbursed against receipts (TR-1/TR-3). */
export const ZClaimExpense = z.strictObject({
  date: ZDateInRange,
  category: z.enum(['transport', 'lodging', 'other']),
  transport: ZTransportMode.nullable().optional(),
  description: text(200),
  amountFen: ZAmountFen,
});
export type TClaimExpense = z.infer<typeof ZClaimExpense>;

export const ZTravelClaimCreate = orderedDates(
  z.strictObject({
    actualStartDate: ZDateInRange,
    actualEndDate: ZDateInRange,
    expenses: z.array(ZClaimExpense).max(100).default([]),
    note: z.string().trim().max(500).optional(),
  }),
  'actualStartDate',
  'actualEndDate',
  'TR-1',
);
export type TTravelClaimCreate = z.input<typeof ZTravelClaimCreate>;

export const ZTravelReceipt = z.object({ id: zInt(), fileName: z.string(), contentType: z.string(), size: zInt(), url: z.string() });
export type TTravelReceipt = z.infer<typeof ZTravelReceipt>;

export const ZTravelClaim = z.object({
  id: zInt(),
  requestId: zInt(),
  userId: zInt(),
  userName: z.string(),
  status: ZTravelClaimStatus,
  actualStartDate: z.string(),
  actualEndDate: z.string(),
  expenses: z.array(ZClaimExpense),
  expensesFen: zInt(),
  allowanceFen: zInt(),
  allowanceLines: z.array(ZAllowanceLine),
  advanceFen: zInt(),
  /** Claim total − advance: positive is paid to the traveller, negative is refunded by them. */
  payableFen: zInt(),
  note: z.string().nullable(),
  receipts: z.array(ZTravelReceipt),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  paidAt: z.string().nullable(),
  policyVersion: zInt().nullable(),
  createdAt: z.string(),
  version: zInt(),
});
export type TTravelClaim = z.infer<typeof ZTravelClaim>;

const ZDecisionOf = z.object({ status: ZDecisionStatus, decidedByName: z.string().nullable(), decidedAt: z.string().nullable() });

export const ZTravelRequestSummary = z.object({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  status: ZTravelRequestStatus,
  purpose: z.string(),
  workType: ZTravelWorkType,
  startDate: z.string(),
  endDate: z.string(),
  createdAt: z.string(),
  version: zInt(),
});
export type TTravelRequestSummary = z.infer<typeof ZTravelRequestSummary>;

export const ZTravelRequest = ZTravelRequestSummary.extend({
  boardProvided: z.boolean(),
  letterId: zInt().nullable(),
  letterStatus: ZLetterStatus.nullable(),
  ticketId: zInt().nullable(),
  segments: z.array(ZTravelSegment),
  /** TR-2: the modes of the itinerary that need prior approval under the policy in force. */
  transportNeedingApproval: z.array(ZTransportMode),
  approvedTransport: z.array(ZTransportMode),
  /** TR-3: a new employee on the trip's first day, from the hire date and the policy's period (not a flag anyone sets). */
  newEmployee: z.boolean(),
  specialRate: ZDecisionOf.extend({ dailyFen: zInt(), reason: z.string() }).nullable(),
  extension: ZDecisionOf.extend({ startDate: z.string(), endDate: z.string(), reason: z.string() }).nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** TR-3/TR-4: the allowance the itinerary earns as planned (a claim recomputes it from the actual days). */
  allowances: z.object({ lines: z.array(ZAllowanceLine), totalFen: zInt() }),
  policyVersion: zInt().nullable(),
  advances: z.array(ZTravelAdvance),
  claims: z.array(ZTravelClaim),
});
export type TTravelRequest = z.infer<typeof ZTravelRequest>;

export const ZTravelRequestListQuery = ZListQuery.extend({
  /** mine: my own trips; approvals: the trips of others in my scope. */
  view: z.enum(['mine', 'approvals', 'all']).default('all'),
  status: ZTravelRequestStatus.optional(),
}).strict();
export type TTravelRequestListQuery = z.infer<typeof ZTravelRequestListQuery>;

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

export const ZTravelClaimListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'approvals', 'all']).default('all'),
  status: ZTravelClaimStatus.optional(),
  /** Claims whose trip ended in this month. */
  month: ZMonth.optional(),
}).strict();
export type TTravelClaimListQuery = z.infer<typeof ZTravelClaimListQuery>;

export const ZTravelAdvanceListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'approvals', 'all']).default('all'),
  status: ZTravelAdvanceStatus.optional(),
}).strict();
export type TTravelAdvanceListQuery = z.infer<typeof ZTravelAdvanceListQuery>;

/** FS-3: what a trip may link to, found by the number people see (ZR-000002, SR-20260301-0001). */
export const ZTravelLink = z.object({
  kind: z.enum(['letter', 'ticket']),
  id: zInt(),
  number: z.string(),
  title: z.string(),
});
export type TTravelLink = z.infer<typeof ZTravelLink>;
export const ZTravelLinkQuery = z.strictObject({ q: z.string().trim().min(1).max(40) });
export const ZTravelLinkParams = z.strictObject({ number: z.string().trim().min(1).max(40) });

export const ZFinanceExportQuery = z.strictObject({ month: ZMonth });

export const ZTravelLogCreate = z.strictObject({
  requestId: ZRef,
  date: ZDateInRange,
  place: text(200),
  workDone: text(2000),
});
export type TTravelLogCreate = z.infer<typeof ZTravelLogCreate>;

export const ZTravelLog = z.object({
  id: zInt(),
  requestId: zInt(),
  userId: zInt(),
  date: z.string(),
  place: z.string(),
  workDone: z.string(),
  createdAt: z.string(),
});
export type TTravelLog = z.infer<typeof ZTravelLog>;

/** AT-2/AT-3: the trip's days: the log of each, where a reporting window ends, and the gaps recorded. */
export const ZTravelLogDays = z.object({
  requestId: zInt(),
  everyDays: zInt(),
  days: z.array(
    z.object({
      date: z.string(),
      log: ZTravelLog.nullable(),
      /** The last day of a reporting window (AT-2: every N days). */
      windowEnd: z.boolean(),
      /** AT-3: a missing report was recorded for the window ending this day. */
      gap: z.boolean(),
      /** The window ending this day is over and has no log (shown as missing even before the scan). */
      missing: z.boolean(),
    }),
  ),
});
export type TTravelLogDays = z.infer<typeof ZTravelLogDays>;
