import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOf } from '../calendar/dates';
import { defaultPolicy } from '../policy/defaults';
import type { TAppraisalPolicy } from '../policy/appraisalPolicy';
import { appraise } from './appraise';
import type { TAppraisalFacts, TIncidentFact, TRatedService, TRatingGrade } from './facts';
import { gradeOf, invalidScore, workloadTenths } from './schemeA';
import { addMonthsToDate, inWindowEndingOn } from './windows';

const policy = (change: (p: TAppraisalPolicy) => void = () => {}) => {
  const p = structuredClone(defaultPolicy().appraisal);
  change(p);
  return { appraisal: p, version: 7 };
};
const facts = (over: Partial<TAppraisalFacts> = {}): TAppraisalFacts => ({
  userId: 5,
  month: '2026-04',
  supervisor: false,
  services: [],
  signatureFaults: [],
  overruns: [],
  lateWeeklyReports: [],
  exams: [],
  examFailuresBefore: 0,
  incidents: [],
  attendance: null,
  workload: null,
  scores: {},
  yearGrades: [],
  carry: { fairRun: 0, cleanMonths: 0, monthsWithoutClassI: 0 },
  ...over,
});
const service = (ticketId: number, ratedAt: string, g: [TRatingGrade, TRatingGrade, TRatingGrade]): TRatedService => ({
  ticketId,
  ref: `SR-2026-${String(ticketId).padStart(4, '0')}`,
  ratedAt,
  attitude: g[0],
  skill: g[1],
  result: g[2],
});
const incident = (incidentId: number, classId: 'I' | 'II', date: string): TIncidentFact => ({ incidentId, classId, date });
const ofRule = (r: ReturnType<typeof appraise>, ruleId: string) => r.lines.filter((l) => l.ruleId === ruleId);
const proposals = (r: ReturnType<typeof appraise>) => r.lines.filter((l) => l.kind === 'proposal').map((l) => `${l.ruleId}:${l.proposal}`);

/** Scores every leaf item so the total is `total` (whole points; the workload item takes the remainder). */
function scoresFor(total: number) {
  const s: Record<string, number> = { initiative: 15, coordination: 10, loyalty: 15, planning: 8, execution: 10, quality: 12 };
  s.workload = total - 70;
  return s;
}

describe('AP-4 grades, exact at the edges', () => {
  const a = policy().appraisal.schemeA;
  it.each([
    [860, 'A'],
    [859, 'B'],
    [850, 'B'],
    [700, 'B'],
    [699, 'C'],
    [690, 'C'],
  ] as const)('grades a total of %i tenths as %s', (tenths, grade) => {
    expect(gradeOf(a, tenths)).toBe(grade);
  });
  it('grades 86 as A and 85 as B through the chain (the GM score counts)', () => {
    expect(appraise(policy(), facts({ scores: { departmentManager: scoresFor(80), gm: scoresFor(86) } })).grade).toBe('A');
    expect(appraise(policy(), facts({ scores: { gm: scoresFor(85) } })).grade).toBe('B');
    expect(appraise(policy(), facts({ scores: { vp: scoresFor(70) } })).grade).toBe('B');
    expect(appraise(policy(), facts({ scores: { vp: scoresFor(69) } })).grade).toBe('C');
  });
  it('does not grade on the self-appraisal alone', () => {
    const r = appraise(policy(), facts({ scores: { self: scoresFor(100) } }));
    expect(r.grade).toBeNull();
    expect(ofRule(r, 'AP-4')[0].explanation.text.en).toContain('Not graded yet');
  });
  it('uses the policy bands (a company grading A from 90)', () => {
    const r = appraise(
      policy((p) => (p.schemeA.grades.aMinScore = 90)),
      facts({ scores: { gm: scoresFor(89) } }),
    );
    expect(r.grade).toBe('B');
    expect(ofRule(r, 'AP-4')[0].explanation.policyVersion).toBe(7);
  });
});

