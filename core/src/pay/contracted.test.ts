import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { commission } from './commission';
import { contractStop } from './contracted';
import { payslip } from './payslip';

const c = (startOn: string, endOn: string | null = null, contractId = 1) => ({ contractId, projectId: 7, startOn, endOn });

describe('PAY-3c salary stops from the contract’s start date', () => {
  it('a contract starting on the 1st stops the whole month', () => {
    const s = contractStop(3, '2026-03', 310000, [c('2026-03-01')]);
    expect(s).toMatchObject({ stoppedDays: 31, daysInMonth: 31, stoppedFen: 310000 });
    expect(s?.explanation.ruleId).toBe('PAY-3c');
    expect(s?.explanation.text['zh-CN']).toContain('31/31');
  });
  it('a contract starting on the last day of the month stops that one day only', () => {
    expect(contractStop(3, '2026-03', 310000, [c('2026-03-31')])).toMatchObject({ stoppedDays: 1, stoppedFen: 10000 });
    expect(contractStop(3, '2026-02', 280000, [c('2026-02-28')])).toMatchObject({ stoppedDays: 1, daysInMonth: 28, stoppedFen: 10000 });
  });
  it('a contract starting the day after the month, or ended the day before it, stops nothing', () => {
    expect(contractStop(3, '2026-03', 310000, [c('2026-04-01')])).toBeNull();
    expect(contractStop(3, '2026-03', 310000, [c('2026-01-10', '2026-02-28')])).toBeNull();
  });
  it('a contract settled within the month: the salary resumes the day after its end; overlaps count a day once', () => {
    expect(contractStop(3, '2026-03', 310000, [c('2026-02-10', '2026-03-10')])).toMatchObject({ stoppedDays: 10, stoppedFen: 100000 });
    const two = contractStop(3, '2026-03', 310000, [c('2026-03-05', '2026-03-10', 1), c('2026-03-08', '2026-03-12', 2)]);
    expect(two).toMatchObject({ stoppedDays: 8, stoppedFen: 80000 });
  });
  it('rounds to the fen', () => {
    expect(contractStop(3, '2026-03', 100000, [c('2026-03-21')])?.stoppedFen).toBe(35484);
  });
});

describe('PAY-3c in the payslip', () => {
  const policy = defaultPolicy();
  const base = {
    pay: policy.pay,
    version: 3,
    month: '2026-03',
    baseTierId: 'tier3',
    welderGrade: null,
    probation: false,
    fieldAllowance: false,
    travel: [],
    commission: commission({ pay: policy.pay, reports: policy.reports, version: 3, volume: [], nonPieceDays: 0 }),
    released: [],
    sheet: { id: 9, policyVersion: 2, grade: null, amounts: [] },
    bonuses: [],
    overtime: [],
  };
  it('a contracted whole month: the base is stopped by its own line, and no minimum top-up', () => {
    const p = payslip(Object.assign({}, base, { contracts: [c('2026-03-01')] }));
    const stop = p.lines.find((l) => l.key === 'PAY-3c:contracted');
    const baseLine = p.lines.find((l) => l.kind === 'base' && l.key !== 'PAY-3c:contracted');
    expect(stop?.amountFen).toBe(-(baseLine?.amountFen ?? 0));
    expect(p.topUpFen).toBe(0);
    expect(p.totalFen).toBe(0);
  });
  it('without contracts the payslip is unchanged', () => {
    expect(payslip(Object.assign({}, base, { contracts: [] }))).toEqual(payslip(base));
  });
});
