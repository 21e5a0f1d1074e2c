import type { TConflict } from '@techserve/core';
import type { Db } from '../../http/context';
import { grantedLeave } from '../leave/leave.repository';
import { type TravelRow, travelRequestsOverlapping } from './letters.repository';

/** A trip or leave of an engineer as a conflict, with what a trip was made for (never sent: `clashesOf` drops it). */
export type AwaySpan = TConflict & { servesLetterId: number | null; servesTicketId: number | null };

/** A visit of a letter: the letter and the service request it serves. */
export type VisitOf = { letterId: number; ticketId: number | null };

/**
 * FS-10/TR-1: a trip made for a letter (or, naming no letter, for the letter's service request) is how the engineer
 * gets to that letter's visit, not a clash with it.
 */
export function servesVisit(span: AwaySpan, visit: VisitOf): boolean {
  if (span.servesLetterId != null) return span.servesLetterId === visit.letterId;
  return span.servesTicketId != null && span.servesTicketId === visit.ticketId;
}

/**
 * The travel conflicts of a day (or an assignment) with `visits`: a trip serving every one of them is none; a trip
 * on a day with no visit still shows (the engineer is away), and one serving another letter clashes.
 */
export function clashesOf(spans: AwaySpan[], visits: VisitOf[]): TConflict[] {
  const out: TConflict[] = [];
  for (const s of spans) {
    if (visits.length > 0 && visits.every((v) => servesVisit(s, v))) continue;
    out.push({ kind: s.kind, from: s.from, to: s.to, refId: s.refId, note: s.note });
  }
  return out;
}

// Travel requests that no longer take the engineer away.
const INACTIVE_TRAVEL = ['draft', 'rejected', 'cancelled', 'withdrawn'];

/**
 * Travel and approved leave (RS-4) of these users overlapping the dates from..to. Travel is read from the travel
 * module's `travel_requests` when that table exists (absent in older installs; then `known` is false); leave never
 * serves a visit, so it is always a conflict.
 */
export async function awayConflicts(
  db: Db,
  userIds: number[],
  from: string,
  to: string,
): Promise<{ known: boolean; byUser: Map<number, AwaySpan[]> }> {
  const byUser = new Map<number, AwaySpan[]>();
  if (userIds.length === 0) return { known: true, byUser };
  const add = (userId: number, span: AwaySpan) => byUser.set(userId, [...(byUser.get(userId) ?? []), span]);
  for (const l of await grantedLeave(db, userIds, from, to)) {
    add(l.user_id, {
      kind: 'leave',
      from: l.start_date,
      to: l.end_date,
      refId: Number(l.id),
      note: l.type_id,
      servesLetterId: null,
      servesTicketId: null,
    });
  }
  let rows: TravelRow[];
  try {
    // The travel table is not ours and may not exist yet (then the query fails and no travel is shown).
    rows = await travelRequestsOverlapping(db, userIds, from, to);
  } catch {
    return { known: false, byUser };
  }
  for (const r of rows) {
    if (INACTIVE_TRAVEL.includes(r.status)) continue;
    add(r.user_id, {
      kind: 'travel',
      from: r.start_date,
      to: r.end_date,
      refId: Number(r.id),
      note: r.status,
      servesLetterId: r.letter_id == null ? null : Number(r.letter_id),
      servesTicketId: r.ticket_id == null ? null : Number(r.ticket_id),
    });
  }
  return { known: true, byUser };
}
