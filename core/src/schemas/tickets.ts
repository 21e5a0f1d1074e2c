import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZImpact, ZPriority, ZUrgency } from '../policy/slaPolicy';
import { TICKET_READER_ACTIONS } from '../tickets/allowedActions';
import { ZTicketState, TICKET_ACTIONS } from '../tickets/workflow';
import { ZDate, ZId, ZRef, ZVersion, zInt, zIntText } from './common';

// SR-1..13: service requests (服务请求 / 工单) — intake, flow, timeline, escalation, rating, change requests,
// follow-ups (回访), lists and the supervisor dashboard. One schema per payload, shared by server and web.

const ref = ZRef;
const longText = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });

/** SR-3: what kind of request. */
export const ZTicketType = z.enum(['fault', 'consultation', 'installation', 'training', 'inspection', 'change_request', 'other']);
export type TTicketType = z.infer<typeof ZTicketType>;

/** SR-1: how it came in. */
export const ZTicketChannel = z.enum(['phone', 'email', 'portal', 'chat', 'api', 'service_notice']);
export type TTicketChannel = z.infer<typeof ZTicketChannel>;

/** FS-8: 优/良/中/差. */
export const ZGrade = z.enum(['excellent', 'good', 'fair', 'poor']);
export type TGrade = z.infer<typeof ZGrade>;

export const ZEligibility = z.enum(['warranty', 'contract', 'chargeable']);

// Intake --------------------------------------------------------------------------------------------------

export const ZTicketCreate = z.strictObject({
  customerId: ref,
  contactId: ref.nullable().optional(),
  siteId: ref.nullable().optional(),
  installedProductId: ref.nullable().optional().describe('The device (CU-2 warranty decides eligibility)'),
  productId: ref.nullable().optional().describe('Defaults to the installed product’s product'),
  type: ZTicketType.default('fault'),
  channel: ZTicketChannel.optional().describe('Defaults to portal for customer contacts, phone otherwise'),
  title: longText(200),
  description: longText(10_000),
  urgency: ZUrgency,
  impact: ZImpact,
  priorityOverride: z
    .strictObject({ priority: ZPriority, reason: longText(500) })
    .optional()
    .describe('SR-3: overrides the computed priority'),
  needsVisit: z.boolean().optional().describe('Starts the on-site arrival clock (SLA-2)'),
  teamId: ref.nullable().optional(),
  assigneeId: ref.nullable().optional().describe('Manual assignment; otherwise automatic when autoAssign'),
  autoAssign: z.boolean().default(true).describe('SR-4: choose the engineer by expertise, skill, region, load'),
});
export type TTicketCreate = z.infer<typeof ZTicketCreate>;

// Read shapes ---------------------------------------------------------------------------------------------

export const ZSlaTarget = z.object({
  target: z.enum(['firstResponse', 'onsite', 'resolution']),
  targetMinutes: z.number(),
  dueAt: z.string(),
  metAt: z.string().nullable(),
  state: z.enum(['not_started', 'running', 'paused', 'near_breach', 'breached', 'met', 'met_late']),
  remainingMinutes: z.number(),
  pausedMinutes: z.number(),
  explanation: ZExplanation,
});
export type TSlaTarget = z.infer<typeof ZSlaTarget>;

export const ZRating = z.object({
  attitude: ZGrade,
  skill: ZGrade,
  result: ZGrade,
  comment: z.string().nullable(),
  via: z.enum(['portal', 'device']),
  signedBy: z.string().nullable(),
  hasSignature: z.boolean(),
  ratedAt: z.string(),
});

const ZChangeRequest = z.object({
  customerWrittenConfirmation: z.boolean(),
  confirmationNote: z.string().nullable(),
  discussedWithSales: z.boolean(),
  discussedWithRnd: z.boolean(),
  decision: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});

