import type { ExpressionBuilder, ExpressionWrapper, Insertable, SqlBool, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AttendanceDaysTable } from '../../db/schema.attendance';
import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';
import { preparedRows } from '../../db/prepared';
import { dialectOf } from '../../db/database';

// The attendance module's queries (issue 14). Every read of people's attendance is filtered by the actor's data scope
// here: own / team / department / all, and the client IT office its site (users.site_id, stored with each fact).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever attendance table is queried.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/** The data scope over a table carrying user_id, team_id, department_id and site_id. */
export const attendanceScope = (eb: Eb, actor: Actor, table: string): Cond =>
  scopeFilter(eb, actor, {
    owner: `${table}.user_id`,
    team: `${table}.team_id`,
    department: `${table}.department_id`,
    site: `${table}.site_id`,
  });

/** The data scope over users (who is in the actor's roll-up). */
const userScope = (eb: Eb, actor: Actor): Cond =>
  scopeFilter(eb, actor, { owner: 'users.id', team: 'users.team_id', department: 'users.department_id', site: 'users.site_id' });

/** Members of staff (not customer contacts or the client's offices), with their site and its calendar. */
export function staffQuery(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .leftJoin('customer_sites as site', 'site.id', 'users.site_id')
    .select([
      'users.id',
      'users.name',
      'users.team_id',
      'users.site_id',
      'users.employee_no',
      'users.hire_date',
      sql<number | null>`coalesce(users.department_id, teams.department_id)`.as('department_id'),
      'site.name as site_name',
      'site.calendar_id as site_calendar_id',
    ])
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where('roles.scope', 'not in', ['company', 'site']);
}
export type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['execute']>>[number];

/** Set-based: these people (everyone when null), optionally those within the actor's scope or at one site. */
export function staffRows(db: Db, opts: { ids?: number[] | null; actor?: Actor; siteId?: number }): Promise<StaffRow[]> {
  if (opts.ids && opts.ids.length === 0) return Promise.resolve([]);
  let q = staffQuery(db);
  if (opts.ids) q = q.where('users.id', 'in', opts.ids);
  if (opts.actor) {
    const actor = opts.actor;
    q = q.where((eb) => userScope(eb, actor));
  }
  if (opts.siteId !== undefined) q = q.where('users.site_id', '=', opts.siteId);
  return q.orderBy('users.name').orderBy('users.id').execute();
}

/** One member of staff within the actor's scope (undefined when outside it). */
export const staffInScope = (db: Db, actor: Actor, id: number) =>
  staffQuery(db)
    .where('users.id', '=', id)
    .where((eb) => userScope(eb, actor))
    .executeTakeFirst();

// Punches --------------------------------------------------------------------------------------------------------------

export const punchQuery = (db: Db) =>
  db
    .selectFrom('attendance_punches')
    .innerJoin('users', 'users.id', 'attendance_punches.user_id')
    .selectAll('attendance_punches')
    .select('users.name as user_name');
export type PunchRow = Awaited<ReturnType<ReturnType<typeof punchQuery>['execute']>>[number];

/** Set-based: the punches of these people on local dates from..to, in time order. */
export function punchesBetween(db: Db, userIds: number[], from: string, to: string): Promise<PunchRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return punchQuery(db)
    .where('attendance_punches.user_id', 'in', userIds)
    .where('attendance_punches.date', '>=', from)
    .where('attendance_punches.date', '<=', to)
    .orderBy('attendance_punches.at')
    .orderBy('attendance_punches.id')
    .execute();
}

/** Set-based, lean: what the evaluation reads of these people's punches on local dates from..to. */
export async function punchFactsBetween(db: Db, userIds: number[], from: string, to: string) {
  const out: { user_id: number; date: string; at: string; source: string }[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('attendance_punches')
      .select(['user_id', 'date', 'at', 'source'])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    for (const r of rows) out.push(r);
  }
  return out;
}

/** The person's latest punch (the duplicate-punch check). */
export const lastPunch = (db: Db, userId: number) =>
  db.selectFrom('attendance_punches').select(['id', 'at']).where('user_id', '=', userId).orderBy('at', 'desc').limit(1).executeTakeFirst();

