// API-CONTRACT-READY
import { z } from 'zod';
import { ZLetterStatus } from '../field/letterStatus';
import { ZDate, ZDateInRange, ZInstantInRange, ZVersion, zInt, zIntText } from './common';
import { ZGrade, ZTicketType } from './tickets';

/*
 * FS-1, FS-2, FS-4, FS-5, FS-10, FS-11: service notices, responsibility letters, dispatch board, stand-up, iCal feed.
 * All paths under /api/v1/field. Instants ISO UTC, dates 'YYYY-MM-DD'.
 *
 * Notices (服务通知单, FS-1)
 *   POST   /notices                      field.notice    ZServiceNoticeCreate   → ZServiceNotice (201)
 *   GET    /notices?box=&status=         field.read      ZNoticeListQuery       → ZServiceNoticeList
 *   GET    /notices/:id                  field.read                             → ZServiceNotice
 *   POST   /notices/:id/sign             field.sign      ZNoticeSign            → ZServiceNotice (creates the service request)
 *   POST   /notices/:id/reject           field.sign      ZNoticeReject          → ZServiceNotice
 * Letters (项目责任书, FS-2/4/5/10)
 *   POST   /letters                      field.dispatch  ZLetterCreate          → ZLetter (201)
 *   GET    /letters?box=&status=         field.read      ZLetterListQuery       → ZLetterList
 *   GET    /letters/:id                  field.read                             → ZLetter
 *   GET    /letters/:id/engineer-suggestions  field.dispatch                    → ZEngineerSuggestionList
 *   PUT    /letters/:id/engineers        field.dispatch  ZLetterAssign          → ZLetter
 *   PATCH  /letters/:id                  field.work      ZLetterFill            → ZLetter (draft only; assigned engineer or dispatcher)
 *   PUT    /letters/:id/kit-packing      field.work      ZKitPacking            → ZLetter (FS-4 packing ticks, draft to on site; the letter's engineers)
 *   POST   /letters/:id/site-clarification  field.notice ZSiteClarification     → ZLetter (notice author clears the mismatch flag)
 *   POST   /letters/:id/submit           field.work      ZVersionBody           → ZLetter (422 FS-2 naming missing fields)
 *   POST   /letters/:id/approve          field.approve   ZVersionBody           → ZLetter
 *   POST   /letters/:id/reject           field.approve   ZLetterReject          → ZLetter (back to draft)
 *   PATCH  /letters/:id/appointment      field.work      ZLetterReschedule      → ZLetter (FS-5 re-booking; also the board's drag)
 *   POST   /letters/:id/confirm          field.approve   ZVersionBody           → ZLetter (returned → confirmed)
 *   POST   /letters/:id/book             field.ledger    ZLetterBook            → ZLetter (confirmed → booked)
 *   GET    /ledger?month=&customerId=    field.ledger    ZLedgerQuery           → ZLedgerList
 * Dispatch board / stand-up (FS-11)
 *   GET    /board?from=&to=&teamId=      field.dispatch  ZBoardQuery            → ZBoard
 *   GET    /standup?teamId=&date=        field.read      ZStandupQuery          → ZStandup
 *   PUT    /standup/plans                field.work      ZStandupPlanPut        → ZStandupPlan
 * iCalendar feed
 *   GET    /schedule/feed                field.read                             → ZScheduleFeedInfo
 *   POST   /schedule/feed                field.read                             → ZScheduleFeedToken (create / rotate; token shown once)
 *   DELETE /schedule/feed                field.read                             → 204
 *   GET    /schedule/:token.ics          public                                 → text/calendar
 */

/** Database ids are 32-bit integers on PostgreSQL: larger numbers are refused as input, never sent to the database. */
const ref = zInt().positive();
const queryRef = zIntText().positive();
/** PostgreSQL text cannot hold NUL characters: refuse them as input (400) instead of failing in the database. */
const str = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
const text = (max: number) => str(max).min(1);
export const ZFieldIdParams = z.strictObject({ id: queryRef });
/** Instants typed on a letter (appointment, calls): years 1970–2199, else 422 naming the field. */
const instant = ZInstantInRange;
const listLimit = zIntText().min(1).max(200).default(50);
const cursor = z.string().max(500).optional();

