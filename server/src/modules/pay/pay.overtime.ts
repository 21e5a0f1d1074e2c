import type { TPayOvertimeLine } from '@techserve/core';
import type { Db } from '../../http/context';
import { overtimeForMonth } from '../attendance/attendance.overtime';

/**
 * AT-5/AT-5b/PAY-5 overtime of the month per person, for the payroll: the approved overtime read set-based by
 * attendance (overtimeForMonth: paid minutes from the punches, the day kind's rate or time off); an overtime still
 * submitted or rejected is not read. core's payslip prices each line on the person's base pay.
 */
export async function overtimeOfMonth(db: Db, month: string, userIds: number[]): Promise<Map<number, TPayOvertimeLine[]>> {
  const byUser = new Map<number, TPayOvertimeLine[]>(userIds.map((id) => [id, []]));
  for (const l of await overtimeForMonth(db, month, userIds))
    byUser.get(l.userId)?.push({
      overtimeId: l.overtimeId,
      date: l.date,
      dayKind: l.dayKind,
      paidMinutes: l.paidMinutes,
      ratePercent: l.ratePercent,
      compensation: l.compensation,
      policyVersion: l.policyVersion,
    });
  return byUser;
}
