import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { AWARD_STEPS, VETO_GROUNDS } from '../kpi/bestEmployee';
import { KPI_ITEMS } from '../kpi/kpi';
import { ZRef, ZVersion, zInt } from './common';
import { ZMonth } from './travel';

/*
 * AP-6 best employee and AP-16 KPIs.
 *   GET  /awards?month=                         awards.vote: the month's round (nominees while voting; candidates after)
 *   POST /awards/vote {month, nomineeId}        awards.vote: one anonymous vote a month, never for oneself
 *   POST /awards/close-voting {month}           awards.review: the tallies rank the candidates
 *   POST /award-candidates/:id/decision         awards.review (manager, VP) / awards.confirm (GM): approve or veto
 *   GET  /award-bonuses?month=                  awards.review: the month's confirmed bonuses (what pay reads)
 *   GET  /kpis?period=&view=mine|team           kpi.self / kpi.review / kpi.consolidate: the period's KPIs
 *   PUT  /kpis/self {period, scores}            kpi.self: my self-appraisal of the items
 *   PUT  /kpis/:id/superior {period, scores}    kpi.review: the superior's scores
 *   POST /kpis/:id/consolidate {period, version} kpi.consolidate: HR consolidates (the result is kept)
 */

export const ZAwardStep = z.enum(AWARD_STEPS);
export const ZVetoGround = z.enum(VETO_GROUNDS);

export const ZAwardVote = z.strictObject({ month: ZMonth, nomineeId: ZRef });
export type TAwardVote = z.infer<typeof ZAwardVote>;
export const ZAwardMonthBody = z.strictObject({ month: ZMonth });
export const ZAwardMonthQuery = z.strictObject({ month: ZMonth });

export const ZAwardDecision = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), version: ZVersion }),
  z.strictObject({
    decision: z.literal('veto'),
    version: ZVersion,
    ground: ZVetoGround,
    reason: z.string().trim().min(1).max(500),
  }),
]);
export type TAwardDecision = z.infer<typeof ZAwardDecision>;

const ZStepDone = z.object({ by: z.string(), at: z.string() }).nullable();

export const ZAwardCandidate = z.object({
  id: zInt(),
  nomineeId: zInt(),
  nomineeName: z.string(),
  votes: zInt(),
  rank: zInt(),
  state: z.enum(['waiting', 'in_review', 'confirmed', 'vetoed']),
  nextStep: ZAwardStep.nullable(),
  steps: z.object({ manager: ZStepDone, vp: ZStepDone, gm: ZStepDone }),
  veto: z.object({ step: ZAwardStep, ground: ZVetoGround, reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** The month's facts that allow a veto (AP-6): complaints about the nominee, incidents (quality issues). */
  flags: z.object({ complaints: zInt(), incidents: zInt() }),
  bonusFen: zInt().nullable(),
  explanation: ZExplanation.nullable(),
  version: zInt(),
});
export type TAwardCandidate = z.infer<typeof ZAwardCandidate>;

export const ZAwardRound = z.object({
  month: z.string(),
  state: z.enum(['none', 'voting', 'review']),
  perMonth: zInt(),
  bonusFen: zInt(),
  policyVersion: zInt().nullable(),
  voted: z.boolean(),
  voters: zInt(),
  nominees: z.array(z.object({ id: zInt(), name: z.string() })),
  candidates: z.array(ZAwardCandidate),
});
export type TAwardRound = z.infer<typeof ZAwardRound>;

export const ZAwardBonus = z.object({ userId: zInt(), name: z.string(), bonusFen: zInt(), explanation: ZExplanation });
export type TAwardBonus = z.infer<typeof ZAwardBonus>;

// KPIs ----------------------------------------------------------------------------------------------------------------

export const ZKpiItem = z.enum(KPI_ITEMS);
/** A month 'YYYY-MM', or a year 'YYYY' for the annual review. */
export const ZKpiPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a month YYYY-MM or a year YYYY');
export const ZKpiScores = z.partialRecord(ZKpiItem, zInt().min(0).max(100));

export const ZKpiListQuery = z.strictObject({ period: ZKpiPeriod, view: z.enum(['mine', 'team']).default('mine') });
export type TKpiListQuery = z.infer<typeof ZKpiListQuery>;
export const ZKpiSelf = z.strictObject({ period: ZKpiPeriod, scores: ZKpiScores });
export type TKpiSelf = z.infer<typeof ZKpiSelf>;
export const ZKpiSuperior = z.strictObject({ period: ZKpiPeriod, scores: ZKpiScores, version: ZVersion.optional() });
export type TKpiSuperior = z.infer<typeof ZKpiSuperior>;
export const ZKpiConsolidate = z.strictObject({ period: ZKpiPeriod, version: ZVersion });
export type TKpiConsolidate = z.infer<typeof ZKpiConsolidate>;

const ZKpiRate = z.object({ value: z.number().nullable(), numerator: zInt(), denominator: zInt(), explanation: ZExplanation });

export const ZKpiPerson = z.object({
  userId: zInt(),
  name: z.string(),
  reviewId: zInt().nullable(),
  version: zInt().nullable(),
  superiorBy: z.string().nullable(),
  consolidatedBy: z.string().nullable(),
  consolidatedAt: z.string().nullable(),
  items: z.array(
    z.object({
      item: ZKpiItem,
      measured: ZKpiRate.nullable(),
      self: zInt().nullable(),
      superior: zInt().nullable(),
      percent: z.number().nullable(),
      weak: z.boolean(),
    }),
  ),
  consolidated: z.object({ value: z.number().nullable(), explanation: ZExplanation }),
  training: z.array(z.object({ item: ZKpiItem, explanation: ZExplanation })),
});
export type TKpiPerson = z.infer<typeof ZKpiPerson>;

export const ZKpiPage = z.object({
  period: z.string(),
  kind: z.enum(['month', 'year']),
  /** AP-16: the review is due by this date (the policy's day of the next month; the annual review in its month). */
  dueDate: z.string(),
  policyVersion: zInt().nullable(),
  weights: z.object({ self: zInt(), superior: zInt(), customer: zInt() }),
  weakBelowPercent: zInt(),
  items: z.array(ZKpiPerson),
});
export type TKpiPage = z.infer<typeof ZKpiPage>;

// PAY-2 / ORG-4 -------------------------------------------------------------------------------------------------------

/** The period's first month; the period runs the policy's months (half a year by default). */
export const ZRankingBonusQuery = z.strictObject({ from: ZMonth });

export const ZRankingBonusPage = z.object({
  from: z.string(),
  to: z.string(),
  policyVersion: zInt().nullable(),
  baseFen: zInt(),
  regions: z.array(
    z.object({
      regionId: zInt(),
      name: z.string(),
      score: z.number().nullable(),
      rank: zInt().nullable(),
      coefficient: z.number().nullable(),
      explanation: ZExplanation,
    }),
  ),
  people: z.array(
    z.object({
      userId: zInt(),
      name: z.string(),
      totalFen: zInt(),
      lines: z.array(
        z.object({
          regionId: zInt(),
          share: z.object({ requests: zInt(), of: zInt() }),
          coefficient: z.number(),
          amountFen: zInt(),
          explanation: ZExplanation,
        }),
      ),
    }),
  ),
});
export type TRankingBonusPage = z.infer<typeof ZRankingBonusPage>;