export const ZVersionBody = z.strictObject({ version: ZVersion });
export type TVersionBody = z.infer<typeof ZVersionBody>;

// Notices (FS-1) ------------------------------------------------------------------------------------------

export const NOTICE_STATUSES = ['pending', 'signed', 'rejected'] as const;
export const ZNoticeStatus = z.enum(NOTICE_STATUSES);
export type TNoticeStatus = z.infer<typeof ZNoticeStatus>;

export const ZServiceNoticeCreate = z
  .strictObject({
    customerId: ref.nullable().optional().describe('The customer; or give customerUnit as free text'),
    customerUnit: str(200).optional().describe('Free-text customer unit when not yet a customer record'),
    siteId: ref.nullable().optional(),
    siteAddress: str(500).optional(),
    contactName: text(100),
    contactPhone: text(50),
    type: ZTicketType.exclude(['change_request'])
      .default('installation')
      .describe('The service request type the signed notice becomes (change requests have their own flow, SR-12)'),
    title: text(200),
    requirements: text(10_000).describe('Requirements / content of the service'),
    siteSituation: text(10_000).describe('The site situation as known to the author'),
  })
  .refine((v) => v.customerId != null || (v.customerUnit ?? '').length > 0, {
    message: 'Give a customer or a customer unit',
    path: ['customerUnit'],
  });
export type TServiceNoticeCreate = z.infer<typeof ZServiceNoticeCreate>;

export const ZNoticeSignerRole = z.enum(['gm', 'department_head']);

