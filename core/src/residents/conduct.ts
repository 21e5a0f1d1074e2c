import type { TAttendanceRules } from '../attendance/rules';
import { sourceOf } from '../attendance/rules';
import type { TConductItem } from '../policy/attendancePolicy';
import { type TExplanation, explain } from '../explanation';

/** RS-9: the ids the attendance evaluation scores itself (late / seriously late); never recorded by hand. */
export const EVALUATED_CONDUCT_ITEMS: readonly string[] = ['late', 'seriouslyLate'];

/** RS-9/POL-1: an offence of the policy's list (or the site's own list) as it costs points on a date. */
export type TConductCharge = { item: TConductItem; source: 'policy' | 'site'; explanation: TExplanation };

/**
 * RS-9: what recording an offence costs under these rules (the policy version, or the site's own list, POL-1).
 * Null when the id is not on the list or is one the evaluation scores (late, seriously late: read, never duplicated).
 */
export function conductCharge(rules: TAttendanceRules, itemId: string, date: string): TConductCharge | null {
  if (EVALUATED_CONDUCT_ITEMS.includes(itemId)) return null;
  const item = rules.policy.conductPoints.find((c) => c.id === itemId);
  if (!item) return null;
  const src = sourceOf(rules, 'conductPoints');
  return {
    item,
    source: src.source,
    explanation: explain({
      ruleId: 'RS-9',
      policyVersion: rules.policyVersion,
      inputs: { date, itemId, points: item.points, source: src.source },
      result: item.points,
      zh: `${date}「${item.name['zh-CN']}」扣 ${item.points} 分（${src.zh}）`,
      en: `${date} "${item.name.en}": ${item.points} points (${src.en})`,
    }),
  };
}

/** One recorded offence of the month as the total reads it. */
export type TConductRecordedFact = { id: number; date: string; itemId: string; points: number; withdrawn: boolean };
/** A correction of a closed month's offence, booked in this month (a negative delta withdraws points). */
export type TConductAdjustmentFact = { id: number; factMonth: string; points: number };

/** RS-9: one person's points of a month, both sources combined, explained. */
export type TConductMonth = {
  month: string;
  fromEvaluation: number;
  recorded: number;
  adjustments: number;
  total: number;
  explanations: TExplanation[];
};

/**
 * RS-9: the month's conduct points of one person = the evaluation's late / seriously-late points (read from the
 * attendance roll-up, with its own explanation) + the offences recorded in the month and not withdrawn + the
 * corrections of closed months booked in this month (design: "The month").
 */
export function conductMonth(input: {
  month: string;
  policyVersion: number | null;
  evaluation: { points: number; explanations: TExplanation[] };
  recorded: readonly TConductRecordedFact[];
  adjustments: readonly TConductAdjustmentFact[];
}): TConductMonth {
  const { month } = input;
  const kept = input.recorded.filter((r) => !r.withdrawn);
  const recorded = kept.reduce((s, r) => s + r.points, 0);
  const adjustments = input.adjustments.reduce((s, a) => s + a.points, 0);
  const total = input.evaluation.points + recorded + adjustments;
  const explanations = [...input.evaluation.explanations];
  explanations.push(
    explain({
      ruleId: 'RS-9',
      policyVersion: input.policyVersion,
      inputs: {
        month,
        fromEvaluation: input.evaluation.points,
        recorded,
        recordedItems: kept.map((r) => r.id),
        adjustments,
        adjustmentIds: input.adjustments.map((a) => a.id),
      },
      result: total,
      zh: `${month} 扣分合计 ${total} 分：考勤 ${input.evaluation.points} 分，记录的违规 ${kept.length} 项 ${recorded} 分，往月更正 ${adjustments} 分`,
      en: `${month}: ${total} points in all: ${input.evaluation.points} from attendance, ${kept.length} recorded offence(s) ${recorded}, corrections of closed months ${adjustments}`,
    }),
  );
  return { month, fromEvaluation: input.evaluation.points, recorded, adjustments, total, explanations };
}
