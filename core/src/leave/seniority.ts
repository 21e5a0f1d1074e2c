import { type TExplanation, explain } from '../explanation';
import type { TAnnualLeaveStep } from '../policy/leavePolicy';

/**
 * Completed years of service on a date, from the hire date ('YYYY-MM-DD'): a year is complete on its anniversary day
 * (hired 2016-03-02: 10 years on 2026-03-02, 9 on 2026-03-01); hired on 29 February, the year completes on 1 March
 * of a common year. 0 before the first anniversary or before the hire date.
 */
export function completedYearsOfService(hireDate: string, onDate: string): number {
  if (onDate < hireDate) return 0;
  const years = Number(onDate.slice(0, 4)) - Number(hireDate.slice(0, 4));
  return onDate.slice(5) >= hireDate.slice(5) ? years : years - 1;
}

export type TAnnualEntitlement = { years: number; days: number; stepId: string | null; explanation: TExplanation };

/**
 * AT-4b: annual paid leave days of a calendar year for someone with the years of service they have on `onDate` (the
 * leave's first day): the policy's highest step reached (statutory defaults 5/10/15 days from 1/10/20 years).
 */
export function annualLeaveEntitlement(
  steps: readonly TAnnualLeaveStep[],
  policyVersion: number | null,
  hireDate: string,
  onDate: string,
): TAnnualEntitlement {
  const years = completedYearsOfService(hireDate, onDate);
  const step = [...steps].sort((a, b) => b.fromYears - a.fromYears).find((s) => years >= s.fromYears) ?? null;
  const days = step?.days ?? 0;
  return {
    years,
    days,
    stepId: step?.id ?? null,
    explanation: explain({
      ruleId: 'AT-4b',
      policyVersion,
      inputs: { hireDate, onDate, steps },
      result: { years, days },
      zh: step
        ? `${hireDate} 入职，至 ${onDate} 工龄满 ${years} 年（满 ${step.fromYears} 年起），带薪年假每年 ${days} 天`
        : `${hireDate} 入职，至 ${onDate} 工龄 ${years} 年，未满享受带薪年假的年限`,
      en: step
        ? `hired ${hireDate}: ${years} full year${years === 1 ? '' : 's'} of service on ${onDate} (from ${step.fromYears}), ${days} days of annual leave a year`
        : `hired ${hireDate}: ${years} full year${years === 1 ? '' : 's'} of service on ${onDate}, not yet entitled to annual leave`,
    }),
  };
}
