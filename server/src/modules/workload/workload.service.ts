/**
 * WR-8 workload (工作量分析): per person and team, the working time and content the system recorded between two
 * dates — requests worked and resolved, time recorded (SR-10), visits and time on site (FS-5), daily logs and the
 * minutes they account for (WR-2), trip days (AT-2) — read set-based for everyone in the actor's scope at once.
 */
import { type TWorkload, type TWorkloadFigures, type TWorkloadQuery, plusDays } from '@techserve/core';
import { type Ctx, can } from '../../http/context';
import { fieldDetail, forbidden, refuse } from '../../http/errors';
import { compileWork } from '../reports/reports.compile';
import * as repo from './workload.repository';

/** The longest range one request covers. */
const MAX_DAYS = 366;

const zero = (): TWorkloadFigures => ({
  requestsWorked: 0,
  requestsResolved: 0,
  timeMinutes: 0,
  visits: 0,
  onSiteMinutes: 0,
  dailyLogs: 0,
  loggedMinutes: 0,
  travelDays: 0,
});

const FIGURES = Object.keys(zero()) as (keyof TWorkloadFigures)[];

function add(a: TWorkloadFigures, b: TWorkloadFigures) {
  for (const k of FIGURES) a[k] += b[k];
}

export async function workload(ctx: Ctx, q: TWorkloadQuery): Promise<TWorkload> {
  if (!can(ctx.actor, 'reports.review') && !can(ctx.actor, 'reports.supervise'))
    throw forbidden('This needs the permission "reports.review"');
  if (q.to > plusDays(q.from, MAX_DAYS - 1))
    throw refuse(
      'invalid_value',
      'common.invalidRequest',
      { summary: `at most ${MAX_DAYS} days` },
      { ruleId: 'WR-8', details: [fieldDetail('querystring.to', 'field.invalid')] },
    );
  const people = await repo.peopleInScope(ctx.db, ctx.actor, q.teamId);
  const work = await compileWork(
    ctx.db,
    people.map((p) => p.id),
    q.from,
    q.to,
    ctx.clock.now().getTime(),
  );
  const rows = people.map((p) => {
    const w = work.get(p.id);
    const figures: TWorkloadFigures = w
      ? {
          requestsWorked: w.tickets.length,
          requestsResolved: w.tickets.filter((t) => t.resolved).length,
          timeMinutes: w.timeMinutes,
          visits: w.visits.length,
          onSiteMinutes: w.onSiteMinutes,
          dailyLogs: w.dailyLogs.length,
          loggedMinutes: w.dailyLogs.reduce((a, d) => a + d.totalMinutes, 0),
          travelDays: w.travelDays,
        }
      : zero();
    return { userId: p.id, name: p.name, teamId: p.team_id, teamName: p.team_name, ...figures };
  });
  const teams = new Map<number | null, TWorkload['teams'][number]>();
  for (const r of rows) {
    let t = teams.get(r.teamId);
    if (!t) {
      t = { teamId: r.teamId, teamName: r.teamName, people: 0, ...zero() };
      teams.set(r.teamId, t);
    }
    t.people++;
    const { userId: _u, name: _n, teamId: _t, teamName: _tn, ...figures } = r;
    add(t, figures);
  }
  return { from: q.from, to: q.to, people: rows, teams: [...teams.values()] };
}
