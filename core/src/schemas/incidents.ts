import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZComplaintLevel } from '../policy/incidentsPolicy';
import { ZInstantInRange, ZListQuery, ZLocalizedName, ZRef, ZVersion, zInt, zIntText } from './common';

// SR-14: complaints (客户投诉/抱怨); IN-1..3: service incidents (服务事故), their reflection (事故反思) and the review
// and incident notice (事故通报).
//
// API (under /api/v1):
//   POST /complaints                      incidents.report  register a complaint: who, to whom, about whom and what
//   GET  /complaints?status=&aboutUserId= incidents.read    complaints in scope (engineers: those about them)
//   GET  /complaints/:id                  incidents.read    one complaint with its proposed incident class
//   POST /complaints/:id/acknowledge      incidents.manage  the department takes it up
//   POST /complaints/:id/handle           incidents.manage  what was done about it
//   POST /complaints/:id/confirmation     incidents.manage  the customer confirms (closed) or is not satisfied (handled again)
//   POST /complaints/:id/incident         incidents.manage  raise the incident its level proposes (IN-1/IN-2)
//   POST /incidents                       incidents.manage  an incident by the policy's definitions, linked to what it concerns
//   GET  /incidents?status=&classId=      incidents.read    incidents in scope (engineers: their own)
//   GET  /incidents/:id                   incidents.read    one incident with its due documents
//   PATCH /incidents/:id                  incidents.manage  correct its class, engineer or text (an open month only)
//   POST /incidents/:id/resolve           incidents.manage  resolved: the reflection, the review and the notice fall due (IN-1, IN-3)
//   POST /incidents/:id/reflection        (the engineer)    the engineer's reflection (事故反思)
//   POST /incidents/:id/review            incidents.manage  the supervisor's review with the engineer (事故总结, IN-3)
//   POST /incidents/:id/notice            incidents.manage  the incident notice (事故通报), with the review when not filed yet
//   POST /incidents/:id/void              incidents.manage  recorded in error (with the reason; an open month only)
//   POST /incidents/:id/adjustments       incidents.manage  a closed month's incident corrected as an adjustment of the next month

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// Complaints (SR-14) -----------------------------------------------------------------------------------------------

export const COMPLAINT_STATUSES = ['open', 'acknowledged', 'handled', 'closed'] as const;
export const ZComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type TComplaintStatus = z.infer<typeof ZComplaintStatus>;

export const CONFIRMATION_CHANNELS = ['phone', 'email', 'visit', 'portal', 'letter'] as const;
export const ZConfirmationChannel = z.enum(CONFIRMATION_CHANNELS);

export const ZComplaintCreate = z.strictObject({
  customerId: ZRef.describe('The customer who complained'),
  contactId: ZRef.nullable().optional().describe('The complaining contact, when on file'),
  complainantName: text(100).describe('Who complained'),
  complainantPhone: optionalText(40),
  level: ZComplaintLevel.describe('To whom: vpOrAbove (副总以上), salesManager (销售经理), salesAdmin (销售内勤), service (服务部)'),
  recipientName: text(100).describe('The person the complaint reached, e.g. 李副总'),
  receivedAt: ZInstantInRange.describe('When it was received'),
  aboutUserId: ZRef.nullable().optional().describe('The engineer complained about (none: the complaint is about something else)'),
  subject: text(200).describe('What about'),
  description: text(5000),
  ticketId: ZRef.nullable().optional().describe('The service request it concerns'),
  letterId: ZRef.nullable().optional().describe('The visit (responsibility letter) it concerns'),
  productId: ZRef.nullable().optional().describe('The product concerned (its experts are R&D for a Class I)'),
});
export type TComplaintCreate = z.infer<typeof ZComplaintCreate>;

export const ZIncidentClassProposal = z.strictObject({ classId: z.enum(['I', 'II']).nullable(), explanation: ZExplanation });

