import { dayBefore, explain, localDateOf, logWindowEndingOn, minutesOfDayIn } from '@techserve/core';
import type { Ctx, Db } from '../../http/context';
import type { Clock } from '../../http/clock';
import { notify } from '../notifications/notifications.service';
import { managersOf } from './travel.access';
import { policyOn, tripWindow } from './travel.service';

/**
 * AT-2/AT-3: once the working day has started (the first working interval of the policy in force), flags every
 * traveller whose reporting window ended yesterday without a travel log: one `travel_log_gaps` row per (user, day)
 * — the unique key makes several instances and repeated scans record and notify once — counted as absence by
 * attendance and appraisal, and the traveller's managers are told.
 */
export async function scanTravelLogs(db: Db, clock: Clock): Promise<{ checked: number; gaps: number }> {
  const nowMs = clock.now().getTime();
  const today = localDateOf(nowMs);
  const todayPolicy = await policyOn(db, today);
  const [h, m] = todayPolicy.document.attendance.workIntervals[0].start.split(':').map(Number);
  if (minutesOfDayIn(nowMs) < h * 60 + m) return { checked: 0, gaps: 0 };
  const yesterday = dayBefore(today);
  const trips = await db
    .selectFrom('travel_requests')
    .innerJoin('users', 'users.id', 'travel_requests.user_id')
    .select(['travel_requests.id', 'travel_requests.user_id', 'travel_requests.start_date', 'travel_requests.end_date', 'travel_requests.extension_status', 'travel_requests.extension_start_date', 'travel_requests.extension_end_date', 'users.name as user_name'])
    .where('travel_requests.status', 'in', ['approved', 'completed'])
    .where((eb) => eb.or([eb('travel_requests.start_date', '<=', yesterday), eb('travel_requests.extension_start_date', '<=', yesterday)]))
    .where((eb) => eb.or([eb('travel_requests.end_date', '>=', yesterday), eb('travel_requests.extension_end_date', '>=', yesterday)]))
    .orderBy('travel_requests.id')
    .execute();
  const at = new Date(nowMs).toISOString();
  let gaps = 0;
  for (const trip of trips) {
    const window = tripWindow(trip);
    const policy = await policyOn(db, trip.start_date);
    const everyDays = policy.document.travel.dailyLogEveryDays;
    const due = logWindowEndingOn(window.startDate, window.endDate, everyDays, yesterday);
    if (!due) continue;
    const logged = await db.selectFrom('travel_logs').select('id').where('user_id', '=', trip.user_id).where('date', '>=', due.startDate).where('date', '<=', due.endDate).executeTakeFirst();
    if (logged) continue;
    const explanation = explain({
      ruleId: 'AT-3',
      policyVersion: policy.number,
      inputs: { window: due, everyDays, requestId: trip.id },
      result: 'absence',
      zh: `${trip.user_name} 在出差期间 ${due.startDate}～${due.endDate} 未提交出差日志（每 ${everyDays} 天一次，AT-2），按缺勤处理`,
      en: `${trip.user_name} filed no travel log for ${due.startDate}–${due.endDate} (every ${everyDays} day(s), AT-2): counted as absence`,
    });
    const inserted = await db
      .insertInto('travel_log_gaps')
      .values({ user_id: trip.user_id, date: yesterday, request_id: trip.id, rule: 'AT-3', source: 'travel_log', window_start: due.startDate, explanation: JSON.stringify(explanation), created_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'date']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    gaps++;
    await notify(db, at, {
      userIds: [...(await managersOf(db, trip.user_id)), trip.user_id],
      kind: 'travel_log_missing',
      title: { zh: `出差日志缺失：${trip.user_name} ${due.endDate}`, en: `Travel log missing: ${trip.user_name} ${due.endDate}` },
      body: { zh: explanation.text['zh-CN'], en: explanation.text.en },
      link: `/travel/requests/${trip.id}`,
    });
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
