import { explain, type TExplanation } from './explanation';

/** A share of counted things with its explanation; null when there was nothing to count (never a made-up 0 %). */
export type TExplainedRate = { value: number | null; numerator: number; denominator: number; explanation: TExplanation };

/** A share as people read it: one decimal, or a dash when there is nothing to count. */
export const formatPercent = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);

/** numerator / denominator under a rule, explained as "<what>: n / d = p %" in both languages. */
export function explainedRate(options: {
  ruleId: string;
  policyVersion: number | null;
  numerator: number;
  denominator: number;
  zh: string;
  en: string;
  inputs?: Record<string, unknown>;
}): TExplainedRate {
  const { ruleId, policyVersion, numerator, denominator, zh, en } = options;
  const value = denominator > 0 ? numerator / denominator : null;
  return {
    value,
    numerator,
    denominator,
    explanation: explain({
      ruleId,
      policyVersion,
      inputs: { ...options.inputs, numerator, denominator },
      result: value,
      zh: `${zh}：${numerator} / ${denominator} = ${formatPercent(value)}`,
      en: `${en}: ${numerator} / ${denominator} = ${formatPercent(value)}`,
    }),
  };
}
