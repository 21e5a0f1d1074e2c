import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import type { TPayPolicy } from '../policy/payPolicy';
import { baseTierOf } from './payslip';

/** A month of a person's record as PAY-1 reads it: whether there was a final sheet, and whether it had a fine. */
export type TTierMonth = { month: string; sheet: boolean; fined: boolean };

export type TTierProposal = {
  currentTierId: string;
  /** Months without a fine, counting back from the month, each with a final sheet. */
  cleanMonths: number;
  examPassed: boolean;
  /** The best tier the record earns; null when it earns no better pay than today's tier. */
  proposedTierId: string | null;
  explanation: TExplanation;
};

/**
 * PAY-1: the base tier a person's record earns at the end of a month: the best-paid tier whose clean months (no
 * incident, no fine: every AP-11 incident is a fine on the sheet) the record reaches, counting back from the month with
 * a final sheet each month, and — for any tier above the starting one — a department exam passed in that time. A major
 * contribution, the rule's other way up, is not recorded by the system, so only the exam is read. A proposal for the
 * GM, never applied by itself.
 */
export function tierProposal(
  pay: TPayPolicy,
  version: number | null,
  currentTierId: string | null,
  months: readonly TTierMonth[],
  examPassed: boolean,
): TTierProposal {
  const current = baseTierOf(pay, currentTierId);
  let cleanMonths = 0;
  for (let i = months.length - 1; i >= 0 && months[i].sheet && !months[i].fined; i--) cleanMonths++;
  const earned = pay.baseTiers
    .filter((t) => t.cleanMonthsRequired <= cleanMonths && (t.cleanMonthsRequired === 0 || examPassed))
    .sort((a, b) => b.monthlyFen - a.monthlyFen)[0];
  const proposed = earned && earned.monthlyFen > current.monthlyFen ? earned : null;
  const exam = examPassed
    ? { zh: '已通过部门考试', en: 'a department exam passed' }
    : { zh: '未通过部门考试', en: 'no department exam passed' };
  const facts = {
    zh: `连续 ${cleanMonths} 个月无事故、无罚款，${exam.zh}`,
    en: `${cleanMonths} clean months in a row (no incident, no fine), ${exam.en}`,
  };
  const text = proposed
    ? {
        zh: `${facts.zh} → 建议由${current.name['zh-CN']}调整为${proposed.name['zh-CN']}（${formatMoneyFen(proposed.monthlyFen, 'zh-CN')}），报总经理决定`,
        en: `${facts.en} → ${current.name.en} to ${proposed.name.en} (${formatMoneyFen(proposed.monthlyFen, 'en')}) proposed to the GM`,
      }
    : { zh: `${facts.zh} → 维持${current.name['zh-CN']}`, en: `${facts.en} → stays at ${current.name.en}` };
  return {
    currentTierId: current.id,
    cleanMonths,
    examPassed,
    proposedTierId: proposed?.id ?? null,
    explanation: explain({
      ruleId: 'PAY-1',
      policyVersion: version,
      inputs: { currentTierId: current.id, cleanMonths, examPassed, months: months.map((m) => m.month) },
      result: proposed?.id ?? null,
      ...text,
    }),
  };
}
