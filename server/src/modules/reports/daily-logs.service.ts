import {
  type TDailyLog,
  type TDailyLogDraft,
  type TDailyLogItem,
  type TDailyLogListQuery,
  type TDailyLogTask,
  type ZDailyLogCreate,
  type ZDailyLogUpdate,
  localTimeText,
} from '@techserve/core';
import type { z } from 'zod';
import { nowIso, todayOf } from '../../http/clock';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { assertMonthOpen } from '../months/months.service';
import { dueFor, fulfilObligation, ownersWorkingOn } from '../obligations/obligations.service';
import { compileWork, obligationsByPair } from './reports.compile';
import * as repo from './reports.repository';

// WR-2 daily work log (工作日志), RS-10 residents' daily report with tasks per person. A log is due every working day
// of the author's calendar (a resident's site calendar, POL-1) and flagged the next working morning when missing
// (the obligation's due instant); it is pre-filled from what the system knows so nobody types it twice.

type CreateBody = z.output<typeof ZDailyLogCreate>;
type UpdateBody = z.output<typeof ZDailyLogUpdate>;

const LINK = '/reports/daily';

/** The day's lines from the requests worked, visits and travel log (language-neutral labels: data, not sentences). */
function prefill(
  work: Awaited<ReturnType<typeof compileWork>> extends Map<number, infer W> ? W : never,
  timeZone: string,
): TDailyLogItem[] {
  const hhmm = (iso: string) => localTimeText(Date.parse(iso), timeZone).slice(11, 16);
  return [
    ...work.tickets.map((t) => ({ source: 'ticket' as const, refId: t.id, refLabel: t.number, content: t.title, minutes: t.minutes })),
    ...work.visits.map((v) => ({
      source: 'visit' as const,
      refId: v.letterId,
      refLabel: v.customerName,
      content: `${v.title} · ${hhmm(v.inAt)}–${v.outAt ? hhmm(v.outAt) : '…'}`,
      minutes: Math.min(v.minutes, 24 * 60),
    })),
    ...work.travelLogs.map((l) => ({ source: 'travel' as const, refId: l.requestId, refLabel: l.place, content: l.workDone, minutes: 0 })),
  ];
}

const sumMinutes = (items: { minutes: number }[]) =>
  Math.min(
    items.reduce((a, i) => a + i.minutes, 0),
    24 * 60,
  );

/** The stored columns of a log's content; its minutes are the work lines' (a resident's tasks when it has none). */
const logColumns = (body: Omit<CreateBody, 'date'>) => ({
  summary: body.summary ?? '',
  items: JSON.stringify(body.items),
  tasks: JSON.stringify(body.tasks),
  problems: body.problems ?? '',
  tomorrow: body.tomorrow ?? '',
  total_minutes: sumMinutes(body.items.length > 0 ? body.items : body.tasks),
});

function toDailyLog(r: repo.DailyLogRow, obligation: TDailyLog['obligation']): TDailyLog {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    date: r.date,
    summary: r.summary,
    items: JSON.parse(r.items) as TDailyLogItem[],
    tasks: JSON.parse(r.tasks) as TDailyLogTask[],
    problems: r.problems,
    tomorrow: r.tomorrow,
    totalMinutes: Number(r.total_minutes),
    siteName: r.site_name,
    submittedAt: r.submitted_at,
    obligation,
    version: r.version,
  };
}

async function withObligations(db: Db, rows: repo.DailyLogRow[], nowMs: number): Promise<TDailyLog[]> {
  const obligations = await obligationsByPair(
    db,
    'daily_log',
    rows.map((r) => ({ ownerId: r.user_id, period: r.date })),
    nowMs,
  );
  return rows.map((r) => toDailyLog(r, obligations.get(`${r.user_id}|${r.date}`) ?? null));
}

function assertWriter(actor: Actor) {
  if (!can(actor, 'reports.write')) throw forbidden('This needs the permission "reports.write"');
}

