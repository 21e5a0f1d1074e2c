import { type TTravelLog, type TTravelLogCreate, type TTravelLogDays, addDaysToDate, localDateOf, logWindows } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { invalidValue } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { assertTraveller, requestFor } from './travel.access.repository';
import * as repo from './travel.repository';
import { illegal, policyOn, tripWindow } from './travel.service';

type LogRow = { id: number; request_id: number; user_id: number; date: string; place: string; work_done: string; created_at: string };
const toLog = (r: LogRow): TTravelLog => ({
  id: r.id,
  requestId: r.request_id,
  userId: r.user_id,
  date: r.date,
  place: r.place,
  workDone: r.work_done,
  createdAt: r.created_at,
});

/** AT-2: the traveller's log of one day away — where they were and what they did. One per day (409 for a second). */
export async function createLog(ctx: Ctx, body: TTravelLogCreate): Promise<TTravelLog> {
  const at = nowIso(ctx.clock);
  const today = localDateOf(ctx.clock.now().getTime());
  return ctx.db.transaction().execute(async (db) => {
    const trip = await requestFor(ctx, body.requestId, db);
    assertTraveller(ctx.actor, trip);
    if (trip.status !== 'approved' && trip.status !== 'completed') throw illegal(`A ${trip.status} trip takes no travel logs`);
    const window = tripWindow(trip);
    if (body.date < window.startDate || body.date > window.endDate)
      throw invalidValue('body.date', `outside the trip (${window.startDate} to ${window.endDate})`, 'AT-2');
    if (body.date > today) throw invalidValue('body.date', 'a day still to come cannot be logged', 'AT-2');
    const row = await repo.insertLog(db, {
      request_id: trip.id,
      user_id: ctx.actor.id,
      date: body.date,
      place: body.place,
      work_done: body.workDone,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, { action: 'travel.log.create', entity: 'travel_log', entityId: row.id, after: body });
    return toLog(row);
  });
}

/** AT-2/AT-3: the trip's days with their logs, the reporting windows and the missing reports. */
export async function logDays(ctx: Ctx, requestId: number): Promise<TTravelLogDays> {
  const trip = await requestFor(ctx, requestId);
  const window = tripWindow(trip);
  const everyDays = (await policyOn(ctx.db, trip.start_date)).document.travel.dailyLogEveryDays;
  const today = localDateOf(ctx.clock.now().getTime());
  const [logs, gaps] = await Promise.all([
    repo.logsBetween(ctx.db, trip.user_id, window.startDate, window.endDate),
    repo.logGapsBetween(ctx.db, trip.user_id, window.startDate, window.endDate),
  ]);
  const byDate = new Map(logs.map((l) => [l.date, toLog(l)]));
  const gapDates = new Set(gaps.map((g) => g.date));
  const days: TTravelLogDays['days'] = [];
  for (const w of logWindows(window.startDate, window.endDate, everyDays)) {
    const dates = datesOf(w.startDate, w.endDate);
    const logged = dates.some((d) => byDate.has(d));
    for (const date of dates) {
      const windowEnd = date === w.endDate;
      days.push({ date, log: byDate.get(date) ?? null, windowEnd, gap: gapDates.has(date), missing: windowEnd && !logged && date < today });
    }
  }
  return { requestId, everyDays, days };
}

function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDaysToDate(d, 1)) out.push(d);
  return out;
}
