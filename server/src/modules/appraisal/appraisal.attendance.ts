import type { TAttendanceCounts } from '@techserve/core';
import type { Db } from '../../http/context';
import { attendanceForMonth } from '../attendance/attendance.evaluation';
import { conductPointsForMonth } from '../residents/residents.conduct';

/**
 * AT-1 facts of the month for the appraisal: late arrivals, early leaves and absences (旷工) per person, from the
 * attendance module's set-based roll-up (RS-2, RS-3: the person-days evaluated against each one's shift, leave and
 * trips), with the month's RS-9 conduct points from the residents module. Every member of staff has an entry in a
 * recorded month; one without working days has zero of each.
 */
export async function attendanceOfMonth(db: Db, month: string, userIds: number[], nowMs: number): Promise<Map<number, TAttendanceCounts>> {
  const rollups = userIds.length ? await attendanceForMonth(db, month, userIds, nowMs) : [];
  // RS-9: the conduct points of the month (the roll-up's late points, recorded offences, closed months' corrections).
  const conduct = new Map((await conductPointsForMonth(db, month, userIds, nowMs, rollups)).map((c) => [c.userId, c.total]));
  return new Map(
    rollups.map((r) => [
      r.userId,
      { late: r.lateCount, earlyLeave: r.earlyCount, absence: r.absences, conductPoints: conduct.get(r.userId) ?? 0 },
    ]),
  );
}