/** WR-2: the day pre-filled from the requests worked, visits, the travel log and time recorded. */
export async function dailyLogDraft(ctx: Ctx, date: string): Promise<TDailyLogDraft> {
  assertWriter(ctx.actor);
  const nowMs = ctx.clock.now().getTime();
  const me = await repo.personRow(ctx.db, ctx.actor.id);
  const work = (await compileWork(ctx.db, [me.id], date, date, nowMs, ctx.timeZone)).get(me.id);
  const items = work ? prefill(work, ctx.timeZone) : [];
  const working = (await ownersWorkingOn(ctx.db, [me.id], date)).has(me.id);
  const due = working ? await dueFor(ctx.db, me.id, { kind: 'daily_log', date }) : null;
  const existing = await repo.dailyLogOn(ctx.db, me.id, date);
  return {
    date,
    items,
    totalMinutes: sumMinutes(items),
    resident: me.site_id != null,
    siteName: me.site_name,
    due: due && { dueAt: new Date(due.dueAt).toISOString(), dueDate: due.dueDate, explanation: due.explanation },
    existingId: existing?.id ?? null,
  };
}

export async function getDailyLog(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TDailyLog> {
  const row = await repo.dailyLogInScope(db, ctx.actor, id);
  if (!row) throw notFound('Daily log');
  return (await withObligations(db, [row], ctx.clock.now().getTime()))[0];
}

/**
 * WR-2/RS-10: files the day's log. The day must have come (a future day: 422), its month be open (409), and one log
 * a day (409: change the filed one). On a working day of the author's calendar it fulfils the daily-log obligation,
 * judged by the time received against the next working morning.
 */
export async function createDailyLog(ctx: Ctx, body: CreateBody): Promise<TDailyLog> {
  assertWriter(ctx.actor);
  if (body.date > todayOf(ctx)) throw refuse('rule_violation', 'reports.futureDate', { date: body.date }, { ruleId: 'WR-2' });
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    await assertMonthOpen(db, body.date);
    const existing = await repo.dailyLogOn(db, ctx.actor.id, body.date);
    if (existing) throw refuse('conflict', 'reports.dailyLogExists', { date: body.date, id: existing.id }, { ruleId: 'WR-2' });
    const me = await repo.personRow(db, ctx.actor.id);
    const row = await repo.insertDailyLog(db, {
      user_id: me.id,
      date: body.date,
      ...logColumns(body),
      site_id: me.site_id,
      team_id: me.team_id,
      department_id: me.department_id ?? me.team_department_id ?? null,
      submitted_at: at,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'report.daily.create',
      entity: 'daily_log',
      entityId: row.id,
      after: { date: body.date, items: body.items.length, tasks: body.tasks.length },
    });
    if ((await ownersWorkingOn(db, [me.id], body.date)).has(me.id)) {
      await fulfilObligation(db, ctx, {
        facts: { kind: 'daily_log', date: body.date },
        ownerId: me.id,
        receivedAt: at,
        evidence: { type: 'daily_log', id: row.id },
        link: LINK,
      });
    }
    return row.id;
  });
  return getDailyLog(ctx, id);
}

/** Corrects one's own log (the time it was received, and so its judgement, stays); its month must be open. */
export async function updateDailyLog(ctx: Ctx, id: number, body: UpdateBody): Promise<TDailyLog> {
  assertWriter(ctx.actor);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const log = await getDailyLog(ctx, id, db);
    if (log.userId !== ctx.actor.id) throw refuse('forbidden', 'reports.notYours');
    await assertMonthOpen(db, log.date);
    const set = logColumns(body);
    await repo.bump(db, 'daily_logs', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'report.daily.update',
      entity: 'daily_log',
      entityId: id,
      before: { summary: log.summary, items: log.items.length, tasks: log.tasks.length },
      after: { summary: set.summary, items: body.items.length, tasks: body.tasks.length },
    });
  });
  return getDailyLog(ctx, id);
}

/** Logs in scope, newest day first: mine, or my team's / department's (reports.review). */
export async function listDailyLogs(ctx: Ctx, q: TDailyLogListQuery) {
  if (!can(ctx.actor, 'reports.write') && !can(ctx.actor, 'reports.review')) throw forbidden('This needs the permission "reports.write"');
  if (q.view === 'team' && !can(ctx.actor, 'reports.review')) throw forbidden('This needs the permission "reports.review"');
  const after = decodeCursor(q.cursor, 2);
  const rows = await repo.dailyLogsPage(
    ctx.db,
    ctx.actor,
    {
      userId: q.view === 'mine' ? ctx.actor.id : q.userId,
      from: q.from,
      to: q.to,
      after: after ? [String(after[0]), Number(after[1])] : null,
    },
    q.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.date, r.id]);
  return { items: await withObligations(ctx.db, items, ctx.clock.now().getTime()), nextCursor };
}