export type PunchInsert = Omit<DB['attendance_punches'], 'id' | 'outside_geofence' | 'no_position' | 'outside_network'> & {
  outside_geofence: number;
  no_position: number;
  outside_network: number;
};

export async function insertPunch(db: Db, row: PunchInsert): Promise<number> {
  const r = await db.insertInto('attendance_punches').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const punchById = (db: Db, id: number) => punchQuery(db).where('attendance_punches.id', '=', id).executeTakeFirstOrThrow();

// Corrections ----------------------------------------------------------------------------------------------------------

export const correctionQuery = (db: Db) =>
  db
    .selectFrom('attendance_corrections as c')
    .innerJoin('users as applicant', 'applicant.id', 'c.user_id')
    .leftJoin('users as decider', 'decider.id', 'c.decided_by')
    .selectAll('c')
    .select(['applicant.name as user_name', 'decider.name as decided_by_name']);
export type CorrectionRow = Awaited<ReturnType<ReturnType<typeof correctionQuery>['execute']>>[number];

/** Set-based: approved corrections of these people on dates from..to (they count as punches, item 3), the client's approval included. */
export function approvedCorrections(db: Db, userIds: number[], from: string, to: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('attendance_corrections')
      .select(['id', 'user_id', 'date', 'at'])
      .where('status', '=', 'approved')
      // Item 3/RS-4b: a resident's correction counts once the client approved it too.
      .where((eb) => eb.or([eb('client_status', 'is', null), eb('client_status', '=', 'approved')]))
      .where('user_id', 'in', userIds)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute()
  );
}

/** Item 3: a site's residents' corrections the lead approved, waiting for the client IT office's second approval. */
export const correctionsAwaitingClient = (db: Db, siteId: number) =>
  correctionQuery(db).where('c.site_id', '=', siteId).where('c.client_status', '=', 'pending').orderBy('c.id').execute();

export const correctionExists = (db: Db, userId: number, date: string, time: string) =>
  db
    .selectFrom('attendance_corrections')
    .select('id')
    .where('user_id', '=', userId)
    .where('date', '=', date)
    .where('time', '=', time)
    .where('status', 'in', ['submitted', 'approved'])
    .executeTakeFirst();

// Reported absences ----------------------------------------------------------------------------------------------------

