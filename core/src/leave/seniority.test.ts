import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { annualLeaveEntitlement, completedYearsOfService } from './seniority';

const steps = defaultPolicy().leave.annualLeaveBySeniority;

describe('AT-4b years of service and annual leave', () => {
  it('completes a year on the anniversary day, not the day before', () => {
    expect(completedYearsOfService('2016-03-02', '2026-03-01')).toBe(9);
    expect(completedYearsOfService('2016-03-02', '2026-03-02')).toBe(10);
    expect(completedYearsOfService('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('completes a year begun on 29 February on 1 March of a common year', () => {
    expect(completedYearsOfService('2024-02-29', '2025-02-28')).toBe(0);
    expect(completedYearsOfService('2024-02-29', '2025-03-01')).toBe(1);
  });

  it('gives the statutory defaults 0/5/10/15 days at the edges of 1, 10 and 20 years', () => {
    const on = (hire: string, date: string) => annualLeaveEntitlement(steps, 3, hire, date).days;
    expect(on('2025-03-02', '2026-03-01')).toBe(0);
    expect(on('2025-03-02', '2026-03-02')).toBe(5);
    expect(on('2016-03-02', '2026-03-01')).toBe(5);
    expect(on('2016-03-02', '2026-03-02')).toBe(10);
    expect(on('2006-03-02', '2026-03-01')).toBe(10);
    expect(on('2006-03-02', '2026-03-02')).toBe(15);
  });

  it('follows the policy’s steps and explains them with the rule and the policy version', () => {
    const e = annualLeaveEntitlement([{ id: 'any', fromYears: 0, days: 3 }], 9, '2026-01-05', '2026-03-02');
    expect(e).toMatchObject({ years: 0, days: 3, stepId: 'any' });
    expect(e.explanation).toMatchObject({ ruleId: 'AT-4b', policyVersion: 9, result: { years: 0, days: 3 } });
    expect(e.explanation.text['zh-CN']).toContain('2026-01-05 入职');
  });
});
