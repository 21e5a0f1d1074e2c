import { addDaysToDate, explain, localDateOf, logWindowDeadline, logWindowEndingOn } from '@techserve/core';
import type { Ctx, Db } from '../../http/context';
import type { Clock } from '../../http/clock';
import { notify } from '../notifications/notifications.service';
import { managersOf } from '../org/approvers';
import * as repo from './travel.repository';
import { policyOn, tripWindow } from './travel.service';

/**
 * AT-3: how many past days each scan looks back over. A day whose scan never ran (the server was down after the
 * next working day started) is still flagged by a later scan within this many days; the unique (user, day) key of
 * `travel_log_gaps` keeps the flag and its notice to one.
 */
export const LOG_SCAN_DAYS = 7;

/**
 * AT-2/AT-3: flags every traveller whose reporting window ended on one of the last `LOG_SCAN_DAYS` days without a
 * travel log written before the window's deadline (the start of the next working day, `logWindowDeadline`): one
 * `travel_log_gaps` row per (user, day) — the unique key makes several instances and repeated scans record and
 * notify once — counted as absence by attendance and appraisal, and the traveller's managers are told. A log
 * written after the deadline does not excuse the window, so the result does not depend on when the scan ran.
 */
export async function scanTravelLogs(db: Db, clock: Clock): Promise<{ checked: number; gaps: number }> {
  const nowMs = clock.now().getTime();
  const today = localDateOf(nowMs);
  const dueDays: { date: string; deadline: string }[] = [];
  for (let back = LOG_SCAN_DAYS; back >= 1; back--) {
    const date = addDaysToDate(today, -back);
    const nextDay = addDaysToDate(date, 1);
    // AT-3: the working day that follows is the policy's in force on that day (its first working interval).
    const workStart = (await policyOn(db, nextDay)).document.attendance.workIntervals[0].start;
    const deadlineMs = logWindowDeadline(date, workStart);
    if (deadlineMs <= nowMs) dueDays.push({ date, deadline: new Date(deadlineMs).toISOString() });
  }
  if (dueDays.length === 0) return { checked: 0, gaps: 0 };
  const firstDay = dueDays[0].date;
  const lastDay = dueDays[dueDays.length - 1].date;
  const trips = await repo.tripsAwayBetween(db, firstDay, lastDay);
  const at = new Date(nowMs).toISOString();
  let gaps = 0;
  for (const trip of trips) {
    const window = tripWindow(trip);
    const policy = await policyOn(db, trip.start_date);
    const everyDays = policy.document.travel.dailyLogEveryDays;
    for (const day of dueDays) {
      const due = logWindowEndingOn(window.startDate, window.endDate, everyDays, day.date);
      if (!due) continue;
      const logged = await repo.logFiledBefore(db, trip.user_id, due.startDate, due.endDate, day.deadline);
      if (logged) continue;
      const explanation = explain({
        ruleId: 'AT-3',
        policyVersion: policy.number,
        inputs: { window: due, everyDays, requestId: trip.id },
        result: 'absence',
        zh: `${trip.user_name} 在出差期间 ${due.startDate}～${due.endDate} 未提交出差日志（每 ${everyDays} 天一次，AT-2），按缺勤处理`,
        en: `${trip.user_name} filed no travel log for ${due.startDate}–${due.endDate} (every ${everyDays} day(s), AT-2): counted as absence`,
      });
      const inserted = await repo.insertLogGap(db, {
        user_id: trip.user_id,
        date: day.date,
        request_id: trip.id,
        rule: 'AT-3',
        source: 'travel_log',
        window_start: due.startDate,
        explanation: JSON.stringify(explanation),
        created_at: at,
      });
      if (!inserted) continue;
      gaps++;
      await notify(db, at, {
        userIds: [...(await managersOf(db, trip.user_id)), trip.user_id],
        kind: 'travel_log_missing',
        message: 'travel.logMissing',
        params: { name: trip.user_name, date: due.endDate, explanation: explanation.text },
        link: `/travel/requests/${trip.id}`,
      });
    }
  }
  return { checked: trips.length, gaps };
}

/** The job the scheduler runs every quarter of an hour (same shape as the SLA scan). */
export const travelLogScanJob = (ctx: Pick<Ctx, 'db' | 'clock'>) => ({
  name: 'travel.log-scan',
  everyMs: 15 * 60_000,
  run: async () => {
    await scanTravelLogs(ctx.db, ctx.clock);
  },
});