describe('AP-3 items and the computed workload', () => {
  const a = policy().appraisal.schemeA;
  it('gives full marks at the policy figure and rounds half up to 0.1 point', () => {
    expect(workloadTenths(a, 30, { devices: 100, failureRate: 0.1 })).toBe(300);
    expect(workloadTenths(a, 30, { devices: 1000, failureRate: 0.1 })).toBe(300);
    // 5 × 0.1 / 10 × 30 = 1.5 points; 0.35 failures → 1.05 → 1.1 (half up)
    expect(workloadTenths(a, 30, { devices: 5, failureRate: 0.1 })).toBe(15);
    expect(workloadTenths(a, 30, { devices: 7, failureRate: 0.05 })).toBe(11);
  });
  it('grades 85.9 as B when the computed workload gives tenths', () => {
    const gm = scoresFor(100);
    delete gm.workload;
    // 70 + 30 × 0.53 = 85.9
    const r = appraise(policy(), facts({ scores: { gm }, workload: { devices: 53, failureRate: 0.1 } }));
    expect(r.totalTenths).toBe(859);
    expect(r.grade).toBe('B');
    expect(r.lines.find((l) => l.key === 'AP-3:item:workload')!.explanation.text['zh-CN']).toContain('53');
  });
  it('refuses a score above the weight, a fraction or an unknown item', () => {
    expect(invalidScore(a, { initiative: 16 })).toEqual({ itemId: 'initiative', weight: 15 });
    expect(invalidScore(a, { initiative: 15 })).toBeNull();
    expect(invalidScore(a, { planning: 7.5 })).toEqual({ itemId: 'planning', weight: 8 });
    expect(invalidScore(a, { nope: 1 })).toEqual({ itemId: 'nope', weight: null });
  });
});

describe('AP-5 the year', () => {
  it('proposes promotion at the sixth A of the year, not the fifth or seventh', () => {
    const at = (n: number) => proposals(appraise(policy(), facts({ scores: { gm: scoresFor(90) }, yearGrades: Array(n).fill('A') })));
    expect(at(4)).toEqual([]);
    expect(at(5)).toEqual(['AP-5:promotion']);
    expect(at(6)).toEqual([]);
  });
  it('proposes demotion at the sixth C', () => {
    const r = appraise(policy(), facts({ scores: { gm: scoresFor(60) }, yearGrades: ['C', 'B', 'C', 'C', 'C', 'C'] }));
    expect(proposals(r)).toEqual(['AP-5:demotion']);
  });
});

describe('AP-8 ratings', () => {
  it('fines each 差 50 yuan', () => {
    const r = appraise(policy(), facts({ services: [service(1, '2026-04-02T02:00:00Z', ['poor', 'poor', 'good'])] }));
    expect(ofRule(r, 'AP-8').map((l) => l.amountFen)).toEqual([-5000, -5000]);
  });
  it('fines three 中 in one service once', () => {
    const r = appraise(policy(), facts({ services: [service(1, '2026-04-02T02:00:00Z', ['fair', 'fair', 'fair'])] }));
    expect(ofRule(r, 'AP-8').map((l) => l.key)).toEqual(['AP-8:fairService:1']);
    expect(r.carry.fairRun).toBe(0);
  });
  it('counts 中 in a row across services; another grade resets the run', () => {
    const two = appraise(
      policy(),
      facts({
        services: [
          service(1, '2026-04-02T02:00:00Z', ['good', 'fair', 'fair']),
          service(2, '2026-04-03T02:00:00Z', ['good', 'good', 'good']),
        ],
      }),
    );
    expect(ofRule(two, 'AP-8')).toEqual([]);
    const three = appraise(
      policy(),
      facts({
        services: [
          service(1, '2026-04-02T02:00:00Z', ['good', 'fair', 'fair']),
          service(2, '2026-04-03T02:00:00Z', ['fair', 'good', 'good']),
        ],
      }),
    );
    expect(ofRule(three, 'AP-8').map((l) => l.evidence.map((e) => e.id))).toEqual([[1, 2]]);
  });
  it('carries the run across the month end: the third 中 in a row on the 1st is fined', () => {
    const march = appraise(policy(), facts({ month: '2026-03', services: [service(1, '2026-03-31T09:00:00Z', ['good', 'fair', 'fair'])] }));
    expect(march.carry.fairRun).toBe(2);
    expect(ofRule(march, 'AP-8')).toEqual([]);
    const april = appraise(
      policy(),
      facts({ carry: march.carry, services: [service(2, '2026-04-01T01:00:00Z', ['fair', 'good', 'good'])] }),
    );
    const fine = ofRule(april, 'AP-8');
    expect(fine.map((l) => l.amountFen)).toEqual([-5000]);
    expect(fine[0].explanation.text.en).toContain('2 carried from last month');
  });
});

