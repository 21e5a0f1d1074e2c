import { createHash } from 'node:crypto';
import {
  type TAppraisalCarry,
  type TAppraisalGrade,
  type TAppraisalLineOut,
  type TAppraisalPolicy,
  type TAppraisalSheet,
  type TItemScores,
  type TScorer,
  appraise,
  dayOfMonthClamped,
  explain,
  formatMoneyFen,
} from '@techserve/core';
import type { MonthFacts } from './appraisal.facts';
import type { DisputeRow, SheetRow } from './appraisal.repository';

/** AP-15: a reviewer's adjustment (or an upheld dispute's correction), kept beside the computed lines. */
export type StoredAdjustment = { amountFen: number; reason: string; byId: number; byName: string; at: string; disputeId: number | null };
export type StoredScorers = Partial<Record<TScorer, { id: number; name: string; at: string }>>;
export type SheetState = { scores: Partial<Record<TScorer, TItemScores>>; yearGrades: TAppraisalGrade[]; carry: TAppraisalCarry };

export const ZERO_CARRY: TAppraisalCarry = { fairRun: 0, cleanMonths: 0, monthsWithoutClassI: 0 };

/** The computed part of a sheet: core's lines for the facts and the policy version, and a digest of those inputs. */
export function computeSheet(policy: { document: { appraisal: TAppraisalPolicy }; number: number }, facts: MonthFacts, state: SheetState) {
  const input = { ...facts, ...state };
  const result = appraise({ appraisal: policy.document.appraisal, version: policy.number }, input);
  const digest = createHash('sha256')
    .update(JSON.stringify({ policyVersion: policy.number, input }))
    .digest('hex');
  return { result, digest };
}

/** AP-15: an adjustment as a line of the sheet, explained with who made it and why. */
export function adjustmentLine(a: StoredAdjustment, index: number, policyVersion: number | null): TAppraisalLineOut {
  const zhAmount = formatMoneyFen(a.amountFen, 'zh-CN');
  const enAmount = formatMoneyFen(a.amountFen, 'en');
  const source = a.disputeId !== null ? { zh: `采纳异议 #${a.disputeId}，`, en: `dispute #${a.disputeId} upheld, ` } : { zh: '', en: '' };
  return {
    key: `AP-15:adjustment:${index + 1}`,
    kind: 'adjustment',
    ruleId: 'AP-15',
    amountFen: a.amountFen,
    pointsTenths: null,
    proposal: null,
    evidence: a.disputeId !== null ? [{ type: 'dispute', id: a.disputeId }] : [],
    explanation: explain({
      ruleId: 'AP-15',
      policyVersion,
      inputs: { by: a.byName, at: a.at, reason: a.reason, disputeId: a.disputeId },
      result: a.amountFen,
      zh: `${a.byName} 调整 ${zhAmount}（${source.zh}理由：${a.reason}）`,
      en: `${a.byName} adjusts by ${enAmount} (${source.en}reason: ${a.reason})`,
    }),
  };
}

/** AP-2: the chain's next scoring step (the self-appraisal is not a step), null once the GM signed. */
export function nextStep(chain: readonly TScorer[], scores: Partial<Record<TScorer, TItemScores>>, signed: boolean): TScorer | null {
  if (signed) return null;
  return chain.find((s) => !scores[s]) ?? null;
}

const parse = <T>(text: string): T => JSON.parse(text) as T;

export function toSheet(r: SheetRow, disputes: DisputeRow[], policy: TAppraisalPolicy): TAppraisalSheet {
  const lines = parse<TAppraisalLineOut[]>(r.lines);
  const adjustments = parse<StoredAdjustment[]>(r.adjustments);
  const scores = parse<Partial<Record<TScorer, TItemScores>>>(r.scores);
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    month: r.month,
    state: r.state as TAppraisalSheet['state'],
    policyVersion: r.policy_version,
    inputsDigest: r.inputs_digest,
    grade: r.grade as TAppraisalSheet['grade'],
    totalTenths: r.total_tenths,
    amountFen: Number(r.amount_fen),
    lines: [...lines, ...adjustments.map((a, i) => adjustmentLine(a, i, r.policy_version))],
    scores,
    scorers: parse<StoredScorers>(r.scorers),
    selfDueDate: dayOfMonthClamped(r.month, policy.schemeA.proposalDueDay),
    nextStep: nextStep(policy.schemeA.approvalChain, scores, r.state !== 'draft'),
    computedAt: r.computed_at,
    approvedBy: r.approved_by_name ?? null,
    approvedAt: r.approved_at,
    frozenAt: r.frozen_at,
    disputes: disputes
      .filter((d) => d.sheet_id === r.id)
      .map((d) => ({
        id: d.id,
        lineKey: d.line_key,
        reason: d.reason,
        state: d.state as 'open' | 'upheld' | 'rejected',
        decision: d.decision,
        amountFen: d.amount_fen === null ? null : Number(d.amount_fen),
        decidedBy: d.decided_by_name ?? null,
        decidedAt: d.decided_at,
        version: d.version,
      })),
    version: r.version,
  };
}
