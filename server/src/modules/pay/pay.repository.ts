import { type Insertable, sql } from 'kysely';
import type { PayCommissionEntriesTable } from '../../db/schema.pay';
import type { Actor, Db } from '../../http/context';
import { versionConflict } from '../../http/errors';
import { scopeFilter } from '../../http/scope';

/*
 * Pay's own queries (profiles, the month's non-piece days, the commission ledger) and the set-based reads of facts no
 * other module offers yet: the travel allowances of the trips that ended in a month, a project's settlement date, and
 * the final appraisal sheets of a range of months for the dashboards.
 */

const userScope = { owner: 'users.id', team: 'users.team_id', department: 'users.department_id' };

/** TR-3: the allowances of the claims (not rejected) whose trips ended in [first, last], per claim. */
export function travelAllowancesBetween(db: Db, first: string, last: string, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('travel_claims')
    .select(['id', 'user_id', 'allowance_fen'])
    .where('user_id', 'in', userIds)
    .where('status', '!=', 'rejected')
    .where('actual_end_date', '>=', first)
    .where('actual_end_date', '<=', last)
    .orderBy('user_id')
    .orderBy('id')
    .execute();
}

export function profilesOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pay_profiles')
    .select(['user_id', 'base_tier_id', 'field_allowance', 'welder_grade', 'welder_grade_since', 'probation', 'version'])
    .where('user_id', 'in', userIds)
    .execute();
}

export async function upsertProfile(
  db: Db,
  row: {
    userId: number;
    baseTierId: string;
    fieldAllowance: boolean;
    welderGrade: number | null;
    welderGradeSince: string | null;
    probation: boolean;
    by: number;
    at: string;
  },
  version: number | undefined,
) {
  const existing = await db.selectFrom('pay_profiles').select(['id', 'version']).where('user_id', '=', row.userId).executeTakeFirst();
  const values = {
    base_tier_id: row.baseTierId,
    field_allowance: row.fieldAllowance ? 1 : 0,
    welder_grade: row.welderGrade,
    welder_grade_since: row.welderGradeSince,
    probation: row.probation ? 1 : 0,
    updated_by: row.by,
    updated_at: row.at,
  };
  if (!existing) {
    await db
      .insertInto('pay_profiles')
      .values({ ...values, user_id: row.userId, created_at: row.at })
      .execute();
    return;
  }
  if (version !== undefined && version !== existing.version) throw versionConflict('Pay profile');
  await db
    .updateTable('pay_profiles')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', existing.id)
    .execute();
}

/** PAY-3b: the hire dates (入职日期) probation counts from. */
export function hireDatesOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'hire_date']).where('id', 'in', userIds).execute();
}

export function monthInputsOf(db: Db, month: string, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pay_month_inputs')
    .select(['user_id', 'month', 'non_piece_days', 'version'])
    .where('month', '=', month)
    .where('user_id', 'in', userIds)
    .execute();
}

export async function upsertMonthInput(
  db: Db,
  row: { userId: number; month: string; nonPieceDays: number; by: number; at: string },
  version: number | undefined,
) {
  const existing = await db
    .selectFrom('pay_month_inputs')
    .select(['id', 'version'])
    .where('user_id', '=', row.userId)
    .where('month', '=', row.month)
    .executeTakeFirst();
  const values = { non_piece_days: row.nonPieceDays, updated_by: row.by, updated_at: row.at };
  if (!existing) {
    await db
      .insertInto('pay_month_inputs')
      .values({ ...values, user_id: row.userId, month: row.month, created_at: row.at })
      .execute();
    return;
  }
  // A second writer who read no record (no version) does not overwrite the first's days.
  if (version !== existing.version) throw versionConflict('Non-piece days');
  await db
    .updateTable('pay_month_inputs')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', existing.id)
    .execute();
}

