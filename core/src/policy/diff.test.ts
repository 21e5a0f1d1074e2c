import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { diffPolicies } from './diff';

describe('diffPolicies', () => {
  it('finds nothing between equal policies', () => {
    expect(diffPolicies(defaultPolicy(), defaultPolicy())).toEqual([]);
  });

  it('lists a changed fine with its rule id and both values', () => {
    const b = defaultPolicy();
    b.appraisal.schemeB.engineer.fines.eachPoorRating = 8000;
    expect(diffPolicies(defaultPolicy(), b)).toEqual([
      { path: 'appraisal.schemeB.engineer.fines.eachPoorRating', ruleId: 'AP-8', before: 5000, after: 8000 },
    ]);
  });

  it('lists several changed leaves in document order', () => {
    const b = defaultPolicy();
    b.attendance.lateThresholdMinutes = 0;
    b.travel.technicalGuidanceMaxDays = 10;
    expect(diffPolicies(defaultPolicy(), b).map((c) => [c.path, c.ruleId])).toEqual([
      ['attendance.lateThresholdMinutes', 'RS-2'],
      ['travel.technicalGuidanceMaxDays', 'TR-3'],
    ]);
  });

  it('matches items by id, so reordering them is no change', () => {
    const b = defaultPolicy();
    b.attendance.conductPoints.reverse();
    expect(diffPolicies(defaultPolicy(), b)).toEqual([]);
  });

  it('names a changed item by its id', () => {
    const b = defaultPolicy();
    b.attendance.conductPoints.find((c) => c.id === 'smoking')!.points = 20;
    expect(diffPolicies(defaultPolicy(), b)).toEqual([
      { path: 'attendance.conductPoints.smoking.points', ruleId: 'RS-9', before: 10, after: 20 },
    ]);
  });

  it('compares arrays without ids by index', () => {
    const b = defaultPolicy();
    b.attendance.workIntervals[1].end = '17:30';
    b.pay.rankingBonus.bandCoefficients = [0.8, 0.6, 0.3];
    expect(diffPolicies(defaultPolicy(), b)).toEqual([
      { path: 'attendance.workIntervals.1.end', ruleId: 'RS-1', before: '18:00', after: '17:30' },
      { path: 'pay.rankingBonus.bandCoefficients.1', ruleId: 'PAY-2', before: 0.5, after: 0.6 },
    ]);
  });

  it('lists the leaves of an added item with no before value', () => {
    const b = defaultPolicy();
    b.attendance.conductPoints.push({ id: 'sleeping', name: { 'zh-CN': '上班睡觉', en: 'Sleeping' }, points: 10 });
    expect(diffPolicies(defaultPolicy(), b)).toEqual([
      { path: 'attendance.conductPoints.sleeping.id', ruleId: 'RS-9', before: undefined, after: 'sleeping' },
      { path: 'attendance.conductPoints.sleeping.name.zh-CN', ruleId: 'RS-9', before: undefined, after: '上班睡觉' },
      { path: 'attendance.conductPoints.sleeping.name.en', ruleId: 'RS-9', before: undefined, after: 'Sleeping' },
      { path: 'attendance.conductPoints.sleeping.points', ruleId: 'RS-9', before: undefined, after: 10 },
    ]);
  });

  it('lists the leaves of a removed item with no after value', () => {
    const b = defaultPolicy();
    b.fieldService.standardKit = b.fieldService.standardKit.filter((k) => k.id !== 'screwdriver');
    const changes = diffPolicies(defaultPolicy(), b);
    expect(changes.map((c) => c.path)).toEqual([
      'fieldService.standardKit.screwdriver.id',
      'fieldService.standardKit.screwdriver.name.zh-CN',
      'fieldService.standardKit.screwdriver.name.en',
    ]);
    expect(changes.every((c) => c.after === undefined && c.ruleId === 'FS-4')).toBe(true);
  });

  it('reports a value that becomes null', () => {
    const b = defaultPolicy();
    b.leave.noticeRules[0].maxDays = null;
    expect(diffPolicies(defaultPolicy(), b)).toEqual([
      { path: 'leave.noticeRules.oneToTwoDays.maxDays', ruleId: 'RS-4', before: 2, after: null },
    ]);
  });
});