export const ZTicketEscalation = z.object({
  id: z.number(),
  kind: z.enum(['l2', 'expert', 'rnd']),
  fromUserId: z.number().nullable(),
  fromUserName: z.string().nullable(),
  toUserId: z.number().nullable(),
  toUserName: z.string().nullable(),
  description: z.string(),
  targetAt: z.string().nullable(),
  rndPerson: z.string().nullable(),
  state: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TTicketEscalation = z.infer<typeof ZTicketEscalation>;

export const ZTicketSummary = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  type: ZTicketType,
  channel: ZTicketChannel,
  state: ZTicketState,
  priority: ZPriority,
  customerId: z.number(),
  customerName: z.string(),
  siteId: z.number().nullable(),
  productId: z.number().nullable(),
  regionId: z.number().nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  teamId: z.number().nullable(),
  tier: z.number(),
  nextDueAt: z.string().nullable().describe('The earliest unmet SLA due instant; null when none is running'),
  slaBreached: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TTicketSummary = z.infer<typeof ZTicketSummary>;

export const ZTicket = ZTicketSummary.extend({
  description: z.string(),
  urgency: ZUrgency,
  impact: ZImpact,
  priorityExplanation: ZExplanation,
  eligibility: ZEligibility,
  eligibilityExplanation: ZExplanation,
  slaLevelId: z.string(),
  policyVersion: z.number().nullable(),
  calendarId: z.number().nullable(),
  needsVisit: z.boolean(),
  contactId: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  siteName: z.string().nullable(),
  siteAddress: z.string().nullable(),
  installedProductId: z.number().nullable(),
  serialNumber: z.string().nullable(),
  productName: z.string().nullable(),
  contractId: z.number().nullable(),
  cause: z.string().nullable(),
  solution: z.string().nullable(),
  committedAt: z.string().nullable().describe('SR-8: the resolution time promised to the customer'),
  cancelReason: z.string().nullable(),
  reopenCount: z.number(),
  sla: z.object({ firstResponse: ZSlaTarget, onsite: ZSlaTarget.nullable(), resolution: ZSlaTarget }),
  legalActions: z.array(z.enum(TICKET_ACTIONS)).describe('The actions legal in the request’s state, for anyone'),
  allowedActions: z
    .array(z.enum(TICKET_READER_ACTIONS))
    .describe('What the reader may do now: the legal actions allowed to them (SR-4..9), escalate (SR-6), record the arrival (SLA-2)'),
  rating: ZRating.nullable(),
  changeRequest: ZChangeRequest.nullable(),
  escalations: z.array(ZTicketEscalation),
  totalMinutesSpent: z.number(),
  createdBy: z.number().nullable(),
});
export type TTicket = z.infer<typeof ZTicket>;

export const ZAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZTicketEntryKind = z.enum([
  'created',
  'reply',
  'note',
  'state',
  'assignment',
  'priority',
  'escalation',
  'escalation_answer',
  'time',
  'part',
  'commitment',
  'market_info',
  'arrival',
  'attachment',
  'rating',
  'change_request',
  'sla',
]);
export type TTicketEntryKind = z.infer<typeof ZTicketEntryKind>;

export const ZTicketEntry = z.object({
  id: z.number(),
  kind: ZTicketEntryKind,
  visibility: z.enum(['public', 'internal']),
  authorId: z.number().nullable(),
  authorName: z.string().nullable(),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  attachments: z.array(ZAttachment),
  createdAt: z.string(),
});
export type TTicketEntry = z.infer<typeof ZTicketEntry>;

// Lists ---------------------------------------------------------------------------------------------------

/**
 * Issue 12 item 9: the request list's sortable columns (GET /tickets?sort=&order=). `state` sorts in the workflow's
 * order (new → … → cancelled), `dueAt` is the next SLA due instant (none = after every due time), `assignee` puts the
 * unassigned first when ascending.
 */
export const TICKET_SORTS = ['number', 'createdAt', 'updatedAt', 'priority', 'state', 'dueAt', 'customer', 'assignee'] as const;
export const ZTicketSort = z.enum(TICKET_SORTS);
export type TTicketSort = z.infer<typeof ZTicketSort>;
export const ZSortOrder = z.enum(['asc', 'desc']);
export type TSortOrder = z.infer<typeof ZSortOrder>;

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(200)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20));

export const ZTicketListQuery = z.strictObject({
  limit: zIntText().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional().describe('Full text over titles, descriptions and replies (Chinese and English)'),
  state: csv(ZTicketState).optional().describe('Comma-separated states'),
  priority: csv(ZPriority).optional(),
  type: csv(ZTicketType).optional(),
  customerId: ZId.optional(),
  productId: ZId.optional(),
  regionId: ZId.optional(),
  assigneeId: ZId.optional(),
  teamId: ZId.optional(),
  mine: z.stringbool().optional().describe('Assigned to me'),
  unassigned: z.stringbool().optional(),
  sla: z.enum(['breached', 'near_breach', 'on_track']).optional().describe('Open requests by SLA state now'),
  createdFrom: ZDate.optional(),
  createdTo: ZDate.optional(),
  sort: ZTicketSort.optional().describe('Issue 12 item 9: the column the list is ordered by (ties by id); absent = newest first'),
  order: ZSortOrder.optional().describe('asc or desc (default desc)'),
});
export type TTicketListQuery = z.infer<typeof ZTicketListQuery>;

