import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { commission } from './commission';
import { type TPayslipInput, payslip } from './payslip';

const policy = defaultPolicy();
const noCommission = commission({ pay: policy.pay, reports: policy.reports, version: 3, volume: [], nonPieceDays: 0 });
const input = (over: Partial<TPayslipInput> = {}): TPayslipInput => ({
  pay: policy.pay,
  version: 3,
  month: '2026-03',
  baseTierId: 'tier3',
  welderGrade: null,
  probation: false,
  fieldAllowance: false,
  travel: [],
  commission: noCommission,
  released: [],
  sheet: { id: 9, policyVersion: 2, grade: 'A', amounts: [] },
  overtime: { recorded: false },
  ...over,
});
const fine = (fen: number) => ({
  key: 'AP-8:x',
  kind: 'fine' as const,
  ruleId: 'AP-8',
  amountFen: -fen,
  text: { 'zh-CN': '罚款', en: 'fine' },
});

describe('PAY-5 monthly pay', () => {
  it('adds base, field allowance, travel, commission, performance pay and the sheet’s amounts, each line explained', () => {
    const c = commission({
      pay: policy.pay,
      reports: policy.reports,
      version: 3,
      volume: [{ projectId: 4, pipeType: 'waterSupply', band: 'd315to630', jobType: 'weld', centimetres: 10000 }],
      nonPieceDays: 2,
    });
    const p = payslip(
      input({
        baseTierId: 'tier1',
        fieldAllowance: true,
        travel: [{ claimId: 5, amountFen: 36000 }],
        commission: c,
        sheet: {
          id: 9,
          policyVersion: 2,
          grade: 'B',
          amounts: [
            fine(5000),
            { key: 'AP-13:run', kind: 'bonus', ruleId: 'AP-13', amountFen: 10000, text: { 'zh-CN': '奖励', en: 'bonus' } },
          ],
        },
      }),
    );
    expect(p.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['base', 200000],
      ['fieldAllowance', 50000],
      ['travel', 36000],
      ['commission', 9000],
      ['nonPiece', 16000],
      ['performance', 0],
      ['fine', -5000],
      ['bonus', 10000],
      ['overtime', null],
    ]);
    expect(p).toMatchObject({ wageFen: 280000, travelFen: 36000, topUpFen: 0, totalFen: 316000 });
    // The sheet's lines keep the sheet's policy version; the rest carry the pay policy's.
    expect(p.lines.find((l) => l.kind === 'fine')?.explanation.policyVersion).toBe(2);
    expect(p.lines[0].explanation.policyVersion).toBe(3);
  });

  it('shows overtime as not recorded, never as zero', () => {
    const o = payslip(input()).lines.find((l) => l.kind === 'overtime');
    expect(o).toMatchObject({
      amountFen: null,
      explanation: { text: { 'zh-CN': 'PAY-5：加班：未记录', en: 'PAY-5: overtime: not recorded' } },
    });
  });

  it('pays the starting tier when there is no pay profile, and says so', () => {
    const p = payslip(input({ baseTierId: null }));
    expect(p.lines[0]).toMatchObject({ amountFen: 150000 });
    expect(p.lines[0].explanation.text.en).toContain('no pay profile');
  });
});

describe('PAY-3 welder grades and probation', () => {
  const volume = commission({
    pay: policy.pay,
    reports: policy.reports,
    version: 3,
    volume: [{ projectId: 4, pipeType: 'waterSupply', band: 'd50to110', jobType: 'weld', centimetres: 10000 }],
    nonPieceDays: 1,
  });

  it('pays a welder by the grade (八级焊工 3,000) instead of the tier', () => {
    const p = payslip(input({ welderGrade: 8, commission: volume }));
    expect(p.lines[0]).toMatchObject({ key: 'PAY-3:grade', amountFen: 300000 });
    expect(p.lines[0].explanation.text['zh-CN']).toBe('PAY-3：8 级焊工基本工资 3,000 元');
  });

  it('pays probation 1,500 + 300 and no piece rate, saying what the volume would have earned', () => {
    const p = payslip(input({ probation: true, welderGrade: 8, commission: volume }));
    expect(p.lines.map((l) => [l.kind, l.amountFen])).toEqual([
      ['base', 150000],
      ['postAllowance', 30000],
      ['commission', 0],
      ['performance', 0],
      ['overtime', null],
      ['minimumTopUp', 20000],
    ]);
    expect(p.lines[2].explanation.text.en).toBe('PAY-3: no piece rate in probation (the verified volume would earn ¥50)');
  });
});

describe('PAY-5 the guaranteed minimum (2,000 a month)', () => {
  it('adds nothing when the pay exactly meets it', () => {
    // 1,500 base + 500 field allowance = 2,000.
    const p = payslip(input({ fieldAllowance: true }));
    expect(p).toMatchObject({ wageFen: 200000, topUpFen: 0, totalFen: 200000 });
    expect(p.lines.some((l) => l.kind === 'minimumTopUp')).toBe(false);
  });

  it('tops up one fen below as its own explained line', () => {
    const p = payslip(input({ fieldAllowance: true, sheet: { id: 9, policyVersion: 2, grade: 'A', amounts: [{ ...fine(1) }] } }));
    expect(p).toMatchObject({ wageFen: 199999, topUpFen: 1, totalFen: 200000 });
    expect(p.lines.at(-1)).toMatchObject({ kind: 'minimumTopUp', ruleId: 'PAY-5', amountFen: 1 });
    expect(p.lines.at(-1)?.explanation.text['zh-CN']).toBe('PAY-5：工资 1,999.99 元 低于最低保障工资 2,000 元，补足 0.01 元');
  });

  it('does not count travel allowances towards the minimum', () => {
    const p = payslip(input({ travel: [{ claimId: 1, amountFen: 100000 }] }));
    expect(p).toMatchObject({ wageFen: 150000, topUpFen: 50000, totalFen: 300000 });
  });
});
