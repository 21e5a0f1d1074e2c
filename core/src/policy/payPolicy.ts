import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZFen, ZItemId, ZLocalizedText, ZMonths } from './primitives';

/** PAY-1: a base pay tier and the clean record that earns it. */
export const ZBaseTier = z.strictObject({
  id: ZItemId,
  name: ZLocalizedText,
  monthlyFen: ZFen,
  /** Months without incident or fine (and exam passed or a major contribution) needed; 0 = starting pay. */
  cleanMonthsRequired: ZMonths,
  condition: ZLocalizedText,
});
export type TBaseTier = z.infer<typeof ZBaseTier>;

/** PAY-3/PAY-4: an engineer level with its monthly base pay. */
export const ZPayLevel = z.strictObject({
  id: ZItemId,
  level: zInt().min(1),
  monthlyFen: ZFen,
});
export type TPayLevel = z.infer<typeof ZPayLevel>;

/**
 * PAY-3: the weld (包焊接) unit price per metre of a pipe type's diameter band (the bands of reports.workVolume); the
 * install (包安装) price is the weld price × installMultiplierOfWeld; technical guidance (包技术指导) has its own price,
 * null where the documents name none (such lines are shown unpriced, never as zero).
 */
export const ZCommissionRate = z.strictObject({
  pipeType: ZItemId,
  band: ZItemId,
  weldFenPerMetre: ZFen,
  guidanceFenPerMetre: ZFen.nullable(),
});
export type TCommissionRate = z.infer<typeof ZCommissionRate>;

export const ZPayPolicy = z.strictObject({
  baseTiers: z.array(ZBaseTier).min(1),
  /** PAY-2: bonus by regional ranking. */
  rankingBonus: z.strictObject({
    periodMonths: zInt().min(1),
    /** The base the band coefficients multiply (fen per engineer and period). */
    baseFen: ZFen,
    /** Coefficients of the bands, best band first, each 0–1. */
    bandCoefficients: z.array(z.number().min(0).max(1)).min(1),
  }),
  /** PAY-3/PAY-4: engineer levels 1..n. */
  engineerLevels: z.array(ZPayLevel).min(1),
  /** PAY-3: a level-up needs this many months at the level and an exam. */
  levelUp: z.strictObject({ minMonths: ZMonths, examRequired: z.boolean() }),
  /** PAY-3: probation pay. */
  probation: z.strictObject({
    minMonths: ZMonths,
    maxMonths: ZMonths,
    baseFen: ZFen,
    postAllowanceFen: ZFen,
    pieceRateCommission: z.boolean(),
  }),
  /** PAY-3: piece-rate commission settlement. */
  commission: z.strictObject({
    paidMonthlyPercent: zInt().min(0).max(100),
    heldBackPercent: zInt().min(0).max(100),
    heldBackMonths: ZMonths,
    installMultiplierOfWeld: z.number().min(0),
    nonPieceWorkDailyFen: ZFen,
    rates: z.array(ZCommissionRate),
  }),
  /** PAY-5: the field allowance (野外补贴) of a person whose pay profile carries it. */
  fieldAllowanceFen: ZFen,
  /** PAY-5: the guaranteed minimum monthly pay (最低保障工资); a lower total is topped up to it. */
  guaranteedMinimumFen: ZFen,
  /**
   * AT-5b/PAY-5: overtime pay follows national rules: the hourly wage the overtime rates multiply is the month's base
   * pay ÷ (pay days a month × hours a day); national rules: 21.75 pay days (月计薪天数) × 8 hours.
   */
  overtime: z.strictObject({ monthlyPayDays: z.number().min(1).max(31), dailyHours: zInt().min(1).max(24) }),
  /** PAY-5/AP-16b: performance pay by the month's appraisal grade (the company sets the amounts). */
  performancePayFen: z.strictObject({ A: ZFen, B: ZFen, C: ZFen }),
});
export type TPayPolicy = z.infer<typeof ZPayPolicy>;