export const ZServiceNotice = z.object({
  id: z.number(),
  number: z.string(),
  status: ZNoticeStatus,
  customerId: z.number().nullable(),
  customerName: z.string().describe('The customer record’s name or the free-text unit'),
  siteId: z.number().nullable(),
  siteAddress: z.string().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  type: ZTicketType,
  title: z.string(),
  requirements: z.string(),
  siteSituation: z.string(),
  createdBy: z.number(),
  createdByName: z.string(),
  signedBy: z.number().nullable(),
  signedByName: z.string().nullable(),
  signedAs: ZNoticeSignerRole.nullable(),
  signedAt: z.string().nullable(),
  gmAbsentReason: z.string().nullable().describe('FS-1: recorded when the department head signed because the GM is absent'),
  rejectedBy: z.number().nullable(),
  rejectedByName: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  letterId: z.number().nullable(),
  canSign: z.boolean().describe('Whether the reader may sign it now (and whether a GM-absent reason is needed)'),
  signNeedsGmAbsentReason: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TServiceNotice = z.infer<typeof ZServiceNotice>;
export const ZServiceNoticeList = z.object({ items: z.array(ZServiceNotice), nextCursor: z.string().nullable() });

export const ZNoticeListQuery = z.strictObject({
  box: z.enum(['mine', 'to_sign', 'all']).default('all'),
  status: ZNoticeStatus.optional(),
  limit: listLimit,
  cursor,
});
export type TNoticeListQuery = z.infer<typeof ZNoticeListQuery>;

export const ZNoticeSign = z.strictObject({
  version: ZVersion,
  gmAbsentReason: str(500).optional().describe('FS-1: required when a department head signs only because the GM is absent'),
  customerId: ref.optional().describe('Links a free-text notice to a customer record (needed to raise the request)'),
});
export type TNoticeSign = z.infer<typeof ZNoticeSign>;

export const ZNoticeReject = z.strictObject({ version: ZVersion, reason: text(1000) });
export type TNoticeReject = z.infer<typeof ZNoticeReject>;

// Letters (FS-2/4/5/10) -----------------------------------------------------------------------------------

export const ZLetterCreate = z
  .strictObject({
    noticeId: ref.optional().describe('A signed notice'),
    ticketId: ref.optional().describe('A service request that needs a visit'),
  })
  .refine((v) => (v.noticeId == null) !== (v.ticketId == null), { message: 'Give either noticeId or ticketId', path: ['noticeId'] });
export type TLetterCreate = z.infer<typeof ZLetterCreate>;

export const KIT_CATEGORIES = ['standard', 'tool', 'document', 'spare_part'] as const;
export const ZKitCategory = z.enum(KIT_CATEGORIES);

export const ZKitItem = z.strictObject({
  key: text(64).describe('Standard items keep the policy item id; job items any unique key'),
  category: ZKitCategory,
  name: text(200),
  nameEn: str(200).nullable().optional(),
  quantity: zInt().min(1).max(10_000).default(1),
  packed: z.boolean().default(false),
});
export type TKitItem = z.infer<typeof ZKitItem>;

export const ZSiteConfirmation = z.strictObject({
  contactName: text(100).describe('Whom at the customer the site situation was confirmed with'),
  confirmedAt: instant,
  content: text(5000).describe('What was confirmed'),
  matchesNotice: z.boolean().describe('false flags the letter and notifies the notice author until clarified'),
});
export type TSiteConfirmation = z.infer<typeof ZSiteConfirmation>;

export const ZTravelPlan = z.strictObject({
  departDate: ZDateInRange,
  returnDate: ZDateInRange,
  transport: text(100),
  notes: str(2000).optional(),
});
export type TTravelPlan = z.infer<typeof ZTravelPlan>;

export const ZLetterFill = z.strictObject({
  version: ZVersion,
  siteConfirmation: ZSiteConfirmation.nullable().optional(),
  plannedSolution: str(10_000).nullable().optional(),
  kit: z.array(ZKitItem).max(200).optional().describe('FS-4: the standard items cannot be removed'),
  appointmentAt: instant.nullable().optional(),
  estimatedMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 60)
    .nullable()
    .optional(),
  travelPlan: ZTravelPlan.nullable().optional(),
});
export type TLetterFill = z.infer<typeof ZLetterFill>;

export const ZLetterAssign = z.strictObject({
  version: ZVersion,
  engineerIds: z.array(ref).min(1).max(20),
  leadId: ref.describe('One of engineerIds'),
});
export type TLetterAssign = z.infer<typeof ZLetterAssign>;

/** FS-4: the kit items packed for the trip, ticked by the engineer while packing (also after the plan is approved). */
export const ZKitPacking = z.strictObject({
  version: ZVersion,
  packed: z.array(text(64)).max(200).describe('Keys of the letter’s kit items now packed; the others are not'),
});
export type TKitPacking = z.infer<typeof ZKitPacking>;

export const ZSiteClarification = z.strictObject({ version: ZVersion, note: text(5000) });
export type TSiteClarification = z.infer<typeof ZSiteClarification>;

export const ZLetterReject = z.strictObject({ version: ZVersion, reason: text(1000) });
export type TLetterReject = z.infer<typeof ZLetterReject>;

export const ZLetterReschedule = z.strictObject({
  version: ZVersion,
  appointmentAt: instant,
  estimatedMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 60)
    .optional(),
  reassign: z.strictObject({ fromUserId: ref, toUserId: ref }).optional().describe('Board drag to another engineer'),
  calledAt: instant.describe('FS-5: when the customer was called'),
  calledWhom: text(100).describe('FS-5: whom at the customer'),
  reason: text(1000),
});
export type TLetterReschedule = z.infer<typeof ZLetterReschedule>;

export const ZLetterBook = z.strictObject({ version: ZVersion, note: str(2000).optional() });
export type TLetterBook = z.infer<typeof ZLetterBook>;