// Actions -------------------------------------------------------------------------------------------------

const ZRatingInput = z.strictObject({
  attitude: ZGrade,
  skill: ZGrade,
  result: ZGrade,
  comment: z.string().trim().max(2000).nullable().optional(),
});

/** One payload per transition (SR-4..9); every one carries the version read (409 when stale). */
export const ZTicketTransition = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('assign'),
    version: ZVersion,
    assigneeId: ref.nullable().optional().describe('null/absent = automatic (SR-4)'),
    reason: z.string().trim().max(500).optional(),
  }),
  z.strictObject({ action: z.literal('accept'), version: ZVersion }),
  z.strictObject({ action: z.literal('start'), version: ZVersion }),
  z.strictObject({ action: z.literal('wait'), version: ZVersion, reason: longText(2000).describe('SR-7: what the customer is asked for') }),
  z.strictObject({ action: z.literal('resume'), version: ZVersion }),
  z.strictObject({
    action: z.literal('resolve'),
    version: ZVersion,
    cause: longText(5000),
    solution: longText(10_000).describe('SR-10: the solution steps'),
  }),
  z.strictObject({
    action: z.literal('confirm'),
    version: ZVersion,
    rating: ZRatingInput,
    signedBy: z.string().trim().max(100).optional().describe('On the engineer’s device: the name of the customer who signs'),
    signature: z.string().max(700_000).optional().describe('On the engineer’s device: the signature as a data:image/png;base64 URL'),
  }),
  z.strictObject({
    action: z.literal('reject'),
    version: ZVersion,
    reason: longText(2000).describe('SR-9: why the customer is not satisfied'),
  }),
  z.strictObject({ action: z.literal('close'), version: ZVersion }),
  z.strictObject({ action: z.literal('cancel'), version: ZVersion, reason: longText(1000) }),
]);
export type TTicketTransition = z.infer<typeof ZTicketTransition>;

export const ZTicketUpdate = z.strictObject({
  version: ZVersion,
  title: longText(200).optional(),
  description: longText(10_000).optional(),
  type: ZTicketType.optional(),
  urgency: ZUrgency.optional(),
  impact: ZImpact.optional(),
  priorityOverride: z
    .strictObject({ priority: ZPriority, reason: longText(500) })
    .nullable()
    .optional(),
  needsVisit: z.boolean().optional(),
  teamId: ref.nullable().optional(),
});
export type TTicketUpdate = z.infer<typeof ZTicketUpdate>;

export const ZTicketReply = z.strictObject({
  body: longText(20_000),
  visibility: z.enum(['public', 'internal']).default('public'),
  expectedFixAt: instant
    .optional()
    .describe('SLA-5: the expected fix time the first response states; without it, the resolution target is stated'),
  offersSolution: z
    .boolean()
    .optional()
    .describe('SLA-2: this public reply offers the solution; a level counting resolution from the offer starts its clock here'),
});
export type TTicketReply = z.infer<typeof ZTicketReply>;

/** SR-10 / SR-8 / SR-13: work records on the timeline. */
export const ZTicketRecord = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('time'),
    minutes: z
      .int()
      .min(1)
      .max(24 * 60),
    note: z.string().trim().max(1000).optional(),
  }),
  z.strictObject({
    kind: z.literal('part'),
    part: longText(200),
    quantity: zInt().min(1).max(10_000),
    replacesWarrantyPart: z.boolean().default(false).describe('CU-2: records a part replacement on the installed product'),
  }),
  z.strictObject({ kind: z.literal('commitment'), committedAt: instant, reason: longText(1000).describe('SR-8: why the fix is delayed') }),
  z.strictObject({
    kind: z.literal('arrival'),
    note: z.string().trim().max(1000).optional().describe('SLA-2: the engineer is on site now; meets the on-site target'),
  }),
  z.strictObject({
    kind: z.literal('market_info'),
    category: z.enum(['quality_feedback', 'competitor', 'peer_news', 'new_product', 'customer_inventory', 'other']),
    content: longText(5000),
  }),
]);
export type TTicketRecord = z.infer<typeof ZTicketRecord>;