describe('AP-7, AP-9, AP-10, AP-11 single facts', () => {
  it('fines an overrun, a late weekly report, a missing signature as three 差, a failed exam, each incident', () => {
    const r = appraise(
      policy(),
      facts({
        overruns: [{ letterId: 3, ref: 'L-3', estimatedMinutes: 120, actualMinutes: 150 }],
        lateWeeklyReports: [{ obligationId: 9, kind: 'weekly_report', period: '2026-W15', dueAt: '2026-04-10T10:00:00Z' }],
        signatureFaults: [{ letterId: 4, ref: 'L-4', date: '2026-04-08', fault: 'forged' }],
        exams: [{ attemptId: 2, examId: 1, title: 'Safety', passed: false, gradedAt: '2026-04-09T02:00:00Z' }],
        incidents: [incident(11, 'I', '2026-04-20'), incident(12, 'II', '2026-04-21')],
      }),
    );
    expect(r.lines.filter((l) => l.kind === 'fine').map((l) => [l.ruleId, l.amountFen])).toEqual([
      ['AP-7', -5000],
      ['AP-9', -2000],
      ['AP-9', -15000],
      ['AP-10', -5000],
      ['AP-11', -10000],
      ['AP-11', -5000],
    ]);
    expect(r.amountFen).toBe(-42000);
  });
  it('shows overruns as not recorded when letters carry no estimate', () => {
    const r = appraise(policy(), facts({ overruns: null }));
    expect(ofRule(r, 'AP-7').map((l) => l.kind)).toEqual(['info']);
  });
  it('proposes a downgrade at the third failed exam in total', () => {
    const exam = { attemptId: 2, examId: 1, title: 'Safety', passed: false, gradedAt: '2026-04-09T02:00:00Z' };
    expect(proposals(appraise(policy(), facts({ exams: [exam], examFailuresBefore: 1 })))).toEqual([]);
    expect(proposals(appraise(policy(), facts({ exams: [exam], examFailuresBefore: 2 })))).toEqual(['AP-10:salaryDowngrade']);
    expect(proposals(appraise(policy(), facts({ exams: [exam], examFailuresBefore: 3 })))).toEqual([]);
  });
});

describe('AP-12 windows', () => {
  it('clamps a month shift to the month end', () => {
    expect(addMonthsToDate('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-01-15', -3)).toBe('2025-10-15');
  });
  it('counts the 3-month window up to its last day and not one day more', () => {
    expect(inWindowEndingOn([{ date: '2026-01-15' }], '2026-04-14', 3)).toHaveLength(1);
    expect(inWindowEndingOn([{ date: '2026-01-14' }], '2026-04-14', 3)).toHaveLength(0);
    const on = appraise(policy(), facts({ incidents: [incident(1, 'I', '2026-01-15'), incident(2, 'I', '2026-04-14')] }));
    expect(proposals(on)).toEqual(['AP-12:salaryDowngrade']);
    const after = appraise(policy(), facts({ incidents: [incident(1, 'I', '2026-01-14'), incident(2, 'I', '2026-04-14')] }));
    expect(proposals(after)).toEqual([]);
  });
  it('reads across the year end', () => {
    const r = appraise(policy(), facts({ month: '2026-01', incidents: [incident(1, 'I', '2025-11-20'), incident(2, 'I', '2026-01-05')] }));
    expect(proposals(r)).toEqual(['AP-12:salaryDowngrade']);
  });
  it('proposes dismissal at three Class I or six Class II within 6 months', () => {
    const threeI = [incident(1, 'I', '2025-10-20'), incident(2, 'I', '2026-02-01'), incident(3, 'I', '2026-04-19')];
    // 02-01 and 04-19 are also two Class I within 3 months
    expect(proposals(appraise(policy(), facts({ incidents: threeI })))).toEqual(['AP-12:salaryDowngrade', 'AP-12:dismissal']);
    const sixII = [1, 2, 3, 4, 5, 6].map((n) => incident(n, 'II', `2026-0${Math.min(n, 4)}-${String(n + 10)}`));
    expect(proposals(appraise(policy(), facts({ incidents: sixII })))).toEqual(['AP-12:dismissal']);
    expect(proposals(appraise(policy(), facts({ incidents: sixII.slice(1) })))).toEqual([]);
  });
  it('raises nothing when the window was completed in an earlier month only', () => {
    const r = appraise(policy(), facts({ incidents: [incident(1, 'I', '2026-02-01'), incident(2, 'I', '2026-03-01')] }));
    expect(proposals(r)).toEqual([]);
  });
});

describe('AP-13 clean months', () => {
  const good = [service(1, '2026-04-02T02:00:00Z', ['good', 'excellent', 'good'])];
  it('pays the bonus in the third clean month in a row and starts again', () => {
    const r = appraise(policy(), facts({ services: good, carry: { fairRun: 0, cleanMonths: 2, monthsWithoutClassI: 0 } }));
    expect(ofRule(r, 'AP-13').map((l) => l.amountFen)).toEqual([10000]);
    expect(r.carry.cleanMonths).toBe(0);
  });
  it('pays nothing in the second, and a 中 breaks the run', () => {
    expect(ofRule(appraise(policy(), facts({ carry: { fairRun: 0, cleanMonths: 1, monthsWithoutClassI: 0 } })), 'AP-13')).toEqual([]);
    const r = appraise(
      policy(),
      facts({
        services: [service(1, '2026-04-02T02:00:00Z', ['good', 'fair', 'good'])],
        carry: { fairRun: 0, cleanMonths: 2, monthsWithoutClassI: 0 },
      }),
    );
    expect(ofRule(r, 'AP-13')).toEqual([]);
    expect(r.carry.cleanMonths).toBe(0);
  });
});

