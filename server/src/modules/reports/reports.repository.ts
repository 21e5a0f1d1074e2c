import { updateVersioned } from '../../db/versioned';
import { type ExpressionBuilder, type ExpressionWrapper, type Insertable, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import type { DailyLogsTable, WeeklyPlansTable, WeeklyReportsTable } from '../../db/schema.reports';
import { type Actor, type Db, can } from '../../http/context';
import { scopeFilter } from '../../http/scope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to the alias of whichever report table is queried.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/**
 * Whose reports an actor sees: their own; a reviewer (reports.review: the lead, the supervisor, the GM, HQ for
 * residents) also those within their data scope (team / department / all).
 */
function scoped(eb: Eb, actor: Actor, alias: 'd' | 'p' | 'r'): Cond {
  const own = eb(eb.ref(`${alias}.user_id` as string), '=', actor.id) as Cond;
  if (!can(actor, 'reports.review')) return own;
  return eb.or([
    own,
    scopeFilter(eb, actor, { owner: `${alias}.user_id`, team: `${alias}.team_id`, department: `${alias}.department_id` }),
  ]) as Cond;
}

/** Keyset on (a date-like column descending, id descending). */
function before(eb: Eb, column: string, id: string, after: [string, number]): Cond {
  return eb.or([eb(column, '<', after[0]), eb.and([eb(column, '=', after[0]), eb(id, '<', after[1])])]) as Cond;
}

// Queries of the daily logs (WR-2, RS-10), weekly plans (WR-1) and weekly reports (WR-4, WR-3), and the set-based reads
// that pre-fill them from what the system already knows (requests worked, visits, travel logs, time spent).

export const bump = (db: Db, table: 'daily_logs' | 'weekly_plans', id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, table, id, version, set, at, table === 'daily_logs' ? 'Daily log' : 'Weekly plan');

/** The member of staff filing: their team, department (or their team's) and site (a resident's). */
export function personRow(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .leftJoin('customer_sites as site', 'site.id', 'users.site_id')
    .select([
      'users.id',
      'users.name',
      'users.team_id',
      'users.department_id',
      'users.site_id',
      'teams.department_id as team_department_id',
      'teams.lead_id',
      'teams.deputy_id',
      'site.name as site_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}
export type PersonRow = Awaited<ReturnType<typeof personRow>>;

// Daily logs -------------------------------------------------------------------------------------------------------

export const dailyLogsQuery = (db: Db) =>
  db
    .selectFrom('daily_logs as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .leftJoin('customer_sites as site', 'site.id', 'd.site_id')
    .selectAll('d')
    .select(['u.name as user_name', 'site.name as site_name']);
export type DailyLogRow = Awaited<ReturnType<ReturnType<typeof dailyLogsQuery>['executeTakeFirstOrThrow']>>;

export const insertDailyLog = (db: Db, v: Insertable<DailyLogsTable>) =>
  db.insertInto('daily_logs').values(v).returning('id').executeTakeFirstOrThrow();

export const dailyLogInScope = (db: Db, actor: Actor, id: number) =>
  dailyLogsQuery(db)
    .where('d.id', '=', id)
    .where((eb) => scoped(eb, actor, 'd'))
    .executeTakeFirst();

/** A page of daily logs in the actor's scope, newest day first. */
export function dailyLogsPage(
  db: Db,
  actor: Actor,
  f: { userId?: number; from?: string; to?: string; after: [string, number] | null },
  limit: number,
) {
  let q = dailyLogsQuery(db).where((eb) => scoped(eb, actor, 'd'));
  if (f.userId) q = q.where('d.user_id', '=', f.userId);
  if (f.from) q = q.where('d.date', '>=', f.from);
  if (f.to) q = q.where('d.date', '<=', f.to);
  if (f.after) {
    const after = f.after;
    q = q.where((eb) => before(eb, 'd.date', 'd.id', after));
  }
  return q.orderBy('d.date', 'desc').orderBy('d.id', 'desc').limit(limit).execute();
}

export const dailyLogOn = (db: Db, userId: number, date: string) =>
  db.selectFrom('daily_logs').select(['id']).where('user_id', '=', userId).where('date', '=', date).executeTakeFirst();

/** The time records (SR-10) of a person within [from, to): their minutes are in each entry's JSON data. */
export function timeEntries(db: Db, userIds: number[], from: string, to: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_entries')
    .select(['ticket_id', 'author_id', 'data', 'created_at'])
    .where('author_id', 'in', userIds)
    .where('kind', '=', 'time')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
}

/** Requests a person wrote on within [from, to), with how many entries (set-based for many people). */
export function ticketsWorked(db: Db, userIds: number[], from: string, to: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_entries as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select((eb) => ['e.author_id', 't.id', 't.number', 't.title', 't.state', 't.resolved_at', eb.fn.countAll<number>().as('entries')])
    .where('e.author_id', 'in', userIds)
    .where('e.created_at', '>=', from)
    .where('e.created_at', '<', to)
    .groupBy(['e.author_id', 't.id', 't.number', 't.title', 't.state', 't.resolved_at'])
    .orderBy('t.id')
    .execute();
}

/** FS-5 check-ins and check-outs of many people within [from, to), with the letter's title and customer. */
export function visitCheckins(db: Db, userIds: number[], from: string, to: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('visit_checkins as v')
    .innerJoin('responsibility_letters as l', 'l.id', 'v.letter_id')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .select(['v.user_id', 'v.letter_id', 'v.kind', 'v.at', 'l.title', 'c.name as customer_name'])
    .where('v.user_id', 'in', userIds)
    .where('v.at', '>=', from)
    .where('v.at', '<', to)
    .orderBy('v.at')
    .orderBy('v.id')
    .execute();
}

/** AT-2 travel logs of many people between two dates. */
export function travelLogs(db: Db, userIds: number[], fromDate: string, toDate: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('travel_logs')
    .select(['id', 'user_id', 'request_id', 'date', 'place', 'work_done'])
    .where('user_id', 'in', userIds)
    .where('date', '>=', fromDate)
    .where('date', '<=', toDate)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Approved or completed trips of many people overlapping [fromDate, toDate]. */
export function trips(db: Db, userIds: number[], fromDate: string, toDate: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('travel_requests')
    .select(['id', 'user_id', 'start_date', 'end_date'])
    .where('user_id', 'in', userIds)
    .where('status', 'in', ['approved', 'completed'])
    .where('start_date', '<=', toDate)
    .where('end_date', '>=', fromDate)
    .execute();
}

/** Daily logs of many people between two dates (summaries and minutes). */
export function dailyLogsBetween(db: Db, userIds: number[], fromDate: string, toDate: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('daily_logs')
    .select(['user_id', 'date', 'summary', 'total_minutes'])
    .where('user_id', 'in', userIds)
    .where('date', '>=', fromDate)
    .where('date', '<=', toDate)
    .orderBy('date')
    .execute();
}

// Weekly plans -------------------------------------------------------------------------------------------------------

export const weeklyPlansQuery = (db: Db) =>
  db
    .selectFrom('weekly_plans as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('users as decider', 'decider.id', 'p.decided_by')
    .selectAll('p')
    .select(['u.name as user_name', 'decider.name as decided_by_name']);
export type WeeklyPlanRow = Awaited<ReturnType<ReturnType<typeof weeklyPlansQuery>['executeTakeFirstOrThrow']>>;

export const insertPlan = (db: Db, v: Insertable<WeeklyPlansTable>) =>
  db.insertInto('weekly_plans').values(v).returning('id').executeTakeFirstOrThrow();

export const planInScope = (db: Db, actor: Actor, id: number) =>
  weeklyPlansQuery(db)
    .where('p.id', '=', id)
    .where((eb) => scoped(eb, actor, 'p'))
    .executeTakeFirst();

/** A page of plans in the actor's scope (mine, or others'), newest week first. */
export function plansPage(
  db: Db,
  actor: Actor,
  f: { mine: boolean; weekStart?: string; status?: string; after: [string, number] | null },
  limit: number,
) {
  let q = weeklyPlansQuery(db)
    .where((eb) => scoped(eb, actor, 'p'))
    .where('p.user_id', f.mine ? '=' : '!=', actor.id);
  if (f.weekStart) q = q.where('p.week_start', '=', f.weekStart);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.after) {
    const after = f.after;
    q = q.where((eb) => before(eb, 'p.week_start', 'p.id', after));
  }
  return q.orderBy('p.week_start', 'desc').orderBy('p.id', 'desc').limit(limit).execute();
}

export const planOf = (db: Db, userId: number, weekStart: string) =>
  db.selectFrom('weekly_plans').select(['id']).where('user_id', '=', userId).where('week_start', '=', weekStart).executeTakeFirst();

/** FS-2 appointments of a person within [from, to): the letters they are engineers of. */
export function appointments(db: Db, userId: number, from: string, to: string) {
  return db
    .selectFrom('responsibility_letters as l')
    .innerJoin('letter_engineers as le', 'le.letter_id', 'l.id')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .select(['l.id', 'l.title', 'l.appointment_at', 'l.customer_id', 'c.name as customer_name'])
    .where('le.user_id', '=', userId)
    .where('l.appointment_at', '>=', from)
    .where('l.appointment_at', '<', to)
    .orderBy('l.appointment_at')
    .execute();
}

/** A person's open requests (carried over into next week's plan). */
export function openAssigned(db: Db, userId: number, limit: number) {
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'title', 'customer_id'])
    .where('assignee_id', '=', userId)
    .where('state', 'not in', ['resolved', 'closed', 'cancelled'])
    .orderBy('id')
    .limit(limit)
    .execute();
}

export const customerExists = async (db: Db, ids: number[]) =>
  ids.length === 0 ? [] : (await db.selectFrom('customers').select('id').where('id', 'in', ids).execute()).map((r) => r.id);

// Weekly reports -------------------------------------------------------------------------------------------------------

export const weeklyReportsQuery = (db: Db) =>
  db.selectFrom('weekly_reports as r').innerJoin('users as u', 'u.id', 'r.user_id').selectAll('r').select(['u.name as user_name']);
export type WeeklyReportRow = Awaited<ReturnType<ReturnType<typeof weeklyReportsQuery>['executeTakeFirstOrThrow']>>;

export const insertWeeklyReport = (db: Db, v: Insertable<WeeklyReportsTable>) =>
  db.insertInto('weekly_reports').values(v).returning('id').executeTakeFirstOrThrow();

export const weeklyReportInScope = (db: Db, actor: Actor, id: number) =>
  weeklyReportsQuery(db)
    .where('r.id', '=', id)
    .where((eb) => scoped(eb, actor, 'r'))
    .executeTakeFirst();

/** A page of weekly reports in the actor's scope, newest week first. */
export function weeklyReportsPage(
  db: Db,
  actor: Actor,
  f: { userId?: number; teamId?: number | null; weekStart?: string; kind?: string; after: [string, number] | null },
  limit: number,
) {
  let q = weeklyReportsQuery(db).where((eb) => scoped(eb, actor, 'r'));
  if (f.userId) q = q.where('r.user_id', '=', f.userId);
  if (f.teamId != null) q = q.where('r.team_id', '=', f.teamId);
  if (f.weekStart) q = q.where('r.week_start', '=', f.weekStart);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.after) {
    const after = f.after;
    q = q.where((eb) => before(eb, 'r.week_start', 'r.id', after));
  }
  return q.orderBy('r.week_start', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

export const weeklyReportOf = (db: Db, userId: number, kind: string, weekStart: string) =>
  db
    .selectFrom('weekly_reports')
    .select(['id'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('week_start', '=', weekStart)
    .executeTakeFirst();

/** SR-13 market information recorded on requests within [from, to): by these authors, or by a department's people. */
export function marketInfo(db: Db, by: { authorId: number } | { departmentId: number }, from: string, to: string) {
  let q = db
    .selectFrom('ticket_entries as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .innerJoin('users as a', 'a.id', 'e.author_id')
    .select(['e.id', 'e.body', 'e.data', 'e.ticket_id', 't.number', 'a.name as author_name'])
    .where('e.kind', '=', 'market_info')
    .where('e.created_at', '>=', from)
    .where('e.created_at', '<', to);
  q = 'authorId' in by ? q.where('e.author_id', '=', by.authorId) : q.where('a.department_id', '=', by.departmentId);
  return q.orderBy('e.id').limit(200).execute();
}

/** The department's engineers' weekly-report obligations of a week, by state (the supervisor's report). */
export function teamWeeklyStates(db: Db, departmentId: number, weekStart: string) {
  return db
    .selectFrom('obligations')
    .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'weekly_report')
    .where('period', '=', weekStart)
    .where('department_id', '=', departmentId)
    .groupBy('state')
    .execute();
}

const obligationColumns = (db: Db) =>
  db
    .selectFrom('obligations as o')
    .leftJoin('users as excuser', 'excuser.id', 'o.excused_by')
    .select([
      'o.id',
      'o.owner_id',
      'o.period',
      'o.state',
      'o.due_at',
      'o.due_date',
      'o.done_at',
      'o.late_minutes',
      'o.explanation',
      'o.judgement',
      'o.excused_by',
      'o.excused_reason',
      'excuser.name as excused_by_name',
    ]);

/** WR-1: the lead's approval obligations of these plans (subject weekly_plan). */
export function approvalObligations(db: Db, planIds: number[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return obligationColumns(db)
    .select('o.subject_id')
    .where('o.kind', '=', 'weekly_plan_approval')
    .where('o.subject_type', '=', 'weekly_plan')
    .where('o.subject_id', 'in', planIds)
    .where('o.state', '!=', 'cancelled')
    .execute();
}

/** WR-1: who owes the approval of a plan. */
export async function approvalObligationOwner(db: Db, planId: number): Promise<number | null> {
  const row = await db
    .selectFrom('obligations')
    .select('owner_id')
    .where('kind', '=', 'weekly_plan_approval')
    .where('subject_type', '=', 'weekly_plan')
    .where('subject_id', '=', planId)
    .orderBy('id')
    .executeTakeFirst();
  return row?.owner_id ?? null;
}

/** Active staff of a department (directly or through their team). */
export async function departmentMembers(db: Db, departmentId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select('users.id')
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where((eb) => eb.or([eb('users.department_id', '=', departmentId), eb('teams.department_id', '=', departmentId)]))
    .execute();
  return rows.map((r) => r.id);
}

/** Active users of a built-in role (the GM receives the supervisor's weekly report). */
export async function usersWithRole(db: Db, roleKey: string): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('users.id')
    .where('roles.key', '=', roleKey)
    .where('users.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

/** The obligation behind a report (by kind, owner and period). */
export const obligationRows = (db: Db, kind: string, pairs: { ownerId: number; period: string }[]) => {
  if (pairs.length === 0) return Promise.resolve([]);
  return obligationColumns(db)
    .where('o.kind', '=', kind)
    .where('o.subject_type', '=', '')
    .where((eb) => eb.or(pairs.map((p) => eb.and([eb('o.owner_id', '=', p.ownerId), eb('o.period', '=', p.period)]))))
    .execute();
};
export type ReportObligationRow = Awaited<ReturnType<typeof obligationRows>>[number];

/** Obligations of one kind about subjects (a project, a department) for (owner, period, subject id) triples. */
export function subjectObligationRows(
  db: Db,
  kind: string,
  subjectType: string,
  triples: { ownerId: number; period: string; subjectId: number }[],
) {
  if (triples.length === 0) return Promise.resolve([]);
  return obligationColumns(db)
    .select('o.subject_id')
    .where('o.kind', '=', kind)
    .where('o.subject_type', '=', subjectType)
    .where((eb) =>
      eb.or(
        triples.map((p) => eb.and([eb('o.owner_id', '=', p.ownerId), eb('o.period', '=', p.period), eb('o.subject_id', '=', p.subjectId)])),
      ),
    )
    .execute();
}
