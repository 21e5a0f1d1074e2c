import { type TExplanation, explain, formatMoneyFen } from '../explanation';
import { monthDates } from '../obligations/month';

/** PAY-3c: an installation project contracted (承包) to an employee, from its start date to its end (settlement). */
export type TPayContract = {
  contractId: number;
  projectId: number;
  /** The first day the salary stops. */
  startOn: string;
  /** The last day of the contract (its settlement); null while open. */
  endOn: string | null;
};

export type TContractStop = {
  /** Days of the month covered by a contract (no salary on them). */
  stoppedDays: number;
  daysInMonth: number;
  /** The base salary not paid (≥ 0; the payslip line is its negative). */
  stoppedFen: number;
  explanation: TExplanation;
};

const dayOf = (date: string) => Number(date.slice(8, 10));

/**
 * PAY-3c: the salary stops from a contract's start date (to its end date, when the contract is settled within the
 * month). The base of the month is paid for the calendar days not under a contract: stopped = round(base × stopped
 * days ÷ days of the month). Overlapping contracts count each day once. Null when no contract touches the month.
 */
export function contractStop(
  version: number | null,
  month: string,
  baseFen: number,
  contracts: readonly TPayContract[],
): TContractStop | null {
  const { first, last } = monthDates(month);
  const daysInMonth = dayOf(last);
  const stopped = new Set<number>();
  const touching = contracts.filter((c) => c.startOn <= last && (c.endOn === null || c.endOn >= first));
  for (const c of touching) {
    const from = c.startOn < first ? 1 : dayOf(c.startOn);
    const to = c.endOn === null || c.endOn > last ? daysInMonth : dayOf(c.endOn);
    for (let d = from; d <= to; d++) stopped.add(d);
  }
  if (stopped.size === 0) return null;
  const stoppedDays = stopped.size;
  const stoppedFen = Math.round((baseFen * stoppedDays) / daysInMonth);
  const names = touching.map((c) => `#${c.contractId}`).join(', ');
  const span = touching.map((c) => `${c.startOn}–${c.endOn ?? '…'}`).join(', ');
  return {
    stoppedDays,
    daysInMonth,
    stoppedFen,
    explanation: explain({
      ruleId: 'PAY-3c',
      policyVersion: version,
      inputs: {
        month,
        baseFen,
        contracts: touching.map((c) => ({ id: c.contractId, projectId: c.projectId, startOn: c.startOn, endOn: c.endOn })),
      },
      result: -stoppedFen,
      zh: `承包合同 ${names}（${span}）：承包期间停发工资，本月 ${stoppedDays}/${daysInMonth} 天，扣除基本工资 ${formatMoneyFen(stoppedFen, 'zh-CN')}`,
      en: `contract ${names} (${span}): no salary while contracted, ${stoppedDays} of ${daysInMonth} days this month, base pay ${formatMoneyFen(stoppedFen, 'en')} not paid`,
    }),
  };
}
