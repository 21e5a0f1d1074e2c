import { z } from 'zod';
import { ZDate, ZRef, ZVersion, zInt } from './common';

/**
 * SR-15: a product defect or quality problem found while servicing a request, sent to R&D or production as a tracked
 * report with an owner (who answers) and a target date; the answer is fed back to the request's timeline.
 */
export const DEFECT_TARGETS = ['rnd', 'production'] as const;
export const ZDefectTarget = z.enum(DEFECT_TARGETS);
export const ZDefectStatus = z.enum(['open', 'answered']);

export const ZDefectReport = z.object({
  id: zInt().positive(),
  ticketId: zInt().positive(),
  ticketNumber: z.string(),
  target: ZDefectTarget,
  description: z.string(),
  ownerId: zInt().positive(),
  ownerName: z.string(),
  targetDate: z.string(),
  status: ZDefectStatus,
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: zInt().nonnegative(),
});
export type TDefectReport = z.infer<typeof ZDefectReport>;

export const ZDefectReportCreate = z.strictObject({
  target: ZDefectTarget,
  description: z.string().trim().min(1).max(5000),
  ownerId: ZRef,
  targetDate: ZDate,
});
export type TDefectReportCreate = z.input<typeof ZDefectReportCreate>;

export const ZDefectAnswer = z.strictObject({ version: ZVersion, answer: z.string().trim().min(1).max(5000) });
export type TDefectAnswer = z.input<typeof ZDefectAnswer>;

export const ZDefectQuery = z.strictObject({ status: ZDefectStatus.optional() });

/**
 * SR-15 (「复杂故障由团队讨论后确定解决方案」): a complex fault behind a defect report is discussed by a team — the
 * participants named when it is raised, their comments, and the conclusion recorded (fed back to the request). The
 * report is answered only once its discussion is concluded.
 */
export const ZDefectDiscussionStatus = z.enum(['open', 'concluded']);
export const ZDefectDiscussionComment = z.object({
  id: zInt().positive(),
  authorId: zInt().positive(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type TDefectDiscussionComment = z.infer<typeof ZDefectDiscussionComment>;

export const ZDefectDiscussion = z.object({
  id: zInt().positive(),
  defectId: zInt().positive(),
  topic: z.string(),
  status: ZDefectDiscussionStatus,
  participants: z.array(z.object({ id: zInt().positive(), name: z.string() })),
  comments: z.array(ZDefectDiscussionComment),
  conclusion: z.string().nullable(),
  concludedByName: z.string().nullable(),
  concludedAt: z.string().nullable(),
  createdById: zInt().positive(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: zInt().nonnegative(),
});
export type TDefectDiscussion = z.infer<typeof ZDefectDiscussion>;

export const ZDefectDiscussionResult = z.object({ discussion: ZDefectDiscussion.nullable() });
export type TDefectDiscussionResult = z.infer<typeof ZDefectDiscussionResult>;

/** At least two people discuss (the one raising it is always a participant); at most 30, no repeats. */
export const ZDefectDiscussionOpen = z.strictObject({
  topic: z.string().trim().min(1).max(2000),
  participantIds: z
    .array(ZRef)
    .min(1)
    .max(30)
    .refine((ids) => new Set(ids).size === ids.length, 'participants repeat'),
});
export type TDefectDiscussionOpen = z.input<typeof ZDefectDiscussionOpen>;

export const ZDefectDiscussionCommentCreate = z.strictObject({ body: z.string().trim().min(1).max(5000) });
export type TDefectDiscussionCommentCreate = z.input<typeof ZDefectDiscussionCommentCreate>;

export const ZDefectDiscussionConclude = z.strictObject({ version: ZVersion, conclusion: z.string().trim().min(1).max(5000) });
export type TDefectDiscussionConclude = z.input<typeof ZDefectDiscussionConclude>;