export const ZLetterEngineer = z.object({
  userId: z.number(),
  name: z.string(),
  isLead: z.boolean(),
  levelName: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ZAppointmentChange = z.object({
  id: z.number(),
  fromAt: z.string().nullable(),
  toAt: z.string(),
  calledAt: z.string(),
  calledWhom: z.string(),
  reason: z.string(),
  changedBy: z.number(),
  changedByName: z.string(),
  createdAt: z.string(),
});
export type TAppointmentChange = z.infer<typeof ZAppointmentChange>;

export const ZEvaluation = z.object({
  attitude: ZGrade,
  skill: ZGrade,
  result: ZGrade,
  comment: z.string().nullable(),
  ratedAt: z.string(),
});

export const ZLetterSummary = z.object({
  id: z.number(),
  number: z.string(),
  status: ZLetterStatus,
  noticeId: z.number().nullable(),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable(),
  customerId: z.number(),
  customerName: z.string(),
  siteId: z.number().nullable(),
  siteName: z.string().nullable(),
  siteAddress: z.string().nullable(),
  title: z.string(),
  appointmentAt: z.string().nullable(),
  estimatedMinutes: z.number().nullable(),
  engineers: z.array(ZLetterEngineer),
  siteMismatch: z.boolean().describe('FS-2: the site differs from the notice and the author has not yet clarified'),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TLetterSummary = z.infer<typeof ZLetterSummary>;

export const ZLetter = ZLetterSummary.extend({
  regionId: z.number().nullable(),
  noticeRequirements: z.string().nullable(),
  noticeSiteSituation: z.string().nullable(),
  noticeAuthorId: z.number().nullable(),
  siteConfirmation: ZSiteConfirmation.nullable(),
  siteClarification: z.object({ note: z.string(), by: z.number(), byName: z.string(), at: z.string() }).nullable(),
  plannedSolution: z.string().nullable(),
  kit: z.array(ZKitItem),
  travelPlan: ZTravelPlan.nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.number().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  rejectReason: z.string().nullable().describe('The last plan rejection (FS-10)'),
  confirmedBy: z.number().nullable(),
  confirmedAt: z.string().nullable(),
  bookedBy: z.number().nullable(),
  bookedAt: z.string().nullable(),
  ledgerNote: z.string().nullable(),
  evaluation: ZEvaluation.nullable().describe('FS-10: the customer’s evaluation booked with the letter'),
  appointmentHistory: z.array(ZAppointmentChange),
  allowed: z
    .array(z.enum(['fill', 'assign', 'submit', 'approve', 'reject', 'reschedule', 'confirm', 'book', 'clarify']))
    .describe('What the reader may do now'),
});
export type TLetter = z.infer<typeof ZLetter>;
export const ZLetterList = z.object({ items: z.array(ZLetterSummary), nextCursor: z.string().nullable() });

export const ZLetterListQuery = z.strictObject({
  box: z.enum(['mine', 'to_approve', 'all']).default('all').describe('mine: letters I am on; to_approve: submitted or returned'),
  status: ZLetterStatus.optional(),
  limit: listLimit,
  cursor,
});
export type TLetterListQuery = z.infer<typeof ZLetterListQuery>;

export const ZConflict = z.object({
  kind: z.enum(['travel', 'leave', 'double_booked']),
  from: z.string(),
  to: z.string(),
  refId: z.number().nullable(),
  note: z.string().nullable(),
});
export type TConflict = z.infer<typeof ZConflict>;

export const ZEngineerSuggestion = z.object({
  userId: z.number(),
  name: z.string(),
  teamId: z.number().nullable(),
  levelId: z.number().nullable(),
  level: z.number().nullable(),
  levelName: z.string().nullable(),
  inRegion: z.boolean().describe('Covers the site’s region (listed first)'),
  openLoad: z.number().describe('Open service requests plus active letters'),
  conflicts: z.array(ZConflict).describe('Travel around the appointment (leave not modelled yet)'),
});
export type TEngineerSuggestion = z.infer<typeof ZEngineerSuggestion>;
export const ZEngineerSuggestionList = z.object({ items: z.array(ZEngineerSuggestion) });

export const ZLedgerQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
  customerId: queryRef.optional(),
  limit: listLimit,
  cursor,
});
export type TLedgerQuery = z.infer<typeof ZLedgerQuery>;

export const ZLedgerEntry = z.object({
  letterId: z.number(),
  number: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  ticketNumber: z.string().nullable(),
  title: z.string(),
  engineers: z.array(z.string()),
  appointmentAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  bookedAt: z.string(),
  bookedByName: z.string(),
  evaluation: ZEvaluation.nullable(),
  note: z.string().nullable(),
});
export const ZLedgerList = z.object({ items: z.array(ZLedgerEntry), nextCursor: z.string().nullable() });

// Dispatch board ------------------------------------------------------------------------------------------

export const ZBoardQuery = z.strictObject({
  from: ZDate,
  to: ZDate.describe('Inclusive; at most 31 days after from'),
  teamId: queryRef.optional(),
});
export type TBoardQuery = z.infer<typeof ZBoardQuery>;

export const ZBoardItem = z.object({
  letterId: z.number(),
  number: z.string(),
  status: ZLetterStatus,
  customerName: z.string(),
  title: z.string(),
  appointmentAt: z.string(),
  endAt: z.string(),
  estimatedMinutes: z.number().nullable(),
  version: z.number(),
});
export const ZBoardEngineer = z.object({
  userId: z.number(),
  name: z.string(),
  teamId: z.number().nullable(),
  levelName: z.string().nullable(),
  days: z.array(z.object({ date: z.string(), items: z.array(ZBoardItem), conflicts: z.array(ZConflict) })),
});
export const ZBoard = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(z.string()),
  engineers: z.array(ZBoardEngineer),
  travelKnown: z.boolean().describe('Whether travel requests could be read'),
  leaveKnown: z.boolean().describe('Whether approved leave (RS-4) is shown: always true since leave requests exist'),
});
export type TBoard = z.infer<typeof ZBoard>;

