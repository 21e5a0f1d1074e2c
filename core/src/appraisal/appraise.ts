import type { TAppraisalFacts, TAppraisalCarry, TAppraisalPolicyRef, TAppraisalGrade } from './facts';
import { type TAppraisalLine, line } from './lines';
import { annualLines, schemeALines } from './schemeA';
import { schemeBLines } from './schemeB';
import { supervisorLines } from './supervisor';

export type TAppraisal = {
  userId: number;
  month: string;
  policyVersion: number | null;
  lines: TAppraisalLine[];
  grade: TAppraisalGrade | null;
  totalTenths: number | null;
  /** The sum of the fines (negative) and bonuses (positive), fen. */
  amountFen: number;
  /** What the next month's sheet carries (runs that cross the month end). */
  carry: TAppraisalCarry;
};

/** Facts shown so a reader never takes a missing source for a zero. */
function recordedLines(version: number | null, f: TAppraisalFacts): TAppraisalLine[] {
  const lines: TAppraisalLine[] = [];
  if (f.attendance === null) {
    lines.push(
      line({
        key: 'AT-1:attendance',
        kind: 'info',
        ruleId: 'AT-1',
        version,
        inputs: { attendance: null },
        zh: '考勤：未记录（本月考勤尚未接入，不按零计算）',
        en: 'Attendance: not recorded (not counted as zero)',
      }),
    );
  } else {
    const a = f.attendance;
    lines.push(
      line({
        key: 'AT-1:attendance',
        kind: 'info',
        ruleId: 'AT-1',
        version,
        inputs: { ...a },
        zh: `考勤：迟到 ${a.late} 次，早退 ${a.earlyLeave} 次，缺勤 ${a.absence} 次${a.conductPoints === undefined ? '' : `，扣分 ${a.conductPoints} 分（RS-9）`}`,
        en: `Attendance: ${a.late} late, ${a.earlyLeave} early leaves, ${a.absence} absences${a.conductPoints === undefined ? '' : `, ${a.conductPoints} conduct points (RS-9)`}`,
      }),
    );
  }
  if (f.overruns === null) {
    lines.push(
      line({
        key: 'AP-7:recorded',
        kind: 'info',
        ruleId: 'AP-7',
        version,
        inputs: { overruns: null },
        zh: '预计工时超时：未记录（责任书未填写预计工时，不按零计算）',
        en: 'Estimated duration overruns: not recorded (letters carry no estimate; not counted as zero)',
      }),
    );
  }
  return lines;
}

/**
 * The month's appraisal of one person (AP-1..AP-14): a pure function of the policy version in force and the month's
 * facts (with the earlier months the windows reach and the runs carried from the previous sheet). The same facts
 * always give the same lines, in the same order; a fact of another person or outside the windows changes nothing.
 */
export function appraise(policy: TAppraisalPolicyRef, f: TAppraisalFacts): TAppraisal {
  const p = policy.appraisal;
  const v = policy.version;
  const lines: TAppraisalLine[] = [];
  let grade: TAppraisalGrade | null = null;
  let totalTenths: number | null = null;
  const useA = p.activeScheme !== 'B';
  const useB = p.activeScheme !== 'A';
  if (useA) {
    const a = schemeALines(p.schemeA, v, f.scores, f.workload);
    grade = a.grade;
    totalTenths = a.totalTenths;
    lines.push(...a.lines, ...annualLines(p.schemeA, v, f.month, f.yearGrades, grade));
  }
  const carry: TAppraisalCarry = { ...f.carry };
  if (useB) {
    const b = schemeBLines(p.schemeB.engineer, v, f);
    lines.push(...b.lines);
    carry.fairRun = b.fairRunAtEnd;
    carry.cleanMonths = b.cleanRunAtEnd;
    if (f.supervisor && f.department) {
      const s = supervisorLines(p.schemeB.supervisor, v, f.month, f.department, f.carry.monthsWithoutClassI);
      lines.push(...s.lines);
      carry.monthsWithoutClassI = s.monthsWithoutClassIAtEnd;
    }
  }
  lines.push(...recordedLines(v, f));
  const amountFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  return { userId: f.userId, month: f.month, policyVersion: v, lines, grade, totalTenths, amountFen, carry };
}
