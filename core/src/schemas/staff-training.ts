import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZDateInRange, ZInstantInRange, ZListQuery, ZRef, ZVersion, zInt, zIntText } from './common';

// TRN-1..3: internal training (内部培训) of the department's own staff — not the customer training of FS-14 (/trainings).
//
// API (under /api/v1/staff-training):
//   GET/POST /sessions, GET/PATCH /sessions/:id, PUT /sessions/:id/attendance     TRN-1 sessions and attendance
//   GET/POST /questions, PATCH /questions/:id                                     TRN-1 the question bank per product
//   GET/POST /exams, GET /exams/:id                                               TRN-1 exam on the day, TRN-3 knowledge exams
//   POST /exams/:id/answers                                                       a candidate answers (once, while open)
//   POST /exams/:id/attempts/:attemptId/grade                                     the trainer grades the written answers
//   POST /exams/:id/close                                                         the trainer closes it early
//   GET  /results?userId=&from=&to=                                               results per person (AP-10 facts)
//   GET/POST /certificates, PATCH /certificates/:id                               TRN-3 professional certificates
//   GET/POST /test-tasks, PATCH /test-tasks/:id                                   TRN-2 product test tasks with R&D
// Reading needs training.attend (one's own) or training.manage (the department's); changing needs training.manage,
// except answering one's own exam, one's own certificates and progress on one's own test tasks.

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ordered = <T extends z.ZodType<Record<string, unknown>>>(schema: T, start: string, end: string, ruleId: string) =>
  schema.superRefine((v, ctx) => {
    const [a, b] = [v[start], v[end]];
    if (typeof a === 'string' && typeof b === 'string' && Date.parse(b) <= Date.parse(a))
      ctx.addIssue({ code: 'custom', path: [end], message: `must be after ${start} (${a})`, params: { ruleId } });
  });

// Sessions (TRN-1) -------------------------------------------------------------------------------------------------

export const STAFF_TRAINING_KINDS = ['onboarding', 'product', 'skills', 'external'] as const;
export const ZStaffTrainingKind = z.enum(STAFF_TRAINING_KINDS);
export const ATTENDANCE_STATES = ['invited', 'present', 'absent', 'excused'] as const;
export const ZAttendanceState = z.enum(ATTENDANCE_STATES);

const sessionFields = {
  kind: ZStaffTrainingKind,
  title: text(200),
  productId: ZRef.nullable().optional(),
  trainerId: ZRef.nullable().optional().describe('The internal trainer'),
  trainerName: optionalText(100).describe('An external trainer or institution'),
  startsAt: ZInstantInRange,
  endsAt: ZInstantInRange,
  location: optionalText(200),
  description: optionalText(5000),
};
export const ZStaffSessionCreate = ordered(
  z.strictObject({ ...sessionFields, attendeeIds: z.array(ZRef).max(500).default([]) }),
  'startsAt',
  'endsAt',
  'TRN-1',
);
export type TStaffSessionCreate = z.input<typeof ZStaffSessionCreate>;
export const ZStaffSessionUpdate = z.strictObject({
  version: ZVersion,
  title: text(200).optional(),
  location: optionalText(200),
  description: optionalText(5000),
  status: z.enum(['planned', 'held', 'cancelled']).optional(),
});
export const ZStaffAttendance = z.strictObject({
  version: ZVersion,
  attendees: z.array(z.strictObject({ userId: ZRef, status: ZAttendanceState })).max(500),
});
export const ZStaffSession = z.strictObject({
  id: zInt(),
  kind: ZStaffTrainingKind,
  title: z.string(),
  productId: zInt().nullable(),
  productName: z.string().nullable(),
  trainerId: zInt().nullable(),
  trainerName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(['planned', 'held', 'cancelled']),
  attendees: z.array(z.strictObject({ userId: zInt(), name: z.string(), status: ZAttendanceState })),
  examIds: z.array(zInt()),
  version: zInt(),
});
export type TStaffSession = z.infer<typeof ZStaffSession>;

// The question bank (TRN-1) ----------------------------------------------------------------------------------------