// Stand-up (FS-11) ----------------------------------------------------------------------------------------

export const ZStandupQuery = z.strictObject({
  teamId: queryRef.optional(),
  date: ZDate.optional().describe('Defaults to today (company time)'),
});
export type TStandupQuery = z.infer<typeof ZStandupQuery>;

export const ZStandupPlan = z.object({
  userId: z.number(),
  date: z.string(),
  text: z.string(),
  updatedBy: z.number(),
  updatedByName: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TStandupPlan = z.infer<typeof ZStandupPlan>;

export const ZStandupPlanPut = z.strictObject({
  userId: ref,
  date: ZDateInRange.describe('The day the plan is for (normally tomorrow)'),
  text: str(5000),
  version: ZVersion.optional().describe('Omit when creating'),
});
export type TStandupPlanPut = z.infer<typeof ZStandupPlanPut>;

export const ZStandup = z.object({
  date: z.string(),
  tomorrow: z.string(),
  teamId: z.number().nullable(),
  engineers: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      unsolvedTickets: z.array(
        z.object({ id: z.number(), number: z.string(), title: z.string(), state: z.string(), customerName: z.string() }),
      ),
      lettersOnSite: z.array(z.object({ id: z.number(), number: z.string(), status: ZLetterStatus, customerName: z.string() })),
      tomorrowAppointments: z.array(
        z.object({
          letterId: z.number(),
          number: z.string(),
          customerName: z.string(),
          appointmentAt: z.string(),
          estimatedMinutes: z.number().nullable(),
        }),
      ),
      tomorrowPlan: ZStandupPlan.nullable(),
    }),
  ),
});
export type TStandup = z.infer<typeof ZStandup>;

// iCalendar feed ------------------------------------------------------------------------------------------

export const ZScheduleFeedInfo = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const ZScheduleFeedToken = z.object({ token: z.string(), path: z.string().describe('/api/v1/field/schedule/<token>.ics') });
