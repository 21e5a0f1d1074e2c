import type { TBoard, TBoardQuery, TConflict, TLetterStatus } from '@techserve/core';
import type { Ctx } from '../../http/context';
import { invalidValue } from '../../http/errors';
import { clashesOf, awayConflicts } from './field.conflicts';
import { datesBetween, endOf, localDateOfIso, localRange } from './field.dates';
import { engineersInView } from './field.team';
import { boardLetters } from './letters.repository';
import { letterNumber } from './letters.service';

/** The board shows at most this many days at once (a month view). */
const MAX_BOARD_DAYS = 31;
const ON_BOARD: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site', 'return_requested', 'returned', 'confirmed', 'booked'];

/**
 * Dispatch board: engineers × days with their letters' appointments, and conflicts — approved leave (RS-4), travel
 * (from the travel module when installed), two appointments of one engineer that overlap.
 */
export async function dispatchBoard(ctx: Ctx, q: TBoardQuery): Promise<TBoard> {
  if (q.to < q.from) throw invalidValue('querystring.to', 'before from');
  const days = datesBetween(q.from, q.to);
  if (days.length > MAX_BOARD_DAYS) throw invalidValue('querystring.to', `at most ${MAX_BOARD_DAYS} days`);
  const { engineers } = await engineersInView(ctx.db, ctx.actor, q.teamId);
  const ids = engineers.map((e) => e.id);
  const { start, end } = localRange(q.from, q.to);
  const rows = ids.length ? await boardLetters(ctx.db, ids, ON_BOARD, start, end) : [];
  const travel = await awayConflicts(ctx.db, ids, q.from, q.to);
  return {
    from: q.from,
    to: q.to,
    days,
    travelKnown: travel.known,
    leaveKnown: true,
    engineers: engineers.map((e) => {
      const mine = rows.filter((r) => r.user_id === e.id);
      return {
        userId: e.id,
        name: e.name,
        teamId: e.team_id,
        levelName: e.level_name,
        days: days.map((date) => {
          const dayRows = mine.filter((r) => localDateOfIso(r.appointment_at as string) === date);
          const items = dayRows.map((r) => ({
            letterId: r.id,
            number: letterNumber(r.id),
            status: r.status,
            customerName: r.customer_name,
            title: r.title,
            appointmentAt: r.appointment_at as string,
            endAt: endOf(r.appointment_at as string, r.estimated_minutes),
            estimatedMinutes: r.estimated_minutes,
            version: r.version,
          }));
          // FS-10/TR-1: a trip made for the day's own letter is how the engineer gets there, not a clash.
          const spans = (travel.byUser.get(e.id) ?? []).filter((c) => c.from <= date && c.to >= date);
          const conflicts: TConflict[] = clashesOf(
            spans,
            dayRows.map((r) => ({ letterId: r.id, ticketId: r.ticket_id })),
          );
          for (let i = 0; i < items.length; i++) {
            for (let j = i + 1; j < items.length; j++) {
              const [a, b] = [items[i], items[j]];
              if (a.appointmentAt < b.endAt && b.appointmentAt < a.endAt) {
                conflicts.push({
                  kind: 'double_booked',
                  from: b.appointmentAt,
                  to: a.endAt < b.endAt ? a.endAt : b.endAt,
                  refId: b.letterId,
                  note: `${a.number} / ${b.number}`,
                });
              }
            }
          }
          return { date, items, conflicts };
        }),
      };
    }),
  };
}
