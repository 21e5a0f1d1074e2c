import type { TConflict } from '@techserve/core';
import { sql } from 'kysely';
import type { Db } from '../../http/context';

type TravelRow = { id: number; user_id: number; status: string; start_date: string; end_date: string };

// Travel requests that no longer take the engineer away.
const INACTIVE_TRAVEL = ['draft', 'rejected', 'cancelled', 'withdrawn'];

/**
 * Travel of these users overlapping the dates from..to, read from the travel module's `travel_requests` when that
 * table exists (owned by the travel module; absent in older installs). Leave is not modelled yet, so it never
 * appears. `known` is false when the travel table could not be read.
 */
export async function travelConflicts(db: Db, userIds: number[], from: string, to: string): Promise<{ known: boolean; byUser: Map<number, TConflict[]> }> {
  const byUser = new Map<number, TConflict[]>();
  if (userIds.length === 0) return { known: true, byUser };
  let rows: TravelRow[];
  try {
    // Raw SQL: the table is not ours and may not exist yet (then the query fails and no travel is shown).
    const result = await sql<TravelRow>`SELECT id, user_id, status, start_date, end_date FROM travel_requests
      WHERE user_id IN (${sql.join(userIds)}) AND start_date <= ${to} AND end_date >= ${from}`.execute(db);
    rows = result.rows;
  } catch {
    return { known: false, byUser };
  }
  for (const r of rows) {
    if (INACTIVE_TRAVEL.includes(r.status)) continue;
    const list = byUser.get(r.user_id) ?? [];
    list.push({ kind: 'travel', from: r.start_date, to: r.end_date, refId: Number(r.id), note: r.status });
    byUser.set(r.user_id, list);
  }
  return { known: true, byUser };
}
