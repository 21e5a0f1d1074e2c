import { describe, expect, it } from 'vitest';
import { explain } from '../explanation';
import { defaultPolicy } from '../policy/defaults';
import { commission } from './commission';
import type { TPayOvertimeLine } from './overtimePay';
import { type TPayBonus, type TPayslipInput, payslip } from './payslip';

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
  bonuses: [],
  overtime: [],
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
    ]);
    expect(p).toMatchObject({ wageFen: 280000, travelFen: 36000, overtimeFen: 0, topUpFen: 0, totalFen: 316000 });
    // The sheet's lines keep the sheet's policy version; the rest carry the pay policy's.
    expect(p.lines.find((l) => l.kind === 'fine')?.explanation.policyVersion).toBe(2);
    expect(p.lines[0].explanation.policyVersion).toBe(3);
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

describe('AT-5b overtime and the month’s AP-6/PAY-2 bonuses on the payslip', () => {
  const ot = (overtimeId: number, over: Partial<TPayOvertimeLine> = {}): TPayOvertimeLine => ({
    overtimeId,
    date: '2026-03-10',
    dayKind: 'workday',
    paidMinutes: 60,
    ratePercent: 150,
    compensation: 'pay',
    policyVersion: 4,
    ...over,
  });
  const award: TPayBonus = {
    key: 'AP-6:2026-03',
    ruleId: 'AP-6',
    amountFen: 20000,
    explanation: explain({ ruleId: 'AP-6', policyVersion: 2, inputs: {}, result: 20000, zh: '优秀员工', en: 'best employee' }),
  };

  it('prices each approved overtime on the person’s own base: tier, welder grade or probation base', () => {
    // 1 h at 150 %: 1,500 ÷ 174 × 1.5 = 12.93; 八级焊工 3,000 → 25.86; probation base 1,500 (not the post allowance).
    const line = (over: Partial<TPayslipInput>) => payslip(input({ overtime: [ot(1)], ...over })).lines.find((l) => l.kind === 'overtime');
    expect(line({})).toMatchObject({ key: 'AT-5b:overtime:1', ruleId: 'AT-5b', amountFen: 1293 });
    expect(line({ welderGrade: 8 })?.amountFen).toBe(2586);
    expect(line({ probation: true })?.amountFen).toBe(1293);
  });

  it('adds no overtime line when there was none, one per overtime otherwise', () => {
    expect(payslip(input()).lines.some((l) => l.kind === 'overtime')).toBe(false);
    const p = payslip(
      input({ baseTierId: 'tier1', overtime: [ot(1), ot(2, { dayKind: 'statutoryHoliday', ratePercent: 300, paidMinutes: 180 })] }),
    );
    expect(p.lines.filter((l) => l.kind === 'overtime').map((l) => l.amountFen)).toEqual([1724, 10345]);
    expect(p).toMatchObject({ overtimeFen: 12069, totalFen: 200000 + 12069 });
  });

  it('pays overtime on top of the guaranteed minimum, never towards it', () => {
    // 1,500 base: topped up by 500 to 2,000, then 12.93 overtime on top.
    const p = payslip(input({ overtime: [ot(1)] }));
    expect(p).toMatchObject({ wageFen: 150000, overtimeFen: 1293, topUpFen: 50000, totalFen: 201293 });
  });

  it('adds the month’s best-employee bonus as its own explained line, counted in the wage', () => {
    const p = payslip(input({ bonuses: [award], fieldAllowance: true }));
    expect(p.lines.find((l) => l.key === 'AP-6:2026-03')).toMatchObject({ kind: 'bonus', ruleId: 'AP-6', amountFen: 20000 });
    expect(p.lines.find((l) => l.key === 'AP-6:2026-03')?.explanation.policyVersion).toBe(2);
    expect(p).toMatchObject({ wageFen: 220000, topUpFen: 0, totalFen: 220000 });
  });
});
