import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZRef, ZVersion, zInt } from './common';
import { ZMonth } from './travel';

/**
 * The monthly appraisal (AP-1..AP-15, issue 16).
 *   GET  /appraisal-sheets?month=&view=mine|team     appraisal.self (mine) / appraisal.review (the sheets in scope)
 *   GET  /appraisal-scheme?month=                     appraisal.self: the items and weights in force, the due day, the chain
 *   GET  /appraisal-sheets/:id                        the owner or a reviewer in scope
 *   POST /appraisal-sheets/compute {month}            appraisal.review: draft (or recompute) the sheets in scope
 *   PUT  /appraisal-sheets/self {month, scores}       appraisal.self: the self-appraisal (自评), before the due day
 *   PUT  /appraisal-sheets/:id/review                 appraisal.review: the chain's score (manager, then VP) and adjustments
 *   POST /appraisal-sheets/:id/approve                appraisal.approve: the GM's final score and signature
 *   POST /appraisal-sheets/freeze {month}             appraisal.approve: a closed month's signed sheets become final
 *   POST /appraisal-sheets/:id/disputes               the owner disputes a line with a reason
 *   POST /appraisal-disputes/:id/decision             appraisal.review: upheld (with a correction) or rejected, with a reason
 */

export const ZAppraisalScores = z.record(z.string().max(64), zInt().min(0).max(1000));
export const ZAppraisalScorer = z.enum(['self', 'departmentManager', 'vp', 'gm']);

export const ZAppraisalLine = z.object({
  key: z.string(),
  kind: z.enum(['fine', 'bonus', 'score', 'grade', 'proposal', 'info', 'adjustment']),
  ruleId: z.string(),
  amountFen: zInt(),
  pointsTenths: zInt().nullable(),
  proposal: z.enum(['salaryDowngrade', 'dismissal', 'promotion', 'demotion']).nullable(),
  evidence: z.array(z.object({ type: z.string(), id: z.union([zInt(), z.string()]), ref: z.string().optional() })),
  explanation: ZExplanation,
});
export type TAppraisalLineOut = z.infer<typeof ZAppraisalLine>;

export const ZAppraisalDispute = z.object({
  id: zInt(),
  lineKey: z.string(),
  reason: z.string(),
  state: z.enum(['open', 'upheld', 'rejected']),
  decision: z.string().nullable(),
  amountFen: zInt().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: zInt(),
});
export type TAppraisalDispute = z.infer<typeof ZAppraisalDispute>;

export const ZAppraisalSheet = z.object({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  month: z.string(),
  state: z.enum(['draft', 'approved', 'final']),
  policyVersion: zInt().nullable(),
  inputsDigest: z.string(),
  grade: z.enum(['A', 'B', 'C']).nullable(),
  totalTenths: zInt().nullable(),
  amountFen: zInt(),
  lines: z.array(ZAppraisalLine),
  scores: z.partialRecord(ZAppraisalScorer, ZAppraisalScores),
  scorers: z.partialRecord(ZAppraisalScorer, z.object({ id: zInt(), name: z.string(), at: z.string() })),
  /** AP-1: the self-appraisal is due before this date (company-local). */
  selfDueDate: z.string(),
  /** AP-2: the next step of the chain that scores, null once the GM signed. */
  nextStep: ZAppraisalScorer.nullable(),
  computedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  frozenAt: z.string().nullable(),
  disputes: z.array(ZAppraisalDispute),
  version: zInt(),
});
export type TAppraisalSheet = z.infer<typeof ZAppraisalSheet>;

export const ZAppraisalListQuery = z.strictObject({
  month: ZMonth,
  view: z.enum(['mine', 'team']).default('mine'),
});
export type TAppraisalListQuery = z.infer<typeof ZAppraisalListQuery>;

export const ZAppraisalMonthBody = z.strictObject({ month: ZMonth });

export const ZSelfAppraisal = z.strictObject({ month: ZMonth, scores: ZAppraisalScores });
export type TSelfAppraisal = z.infer<typeof ZSelfAppraisal>;

const ZReason = z.string().trim().min(2).max(500);

export const ZAppraisalAdjustment = z.strictObject({
  /** Signed fen: negative deducts, positive adds. */
  amountFen: z
    .number()
    .int()
    .min(-10_000_000)
    .max(10_000_000)
    .refine((n) => n !== 0, 'an adjustment is not zero'),
  reason: ZReason,
});

export const ZAppraisalReview = z.strictObject({
  version: ZVersion,
  scores: ZAppraisalScores,
  adjustments: z.array(ZAppraisalAdjustment).max(20).default([]),
});
export type TAppraisalReview = z.infer<typeof ZAppraisalReview>;

export const ZAppraisalApprove = z.strictObject({ version: ZVersion, scores: ZAppraisalScores });
export type TAppraisalApprove = z.infer<typeof ZAppraisalApprove>;

export const ZAppraisalDisputeCreate = z.strictObject({ lineKey: z.string().min(1).max(200), reason: ZReason });
export type TAppraisalDisputeCreate = z.infer<typeof ZAppraisalDisputeCreate>;

export const ZAppraisalDisputeDecision = z.strictObject({
  version: ZVersion,
  upheld: z.boolean(),
  reason: ZReason,
  /** When upheld: the signed correction booked on the sheet (e.g. 5000 to take back a 50-yuan fine). */
  amountFen: zInt().min(-10_000_000).max(10_000_000).nullable().default(null),
});
export type TAppraisalDisputeDecision = z.infer<typeof ZAppraisalDisputeDecision>;

export const ZAppraisalFreezeResult = z.object({ frozen: zInt(), notSigned: z.array(ZRef) });

const ZText = z.object({ 'zh-CN': z.string(), en: z.string() });

/** AP-1..AP-4: what the self-appraisal form and the reviewers score, from the policy in force for the month. */
export const ZAppraisalScheme = z.object({
  month: z.string(),
  policyVersion: zInt(),
  activeScheme: z.enum(['A', 'B', 'both']),
  selfDueDate: z.string(),
  chain: z.array(ZAppraisalScorer),
  grades: z.object({ aMinScore: zInt(), bMinScore: zInt() }),
  items: z.array(
    z.object({
      id: z.string(),
      group: ZText.nullable(),
      name: ZText,
      weight: zInt(),
      description: ZText.nullable(),
      /** AP-3: computed from data when the data is recorded (the workload item). */
      computed: z.boolean(),
    }),
  ),
});
export type TAppraisalScheme = z.infer<typeof ZAppraisalScheme>;
export const ZAppraisalMonthQuery = z.strictObject({ month: ZMonth });