/** PAY-3: a project's settlement date (its acceptance, 验收), for many projects. */
export function settlementDates(db: Db, projectIds: number[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('projects').select(['id', 'accepted_on']).where('id', 'in', projectIds).execute();
}

export const entriesBookedFor = (db: Db, month: string) =>
  db.selectFrom('pay_commission_entries').select('id').where('earned_month', '=', month).limit(1).executeTakeFirst();

export async function insertEntries(db: Db, rows: Insertable<PayCommissionEntriesTable>[]) {
  if (rows.length > 0) await db.insertInto('pay_commission_entries').values(rows).execute();
}

const entriesQuery = (db: Db) =>
  db
    .selectFrom('pay_commission_entries as e')
    .innerJoin('users', 'users.id', 'e.user_id')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .select([
      'e.id',
      'e.user_id',
      'users.name as user_name',
      'e.project_id',
      'p.name as project_name',
      'e.earned_month',
      'e.kind',
      'e.amount_fen',
      'e.policy_version',
      'e.release_on',
      'e.released_month',
      'e.released_at',
    ]);
export type EntryRow = Awaited<ReturnType<ReturnType<typeof entriesQuery>['executeTakeFirstOrThrow']>>;

/** The ledger in the actor's scope; state pending (no release date), scheduled (not yet released) or released. */
export function entriesPage(db: Db, actor: Actor, f: { userId?: number; state?: string; ids?: number[]; earnedMonth?: string }) {
  let q = entriesQuery(db).where((eb) => scopeFilter(eb, actor, userScope));
  if (f.userId) q = q.where('e.user_id', '=', f.userId);
  if (f.earnedMonth) q = q.where('e.earned_month', '=', f.earnedMonth);
  if (f.ids) q = f.ids.length ? q.where('e.id', 'in', f.ids) : q.where(sql<boolean>`1 = 0`);
  if (f.state === 'pending') q = q.where('e.release_on', 'is', null);
  if (f.state === 'scheduled') q = q.where('e.release_on', 'is not', null).where('e.released_month', 'is', null);
  if (f.state === 'released') q = q.where('e.released_month', 'is not', null);
  return q.orderBy('e.earned_month', 'desc').orderBy('e.id').limit(500).execute();
}

/** The shares released into a month, for many people. */
export function releasedInto(db: Db, month: string, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return entriesQuery(db).where('e.released_month', '=', month).where('e.user_id', 'in', userIds).orderBy('e.id').execute();
}

/** Entries still waiting for their project's settlement date. */
export const pendingEntries = (db: Db) =>
  db.selectFrom('pay_commission_entries').select(['id', 'project_id', 'kind', 'earned_month']).where('release_on', 'is', null).execute();

export const setReleaseOn = (db: Db, id: number, releaseOn: string, at: string) =>
  db
    .updateTable('pay_commission_entries')
    .set({ release_on: releaseOn, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('release_on', 'is', null)
    .execute();

/** PAY-3: entries due on or before `today` and not released yet, released into `month` (set-based). */
export async function releaseDue(db: Db, today: string, month: string, at: string): Promise<number[]> {
  const due = await db
    .selectFrom('pay_commission_entries')
    .select('id')
    .where('release_on', '<=', today)
    .where('released_month', 'is', null)
    .execute();
  const ids = due.map((d) => d.id);
  if (ids.length > 0)
    await db
      .updateTable('pay_commission_entries')
      .set({ released_month: month, released_at: at, updated_at: at, version: sql`version + 1` })
      .where('id', 'in', ids)
      .execute();
  return ids;
}

/** AP-15 final sheets of months [from, to] in the actor's scope, for the dashboards. */
export function finalSheetsBetween(db: Db, actor: Actor, from: string, to: string) {
  return db
    .selectFrom('appraisal_sheets as s')
    .innerJoin('users', 'users.id', 's.user_id')
    .leftJoin('teams', 'teams.id', 's.team_id')
    .select([
      's.user_id',
      's.month',
      's.team_id',
      'teams.name as team_name',
      's.grade',
      's.total_tenths',
      's.amount_fen',
      's.lines',
      's.adjustments',
    ])
    .where('s.state', '=', 'final')
    .where('s.month', '>=', from)
    .where('s.month', '<=', to)
    .where((eb) => scopeFilter(eb, actor, userScope))
    .orderBy('s.month')
    .orderBy('s.user_id')
    .execute();
}

/** PAY-1: the final sheets of months [from, to] of these people (their fines), for the tier proposals. */
export function finalSheetsOf(db: Db, from: string, to: string, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('appraisal_sheets')
    .select(['user_id', 'month', 'lines'])
    .where('state', '=', 'final')
    .where('month', '>=', from)
    .where('month', '<=', to)
    .where('user_id', 'in', userIds)
    .execute();
}

/** ORG-4: the regions people are responsible for. */
export function regionsOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_regions as ur')
    .innerJoin('regions as r', 'r.id', 'ur.region_id')
    .select(['ur.user_id', 'r.id', 'r.name'])
    .where('ur.user_id', 'in', userIds)
    .orderBy('r.id')
    .execute();
}

/** An active member of staff (not a customer contact or a client IT office). */
export const staffMember = (db: Db, userId: number) =>
  db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .where('customer_id', 'is', null)
    .where('site_id', 'is', null)
    .executeTakeFirst();

/** PAY-2: the ranking bonus page stored when the period's last month was first exported (undefined before). */
export const rankingSnapshot = (db: Db, periodFrom: string) =>
  db.selectFrom('pay_ranking_snapshots').select(['page', 'fixed_at']).where('period_from', '=', periodFrom).executeTakeFirst();

/** PAY-2: stores a period's ranking bonus page once; a concurrent first export keeps the one stored first. */
export const insertRankingSnapshot = (db: Db, row: { periodFrom: string; periodTo: string; page: string; by: number | null; at: string }) =>
  db
    .insertInto('pay_ranking_snapshots')
    .values({ period_from: row.periodFrom, period_to: row.periodTo, page: row.page, fixed_by: row.by, fixed_at: row.at })
    .onConflict((oc) => oc.column('period_from').doNothing())
    .execute();
