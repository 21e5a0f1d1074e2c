import { type TExplanation, explain, formatMoneyFen } from '../explanation';

/** What a line of the sheet is: an amount (fine or bonus), a score, the grade, a proposal for the GM, or a fact shown. */
export type TAppraisalLineKind = 'fine' | 'bonus' | 'score' | 'grade' | 'proposal' | 'info';

/** AP-5 / AP-10 / AP-12 / AP-14: what a proposal asks the GM to decide. */
export type TProposalKind = 'salaryDowngrade' | 'dismissal' | 'promotion' | 'demotion';

/** A link to the fact a line rests on. */
export type TEvidence = {
  type: 'ticket' | 'letter' | 'incident' | 'obligation' | 'exam' | 'month';
  id: number | string;
  ref?: string;
};

export type TAppraisalLine = {
  /** Stable within a sheet: the same facts give the same keys (a dispute names its line by key). */
  key: string;
  kind: TAppraisalLineKind;
  ruleId: string;
  /** Signed fen: a fine is negative, a bonus positive, anything else 0. */
  amountFen: number;
  /** Scores and the total in tenths of a point (kind score/grade), else null. */
  pointsTenths: number | null;
  proposal: TProposalKind | null;
  evidence: TEvidence[];
  explanation: TExplanation;
};

export const yuan = (fen: number) => ({ zh: formatMoneyFen(fen, 'zh-CN'), en: formatMoneyFen(fen, 'en') });

/** Points in tenths as text: 859 → "85.9", 860 → "86". */
export const pointsText = (tenths: number) => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

type LineOptions = {
  key: string;
  kind: TAppraisalLineKind;
  ruleId: string;
  version: number | null;
  amountFen?: number;
  pointsTenths?: number | null;
  proposal?: TProposalKind | null;
  evidence?: TEvidence[];
  inputs: Record<string, unknown>;
  zh: string;
  en: string;
};

export function line(o: LineOptions): TAppraisalLine {
  const amountFen = o.amountFen ?? 0;
  const pointsTenths = o.pointsTenths ?? null;
  const proposal = o.proposal ?? null;
  return {
    key: o.key,
    kind: o.kind,
    ruleId: o.ruleId,
    amountFen,
    pointsTenths,
    proposal,
    evidence: o.evidence ?? [],
    explanation: explain({
      ruleId: o.ruleId,
      policyVersion: o.version,
      inputs: o.inputs,
      result: pointsTenths ?? proposal ?? amountFen,
      zh: o.zh,
      en: o.en,
    }),
  };
}
