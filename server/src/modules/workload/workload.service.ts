/**
 * WR-8 workload (工作量分析): per person and team, the working time and content the system recorded between two
 * dates — requests worked and resolved, time recorded (SR-10), visits and time on site (FS-5), daily logs and the
 * minutes they account for (WR-2), trip days (AT-2) — and what it went on (the top requests, customers visited and
 * places travelled to), read set-based for everyone in the actor's scope at once.
 */
import { type TWorkload, type TWorkloadContent, type TWorkloadFigures, type TWorkloadQuery, plusDays } from '@techserve/core';
import { type Ctx, can } from '../../http/context';
import { fieldDetail, forbidden, refuse } from '../../http/errors';
import { type PersonWork, compileWork } from '../reports/reports.compile';
import * as repo from './workload.repository';

/** The longest range one request covers. */
const MAX_DAYS = 366;
/** How many content items a person shows. */
const CONTENT_ITEMS = 5;

/**
 * WR-8 content: the requests worked (minutes recorded on each), the customers visited (minutes on site over their
 * visits) and the places travelled to (travel-log days), the largest first.
 */
export function contentOf(w: PersonWork): TWorkloadContent[] {
  const items: TWorkloadContent[] = w.tickets.map((t) => ({
    source: 'ticket',
    label: `${t.number} ${t.title}`,
    minutes: t.minutes,
    count: t.entries,
  }));
  const grouped = (source: 'visit' | 'travel', entries: { label: string; minutes: number }[]) => {
    const by = new Map<string, TWorkloadContent>();
    for (const e of entries) {
      const item = by.get(e.label) ?? { source, label: e.label, minutes: 0, count: 0 };
      item.minutes += e.minutes;
      item.count++;
      by.set(e.label, item);
    }
    items.push(...by.values());
  };
  grouped(
    'visit',
    w.visits.map((v) => ({ label: v.customerName, minutes: v.minutes })),
  );
  grouped(
    'travel',
    w.travelLogs.map((l) => ({ label: l.place, minutes: 0 })),
  );
  return items
    .sort((a, b) => b.minutes - a.minutes || b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'))
    .slice(0, CONTENT_ITEMS);
}

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
    ctx.timeZone,
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
    return { userId: p.id, name: p.name, teamId: p.team_id, teamName: p.team_name, ...figures, content: w ? contentOf(w) : [] };
  });
  const teams = new Map<number | null, TWorkload['teams'][number]>();
  for (const r of rows) {
    let t = teams.get(r.teamId);
    if (!t) {
      t = { teamId: r.teamId, teamName: r.teamName, people: 0, ...zero() };
      teams.set(r.teamId, t);
    }
    t.people++;
    const { userId: _u, name: _n, teamId: _t, teamName: _tn, content: _c, ...figures } = r;
    add(t, figures);
  }
  return { from: q.from, to: q.to, people: rows, teams: [...teams.values()] };
}
