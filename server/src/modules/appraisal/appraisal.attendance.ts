import type { TAttendanceCounts } from '@techserve/core';
import type { Db } from '../../http/context';

/**
 * AT-1 facts of the month for the appraisal: late arrivals, early leaves and absences per person, or null while the
 * attendance module is not part of this build — the sheet then says "not recorded" (never zero). When attendance
 * lands, this reads its set-based `attendanceForMonth(db, companyId, month)` and maps its per-person counts; a
 * person without an entry in a recorded month has zero of each.
 */
export function attendanceOfMonth(_db: Db, _month: string, _userIds: number[]): Promise<Map<number, TAttendanceCounts> | null> {
  return Promise.resolve(null);
}