export const ZComplaint = z.strictObject({
  id: zInt(),
  customerId: zInt(),
  customerName: z.string(),
  contactId: zInt().nullable(),
  complainantName: z.string(),
  complainantPhone: z.string().nullable(),
  level: ZComplaintLevel,
  recipientName: z.string(),
  receivedAt: z.string(),
  aboutUserId: zInt().nullable(),
  aboutUserName: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  ticketId: zInt().nullable(),
  ticketNumber: z.string().nullable(),
  letterId: zInt().nullable(),
  productId: zInt().nullable(),
  productName: z.string().nullable(),
  status: ZComplaintStatus,
  /** SR-14 → IN-1/IN-2: the class its level proposes by the policy in force when received. */
  proposal: ZIncidentClassProposal,
  incidentId: zInt().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  handling: z.string().nullable(),
  handledAt: z.string().nullable(),
  handledByName: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmationChannel: ZConfirmationChannel.nullable(),
  confirmationNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  policyVersion: zInt().nullable(),
  createdAt: z.string(),
  version: zInt(),
});
export type TComplaint = z.infer<typeof ZComplaint>;

export const ZComplaintAcknowledge = z.strictObject({ version: ZVersion, note: optionalText(2000) });
export const ZComplaintHandle = z.strictObject({ version: ZVersion, handling: text(5000).describe('What was done about it') });
export const ZComplaintConfirmation = z.strictObject({
  version: ZVersion,
  satisfied: z.boolean().describe('false: the customer is not satisfied and the complaint is handled again'),
  confirmedBy: text(100).describe('The customer person who confirmed'),
  channel: ZConfirmationChannel,
  note: optionalText(2000),
});
export type TComplaintConfirmation = z.infer<typeof ZComplaintConfirmation>;
export const ZComplaintRaise = z.strictObject({
  version: ZVersion,
  classId: z.enum(['I', 'II']).optional().describe('Default: the class the complaint proposes'),
});

export const ZComplaintListQuery = ZListQuery.extend({
  status: ZComplaintStatus.optional(),
  aboutUserId: zIntText().positive().optional(),
  customerId: zIntText().positive().optional(),
}).strict();
export type TComplaintListQuery = z.infer<typeof ZComplaintListQuery>;

// Incidents (IN-1..3) ----------------------------------------------------------------------------------------------

export const INCIDENT_STATUSES = ['open', 'resolved', 'closed', 'void'] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export type TIncidentStatus = z.infer<typeof ZIncidentStatus>;

/** Which definition of the policy the incident meets: a complaint's level (IN-1/IN-2), improper operation (IN-1), a late report (IN-2). */
export const INCIDENT_BASES = ['complaint', 'improperOperation', 'lateReport'] as const;
export const ZIncidentBasis = z.enum(INCIDENT_BASES);
export type TIncidentBasis = z.infer<typeof ZIncidentBasis>;

export const ZIncidentCreate = z.strictObject({
  /** Required (IN-1/IN-2): checked by the service so the refusal names the rule. */
  classId: z.enum(['I', 'II']).nullable().optional().describe('I or II, by the policy’s definitions'),
  basis: ZIncidentBasis,
  engineerId: ZRef.describe('The engineer responsible'),
  /** At least one of these: what the incident concerns (checked by the service). */
  ticketId: ZRef.nullable().optional(),
  letterId: ZRef.nullable().optional(),
  complaintId: ZRef.nullable().optional(),
  /** IN-1: the product concerned (default: the request's); its experts are R&D for a Class I. */
  productId: ZRef.nullable().optional(),
  title: text(200),
  description: text(5000),
  occurredAt: ZInstantInRange,
});
export type TIncidentCreate = z.infer<typeof ZIncidentCreate>;

