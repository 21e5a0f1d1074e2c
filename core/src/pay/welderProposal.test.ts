import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { type TWelderRecord, fullMonthsBetween, welderProposal } from './welderProposal';

const pay = defaultPolicy().pay;
const welder = (over: Partial<TWelderRecord> = {}): TWelderRecord => ({
  grade: 3,
  gradeSince: '2026-01-15',
  probation: false,
  hireDate: '2025-06-01',
  examPassedSince: true,
  ...over,
});

describe('full months between two dates', () => {
  it('completes a month on the same day, or on the last day of a shorter month', () => {
    expect(fullMonthsBetween('2026-01-15', '2026-07-14')).toBe(5);
    expect(fullMonthsBetween('2026-01-15', '2026-07-15')).toBe(6);
    expect(fullMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(fullMonthsBetween('2025-12-31', '2026-02-27')).toBe(1);
    expect(fullMonthsBetween('2026-03-10', '2026-03-01')).toBe(0);
  });
});

describe('PAY-3 welder grade-up: 6 months at the grade and an exam', () => {
  it('proposes the next grade on the day six months are complete, not the day before', () => {
    expect(welderProposal(pay, 4, '2026-07-14', welder())).toMatchObject({ kind: null, months: 5, proposedGrade: null });
    const up = welderProposal(pay, 4, '2026-07-15', welder());
    expect(up).toMatchObject({ kind: 'gradeUp', months: 6, proposedGrade: 4 });
    expect(up.explanation).toMatchObject({ ruleId: 'PAY-3', policyVersion: 4 });
    expect(up.explanation.text['zh-CN']).toBe(
      'PAY-3：2026-01-15 起任 3 级焊工 6 个月（需 6 个月并通过考核），已通过考核 → 建议晋升为 4 级焊工（1,900 元），报总经理决定',
    );
  });

  it('needs the exam when the policy says so, and not otherwise', () => {
    expect(welderProposal(pay, 4, '2026-12-31', welder({ examPassedSince: false })).kind).toBeNull();
    const noExam = { ...pay, levelUp: { minMonths: 6, examRequired: false } };
    expect(welderProposal(noExam, 4, '2026-12-31', welder({ examPassedSince: false })).kind).toBe('gradeUp');
  });

  it('proposes nothing above the highest grade, without a grade, or when the date of the grade is not recorded', () => {
    expect(welderProposal(pay, 4, '2026-12-31', welder({ grade: 8 })).explanation.text.en).toBe(
      'PAY-3: welder grade 8 is the highest grade',
    );
    expect(welderProposal(pay, 4, '2026-12-31', welder({ grade: null })).kind).toBeNull();
    const unknown = welderProposal(pay, 4, '2026-12-31', welder({ gradeSince: null }));
    expect(unknown).toMatchObject({ kind: null, months: null });
    expect(unknown.explanation.text.en).toContain('not recorded');
  });
});

describe('PAY-3b probation (1–3 months) ends with an assessment before conversion', () => {
  const probation = (hireDate: string | null) => welderProposal(pay, 4, '2026-03-31', welder({ probation: true, hireDate }));
  it('is not due before the first month is complete, due from it, overdue after the third', () => {
    expect(probation('2026-03-01')).toMatchObject({ kind: null, months: 0 });
    expect(probation('2026-02-28')).toMatchObject({ kind: 'probationAssessment', months: 1, overdue: false });
    expect(probation('2025-12-31')).toMatchObject({ kind: 'probationAssessment', months: 3, overdue: false });
    const late = probation('2025-12-30');
    expect(late).toMatchObject({ kind: 'probationAssessment', months: 3, overdue: false });
    expect(probation('2025-11-30')).toMatchObject({ kind: 'probationAssessment', months: 4, overdue: true });
    expect(probation('2025-11-30').explanation.text['zh-CN']).toBe(
      'PAY-3b：2025-11-30 入职，试用 4 个月（试用期 1—3 个月）：已超过最长试用期，应进行转正考核（考核工艺流程、施工规范、焊接技术、现场表现和工作主动性）',
    );
  });

  it('says so when the hire date is not recorded, and never proposes a grade-up in probation', () => {
    expect(probation(null)).toMatchObject({ kind: null, months: null, explanation: { ruleId: 'PAY-3b' } });
  });
});