describe('AP-14 the supervisor', () => {
  const dept = (incidents: { incidentId: number; classId: 'I' | 'II'; date: string; engineerId: number }[]) => ({
    lateReports: [{ obligationId: 3, kind: 'monthly_report', period: '2026-03', dueAt: '2026-04-03T10:00:00Z' }],
    incidents,
    signatureFaults: [{ letterId: 4, ref: 'L-4', date: '2026-04-08', fault: 'missing' as const, engineerId: 9 }],
  });
  it('fines late reports, department incidents and a tolerated missing signature; proposes a downgrade at 3 Class I in 3 months', () => {
    const d = dept([
      { incidentId: 1, classId: 'I', date: '2026-02-01', engineerId: 9 },
      { incidentId: 2, classId: 'I', date: '2026-03-01', engineerId: 8 },
      { incidentId: 3, classId: 'I', date: '2026-04-30', engineerId: 9 },
    ]);
    const r = appraise(policy(), facts({ supervisor: true, department: d }));
    expect(ofRule(r, 'AP-14').map((l) => [l.kind, l.amountFen])).toEqual([
      ['fine', -2000],
      ['fine', -5000],
      ['fine', -10000],
      ['proposal', 0],
    ]);
  });
  it('pays the bonus in the sixth month without a department Class I', () => {
    const r = appraise(
      policy(),
      facts({ supervisor: true, department: dept([]), carry: { fairRun: 0, cleanMonths: 0, monthsWithoutClassI: 5 } }),
    );
    expect(r.lines.find((l) => l.key === 'AP-14:noClassI')?.amountFen).toBe(10000);
    const r5 = appraise(
      policy(),
      facts({ supervisor: true, department: dept([]), carry: { fairRun: 0, cleanMonths: 0, monthsWithoutClassI: 4 } }),
    );
    expect(r5.lines.find((l) => l.key === 'AP-14:noClassI')).toBeUndefined();
    expect(r5.carry.monthsWithoutClassI).toBe(5);
  });
});

describe('every line explains itself', () => {
  it('shows attendance as not recorded, never as zero', () => {
    const r = appraise(policy(), facts());
    const at = ofRule(r, 'AT-1')[0];
    expect(at.explanation.text['zh-CN']).toContain('未记录');
    expect(at.explanation.inputs).toEqual({ attendance: null });
    const counted = appraise(policy(), facts({ attendance: { late: 2, earlyLeave: 0, absence: 1 } }));
    expect(ofRule(counted, 'AT-1')[0].explanation.text.en).toContain('2 late');
  });

  const grade = fc.constantFrom<TRatingGrade>('excellent', 'good', 'fair', 'poor');
  const services = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 30 }), grade, grade, grade), { maxLength: 12 })
    .map((xs) => xs.map(([day, a, b, c], i) => service(i + 1, `2026-04-${String(day).padStart(2, '0')}T03:00:00Z`, [a, b, c])));
  const incidents = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.constantFrom<'I' | 'II'>('I', 'II')), { maxLength: 8 })
    .map((xs) => xs.map(([back, cls], i) => incident(i + 1, cls, dateOfDayNumber(dayNumberOf('2026-04-30') - back))));
  it('gives the same sheet for the same facts, and every fine and proposal has evidence and both languages', () => {
    fc.assert(
      fc.property(services, incidents, fc.integer({ min: 0, max: 2 }), (s, i, run) => {
        const f = facts({ services: s, incidents: i, carry: { fairRun: run, cleanMonths: 0, monthsWithoutClassI: 0 } });
        const a = appraise(policy(), f);
        expect(appraise(policy(), structuredClone(f))).toEqual(a);
        for (const l of a.lines) {
          if (l.kind === 'fine' || l.kind === 'proposal') expect(l.evidence.length).toBeGreaterThan(0);
          expect(l.explanation.text['zh-CN']).toMatch(/^[A-Z]+-\d+/);
          expect(l.explanation.policyVersion).toBe(7);
        }
      }),
    );
  });
  it('changes nothing when an unrelated fact (an incident older than every window) is added', () => {
    fc.assert(
      fc.property(services, incidents, (s, i) => {
        const a = appraise(policy(), facts({ services: s, incidents: i }));
        const b = appraise(policy(), facts({ services: s, incidents: [...i, incident(999, 'I', '2025-01-01')] }));
        expect(b).toEqual(a);
      }),
    );
  });
});
