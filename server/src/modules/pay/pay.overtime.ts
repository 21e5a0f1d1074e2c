import type { TPayOvertime } from '@techserve/core';
import type { Db } from '../../http/context';

/**
 * PAY-5 overtime of the month per person, for the payroll. Overtime is not recorded yet (its set-based read,
 * overtimeForMonth in the attendance area, is being built): every person's overtime is "not recorded", which the
 * payslip shows as such, never as zero. When the read lands, this file maps its rows and nothing else changes.
 */
export async function overtimeOfMonth(_db: Db, _month: string, userIds: number[]): Promise<Map<number, TPayOvertime>> {
  return new Map(userIds.map((id) => [id, { recorded: false } as const]));
}
