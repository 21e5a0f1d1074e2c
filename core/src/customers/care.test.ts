import { describe, expect, it } from 'vitest';
import { assessRepairFee, inspectionsDue, nextVisitDue, repairCoverage } from './care';
import { computeWarranty } from './warranty';

const wPolicy = { months: 36, replacedPartExtendsWarranty: true, version: 2 };
const warrantyOn = (today: string) =>
  computeWarranty({ acceptedOn: '2023-03-15', replacements: [{ part: 'PSU', replacedOn: '2025-06-01' }], policy: wPolicy, today });

describe('repairCoverage (CU-2/CU-3)', () => {
  it('CU-2: free in the device warranty on its last day, chargeable the day after', () => {
    expect(repairCoverage({ warranty: warrantyOn('2026-03-14'), causedByPeople: false, policyVersion: 2 })).toMatchObject({
      chargeable: false,
      basis: 'device_warranty',
    });
    expect(repairCoverage({ warranty: warrantyOn('2026-03-15'), causedByPeople: false, policyVersion: 2 })).toMatchObject({
      chargeable: true,
      basis: 'out_of_warranty',
    });
  });
  it('CU-2: the replaced part at fault is free under its own warranty after the device expired', () => {
    const c = repairCoverage({ warranty: warrantyOn('2028-05-31'), part: 'PSU', causedByPeople: false, policyVersion: 2 });
    expect(c).toMatchObject({ chargeable: false, basis: 'part_warranty' });
    expect(c.explanation.text.en).toContain('until 2028-05-31');
    expect(repairCoverage({ warranty: warrantyOn('2028-06-01'), part: 'PSU', causedByPeople: false, policyVersion: 2 }).chargeable).toBe(
      true,
    );
  });
  it('CU-2: a fault caused by people is chargeable even in warranty', () => {
    const c = repairCoverage({ warranty: warrantyOn('2025-01-01'), causedByPeople: true, policyVersion: 2 });
    expect(c).toMatchObject({ chargeable: true, basis: 'caused_by_people' });
    expect(c.explanation).toMatchObject({ ruleId: 'CU-2', policyVersion: 2 });
  });
});

describe('assessRepairFee (CU-3)', () => {
  const policy = { minimumFeeFen: 20000, suggestedMaximumFeeFen: 50000, partsChargedExtra: true };
  it('CU-3: the minimum itself is accepted, one fen below is refused', () => {
    expect(assessRepairFee({ feeFen: 20000, partsFen: 0, policy, policyVersion: 1 }).belowMinimum).toBe(false);
    expect(assessRepairFee({ feeFen: 19999, partsFen: 0, policy, policyVersion: 1 }).belowMinimum).toBe(true);
  });
  it('CU-3: above the suggested maximum stands but is flagged; parts are added when charged extra', () => {
    const a = assessRepairFee({ feeFen: 50001, partsFen: 1000, policy, policyVersion: 1 });
    expect(a).toMatchObject({ belowMinimum: false, aboveSuggestedMaximum: true, totalFen: 51001 });
    expect(a.explanation.text['zh-CN']).toContain('配件另计 10.00 元');
    expect(
      assessRepairFee({ feeFen: 50000, partsFen: 1000, policy: { ...policy, partsChargedExtra: false }, policyVersion: 1 }),
    ).toMatchObject({
      aboveSuggestedMaximum: false,
      totalFen: 50000,
    });
  });
});

describe('inspectionsDue (CU-2)', () => {
  const base = { acceptedOn: '2023-03-15', warrantyEnd: '2026-03-14', from: '2000-01-01', through: '2099-12-31', policyVersion: 1 };
  it('CU-2: one a year, due the day before each anniversary, the last on the warranty end', () => {
    expect(inspectionsDue({ ...base, perYear: 1 }).map((d) => [d.period, d.dueDate])).toEqual([
      ['Y1-1', '2024-03-14'],
      ['Y2-1', '2025-03-14'],
      ['Y3-1', '2026-03-14'],
    ]);
  });
  it('CU-2: two a year split the year; none after the warranty end nor outside the window', () => {
    const d = inspectionsDue({ ...base, perYear: 2, from: '2025-03-14', through: '2025-09-14' });
    expect(d.map((x) => [x.period, x.dueDate])).toEqual([
      ['Y2-2', '2025-03-14'],
      ['Y3-1', '2025-09-14'],
    ]);
    expect(inspectionsDue({ ...base, perYear: 1, warrantyEnd: '2026-03-13' }).map((x) => x.dueDate)).toEqual(['2024-03-14', '2025-03-14']);
  });
  it('CU-2: nothing without acceptance or with zero inspections', () => {
    expect(inspectionsDue({ ...base, acceptedOn: null, perYear: 1 })).toEqual([]);
    expect(inspectionsDue({ ...base, perYear: 0 })).toEqual([]);
  });
});

describe('nextVisitDue (CU-1)', () => {
  const base = { planStart: '2026-01-01', intervalDays: 90, today: '2026-01-01', policyVersion: 4 };
  it('CU-1: the interval after the plan start for a customer never visited', () => {
    const d = nextVisitDue({ ...base, lastDoneOn: null, lastMissedDue: null });
    expect(d.dueDate).toBe('2026-04-01');
    expect(d.explanation).toMatchObject({ ruleId: 'CU-1', policyVersion: 4 });
  });
  it('CU-1: after the last visit done, or after a missed due date when that is later', () => {
    expect(nextVisitDue({ ...base, lastDoneOn: '2026-02-10', lastMissedDue: null }).dueDate).toBe('2026-05-11');
    expect(nextVisitDue({ ...base, lastDoneOn: '2026-02-10', lastMissedDue: '2026-05-11' }).dueDate).toBe('2026-08-09');
    expect(nextVisitDue({ ...base, lastDoneOn: '2026-05-11', lastMissedDue: '2026-05-11' }).dueDate).toBe('2026-08-09');
  });
  it('CU-1: never due before the day the plan runs; due on the computed day itself when that is today', () => {
    expect(nextVisitDue({ ...base, today: '2026-04-01', lastDoneOn: null, lastMissedDue: null }).dueDate).toBe('2026-04-01');
    const late = nextVisitDue({ ...base, today: '2026-04-02', lastDoneOn: null, lastMissedDue: null });
    expect(late.dueDate).toBe('2026-04-02');
    expect(late.explanation.text.en).toContain('2026-04-01 has passed');
  });
});