export const ZQuestionKind = z.enum(['single', 'multiple', 'written']);
const ZOption = z.strictObject({ id: z.string().regex(/^[a-z0-9]{1,8}$/), text: text(500) });
const questionShape = {
  productId: ZRef.nullable().optional().describe('The product it tests; none: general knowledge'),
  kind: ZQuestionKind,
  text: text(2000),
  options: z.array(ZOption).max(10).default([]),
  correct: z.array(z.string().max(8)).max(10).default([]),
  points: zInt().min(1).max(1000),
};
/** Choice questions have 2+ options with unique ids and the right ones among them (one for single); written ones none. */
const checkQuestion = (q: { kind?: string; options?: { id: string }[]; correct?: string[] }, ctx: z.RefinementCtx) => {
  if (!q.kind) return;
  const options = q.options ?? [];
  const correct = q.correct ?? [];
  const ids = new Set(options.map((o) => o.id));
  if (q.kind === 'written') {
    if (options.length || correct.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a written question has no options', params: { ruleId: 'TRN-1' } });
    return;
  }
  if (options.length < 2 || ids.size !== options.length)
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least two options with unique ids', params: { ruleId: 'TRN-1' } });
  if (correct.length === 0 || !correct.every((c) => ids.has(c)) || new Set(correct).size !== correct.length)
    ctx.addIssue({ code: 'custom', path: ['correct'], message: 'name the right options by their ids', params: { ruleId: 'TRN-1' } });
  if (q.kind === 'single' && correct.length !== 1)
    ctx.addIssue({
      code: 'custom',
      path: ['correct'],
      message: 'a single choice has exactly one right option',
      params: { ruleId: 'TRN-1' },
    });
};
export const ZExamQuestionCreate = z.strictObject(questionShape).superRefine(checkQuestion);
export type TExamQuestionCreate = z.input<typeof ZExamQuestionCreate>;
export const ZExamQuestionUpdate = z
  .strictObject({ version: ZVersion, ...questionShape, active: z.boolean().default(true) })
  .superRefine(checkQuestion);
export const ZBankQuestion = z.strictObject({
  id: zInt(),
  productId: zInt().nullable(),
  productName: z.string().nullable(),
  kind: ZQuestionKind,
  text: z.string(),
  options: z.array(z.strictObject({ id: z.string(), text: z.string() })),
  correct: z.array(z.string()),
  points: zInt(),
  active: z.boolean(),
  version: zInt(),
});
export type TBankQuestion = z.infer<typeof ZBankQuestion>;
export const ZQuestionListQuery = ZListQuery.extend({
  productId: zIntText().positive().optional(),
  general: z.enum(['1', '0']).optional().describe('1: only questions without a product'),
}).strict();

// Exams (TRN-1, TRN-3) --------------------------------------------------------------------------------------------

export const ZExamKind = z.enum(['training', 'knowledge']);
export const ZExamCreate = ordered(
  z.strictObject({
    title: text(200),
    kind: ZExamKind.describe('training: on the day of a session (TRN-1); knowledge: an irregular knowledge exam (TRN-3)'),
    sessionId: ZRef.nullable().optional(),
    productId: ZRef.nullable().optional(),
    questionIds: z.array(ZRef).min(1).max(200),
    candidateIds: z.array(ZRef).min(1).max(500),
    opensAt: ZInstantInRange,
    closesAt: ZInstantInRange,
  }),
  'opensAt',
  'closesAt',
  'TRN-1',
);
export type TExamCreate = z.input<typeof ZExamCreate>;

export const ZExamResult = z.strictObject({
  attemptId: zInt(),
  examId: zInt(),
  examTitle: z.string(),
  examKind: ZExamKind,
  userId: zInt(),
  userName: z.string(),
  status: z.enum(['pending', 'submitted', 'graded', 'absent']),
  submittedAt: z.string().nullable(),
  points: zInt().nullable(),
  maxPoints: zInt(),
  percent: z.number().nullable(),
  passed: z.boolean().nullable(),
  gradedAt: z.string().nullable(),
  explanation: ZExplanation.nullable(),
  version: zInt(),
});
export type TExamResult = z.infer<typeof ZExamResult>;

const ZPaperQuestion = z.strictObject({
  id: zInt(),
  kind: ZQuestionKind,
  text: z.string(),
  options: z.array(z.strictObject({ id: z.string(), text: z.string() })),
  points: zInt(),
  /** Shown to the trainer, and to the candidate once graded. */
  correct: z.array(z.string()).nullable(),
});
export const ZExam = z.strictObject({
  id: zInt(),
  title: z.string(),
  kind: ZExamKind,
  sessionId: zInt().nullable(),
  productId: zInt().nullable(),
  productName: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.enum(['notOpen', 'open', 'closed']),
  passPercent: zInt(),
  maxPoints: zInt(),
  trainerId: zInt().nullable(),
  trainerName: z.string().nullable(),
  candidates: zInt(),
  submitted: zInt(),
  /** The paper: every question (the candidate sees no right answers until graded). */
  questions: z.array(ZPaperQuestion),
  /** The caller's own attempt, answers and result (a candidate). */
  mine: ZExamResult.extend({ answers: z.record(z.string(), z.unknown()).nullable() }).nullable(),
  /** Everyone's results (the trainer, training.manage). */
  results: z.array(ZExamResult.extend({ answers: z.record(z.string(), z.unknown()).nullable() })).nullable(),
  policyVersion: zInt().nullable(),
  version: zInt(),
});
export type TExam = z.infer<typeof ZExam>;
export const ZExamSummary = ZExam.omit({ questions: true, results: true, mine: true })
  .extend({ myStatus: ZExamResult.shape.status.nullable(), myPassed: z.boolean().nullable() })
  .strict();
export type TExamSummary = z.infer<typeof ZExamSummary>;

export const ZExamAnswers = z.strictObject({
  answers: z
    .record(
      z.string().regex(/^\d{1,10}$/),
      z.strictObject({ choices: z.array(z.string().max(8)).max(10).optional(), text: z.string().max(20000).optional() }),
    )
    .refine((a) => Object.keys(a).length <= 200, 'at most 200 answers'),
});
export type TExamAnswers = z.infer<typeof ZExamAnswers>;
export const ZExamGrade = z.strictObject({
  version: ZVersion,
  points: z.record(z.string().regex(/^\d{1,10}$/), zInt().min(0).max(1000)),
});
export const ZExamAttemptParams = z.strictObject({
  id: zIntText().positive(),
  attemptId: zIntText().positive(),
});
export const ZExamListQuery = ZListQuery.extend({ view: z.enum(['mine', 'all']).default('mine') }).strict();
export const ZResultsQuery = ZListQuery.extend({
  userId: zIntText().positive().optional(),
  from: ZDateInRange.optional(),
  to: ZDateInRange.optional(),
}).strict();

// Certificates (TRN-3) --------------------------------------------------------------------------------------------

const certificateShape = {
  name: text(200),
  issuer: optionalText(200),
  number: optionalText(100),
  issuedOn: ZDateInRange.nullable().optional(),
  expiresOn: ZDateInRange.nullable().optional().describe('None: does not expire'),
};
export const ZCertificateCreate = z.strictObject({ userId: ZRef.optional().describe('Default: yourself'), ...certificateShape });
export const ZCertificateUpdate = z.strictObject({ version: ZVersion, ...certificateShape });
export const ZCertificate = z.strictObject({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  name: z.string(),
  issuer: z.string().nullable(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  state: z.enum(['valid', 'expiring', 'expired', 'permanent']),
  daysLeft: zInt().nullable(),
  explanation: ZExplanation,
  remindedAt: z.string().nullable(),
  version: zInt(),
});
export type TCertificate = z.infer<typeof ZCertificate>;
export const ZCertificateListQuery = ZListQuery.extend({
  userId: zIntText().positive().optional(),
  state: z.enum(['valid', 'expiring', 'expired', 'permanent']).optional(),
}).strict();

// Product test tasks with R&D (TRN-2) -------------------------------------------------------------------------

export const TEST_TASK_KINDS = ['productTest', 'testDocument', 'userGuide', 'productionTask'] as const;
export const ZTestTaskKind = z.enum(TEST_TASK_KINDS);
export const ZTestTaskStatus = z.enum(['assigned', 'inProgress', 'done', 'cancelled']);
export const ZTestTaskCreate = z.strictObject({
  kind: ZTestTaskKind,
  title: text(200),
  productId: ZRef.nullable().optional(),
  assigneeId: ZRef,
  rndContact: optionalText(100).describe('The R&D colleague it is run with'),
  dueOn: ZDateInRange.nullable().optional(),
  description: optionalText(5000),
});
export const ZTestTaskUpdate = z.strictObject({
  version: ZVersion,
  status: ZTestTaskStatus.optional(),
  result: optionalText(20000).describe('Findings, the test document or user guide written'),
  dueOn: ZDateInRange.nullable().optional(),
});
export const ZTestTask = z.strictObject({
  id: zInt(),
  kind: ZTestTaskKind,
  title: z.string(),
  productId: zInt().nullable(),
  productName: z.string().nullable(),
  assigneeId: zInt(),
  assigneeName: z.string(),
  rndContact: z.string().nullable(),
  dueOn: z.string().nullable(),
  description: z.string().nullable(),
  status: ZTestTaskStatus,
  result: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Whether the assignee is travelling now (TRN-2: the work is done between trips). */
  assigneeTravelling: z.boolean(),
  createdByName: z.string().nullable(),
  version: zInt(),
});
export type TTestTask = z.infer<typeof ZTestTask>;
export const ZTestTaskListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'all']).default('mine'),
  status: ZTestTaskStatus.optional(),
}).strict();

export const ZStaffSessionListQuery = ZListQuery.extend({ view: z.enum(['mine', 'all']).default('mine') }).strict();