export function absenceReports(db: Db, userIds: number[], from: string, to: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance_absence_reports')
    .select(['id', 'user_id', 'date', 'kind'])
    .where('user_id', 'in', userIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

// Trips (AT-1) ---------------------------------------------------------------------------------------------------------

/** Set-based: approved (or completed) trips of these people overlapping from..to, an approved extension included. */
export function tripsBetween(db: Db, userIds: number[], from: string, to: string) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('travel_requests')
    .select([
      'id',
      'user_id',
      'start_date',
      sql<string>`case when extension_status = 'approved' and extension_end_date > end_date then extension_end_date else end_date end`.as(
        'end_date',
      ),
    ])
    .where('status', 'in', ['approved', 'completed'])
    .where('user_id', 'in', userIds)
    .where('start_date', '<=', to)
    .where((eb) =>
      eb.or([eb('end_date', '>=', from), eb.and([eb('extension_status', '=', 'approved'), eb('extension_end_date', '>=', from)])]),
    )
    .execute();
}

// Site settings --------------------------------------------------------------------------------------------------------

export function siteSettingsRows(db: Db, siteIds: number[]) {
  if (siteIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('attendance_sites').selectAll().where('site_id', 'in', siteIds).execute();
}

export const siteRow = (db: Db, siteId: number) =>
  db.selectFrom('customer_sites').select(['id', 'name', 'customer_id']).where('id', '=', siteId).executeTakeFirst();

// Stored evaluations ---------------------------------------------------------------------------------------------------

export type DayRow = AttendanceDaysTable;

/** Set-based: the stored evaluations of a month for these people. */
export async function storedDays(db: Db, month: string, userIds: number[]): Promise<DayRow[]> {
  const out: DayRow[] = [];
  for (let i = 0; i < userIds.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('attendance_days')
        .selectAll()
        .where('month', '=', month)
        .where('user_id', 'in', userIds.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** Set-based: the digests of a month's stored evaluations for these people (what recomputation compares). */
export async function storedDigests(db: Db, month: string, userIds: number[]) {
  const out: { user_id: number; date: string; digest: string | null }[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('attendance_days')
      .select(['user_id', 'date', 'digest'])
      .where('month', '=', month)
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.push(r);
  }
  return out;
}

/** Insert or replace stored day evaluations (batched; the same statement on both databases). */
export async function upsertDays(db: Db, rows: DayRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('attendance_days')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.columns(['user_id', 'date']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          absent: eb.ref('excluded.absent'),
          late_count: eb.ref('excluded.late_count'),
          late_minutes: eb.ref('excluded.late_minutes'),
          early_count: eb.ref('excluded.early_count'),
          early_minutes: eb.ref('excluded.early_minutes'),
          missing_punches: eb.ref('excluded.missing_punches'),
          evaluation: eb.ref('excluded.evaluation'),
          digest: eb.ref('excluded.digest'),
          policy_version: eb.ref('excluded.policy_version'),
          site_id: eb.ref('excluded.site_id'),
          team_id: eb.ref('excluded.team_id'),
          department_id: eb.ref('excluded.department_id'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}

// Machine import (item 2) ----------------------------------------------------------------------------------------------

/** Set-based: members of staff by employee number, each marked whether the actor's scope reaches them. */
export async function staffByEmployeeNo(db: Db, actor: Actor, numbers: string[]): Promise<Array<StaffRow & { in_scope: boolean }>> {
  const out: Array<StaffRow & { in_scope: boolean }> = [];
  for (let i = 0; i < numbers.length; i += 500) {
    const chunk = numbers.slice(i, i + 500);
    const [all, scoped] = await Promise.all([
      staffQuery(db).where('users.employee_no', 'in', chunk).execute(),
      staffQuery(db)
        .where('users.employee_no', 'in', chunk)
        .where((eb) => userScope(eb, actor))
        .select('users.id as scoped_id')
        .execute(),
    ]);
    const inScope = new Set(scoped.map((r) => r.id));
    for (const r of all) out.push({ ...r, in_scope: inScope.has(r.id) });
  }
  return out;
}

/** The import keys among these that are already stored (a re-import adds nothing). */
export async function existingImportKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('attendance_punches')
      .select('import_key')
      .where('import_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.import_key) found.add(r.import_key);
  }
  return found;
}

const PUNCH_COLUMNS = [
  'user_id',
  'at',
  'date',
  'source',
  'latitude',
  'longitude',
  'accuracy_m',
  'distance_m',
  'outside_geofence',
  'no_position',
  'outside_network',
  'ip',
  'import_key',
  'site_id',
  'team_id',
  'department_id',
  'created_at',
] as const satisfies readonly (keyof PunchInsert)[];

// A machine file brings tens of thousands of punches: the batch statement is built once, not per batch (db/prepared.ts).
const insertPunchBatch = preparedRows<PunchInsert, { id: number }>('attendance:machinePunches', (db, rows) =>
  db
    .insertInto('attendance_punches')
    .values(rows.map((row) => Object.fromEntries(PUNCH_COLUMNS.map((c) => [c, row[c]])) as PunchInsert))
    .onConflict((oc) => oc.column('import_key').doNothing())
    .returning('id'),
);

/** Machine punches in batches; a key stored meanwhile is skipped. Returns how many were added. */
export async function insertMachinePunches(db: Db, rows: PunchInsert[], onBatch: (written: number) => void = () => {}): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    onBatch(i);
    added += (await insertPunchBatch(db, rows.slice(i, i + 500))).length;
  }
  return added;
}

export const savedMapping = (db: Db, machineType: string) =>
  db.selectFrom('attendance_machine_mappings').select('mapping').where('machine_type', '=', machineType).executeTakeFirst();

export async function saveMapping(db: Db, machineType: string, mapping: string, userId: number, at: string) {
  await db
    .insertInto('attendance_machine_mappings')
    .values({ machine_type: machineType, mapping, updated_by: userId, updated_at: at })
    .onConflict((oc) => oc.column('machine_type').doUpdateSet({ mapping, updated_by: userId, updated_at: at }))
    .execute();
}

// Overtime (AT-5, AT-5b, item 13) --------------------------------------------------------------------------------------

export const overtimeQuery = (db: Db) =>
  db
    .selectFrom('attendance_overtime as o')
    .innerJoin('users as worker', 'worker.id', 'o.user_id')
    .innerJoin('users as requester', 'requester.id', 'o.requested_by')
    .leftJoin('users as decider', 'decider.id', 'o.decided_by')
    .select([
      'o.id',
      'o.user_id',
      'o.kind',
      'o.project_id',
      'o.date',
      'o.start_time',
      'o.end_time',
      'o.start_at',
      'o.end_at',
      'o.reason',
      'o.status',
      'o.decided_at',
      'o.decision_comment',
      'o.booked_month',
      'o.site_id',
      'o.team_id',
      'o.department_id',
      'o.created_at',
      'o.version',
      'worker.name as user_name',
      'worker.employee_no',
      'requester.name as requested_by_name',
      'decider.name as decided_by_name',
    ]);
export type OvertimeRow = Awaited<ReturnType<ReturnType<typeof overtimeQuery>['execute']>>[number];

/** The person's requested or approved overtime overlapping [startAt, endAt) (instants as ISO text compare in order). */
export const overlappingOvertime = (db: Db, userId: number, startAt: string, endAt: string) =>
  db
    .selectFrom('attendance_overtime')
    .select('id')
    .where('user_id', '=', userId)
    .where('status', 'in', ['submitted', 'approved'])
    .where('start_at', '<', endAt)
    .where('end_at', '>', startAt)
    .executeTakeFirst();

export const projectManager = (db: Db, projectId: number) =>
  db.selectFrom('projects').select(['id', 'manager_id']).where('id', '=', projectId).executeTakeFirst();

/** AT-5: a new overtime request (submitted), its id. */
export function insertOvertime(db: Db, row: Insertable<DB['attendance_overtime']>) {
  return db.insertInto('attendance_overtime').values(row).returning('id').executeTakeFirstOrThrow();
}

/** AT-5b: the decision on an overtime request at the version read; false when someone changed it meanwhile. */
export async function decideOvertimeRow(
  db: Db,
  id: number,
  version: number,
  set: { status: string; decided_by: number; decided_at: string; decision_comment: string | null; updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('attendance_overtime')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** POL-1: a site's own attendance settings changed at the version read; false when someone changed them meanwhile. */
export async function updateSiteSettingsRow(
  db: Db,
  siteId: number,
  version: number,
  set: Updateable<DB['attendance_sites']>,
): Promise<boolean> {
  const res = await db
    .updateTable('attendance_sites')
    .set(set)
    .where('site_id', '=', siteId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** POL-1: a site's first own attendance settings. */
export async function insertSiteSettingsRow(db: Db, row: Insertable<DB['attendance_sites']>) {
  await db.insertInto('attendance_sites').values(row).execute();
}

/** RS-1: a new punch correction (submitted), its id. */
export function insertCorrection(db: Db, row: Insertable<DB['attendance_corrections']>) {
  return db.insertInto('attendance_corrections').values(row).returning('id').executeTakeFirstOrThrow();
}

/** RS-1/RS-4b: a decision on a punch correction at the version read; false when someone changed it meanwhile. */
export async function updateCorrectionAtVersion(
  db: Db,
  id: number,
  version: number,
  set: Updateable<DB['attendance_corrections']>,
): Promise<boolean> {
  const res = await db
    .updateTable('attendance_corrections')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** RS-3/AT-3: a reported absence (by the lead, or a stand-in found by a spot check), its id. */
export function insertAbsenceReport(db: Db, row: Insertable<DB['attendance_absence_reports']>) {
  return db.insertInto('attendance_absence_reports').values(row).returning('id').executeTakeFirstOrThrow();
}

/** RS-1: a spot check at a site, its id. */
export function insertSpotCheck(db: Db, row: Insertable<DB['attendance_spot_checks']>) {
  return db.insertInto('attendance_spot_checks').values(row).returning('id').executeTakeFirstOrThrow();
}

/** RS-1/RS-3: one person named in a spot check with the finding. */
export async function insertSpotCheckPerson(db: Db, row: Insertable<DB['attendance_spot_check_people']>) {
  await db.insertInto('attendance_spot_check_people').values(row).execute();
}

/** RS-1: spot checks by id, or a site's within a month (from first to last, inclusive), newest first. */
export function spotCheckRows(db: Db, filter: { ids?: number[]; siteId?: number; from?: string; to?: string }) {
  let q = db
    .selectFrom('attendance_spot_checks as s')
    .innerJoin('users as checker', 'checker.id', 's.checked_by')
    .select(['s.id', 's.site_id', 's.at', 's.note', 'checker.name as checked_by_name']);
  if (filter.ids) q = q.where('s.id', 'in', filter.ids);
  if (filter.siteId !== undefined) q = q.where('s.site_id', '=', filter.siteId);
  if (filter.from !== undefined) q = q.where('s.at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('s.at', '<=', filter.to);
  return q.orderBy('s.at', 'desc').execute();
}

/** RS-1: the people named in the given spot checks, with their names. */
export function spotCheckPeopleRows(db: Db, spotCheckIds: number[]) {
  return db
    .selectFrom('attendance_spot_check_people as p')
    .innerJoin('users', 'users.id', 'p.user_id')
    .select(['p.spot_check_id', 'p.user_id', 'p.finding', 'p.absence_report_id', 'users.name'])
    .where('p.spot_check_id', 'in', spotCheckIds)
    .execute();
}

// Overtime decided after its month closed (AT-5b, "The month") -----------------------------------------------------

/**
 * Set-based: the approved overtime a month pays, of these people (everyone when null): dated in the month and paid
 * there (booked_month null), plus the overtime of earlier closed months approved late and booked into this month.
 */
export function approvedOvertimePaidIn(
  db: Db,
  month: { month: string; first: string; last: string },
  userIds: number[] | null,
): Promise<OvertimeRow[]> {
  if (userIds && userIds.length === 0) return Promise.resolve([]);
  let q = overtimeQuery(db)
    .where('o.status', '=', 'approved')
    .where((eb) =>
      eb.or([
        eb.and([eb('o.date', '>=', month.first), eb('o.date', '<=', month.last), eb('o.booked_month', 'is', null)]),
        eb('o.booked_month', '=', month.month),
      ]),
    );
  if (userIds) q = q.where('o.user_id', 'in', userIds);
  return q.orderBy('o.date').orderBy('o.start_at').orderBy('o.id').execute();
}

/** AT-5b: the month that pays an overtime approved after its own month closed, and the adjustment booking it. */
export async function bookOvertimeInto(db: Db, id: number, month: string, adjustmentId: number): Promise<void> {
  await db.updateTable('attendance_overtime').set({ booked_month: month, adjustment_id: adjustmentId }).where('id', '=', id).execute();
}

// The month's evaluation, set-based and lean (issue 14 speed) -------------------------------------------------------

/**
 * Set-based: the punches of these people on local dates from..to, one row per person-day with the day's punches as
 * `instant|source` joined by commas (the database groups them: a quarter of the rows a month's evaluation would
 * otherwise read, the largest part of its time).
 */
export async function punchDaysBetween(db: Db, userIds: number[], from: string, to: string) {
  const joined =
    dialectOf(db) === 'postgres' ? sql<string>`string_agg(at || '|' || source, ',')` : sql<string>`group_concat(at || '|' || source, ',')`;
  const out: { user_id: number; date: string; punches: string }[] = [];
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('attendance_punches')
      .select(['user_id', 'date', joined.as('punches')])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .groupBy(['user_id', 'date'])
      .execute();
    for (const r of rows) out.push(r);
  }
  return out;
}
