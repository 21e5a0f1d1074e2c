import { type TExplanation, explain } from '../explanation';
import type { TDayEvaluation } from './evaluate';
import { type TAttendanceRules, sourceOf } from './rules';

/** RS-5/RS-9/AT-3: one person's month of attendance. */
export type TMonthRollup = {
  month: string;
  workingDays: number;
  presentDays: number;
  leaveDays: number;
  tripDays: number;
  absences: number;
  lateCount: number;
  lateMinutes: number;
  seriouslyLateCount: number;
  earlyCount: number;
  earlyMinutes: number;
  seriouslyEarlyCount: number;
  missingPunches: number;
  /** RS-9: points from the evaluation itself ('late' per late or early segment, 'seriouslyLate' per serious one). */
  conductPoints: number;
  /** RS-5: an absence explanation (缺勤情况说明) is due. */
  explanationDue: boolean;
  /** AT-3: the longest run of consecutive absent working days reached the policy's count: propose to HR and the GM. */
  resignationProposal: boolean;
  longestAbsenceRun: number;
  explanations: TExplanation[];
};

/**
 * RS-5/RS-9/AT-3: the month of one person from their evaluated days (in date order). Lateness counted towards the
 * cumulative limit is the minutes of the segments judged late. A late segment costs the policy's 'late' points, a
 * seriously late one its 'seriouslyLate' points instead; early leave likewise (RS-9 names 迟到早退 together).
 */
export function rollUpMonth(rules: TAttendanceRules, month: string, days: readonly TDayEvaluation[]): TMonthRollup {
  const p = rules.policy;
  const v = rules.policyVersion;
  const r: TMonthRollup = {
    month,
    workingDays: 0,
    presentDays: 0,
    leaveDays: 0,
    tripDays: 0,
    absences: 0,
    lateCount: 0,
    lateMinutes: 0,
    seriouslyLateCount: 0,
    earlyCount: 0,
    earlyMinutes: 0,
    seriouslyEarlyCount: 0,
    missingPunches: 0,
    conductPoints: 0,
    explanationDue: false,
    resignationProposal: false,
    longestAbsenceRun: 0,
    explanations: [],
  };
  let run = 0;
  for (const d of days) {
    if (d.status === 'rest' || d.status === 'holiday') continue;
    r.workingDays++;
    if (d.status === 'leave') r.leaveDays++;
    else if (d.status === 'trip') r.tripDays++;
    else if (d.absent) r.absences++;
    else if (d.status !== 'pending' || d.segments.some((s) => s.inAt !== null || s.outAt !== null)) r.presentDays++;
    run = d.absent ? run + 1 : d.status === 'pending' ? run : 0;
    r.longestAbsenceRun = Math.max(r.longestAbsenceRun, run);
    r.lateCount += d.lateCount;
    r.lateMinutes += d.lateMinutes;
    r.seriouslyLateCount += d.seriouslyLateCount;
    r.earlyCount += d.earlyCount;
    r.earlyMinutes += d.earlyMinutes;
    r.seriouslyEarlyCount += d.seriouslyEarlyCount;
    r.missingPunches += d.missingPunches;
  }
  const points = (id: string) => p.conductPoints.find((c) => c.id === id)?.points ?? 0;
  const serious = r.seriouslyLateCount + r.seriouslyEarlyCount;
  const plain = r.lateCount - r.seriouslyLateCount + (r.earlyCount - r.seriouslyEarlyCount);
  r.conductPoints = plain * points('late') + serious * points('seriouslyLate');
  if (plain + serious > 0)
    r.explanations.push(
      explain({
        ruleId: 'RS-9',
        policyVersion: v,
        inputs: { month, late: plain, serious, latePoints: points('late'), seriouslyLatePoints: points('seriouslyLate') },
        result: r.conductPoints,
        zh: `${month} 迟到早退 ${plain} 次 × ${points('late')} 分，严重迟到早退 ${serious} 次 × ${points('seriouslyLate')} 分：扣 ${r.conductPoints} 分`,
        en: `${month}: ${plain} late or early × ${points('late')} points, ${serious} seriously × ${points('seriouslyLate')} points: ${r.conductPoints} points`,
      }),
    );
  const limits = p.monthlyLimits;
  const src = sourceOf(rules, 'monthlyLimits');
  const overAbsences = r.absences > limits.absencesAbove;
  const overLate = r.lateMinutes > limits.cumulativeLateMinutesAbove;
  r.explanationDue = overAbsences || overLate;
  r.explanations.push(
    explain({
      ruleId: 'RS-5',
      policyVersion: v,
      inputs: {
        month,
        absences: r.absences,
        absencesAbove: limits.absencesAbove,
        lateMinutes: r.lateMinutes,
        cumulativeLateMinutesAbove: limits.cumulativeLateMinutesAbove,
        source: src.source,
      },
      result: r.explanationDue,
      zh:
        `${month} 旷工 ${r.absences} 次（超过 ${limits.absencesAbove} 次需说明），累计迟到 ${r.lateMinutes} 分钟` +
        `（超过 ${limits.cumulativeLateMinutesAbove} 分钟需说明；${src.zh}）：${r.explanationDue ? '需提交缺勤情况说明' : '无需说明'}`,
      en:
        `${month}: ${r.absences} absences (an explanation is due above ${limits.absencesAbove}), ${r.lateMinutes} min late in all ` +
        `(due above ${limits.cumulativeLateMinutesAbove} min; ${src.en}): ${r.explanationDue ? 'an absence explanation is due' : 'no explanation due'}`,
    }),
  );
  const runSrc = sourceOf(rules, 'absenceDaysAsResignation');
  r.resignationProposal = p.absenceDaysAsResignation > 0 && r.longestAbsenceRun >= p.absenceDaysAsResignation;
  if (r.resignationProposal)
    r.explanations.push(
      explain({
        ruleId: 'AT-3',
        policyVersion: v,
        inputs: {
          month,
          longestAbsenceRun: r.longestAbsenceRun,
          absenceDaysAsResignation: p.absenceDaysAsResignation,
          source: runSrc.source,
        },
        result: 'resignationProposal',
        zh: `${month} 连续旷工 ${r.longestAbsenceRun} 个工作日，达到 ${p.absenceDaysAsResignation} 天（${runSrc.zh}）：提请人事和总经理按自动离职处理（不自动执行）`,
        en: `${month}: ${r.longestAbsenceRun} consecutive working days absent, reaching ${p.absenceDaysAsResignation} (${runSrc.en}): proposed to HR and the GM as resignation (never automatic)`,
      }),
    );
  return r;
}
