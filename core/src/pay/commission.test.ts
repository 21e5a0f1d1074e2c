import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { commission, isReleaseDue, retentionReleaseDate, unitPriceFen } from './commission';

const policy = defaultPolicy();
const base = { pay: policy.pay, reports: policy.reports, version: 7, nonPieceDays: 0 };
const v = (pipeType: string, band: string, jobType: 'weld' | 'install' | 'guidance', centimetres: number, projectId = 1) => ({
  projectId,
  pipeType,
  band,
  jobType,
  centimetres,
});

describe('PAY-3 unit prices by pipe type × diameter band × job type', () => {
  it('prices the first and the last band of each pipe type from the policy (the band edges)', () => {
    expect(unitPriceFen(policy.pay, 'waterSupply', 'd50to110', 'weld')).toBe(50);
    expect(unitPriceFen(policy.pay, 'waterSupply', 'd160to250', 'weld')).toBe(100);
    expect(unitPriceFen(policy.pay, 'waterSupply', 'd315to630', 'weld')).toBe(150);
    expect(unitPriceFen(policy.pay, 'drainage', 'below500', 'weld')).toBe(10);
    expect(unitPriceFen(policy.pay, 'drainage', 'd1000to1500', 'weld')).toBe(35);
    expect(unitPriceFen(policy.pay, 'drainage', 'innerWeld', 'weld')).toBe(15);
  });

  it('prices install at 2× weld and guidance at its own price', () => {
    expect(unitPriceFen(policy.pay, 'waterSupply', 'd160to250', 'install')).toBe(200);
    expect(unitPriceFen(policy.pay, 'waterSupply', 'd160to250', 'guidance')).toBe(50);
  });

  it('names no price for guidance on drainage pipe nor for a band the policy does not price', () => {
    expect(unitPriceFen(policy.pay, 'drainage', 'below500', 'guidance')).toBeNull();
    expect(unitPriceFen(policy.pay, 'waterSupply', 'below500', 'weld')).toBeNull();
  });
});

describe('PAY-3 commission of the verified monthly volume', () => {
  it('prices each line, splits per project 60 % now, 10 % held back, the rest at settlement', () => {
    const c = commission({
      ...base,
      volume: [
        v('waterSupply', 'd50to110', 'weld', 12050),
        v('waterSupply', 'd160to250', 'install', 1000),
        v('drainage', 'below500', 'weld', 3000, 2),
      ],
    });
    // 120.5 m × 0.5 = 60.25; 10 m × 2.0 = 20; project 1: 80.25 → 48.15 now, 8.03 held (8.025 rounded), 24.07 at settlement.
    expect(c.lines.map((l) => l.earnedFen)).toEqual([6025, 2000, 300]);
    expect(c.byProject).toEqual([
      { projectId: 1, earnedFen: 8025, paidNowFen: 4815, atSettlementFen: 2407, heldBackFen: 803 },
      { projectId: 2, earnedFen: 300, paidNowFen: 180, atSettlementFen: 90, heldBackFen: 30 },
    ]);
    expect(c).toMatchObject({ earnedFen: 8325, paidNowFen: 4995, atSettlementFen: 2497, heldBackFen: 833, nonPieceFen: 0 });
    expect(c.lines[1].explanation.text['zh-CN']).toBe('PAY-3：项目 #1 给水管 Φ160–250 包安装 10 米 × 2 元/米（包焊接单价 × 2） = 20 元');
    expect(c.lines[0].explanation).toMatchObject({ ruleId: 'PAY-3', policyVersion: 7 });
    expect(c.explanations[0].text.en).toContain(
      '60 % paid this month ¥48.15, ¥24.07 at settlement, 10 % held back ¥8.03 (24 months after settlement)',
    );
  });

  it('keeps a line without a price unpriced, not zero, and leaves it out of the sums', () => {
    const c = commission({ ...base, volume: [v('drainage', 'below500', 'guidance', 500)] });
    expect(c.lines[0]).toMatchObject({ unitFenPerMetre: null, earnedFen: null });
    expect(c.lines[0].explanation.text.en).toContain('the policy names no price');
    expect(c.byProject).toEqual([]);
  });

  it('pays non-piece work per day', () => {
    const c = commission({ ...base, volume: [], nonPieceDays: 3 });
    expect(c.nonPieceFen).toBe(24000);
    expect(c.explanations[0].text['zh-CN']).toBe('PAY-3：不能计件的工作 3 天 × 80 元/天 = 240 元');
  });
});

describe('PAY-3 the held-back share is released two years after settlement', () => {
  it('falls on the same day two years later, clamped at month end (29 February)', () => {
    expect(retentionReleaseDate('2026-04-15', 24)).toBe('2028-04-15');
    expect(retentionReleaseDate('2028-02-29', 24)).toBe('2030-02-28');
  });

  it('is due exactly on the release date, not the day before, and never without one', () => {
    expect(isReleaseDue('2028-04-15', '2028-04-15')).toBe(true);
    expect(isReleaseDue('2028-04-15', '2028-04-14')).toBe(false);
    expect(isReleaseDue(null, '2099-01-01')).toBe(false);
  });
});
