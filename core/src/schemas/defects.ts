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
