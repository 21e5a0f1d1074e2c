import type { TOvertimeDayKind } from '../attendance/overtime';
import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import type { TPayPolicy } from '../policy/payPolicy';

/** One approved overtime of the month as attendance computed it (AT-5/AT-5b): paid minutes, the day kind's rate. */
export type TPayOvertimeLine = {
  overtimeId: number;
  date: string;
  dayKind: TOvertimeDayKind;
  paidMinutes: number;
  ratePercent: number;
  /** pay: paid at ratePercent; timeOff: rest-day overtime given as time off (补休), paid nothing. */
  compensation: 'pay' | 'timeOff';
  /** The attendance policy version that set the rate. */
  policyVersion: number | null;
};

const DAY_KIND: Record<TOvertimeDayKind, { zh: string; en: string }> = {
  workday: { zh: '工作日', en: 'working day' },
  restDay: { zh: '休息日', en: 'rest day' },
  statutoryHoliday: { zh: '法定节假日', en: 'statutory holiday' },
};

const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

/**
 * AT-5b/PAY-5 overtime pay of one approved overtime ("overtime pay follows national rules"): the hourly wage is the
 * month's base pay ÷ (the policy's pay days a month × hours a day: 21.75 × 8 nationally), times the day kind's rate,
 * times the paid hours; rounded to the fen once per overtime. Rest-day overtime given as time off pays nothing and
 * says so. The explanation carries the pay policy's version (the hourly wage) and the attendance one (the rate).
 */
export function overtimePay(
  pay: TPayPolicy,
  version: number | null,
  baseFen: number,
  o: TPayOvertimeLine,
): { amountFen: number; explanation: TExplanation } {
  const { monthlyPayDays, dailyHours } = pay.overtime;
  const day = DAY_KIND[o.dayKind];
  const hours = hoursText(o.paidMinutes);
  const inputs = {
    overtimeId: o.overtimeId,
    date: o.date,
    dayKind: o.dayKind,
    paidMinutes: o.paidMinutes,
    ratePercent: o.ratePercent,
    compensation: o.compensation,
    baseFen,
    monthlyPayDays,
    dailyHours,
    attendancePolicyVersion: o.policyVersion,
  };
  if (o.compensation === 'timeOff')
    return {
      amountFen: 0,
      explanation: explain({
        ruleId: 'AT-5b',
        policyVersion: version,
        inputs,
        result: 0,
        zh: `${o.date} ${day.zh}加班 ${hours} 小时以补休抵偿，不计加班工资`,
        en: `${o.date} ${day.en} overtime ${hours} h compensated by time off, no overtime pay`,
      }),
    };
  const amountFen = Math.round((baseFen * o.paidMinutes * o.ratePercent) / (monthlyPayDays * dailyHours * 60 * 100));
  const base = { zh: formatMoneyFen(baseFen, 'zh-CN'), en: formatMoneyFen(baseFen, 'en') };
  const result = { zh: formatMoneyFen(amountFen, 'zh-CN'), en: formatMoneyFen(amountFen, 'en') };
  return {
    amountFen,
    explanation: explain({
      ruleId: 'AT-5b',
      policyVersion: version,
      inputs,
      result: amountFen,
      zh: `${o.date} ${day.zh}加班 ${hours} 小时：基本工资 ${base.zh} ÷（${monthlyPayDays} 天 × ${dailyHours} 小时）× ${o.ratePercent}% × ${hours} 小时 = ${result.zh}`,
      en: `${o.date} ${day.en} overtime ${hours} h: base pay ${base.en} ÷ (${monthlyPayDays} days × ${dailyHours} h) × ${o.ratePercent} % × ${hours} h = ${result.en}`,
    }),
  };
}