export const ZIncidentUpdate = z.strictObject({
  version: ZVersion,
  classId: z.enum(['I', 'II']).optional(),
  basis: ZIncidentBasis.optional(),
  engineerId: ZRef.optional(),
  title: text(200).optional(),
  description: text(5000).optional(),
  reason: text(1000).describe('Why it is corrected (kept in the audit log)'),
});
export type TIncidentUpdate = z.infer<typeof ZIncidentUpdate>;

export const ZIncidentResolve = z.strictObject({
  version: ZVersion,
  resolution: text(5000),
  resolvedAt: ZInstantInRange.optional().describe('Default: now'),
});
export const ZIncidentReflection = z.strictObject({ version: ZVersion, text: text(20000) });
/** IN-3: the supervisor's review held with the engineer (事故总结): causes and lessons. */
export const ZIncidentReview = z.strictObject({ version: ZVersion, text: text(20000) });
export const ZIncidentNotice = z.strictObject({
  version: ZVersion,
  review: text(20000)
    .optional()
    .describe('The review held with the engineer: causes and lessons (required unless it was filed already through /review)'),
  notice: text(20000).describe('The incident notice (事故通报) sent to the department'),
});
export const ZIncidentVoid = z.strictObject({ version: ZVersion, reason: text(1000) });
/** A closed month's incident corrected as an adjustment of the next open month: its right class, or that it should not count. */
export const ZIncidentAdjustmentCreate = z.strictObject({
  classId: z.enum(['I', 'II']).optional().describe('The class it should have had; omitted: it should not count at all'),
  reason: text(1000),
});
export type TIncidentAdjustmentCreate = z.infer<typeof ZIncidentAdjustmentCreate>;

/** A document the incident asks for: its due time, when it was filed, and on time or late (the obligation's judgement). */
export const ZIncidentDocument = z.strictObject({
  kind: z.enum(['reflection', 'review', 'notice']),
  required: z.boolean(),
  ownerId: zInt().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string().nullable(),
  dueExplanation: ZExplanation.nullable(),
  filedAt: z.string().nullable(),
  filedByName: z.string().nullable(),
  text: z.string().nullable(),
  /** open, onTime, late, excused — from the obligation. */
  state: z.enum(['notDue', 'open', 'overdue', 'onTime', 'late', 'excused']),
  stateExplanation: ZExplanation.nullable(),
  obligationId: zInt().nullable(),
});
export type TIncidentDocument = z.infer<typeof ZIncidentDocument>;

export const ZIncident = z.strictObject({
  id: zInt(),
  classId: z.enum(['I', 'II']),
  className: ZLocalizedName,
  basis: ZIncidentBasis,
  classExplanation: ZExplanation,
  engineerId: zInt(),
  engineerName: z.string(),
  ticketId: zInt().nullable(),
  ticketNumber: z.string().nullable(),
  letterId: zInt().nullable(),
  complaintId: zInt().nullable(),
  customerId: zInt().nullable(),
  customerName: z.string().nullable(),
  productId: zInt().nullable(),
  productName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  occurredAt: z.string(),
  status: ZIncidentStatus,
  /** IN-1: a Class I mobilises all resources, R&D included, at once: who was alerted and when. */
  mobilisedAt: z.string().nullable(),
  alerted: z.array(z.strictObject({ id: zInt(), name: z.string(), role: z.enum(['supervisor', 'rnd', 'management']) })),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  documents: z.array(ZIncidentDocument),
  review: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  policyVersion: zInt().nullable(),
  createdAt: z.string(),
  version: zInt(),
});
export type TIncident = z.infer<typeof ZIncident>;

export const ZIncidentListQuery = ZListQuery.extend({
  status: ZIncidentStatus.optional(),
  classId: z.enum(['I', 'II']).optional(),
  engineerId: zIntText().positive().optional(),
  /** mine: incidents of mine and documents I owe. */
  view: z.enum(['all', 'mine']).default('all'),
}).strict();
export type TIncidentListQuery = z.infer<typeof ZIncidentListQuery>;
