import { type TDueFacts, localDateOf, plusDays, previousMonth, weekStartOf } from '@techserve/core';
import type { Clock } from '../../http/clock';
import type { Db } from '../../http/context';
import { type ObligationSpec, openObligations, ownersWorkingOn, systemActing } from '../obligations/obligations.service';
import { policyOn } from '../policy/policy-in-force';
import * as repo from './reports.obligations.repository';

/**
 * Opens what the reports make due (idempotent: an obligation that exists stays as it is):
 * - WR-2/RS-10: today's daily log for everyone who writes reports (reports.write) and works today on their calendar
 *   (a resident's site calendar, POL-1), unless on approved leave — when the policy requires daily logs;
 * - WR-4: this week's weekly report for the same people, and the supervisor's to the GM for each department's head;
 * - WR-1: next week's plan (due this week);
 * - WR-5: last month's monthly service report for each department's head;
 * - WR-7: last month's completed work volume for the members of projects that were under way in it.
 * A plan's approval (WR-1) is opened when the plan is filed; reflections and notices by the incidents module.
 */
export async function openDueReports(db: Db, clock: Clock): Promise<number> {
  const nowMs = clock.now().getTime();
  const today = localDateOf(nowMs);
  const week = weekStartOf(today);
  const lastMonth = previousMonth(today.slice(0, 7));
  const policy = await policyOn(db, today);
  const writers = await repo.reportWriters(db);
  const heads = await repo.departmentHeads(db);
  const specs: ObligationSpec[] = [];
  const add = (facts: TDueFacts, ownerId: number, link: string, subject?: { type: string; id: number }) =>
    specs.push({ facts, ownerId, link, subject });

  if (policy.document.reports.dailyLogRequired) {
    const onLeave = new Set(await repo.onLeave(db, writers, today));
    const working = await ownersWorkingOn(
      db,
      writers.filter((id) => !onLeave.has(id)),
      today,
    );
    for (const id of working) add({ kind: 'daily_log', date: today }, id, '/reports/daily');
  }
  for (const id of writers) {
    add({ kind: 'weekly_report', weekStart: week }, id, '/reports/weekly');
    add({ kind: 'weekly_plan', weekStart: plusDays(week, 7) }, id, '/reports/plans');
  }
  for (const h of heads) {
    add({ kind: 'supervisor_weekly_report', weekStart: week }, h.userId, '/reports/weekly');
    add({ kind: 'monthly_service_report', month: lastMonth }, h.userId, '/reports/monthly', { type: 'department', id: h.departmentId });
  }
  for (const m of await repo.projectMembersActiveIn(db, lastMonth)) {
    add({ kind: 'work_volume', month: lastMonth }, m.userId, '/reports/volume', { type: 'project', id: m.projectId });
  }
  return (await openObligations(db, systemActing(clock), specs)).length;
}

// The same day's set is opened once per process and day; other processes and restarts find the rows there.
let lastOpened = '';

/** The job the scheduler runs every quarter of an hour; the work happens once a day per process (and after a restart). */
export const reportsObligationsJob = (deps: { db: Db; clock: Clock }) => ({
  name: 'reports.open-obligations',
  everyMs: 15 * 60_000,
  run: async () => {
    const key = localDateOf(deps.clock.now().getTime());
    if (key === lastOpened) return;
    await openDueReports(deps.db, deps.clock);
    lastOpened = key;
  },
});
