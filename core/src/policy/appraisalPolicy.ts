import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZCount, ZDayOfMonth, ZDays, ZFen, ZItemId, ZLocalizedText, ZPoints } from './primitives';

/** AP-3: a leaf item of the weighted score. */
export const ZAppraisalSubItem = z.strictObject({
  id: ZItemId,
  name: ZLocalizedText,
  weight: ZPoints,
  description: ZLocalizedText.optional(),
});
export type TAppraisalSubItem = z.infer<typeof ZAppraisalSubItem>;

/** AP-3: a top item; when it has children their weights sum to its weight. */
export const ZAppraisalItem = z.strictObject({
  id: ZItemId,
  name: ZLocalizedText,
  weight: ZPoints,
  description: ZLocalizedText.optional(),
  children: z.array(ZAppraisalSubItem),
});
export type TAppraisalItem = z.infer<typeof ZAppraisalItem>;

/** AP-2: who reviews in turn. */
export const ZApprover = z.enum(['departmentManager', 'vp', 'gm']);

export const ZSchemeA = z.strictObject({
  /** AP-1: proposed before this day of each month. */
  proposalDueDay: ZDayOfMonth,
  /** AP-2: initial review → review → approval. */
  approvalChain: z.array(ZApprover).min(1),
  /** AP-3: the full score. */
  total: ZPoints,
  items: z.array(ZAppraisalItem).min(1),
  /**
   * AP-3: the item computed from data: score = weight × min(1, devices × failure rate ÷ fullMarksAt), rounded half up
   * to 0.1 point (the region's devices times their monthly failure rate = the failures expected in a month).
   */
  workload: z.strictObject({ itemId: ZItemId, fullMarksAt: zInt().min(1) }),
  /** AP-4: A ≥ aMinScore, B ≥ bMinScore, C below. */
  grades: z.strictObject({ aMinScore: ZPoints, bMinScore: ZPoints }),
  /** AP-5: grades in a year that trigger promotion / demotion. */
  annual: z.strictObject({ promotionACount: ZCount, demotionCCount: ZCount }),
  /** AP-6: monthly best employees. */
  bestEmployee: z.strictObject({ perMonth: ZCount, bonusFen: ZFen }),
});
export type TSchemeA = z.infer<typeof ZSchemeA>;

/** A count of events within a window of months. */
export const ZEventWindow = z.strictObject({ count: zInt().min(1), months: zInt().min(1) });
export type TEventWindow = z.infer<typeof ZEventWindow>;

export const ZSchemeBEngineer = z.strictObject({
  fines: z.strictObject({
    /** AP-7: estimated duration overrun without force majeure. */
    estimateOverrun: ZFen,
    /** AP-8: each 差 (poor) rating. */
    eachPoorRating: ZFen,
    /** AP-8: fairRatingsCount 中 in one service or in a row. */
    fairRatings: ZFen,
    /** AP-9: each late weekly report. */
    weeklyReportLate: ZFen,
    /** AP-10: each failed training exam. */
    examFailed: ZFen,
    /** AP-11: each Class I incident. */
    classIIncident: ZFen,
    /** AP-11: each Class II incident. */
    classIIIncident: ZFen,
  }),
  /** AP-8: this many 中 (fair) ratings trigger the fine. */
  fairRatingsCount: zInt().min(1),
  /** AP-8: counted within one service. */
  fairRatingsInOneService: z.boolean(),
  /** AP-8: counted in a row across services. */
  fairRatingsInARow: z.boolean(),
  /** AP-9: a letter without the customer's signature, or a forged one, counts as this many 差. */
  missingSignatureAsPoorRatings: ZCount,
  /** AP-10: total exam failures that lead to a salary downgrade proposal. */
  examFailuresForDowngrade: zInt().min(1),
  /** AP-12: Class I incidents within months → salary downgrade proposed. */
  downgradeClassI: ZEventWindow,
  /** AP-12: Class I or Class II incidents within months → dismissal proposed. */
  dismissal: z.strictObject({
    classICount: zInt().min(1),
    classIICount: zInt().min(1),
    months: zInt().min(1),
  }),
  /** AP-13: consecutive clean months (no incident, all ratings 良 or better, documents complete) → bonus. */
  cleanMonthsBonus: z.strictObject({ months: zInt().min(1), bonusFen: ZFen }),
});
export type TSchemeBEngineer = z.infer<typeof ZSchemeBEngineer>;

export const ZSchemeBSupervisor = z.strictObject({
  fines: z.strictObject({
    /** AP-14: weekly report, monthly report or incident notice late, each. */
    lateReport: ZFen,
    /** AP-14: department Class I incident. */
    departmentClassI: ZFen,
    /** AP-14: department Class II incident. */
    departmentClassII: ZFen,
    /** AP-14: tolerating a missing or forged customer signature, each. */
    toleratedMissingSignature: ZFen,
  }),
  /** AP-14: department Class I incidents within months → supervisor salary downgrade proposed. */
  downgradeClassI: ZEventWindow,
  /** AP-14: months without a department Class I incident → bonus. */
  noClassIBonus: z.strictObject({ months: zInt().min(1), bonusFen: ZFen }),
});
export type TSchemeBSupervisor = z.infer<typeof ZSchemeBSupervisor>;

/** AP-16/AP-16b: the KPI review. */
export const ZKpiPolicy = z
  .strictObject({
    /** AP-16: self-appraisal + superior + customer, consolidated by HR with these weights (percent, summing to 100). */
    weights: z.strictObject({ self: zInt().min(0).max(100), superior: zInt().min(0).max(100), customer: zInt().min(0).max(100) }),
    /** AP-16b: an item below this (percent) is weak and proposes targeted training. */
    weakBelowPercent: zInt().min(0).max(100),
    /** AP-16: the monthly review within the first this many days of the next month. */
    monthlyReviewDueDay: ZDayOfMonth,
    /** AP-16: the annual review in this month of the next year. */
    annualReviewMonth: zInt().min(1).max(12),
  })
  .refine((k) => k.weights.self + k.weights.superior + k.weights.customer === 100, {
    message: 'the weights sum to 100',
    path: ['weights'],
  });
export type TKpiPolicy = z.infer<typeof ZKpiPolicy>;

export const ZAppraisalPolicy = z.strictObject({
  /** Which scheme runs: A (weighted score), B (fines and bonuses from events) or both. */
  activeScheme: z.enum(['A', 'B', 'both']),
  /** AP-15: last month's sheet within the first this many working days. */
  sheetDueWorkingDays: ZDays,
  schemeA: ZSchemeA,
  schemeB: z.strictObject({ engineer: ZSchemeBEngineer, supervisor: ZSchemeBSupervisor }),
  kpi: ZKpiPolicy,
});
export type TAppraisalPolicy = z.infer<typeof ZAppraisalPolicy>;
