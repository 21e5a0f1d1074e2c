import { type Insertable, sql } from 'kysely';
import type { MonthlyReportsTable } from '../../db/schema.reports';
import type { Db } from '../../http/context';

// WR-5: set-based reads of a department's month (instants [from, to) as ISO UTC text). Each is one aggregate query,
// so a month of 100,000 requests costs a handful of statements (bench/README.md).

const NOT_CANCELLED = 'cancelled';

/** Requests created in the month, and how many are resolved (resolved, confirmed by the customer, or closed), per assignee. */
export function requestsByAssignee(db: Db, departmentId: number, from: string, to: string) {
  return db
    .selectFrom('tickets')
    .select((eb) => [
      'assignee_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`case when ${sql.ref('state')} in ('resolved', 'confirmed', 'closed') then 1 else 0 end`).as('resolved'),
    ])
    .where('department_id', '=', departmentId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('state', '!=', NOT_CANCELLED)
    .groupBy('assignee_id')
    .execute();
}

/** The month's requests that needed a visit, with what their on-site clock is computed from. */
export function visitRequests(db: Db, departmentId: number, from: string, to: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'assignee_id', 'created_at', 'sla_level_id', 'sla_coverage', 'priority', 'calendar_id', 'sla_events'])
    .where('department_id', '=', departmentId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('needs_visit', '=', 1)
    .where('state', '!=', NOT_CANCELLED)
    .execute();
}

/** FS-8 ratings of the department's requests of the month, counted by the three grades and the assignee. */
export function ratingCounts(db: Db, departmentId: number, from: string, to: string) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('ticket_ratings as r', 'r.ticket_id', 't.id')
    .select((eb) => ['t.assignee_id', 'r.attitude', 'r.skill', 'r.result', eb.fn.countAll<number>().as('n')])
    .where('t.department_id', '=', departmentId)
    .where('t.created_at', '>=', from)
    .where('t.created_at', '<', to)
    .groupBy(['t.assignee_id', 'r.attitude', 'r.skill', 'r.result'])
    .execute();
}

/** FS-8/AP-9 the month's visit sign-offs on the department's letters: how many, and how many signed by the customer. */
export function signoffCounts(db: Db, departmentId: number, from: string, to: string) {
  return db
    .selectFrom('visit_signoffs as s')
    .innerJoin('responsibility_letters as l', 'l.id', 's.letter_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`case when ${sql.ref('s.signature_id')} is not null then 1 else 0 end`).as('signed'),
    ])
    .where('l.department_id', '=', departmentId)
    .where('s.recorded_at', '>=', from)
    .where('s.recorded_at', '<', to)
    .executeTakeFirst();
}

/** WR-4: the engineers' weekly reports due in the month, by owner and state (open ones past due are missing). */
export function weeklyReportStates(db: Db, departmentId: number, month: string, now: string) {
  return db
    .selectFrom('obligations')
    .select((eb) => [
      'owner_id',
      'state',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`case when ${sql.ref('due_at')} < ${now} then 1 else 0 end`).as('past_due'),
    ])
    .where('kind', '=', 'weekly_report')
    .where('department_id', '=', departmentId)
    .where('month', '=', month)
    .where('state', '!=', 'cancelled')
    .groupBy(['owner_id', 'state'])
    .execute();
}

export const userNames = (db: Db, ids: number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();

export const departmentRow = (db: Db, id: number) =>
  db.selectFrom('departments').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

export const monthlyReportsQuery = (db: Db) =>
  db
    .selectFrom('monthly_reports as m')
    .innerJoin('departments as d', 'd.id', 'm.department_id')
    .innerJoin('users as u', 'u.id', 'm.submitted_by')
    .selectAll('m')
    .select(['d.name as department_name', 'u.name as submitted_by_name']);
export type MonthlyReportRow = Awaited<ReturnType<ReturnType<typeof monthlyReportsQuery>['executeTakeFirstOrThrow']>>;

export const monthlyReportById = (db: Db, id: number) => monthlyReportsQuery(db).where('m.id', '=', id).executeTakeFirst();

/** Submitted reports, newest month first: of one department (the actor's, unless they see all), or of all. */
export function monthlyReportsList(db: Db, scopeDepartment: number | null, departmentId: number | null) {
  let q = monthlyReportsQuery(db);
  if (scopeDepartment != null) q = q.where('m.department_id', '=', scopeDepartment);
  if (departmentId != null) q = q.where('m.department_id', '=', departmentId);
  return q.orderBy('m.month', 'desc').orderBy('m.id', 'desc').limit(120).execute();
}

export const insertMonthlyReport = (db: Db, v: Insertable<MonthlyReportsTable>) =>
  db.insertInto('monthly_reports').values(v).returning('id').executeTakeFirstOrThrow();

export const monthlyReportOf = (db: Db, departmentId: number, month: string) =>
  db.selectFrom('monthly_reports').select('id').where('department_id', '=', departmentId).where('month', '=', month).executeTakeFirst();

/** PAY-2/ORG-4 set-based: the requests created in [from, to) (cancelled ones left out) by assignee and request region. */
export function requestsByAssigneeAndRegion(db: Db, from: string, to: string) {
  return db
    .selectFrom('tickets')
    .select((eb) => ['assignee_id', 'region_id', eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'is not', null)
    .where('region_id', 'is not', null)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('state', '!=', NOT_CANCELLED)
    .groupBy(['assignee_id', 'region_id'])
    .execute();
}
