import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { type TPolicy, ZPolicy } from './schema';

/** The paths (dot-joined) of the issues of a changed default policy; empty when it is valid. */
function issuePaths(change: (p: TPolicy) => void): string[] {
  const p = defaultPolicy();
  change(p);
  const result = ZPolicy.safeParse(p);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('ZPolicy validation', () => {
  it('reports sub-item weights that do not sum to their parent at that item', () => {
    expect(issuePaths((p) => (p.appraisal.schemeA.items[1].children[0].weight = 20))).toEqual(['appraisal.schemeA.items.1.children']);
  });

  it('reports top item weights that do not sum to the total at the items', () => {
    expect(issuePaths((p) => (p.appraisal.schemeA.total = 90))).toEqual(['appraisal.schemeA.items']);
  });

  it('accepts changed weights that still add up', () => {
    expect(
      issuePaths((p) => {
        p.appraisal.schemeA.items[0].weight = 20;
        p.appraisal.schemeA.items[2].weight = 40;
        p.appraisal.schemeA.items[2].children[0].weight = 18;
      }),
    ).toEqual([]);
  });

  it('reports an A bound not above the B bound', () => {
    expect(issuePaths((p) => (p.appraisal.schemeA.grades.aMinScore = 70))).toEqual(['appraisal.schemeA.grades.aMinScore']);
  });

  it('reports an A bound above the total', () => {
    expect(issuePaths((p) => (p.appraisal.schemeA.grades.aMinScore = 101))).toEqual(['appraisal.schemeA.grades.aMinScore']);
  });

  it('reports a negative fine at its path', () => {
    expect(issuePaths((p) => (p.appraisal.schemeB.engineer.fines.eachPoorRating = -5000))).toEqual([
      'appraisal.schemeB.engineer.fines.eachPoorRating',
    ]);
  });

  it('reports money that is not whole fen', () => {
    expect(issuePaths((p) => (p.travel.newEmployeeDailyFen = 60.5))).toEqual(['travel.newEmployeeDailyFen']);
  });

  it('reports a negative duration', () => {
    expect(issuePaths((p) => (p.sla.nearBreachMinutes = -1))).toEqual(['sla.nearBreachMinutes']);
  });

  it('reports a reversed working interval at its end', () => {
    expect(issuePaths((p) => (p.attendance.workIntervals[1] = { start: '18:00', end: '14:00' }))).toEqual([
      'attendance.workIntervals.1.end',
    ]);
  });

  it('reports overlapping working intervals at the later start', () => {
    expect(issuePaths((p) => (p.attendance.workIntervals[1].start = '11:30'))).toEqual(['attendance.workIntervals.1.start']);
  });

  it('reports a malformed time of day', () => {
    expect(issuePaths((p) => (p.attendance.workIntervals[0].start = '8:00'))).toEqual(['attendance.workIntervals.0.start']);
    expect(issuePaths((p) => (p.reports.engineerWeekly.due.time = '25:00'))).toEqual(['reports.engineerWeekly.due.time']);
  });

  it('reports seriously late not beyond late', () => {
    expect(issuePaths((p) => (p.attendance.seriouslyLateMinutes = 15))).toEqual(['attendance.seriouslyLateMinutes']);
    expect(issuePaths((p) => (p.attendance.seriouslyEarlyLeaveMinutes = 10))).toEqual(['attendance.seriouslyEarlyLeaveMinutes']);
  });

  it('reports an unknown key at the object that holds it', () => {
    const p = { ...defaultPolicy(), travel: { ...defaultPolicy().travel, perDiem: 100 } };
    const result = ZPolicy.safeParse(p);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['unrecognized_keys', 'travel']]);
  });

  it('reports a duplicate id at the second item', () => {
    expect(issuePaths((p) => (p.attendance.conductPoints[2].id = 'late'))).toEqual(['attendance.conductPoints.2.id']);
  });

  it('reports a default SLA level that does not exist', () => {
    expect(issuePaths((p) => (p.sla.defaultLevelId = 'gold'))).toEqual(['sla.defaultLevelId']);
  });

  it('reports a resolution target shorter than the first response', () => {
    expect(issuePaths((p) => (p.sla.levels[0].targets.P3.resolutionMinutes = 60))).toEqual(['sla.levels.0.targets.P3.resolutionMinutes']);
  });

  it('reports leave notice rules whose day ranges overlap', () => {
    expect(issuePaths((p) => (p.leave.noticeRules[1].minDays = 2))).toEqual(['leave.noticeRules.1.minDays']);
  });

  it('reports a transport mode both allowed and needing approval', () => {
    expect(issuePaths((p) => p.travel.allowedTransport.push('taxi'))).toEqual(['travel.transportNeedingApproval.1']);
  });

  it('reports bonus coefficients that increase from band to band', () => {
    expect(issuePaths((p) => (p.pay.rankingBonus.bandCoefficients = [0.5, 0.8, 0.3]))).toEqual(['pay.rankingBonus.bandCoefficients.1']);
  });

  it('reports a level that pays less than the level below', () => {
    expect(issuePaths((p) => (p.pay.engineerLevels[3].monthlyFen = 100000))).toEqual(['pay.engineerLevels.3.monthlyFen']);
  });

  it('reports a missing section', () => {
    const { travel: _travel, ...rest } = defaultPolicy();
    const result = ZPolicy.safeParse(rest);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['travel']);
  });
});