/** SR-6: escalate to tier 2 (L2), consult the product expert (ORG-3), or raise to R&D. */
export const ZTicketEscalate = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('l2'),
    version: ZVersion,
    toUserId: ref.optional().describe('A tier-2 engineer; automatic when absent'),
    description: z.string().trim().min(20).max(10_000).describe('SR-6: a detailed description with the customer’s data'),
  }),
  z.strictObject({
    kind: z.literal('expert'),
    version: ZVersion,
    toUserId: ref.optional().describe('Defaults to the product’s first expert'),
    description: longText(10_000),
  }),
  z.strictObject({
    kind: z.literal('rnd'),
    version: ZVersion,
    ownerId: ref.describe('The supervisor fixes the owner…'),
    rndPerson: longText(100).describe('…the R&D person…'),
    targetAt: instant.describe('…and the time'),
    description: longText(10_000),
  }),
]);
export type TTicketEscalate = z.infer<typeof ZTicketEscalate>;

/** SR-5: a customer who cannot wait — escalated to the supervisor to re-allocate. */
export const ZTicketCannotWait = z.strictObject({
  version: ZVersion,
  reason: longText(2000).describe('What the customer said: why they cannot wait'),
});
export type TTicketCannotWait = z.infer<typeof ZTicketCannotWait>;

export const ZEscalationAnswer = z.strictObject({
  answer: longText(10_000).describe('SR-6: the solution fed back to L1 and the customer'),
});
export const ZEscalationParams = z.strictObject({
  id: zIntText().positive(),
  escalationId: zIntText().positive(),
});

/** SR-12: the change request's written record. */
export const ZChangeRequestUpdate = z.strictObject({
  version: ZVersion,
  customerWrittenConfirmation: z.boolean().optional(),
  confirmationNote: z.string().trim().max(2000).nullable().optional(),
  discussedWithSales: z.boolean().optional(),
  discussedWithRnd: z.boolean().optional(),
});
export const ZChangeRequestDecision = z.strictObject({
  version: ZVersion,
  approve: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
  signWithoutWrittenConfirmation: z
    .boolean()
    .optional()
    .describe('SR-12: the GM signs for a change the customer has not confirmed in writing'),
});

// Follow-ups (回访, SR-11) and saved views ------------------------------------------------------------------

export const ZFollowUp = z.object({
  id: z.number(),
  ticketId: z.number(),
  ticketNumber: z.string(),
  ticketTitle: z.string(),
  customerId: z.number(),
  customerName: z.string(),
  dueOn: z.string(),
  state: z.enum(['open', 'done']),
  satisfaction: ZGrade.nullable(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  version: z.number(),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;
export const ZFollowUpListQuery = z.strictObject({
  limit: zIntText().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  state: z.enum(['open', 'done']).optional(),
  customerId: ZId.optional(),
  dueBefore: ZDate.optional(),
});
export const ZFollowUpComplete = z.strictObject({ version: ZVersion, satisfaction: ZGrade, note: z.string().trim().max(2000).optional() });

export const ZTicketView = z.object({ id: z.number(), name: z.string(), query: z.record(z.string(), z.string()), createdAt: z.string() });
export const ZTicketViewCreate = z.strictObject({
  name: longText(60),
  query: z.record(z.string().max(40), z.string().max(200)).refine((q) => Object.keys(q).length <= 20, 'at most 20 filters'),
});

// Dashboard (SR-5, SLA-4, FS-11) ----------------------------------------------------------------------------

export const ZTicketDashboard = z.object({
  asOf: z.string(),
  byState: z.array(z.object({ state: ZTicketState, count: z.number() })),
  byPriority: z.array(z.object({ priority: ZPriority, count: z.number() })),
  breached: z.array(ZTicketSummary),
  nearBreach: z.array(ZTicketSummary),
  unassigned: z.array(ZTicketSummary),
  load: z.array(z.object({ userId: z.number(), name: z.string(), open: z.number(), breached: z.number() })),
  todayUnsolved: z.array(ZTicketSummary).describe('FS-11: open requests for the evening stand-up'),
  openEscalations: z.array(ZTicketEscalation.extend({ ticketId: z.number(), ticketNumber: z.string() })),
});
export type TTicketDashboard = z.infer<typeof ZTicketDashboard>;
