import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { type TPayOvertimeLine, overtimePay } from './overtimePay';

const pay = defaultPolicy().pay;
const line = (over: Partial<TPayOvertimeLine> = {}): TPayOvertimeLine => ({
  overtimeId: 7,
  date: '2026-03-10',
  dayKind: 'workday',
  paidMinutes: 120,
  ratePercent: 150,
  compensation: 'pay',
  policyVersion: 4,
  ...over,
});

describe('AT-5b overtime pay: base ÷ (21.75 days × 8 h) × the day kind’s rate × the paid hours', () => {
  it('prices a working day at 150 %, a rest day at 200 %, a statutory holiday at 300 % (2,000 base)', () => {
    // 200,000 fen ÷ 174 h = 1,149.43 fen an hour.
    expect(overtimePay(pay, 3, 200000, line()).amountFen).toBe(3448);
    expect(overtimePay(pay, 3, 200000, line({ dayKind: 'restDay', ratePercent: 200 })).amountFen).toBe(4598);
    expect(overtimePay(pay, 3, 200000, line({ dayKind: 'statutoryHoliday', ratePercent: 300, paidMinutes: 180 })).amountFen).toBe(10345);
  });

  it('pays nothing for no paid minutes, and rounds half a fen up once per overtime', () => {
    expect(overtimePay(pay, 3, 200000, line({ paidMinutes: 0 })).amountFen).toBe(0);
    // 87 fen ÷ 174 h × 100 % × 1 h = 0.5 fen → 1; one minute less → 0.49 → 0.
    expect(overtimePay(pay, 3, 87, line({ paidMinutes: 60, ratePercent: 100 })).amountFen).toBe(1);
    expect(overtimePay(pay, 3, 87, line({ paidMinutes: 59, ratePercent: 100 })).amountFen).toBe(0);
  });

  it('reads the hourly wage from the policy (22 pay days × 8 h)', () => {
    const other = { ...pay, overtime: { monthlyPayDays: 22, dailyHours: 8 } };
    // 176,000 ÷ 176 h = 1,000 fen an hour × 1.5 × 2 h.
    expect(overtimePay(other, 5, 176000, line()).amountFen).toBe(3000);
  });

  it('explains the line with the rule, both policy versions, the hours and the rate, in zh-CN and en', () => {
    const { explanation } = overtimePay(pay, 3, 200000, line());
    expect(explanation).toMatchObject({
      ruleId: 'AT-5b',
      policyVersion: 3,
      inputs: { overtimeId: 7, paidMinutes: 120, ratePercent: 150, monthlyPayDays: 21.75, dailyHours: 8, attendancePolicyVersion: 4 },
    });
    expect(explanation.text['zh-CN']).toBe(
      'AT-5b：2026-03-10 工作日加班 2 小时：基本工资 2,000 元 ÷（21.75 天 × 8 小时）× 150% × 2 小时 = 34.48 元',
    );
    expect(explanation.text.en).toBe(
      'AT-5b: 2026-03-10 working day overtime 2 h: base pay ¥2,000 ÷ (21.75 days × 8 h) × 150 % × 2 h = ¥34.48',
    );
  });

  it('pays rest-day overtime given as time off (补休) nothing, and says so', () => {
    const p = overtimePay(pay, 3, 200000, line({ dayKind: 'restDay', ratePercent: 200, compensation: 'timeOff' }));
    expect(p.amountFen).toBe(0);
    expect(p.explanation.text['zh-CN']).toBe('AT-5b：2026-03-10 休息日加班 2 小时以补休抵偿，不计加班工资');
  });
});
