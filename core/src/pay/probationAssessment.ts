import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import { monthDates } from '../obligations/month';
import type { TPayPolicy } from '../policy/payPolicy';
import { fullMonthsBetween } from './welderProposal';

/** PAY-3b: the items of the probation assessment, as the rule lists them. */
export const PROBATION_ITEMS = ['process', 'constructionRules', 'weldingTechnique', 'conductOnSite', 'initiative'] as const;
export type TProbationItem = (typeof PROBATION_ITEMS)[number];
export const PROBATION_ITEM_NAMES: Record<TProbationItem, { 'zh-CN': string; en: string }> = {
  process: { 'zh-CN': '工艺流程', en: 'process' },
  constructionRules: { 'zh-CN': '施工规范', en: 'construction rules' },
  weldingTechnique: { 'zh-CN': '焊接技术', en: 'welding technique' },
  conductOnSite: { 'zh-CN': '现场表现', en: 'conduct on site' },
  initiative: { 'zh-CN': '工作主动性', en: 'initiative' },
};

export type TProbationAssessmentInput = {
  /** Each item passed (合格) or not. */
  items: Record<TProbationItem, boolean>;
  assessedOn: string;
  /** The conversion (转正) date when passed: from it the regular base is paid. */
  effectiveOn: string;
  /** The hire date probation counts from; null when not recorded. */
  hireDate: string | null;
};

export type TProbationAssessment =
  | { ok: true; result: 'passed' | 'failed'; explanation: TExplanation }
  | { ok: false; reason: 'pay.assessmentBeforeDate' | 'pay.assessmentTooEarly'; params: Record<string, string | number> };

/**
 * PAY-3b: probation ends with an assessment of process, construction rules, welding technique, conduct on site and
 * initiative before conversion (转正). Passed when every item is passed: the employee converts from `effectiveOn`
 * (not before the assessment, nor before the policy's shortest probation from the hire date). Failed: no conversion;
 * the employee stays in probation on probation pay and the assessment stays due (overdue past the longest probation)
 * for HR and the GM to decide.
 */
export function assessProbation(pay: TPayPolicy, version: number | null, a: TProbationAssessmentInput): TProbationAssessment {
  if (a.effectiveOn < a.assessedOn)
    return { ok: false, reason: 'pay.assessmentBeforeDate', params: { assessedOn: a.assessedOn, effectiveOn: a.effectiveOn } };
  const failed = PROBATION_ITEMS.filter((i) => !a.items[i]);
  const result = failed.length === 0 ? 'passed' : 'failed';
  const { minMonths } = pay.probation;
  if (result === 'passed' && a.hireDate !== null && fullMonthsBetween(a.hireDate, a.effectiveOn) < minMonths)
    return { ok: false, reason: 'pay.assessmentTooEarly', params: { hireDate: a.hireDate, effectiveOn: a.effectiveOn, minMonths } };
  const list = (ids: readonly TProbationItem[], l: 'zh-CN' | 'en') =>
    ids.map((i) => PROBATION_ITEM_NAMES[i][l]).join(l === 'en' ? ', ' : '、');
  return {
    ok: true,
    result,
    explanation: explain({
      ruleId: 'PAY-3b',
      policyVersion: version,
      inputs: { items: a.items, assessedOn: a.assessedOn, effectiveOn: a.effectiveOn, hireDate: a.hireDate },
      result,
      zh:
        result === 'passed'
          ? `${a.assessedOn} 转正考核（${list(PROBATION_ITEMS, 'zh-CN')}）全部合格：自 ${a.effectiveOn} 起转正，按正式工资发放`
          : `${a.assessedOn} 转正考核不合格（${list(failed, 'zh-CN')}）：不转正，继续试用期工资，由人事和总经理决定`,
      en:
        result === 'passed'
          ? `probation assessment of ${a.assessedOn} (${list(PROBATION_ITEMS, 'en')}) passed: converted from ${a.effectiveOn}, regular pay from then`
          : `probation assessment of ${a.assessedOn} failed (${list(failed, 'en')}): no conversion, probation pay continues; HR and the GM decide`,
    }),
  };
}

/**
 * PAY-3b in the payslip of the month of conversion: the days before the conversion date are paid at probation pay
 * (base + post allowance) instead of the regular base: round((probation pay − regular base) × days before ÷ days of
 * the month). Null when the conversion is on the 1st or outside the month.
 */
export function beforeConversion(pay: TPayPolicy, version: number | null, month: string, convertedOn: string, regularBaseFen: number) {
  const { first, last } = monthDates(month);
  if (convertedOn <= first || convertedOn > last) return null;
  const days = Number(convertedOn.slice(8, 10)) - 1;
  const daysInMonth = Number(last.slice(8, 10));
  const probationFen = pay.probation.baseFen + pay.probation.postAllowanceFen;
  const amountFen = Math.round(((probationFen - regularBaseFen) * days) / daysInMonth);
  const m = (fen: number, l: 'zh-CN' | 'en') => formatMoneyFen(fen, l);
  return {
    amountFen,
    explanation: explain({
      ruleId: 'PAY-3b',
      policyVersion: version,
      inputs: { month, convertedOn, regularBaseFen, probationFen, days, daysInMonth },
      result: amountFen,
      zh: `${convertedOn} 转正：本月前 ${days}/${daysInMonth} 天按试用期工资 ${m(probationFen, 'zh-CN')}（正式基本工资 ${m(regularBaseFen, 'zh-CN')}）计，差额 ${m(amountFen, 'zh-CN')}`,
      en: `converted on ${convertedOn}: the month's first ${days} of ${daysInMonth} days at probation pay ${m(probationFen, 'en')} instead of the regular base ${m(regularBaseFen, 'en')}, difference ${m(amountFen, 'en')}`,
    }),
  };
}
