import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZDateInRange, ZListQuery, ZRef, ZVersion, orderedDates, zInt } from './common';

// SR-11b: periodic satisfaction surveys (满意度调查) of customer contacts, by e-mail link or in the portal.
//
// API (under /api/v1):
//   POST /surveys                         surveys.manage  a round: questionnaire, period, customers; invitations e-mailed
//   GET  /surveys                         surveys.read    rounds with their response counts
//   GET  /surveys/:id                     surveys.read    one round with its invitations
//   GET  /surveys/:id/results?by=         surveys.read    answers aggregated per customer, engineer or region
//   POST /surveys/:id/close               surveys.manage  stop taking answers
//   GET  /portal/surveys                  surveys.answer  a customer contact's open questionnaires
//   POST /portal/surveys/:invitationId    surveys.answer  answer in the portal (once per contact and round)
//   GET  /public/surveys/:token           (no account)    the questionnaire behind an e-mailed link
//   POST /public/surveys/:token           (no account)    answer it (once; the link expires)

export const SURVEY_QUESTION_KINDS = ['rating', 'text'] as const;
export const ZSurveyGrade = z.enum(['excellent', 'good', 'fair', 'poor']);

export const ZSurveyQuestion = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'an id of letters, digits, - or _'),
  kind: z.enum(SURVEY_QUESTION_KINDS),
  text: z.strictObject({ 'zh-CN': z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }),
  required: z.boolean().default(true),
});
export type TSurveyQuestion = z.infer<typeof ZSurveyQuestion>;

export const ZSurveyCreate = orderedDates(
  z.strictObject({
    title: z.string().trim().min(1).max(200),
    /** Default: the survey period before today's (SR-11b interval). */
    periodStart: ZDateInRange.optional(),
    periodEnd: ZDateInRange.optional(),
    questions: z
      .array(ZSurveyQuestion)
      .min(1)
      .max(30)
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must be unique'),
    /** Default: every customer with at least one contact. */
    customerIds: z.array(ZRef).max(5000).optional(),
  }),
  'periodStart',
  'periodEnd',
  'SR-11b',
);
export type TSurveyCreate = z.input<typeof ZSurveyCreate>;

export const SURVEY_STATUSES = ['open', 'closed'] as const;
export const ZSurveyInvitation = z.strictObject({
  id: zInt(),
  customerId: zInt(),
  customerName: z.string(),
  contactId: zInt(),
  contactName: z.string(),
  email: z.string().nullable(),
  mailed: z.boolean(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
  channel: z.enum(['link', 'portal']).nullable(),
});
export type TSurveyInvitation = z.infer<typeof ZSurveyInvitation>;

export const ZSurvey = z.strictObject({
  id: zInt(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  questions: z.array(ZSurveyQuestion),
  status: z.enum(SURVEY_STATUSES),
  sentAt: z.string(),
  closesAt: z.string(),
  invited: zInt(),
  answered: zInt(),
  /** SR-11b: how the round came about (the interval of the policy, or by hand). */
  explanation: ZExplanation,
  createdByName: z.string().nullable(),
  policyVersion: zInt().nullable(),
  version: zInt(),
});
export type TSurvey = z.infer<typeof ZSurvey>;
export const ZSurveyDetail = ZSurvey.extend({ invitations: z.array(ZSurveyInvitation) }).strict();
export type TSurveyDetail = z.infer<typeof ZSurveyDetail>;

export const ZSurveyClose = z.strictObject({ version: ZVersion });

export const ZSurveyResultsQuery = z.strictObject({ by: z.enum(['customer', 'engineer', 'region', 'all']).default('customer') });
const ZCounts = z.strictObject({ excellent: z.number(), good: z.number(), fair: z.number(), poor: z.number() });
export const ZSurveyResultGroup = z.strictObject({
  key: zInt().nullable(),
  name: z.string(),
  responses: zInt(),
  ratings: zInt(),
  counts: ZCounts,
  averagePoints: z.number().nullable(),
  satisfiedPercent: z.number().nullable(),
  questions: z.array(z.strictObject({ questionId: z.string(), ratings: zInt(), counts: ZCounts, satisfiedPercent: z.number().nullable() })),
  explanation: ZExplanation,
});
export const ZSurveyResults = z.strictObject({
  by: z.enum(['customer', 'engineer', 'region', 'all']),
  groups: z.array(ZSurveyResultGroup),
  comments: z.array(z.strictObject({ customerName: z.string(), contactName: z.string(), questionId: z.string(), text: z.string() })),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;

/** An answer: a grade for each rating question, text for each text question (keys are question ids). */
export const ZSurveyAnswer = z.strictObject({
  answers: z
    .record(z.string().max(40), z.union([ZSurveyGrade, z.string().trim().max(2000)]))
    .refine((a) => Object.keys(a).length <= 30, 'at most 30 answers'),
});
export type TSurveyAnswer = z.infer<typeof ZSurveyAnswer>;

/** The questionnaire as the contact sees it (link or portal). */
export const ZSurveyForm = z.strictObject({
  invitationId: zInt(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  customerName: z.string(),
  contactName: z.string(),
  questions: z.array(ZSurveyQuestion),
  state: z.enum(['open', 'answered', 'expired', 'closed']),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type TSurveyForm = z.infer<typeof ZSurveyForm>;
export const ZSurveyFormList = z.strictObject({ items: z.array(ZSurveyForm) });
export type TSurveyFormList = z.infer<typeof ZSurveyFormList>;
export const ZSurveyTokenParams = z.strictObject({ token: z.string().min(10).max(300) });
export const ZSurveyListQuery = ZListQuery;
export const ZSurveyAnswered = z.strictObject({ ok: z.literal(true), answeredAt: z.string() });
