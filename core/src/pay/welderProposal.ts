import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import type { TPayPolicy } from '../policy/payPolicy';

/** What a welder's record proposes at a month's end (a proposal for the GM, never applied by itself). */
export type TWelderProposalKind = 'gradeUp' | 'probationAssessment' | null;

export type TWelderProposal = {
  kind: TWelderProposalKind;
  /** Full months in probation (from the hire date) or at the grade (from the date it took effect); null when unknown. */
  months: number | null;
  /** gradeUp: the grade proposed; null otherwise. */
  proposedGrade: number | null;
  /** probationAssessment: past the policy's longest probation (转正 overdue). */
  overdue: boolean;
  explanation: TExplanation;
};

export type TWelderRecord = {
  /** The welder grade (一级 … 八级焊工); null for none. */
  grade: number | null;
  /** The date the grade took effect; null when not recorded. */
  gradeSince: string | null;
  probation: boolean;
  /** The hire date (入职日期), where probation counts from; null when HR has not recorded it. */
  hireDate: string | null;
  /** A passed exam since the grade took effect (PAY-3: a grade-up needs one). */
  examPassedSince: boolean;
};

const lastDayOf = (date: string) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();

/**
 * Full months from one date to another: a month is complete on the same day of the month, or on the last day of a
 * shorter month (hired 01-31: one month on 02-28). Negative spans count as 0.
 */
export function fullMonthsBetween(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  const day = Number(to.slice(8, 10));
  const complete = day >= Number(from.slice(8, 10)) || day === lastDayOf(to);
  return Math.max(0, complete ? months : months - 1);
}

/**
 * PAY-3/PAY-3b at the end of a month (`asOf`, its last day):
 * - in probation (counted from the hire date): from the policy's shortest probation the probation assessment is due
 *   (process, construction rules, welding technique, conduct on site, initiative) before conversion (转正), and past
 *   the longest one it is overdue;
 * - a welder past probation: a grade-up to the next grade is proposed after the policy's months at the grade and, when
 *   the policy requires it, an exam passed since; never above the policy's highest grade.
 * A fact not recorded (hire date, the date of the grade) proposes nothing and says so.
 */
export function welderProposal(pay: TPayPolicy, version: number | null, asOf: string, r: TWelderRecord): TWelderProposal {
  const out = (
    kind: TWelderProposalKind,
    months: number | null,
    ruleId: string,
    text: { zh: string; en: string },
    extra: { proposedGrade?: number; overdue?: boolean } = {},
  ): TWelderProposal => ({
    kind,
    months,
    proposedGrade: extra.proposedGrade ?? null,
    overdue: extra.overdue ?? false,
    explanation: explain({
      ruleId,
      policyVersion: version,
      inputs: {
        asOf,
        grade: r.grade,
        gradeSince: r.gradeSince,
        probation: r.probation,
        hireDate: r.hireDate,
        examPassedSince: r.examPassedSince,
      },
      result: kind === 'gradeUp' ? (extra.proposedGrade ?? null) : kind,
      zh: text.zh,
      en: text.en,
    }),
  });

  if (r.probation) {
    const { minMonths, maxMonths } = pay.probation;
    if (r.hireDate === null)
      return out(null, null, 'PAY-3b', {
        zh: '试用期：入职日期未记录，无法计算转正考核时间',
        en: 'probation: the hire date is not recorded, so the assessment date cannot be counted',
      });
    const months = fullMonthsBetween(r.hireDate, asOf);
    const span = { zh: `试用期 ${minMonths}—${maxMonths} 个月`, en: `probation ${minMonths}–${maxMonths} months` };
    if (months < minMonths)
      return out(null, months, 'PAY-3b', {
        zh: `${r.hireDate} 入职，试用 ${months} 个月（${span.zh}）：尚未到转正考核时间`,
        en: `hired ${r.hireDate}, ${months} months in probation (${span.en}): the assessment is not due yet`,
      });
    const overdue = months > maxMonths;
    const items = {
      zh: '考核工艺流程、施工规范、焊接技术、现场表现和工作主动性',
      en: 'process, construction rules, welding technique, conduct on site and initiative',
    };
    return out(
      'probationAssessment',
      months,
      'PAY-3b',
      {
        zh: `${r.hireDate} 入职，试用 ${months} 个月（${span.zh}）：${overdue ? '已超过最长试用期，' : ''}应进行转正考核（${items.zh}）`,
        en: `hired ${r.hireDate}, ${months} months in probation (${span.en}): ${overdue ? 'past the longest probation, ' : ''}the assessment before conversion is due (${items.en})`,
      },
      { overdue },
    );
  }
  if (r.grade === null) return out(null, null, 'PAY-3', { zh: '非焊工等级工资', en: 'not paid by a welder grade' });
  const next = pay.engineerLevels.find((l) => l.level === r.grade! + 1);
  if (!next)
    return out(null, null, 'PAY-3', {
      zh: `${r.grade} 级焊工已是最高等级`,
      en: `welder grade ${r.grade} is the highest grade`,
    });
  if (r.gradeSince === null)
    return out(null, null, 'PAY-3', {
      zh: `${r.grade} 级焊工：定级日期未记录，无法计算晋级时间`,
      en: `welder grade ${r.grade}: the date of the grade is not recorded, so a grade-up cannot be counted`,
    });
  const { minMonths, examRequired } = pay.levelUp;
  const months = fullMonthsBetween(r.gradeSince, asOf);
  const facts = {
    zh: `${r.gradeSince} 起任 ${r.grade} 级焊工 ${months} 个月（需 ${minMonths} 个月${examRequired ? '并通过考核' : ''}）${examRequired ? (r.examPassedSince ? '，已通过考核' : '，未通过考核') : ''}`,
    en: `welder grade ${r.grade} since ${r.gradeSince}, ${months} months (${minMonths} needed${examRequired ? ' and an exam' : ''})${examRequired ? (r.examPassedSince ? ', exam passed' : ', no exam passed') : ''}`,
  };
  if (months < minMonths || (examRequired && !r.examPassedSince))
    return out(null, months, 'PAY-3', { zh: `${facts.zh} → 维持 ${r.grade} 级`, en: `${facts.en} → stays at grade ${r.grade}` });
  return out(
    'gradeUp',
    months,
    'PAY-3',
    {
      zh: `${facts.zh} → 建议晋升为 ${next.level} 级焊工（${formatMoneyFen(next.monthlyFen, 'zh-CN')}），报总经理决定`,
      en: `${facts.en} → grade ${next.level} (${formatMoneyFen(next.monthlyFen, 'en')}) proposed to the GM`,
    },
    { proposedGrade: next.level },
  );
}
