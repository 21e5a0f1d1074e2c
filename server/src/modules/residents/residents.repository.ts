import type { ExpressionBuilder, ExpressionWrapper, Insertable, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import type {
  ResidentBackupsTable,
  ResidentConductPointsTable,
  ResidentConfigChangesTable,
  ResidentEquipmentTable,
  ResidentOperationsRecordsTable,
} from '../../db/schema.residents';
import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';
import { attendanceScope } from '../attendance/attendance.repository';

// The residents module's queries (issue 14 items 9–11). Every read is filtered here: a site by the actor's data scope
// over sites (siteScope), a person's conduct points like attendance facts (person, team, department, site).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever site-bound table is queried.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/**
 * The sites an actor sees. 'all' and 'department' (the service department runs every site's residents): every site;
 * 'site' (the client IT office) and 'own' (a resident): their own site only; 'team' and 'region': their own site and
 * the sites where someone in their scope is stationed; 'company' (a customer contact): none.
 */
export function siteScope(eb: Eb, actor: Actor, column: string): Cond {
  const own = actor.siteId != null ? (eb(eb.ref(column), '=', actor.siteId) as Cond) : (sql<boolean>`1 = 0` as unknown as Cond);
  switch (actor.scope) {
    case 'all':
    case 'department':
      return sql<boolean>`1 = 1` as unknown as Cond;
    case 'team':
    case 'region':
      return eb.or([
        own,
        eb(
          eb.ref(column),
          'in',
          eb
            .selectFrom('users')
            .select('users.site_id')
            .where('users.site_id', 'is not', null)
            .where((u) =>
              scopeFilter(u, actor, {
                owner: 'users.id',
                team: 'users.team_id',
                department: 'users.department_id',
                site: 'users.site_id',
              }),
            ),
        ),
      ]) as Cond;
    case 'site':
    case 'own':
      return own;
    default:
      return sql<boolean>`1 = 0` as unknown as Cond;
  }
}

// Sites ------------------------------------------------------------------------------------------------------------

export const sitesInScope = (db: Db, actor: Actor) =>
  db
    .selectFrom('customer_sites')
    .select(['customer_sites.id', 'customer_sites.name'])
    .where((eb) => siteScope(eb, actor, 'customer_sites.id'))
    .orderBy('customer_sites.name')
    .orderBy('customer_sites.id')
    .execute();

export const siteInScope = (db: Db, actor: Actor, siteId: number) =>
  db
    .selectFrom('customer_sites')
    .select(['customer_sites.id', 'customer_sites.name'])
    .where('customer_sites.id', '=', siteId)
    .where((eb) => siteScope(eb, actor, 'customer_sites.id'))
    .executeTakeFirst();

/**
 * RS-8: a client user who may sign for the site: active, stationed at it through the client's site scope, and whose
 * role holds residents.sign (read as the role's permission list; checked by the caller).
 */
const clientUsersQuery = (db: Db, siteId: number) =>
  db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.name', 'roles.permissions'])
    .where('users.site_id', '=', siteId)
    .where('users.status', '=', 'active')
    .where('roles.scope', '=', 'site');

export const clientUserAtSite = (db: Db, userId: number, siteId: number) =>
  clientUsersQuery(db, siteId).where('users.id', '=', userId).executeTakeFirst();

/** The site's client users (the candidates to approve a record in the app). */
export const clientUsersAtSite = (db: Db, siteId: number) =>
  clientUsersQuery(db, siteId).orderBy('users.name').orderBy('users.id').execute();

// Contract (RS-11) ---------------------------------------------------------------------------------------------------

const contractColumns = ['site_id', 'headcount', 'start_date', 'end_date', 'note', 'version'] as const;

export const contractOf = (db: Db, siteId: number) =>
  db.selectFrom('resident_contracts').select(contractColumns).where('site_id', '=', siteId).executeTakeFirst();
export type ContractRow = NonNullable<Awaited<ReturnType<typeof contractOf>>>;

export async function insertContract(
  db: Db,
  v: { site_id: number; headcount: number; start_date: string; end_date: string; note: string | null; created_by: number; at: string },
) {
  const { at, ...row } = v;
  await db
    .insertInto('resident_contracts')
    .values({ ...row, created_at: at, updated_at: at })
    .execute();
}

/** Optimistic update: false when the version read is stale. */
export async function updateContract(
  db: Db,
  siteId: number,
  version: number,
  v: { headcount: number; start_date: string; end_date: string; note: string | null; at: string },
): Promise<boolean> {
  const { at, ...set } = v;
  const res = await db
    .updateTable('resident_contracts')
    .set({ ...set, updated_at: at, version: version + 1 })
    .where('site_id', '=', siteId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// Equipment register, backups, configuration changes (RS-11) -------------------------------------------------------

const equipmentColumns = ['id', 'site_id', 'name', 'model', 'serial_no', 'location', 'note', 'version'] as const;

export const equipmentOf = (db: Db, siteId: number) =>
  db.selectFrom('resident_equipment').select(equipmentColumns).where('site_id', '=', siteId).orderBy('name').orderBy('id').execute();
export type EquipmentRow = Awaited<ReturnType<typeof equipmentOf>>[number];

export const equipmentInScope = (db: Db, actor: Actor, id: number) =>
  db
    .selectFrom('resident_equipment')
    .select(equipmentColumns)
    .where('id', '=', id)
    .where((eb) => siteScope(eb, actor, 'resident_equipment.site_id'))
    .executeTakeFirst();

export async function insertEquipment(db: Db, row: Insertable<ResidentEquipmentTable>): Promise<number> {
  return (await db.insertInto('resident_equipment').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateEquipment(
  db: Db,
  id: number,
  version: number,
  set: Pick<EquipmentRow, 'name' | 'model' | 'serial_no' | 'location' | 'note'> & { updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('resident_equipment')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The latest entries of a site's append-only logs (the site view shows the newest first). */
const LOG_LIMIT = 100;

export const backupsOf = (db: Db, siteId: number) =>
  db
    .selectFrom('resident_backups as b')
    .innerJoin('users', 'users.id', 'b.recorded_by')
    .select(['b.id', 'b.site_id', 'b.at', 'b.target', 'b.medium', 'b.result', 'b.note', 'b.recorded_by', 'users.name as recorded_by_name'])
    .where('b.site_id', '=', siteId)
    .orderBy('b.at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(LOG_LIMIT)
    .execute();
export type BackupRow = Awaited<ReturnType<typeof backupsOf>>[number];

export async function insertBackup(db: Db, row: Insertable<ResidentBackupsTable>): Promise<number> {
  return (await db.insertInto('resident_backups').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export const configChangesOf = (db: Db, siteId: number) =>
  db
    .selectFrom('resident_config_changes as c')
    .innerJoin('users', 'users.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.site_id',
      'c.at',
      'c.system',
      'c.description',
      'c.authorised_by',
      'c.authorised_at',
      'c.reference',
      'c.recorded_by',
      'users.name as recorded_by_name',
    ])
    .where('c.site_id', '=', siteId)
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(LOG_LIMIT)
    .execute();
export type ConfigChangeRow = Awaited<ReturnType<typeof configChangesOf>>[number];

export async function insertConfigChange(db: Db, row: Insertable<ResidentConfigChangesTable>): Promise<number> {
  return (await db.insertInto('resident_config_changes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

// Operations records (RS-8) ------------------------------------------------------------------------------------------

const recordQuery = (db: Db) =>
  db
    .selectFrom('resident_operations_records as r')
    .innerJoin('users as recorder', 'recorder.id', 'r.recorded_by')
    .leftJoin('users as approver', 'approver.id', 'r.approver_id')
    .select([
      'r.id',
      'r.site_id',
      'r.date',
      'r.start_time',
      'r.end_time',
      'r.place',
      'r.content',
      'r.result',
      'r.people',
      'r.headcount',
      'r.status',
      'r.signer_name',
      'r.signature_key',
      'r.signature_type',
      'r.approver_id',
      'approver.name as approver_name',
      'r.signed_at',
      'r.recorded_by',
      'recorder.name as recorded_by_name',
      'r.version',
    ]);
export type RecordRow = Awaited<ReturnType<ReturnType<typeof recordQuery>['execute']>>[number];

/** A site's records dated first..last (a month), in date and time order. */
export const recordsBetween = (db: Db, siteId: number, first: string, last: string) =>
  recordQuery(db)
    .where('r.site_id', '=', siteId)
    .where('r.date', '>=', first)
    .where('r.date', '<=', last)
    .orderBy('r.date')
    .orderBy('r.start_time')
    .orderBy('r.id')
    .execute();

export const recordInScope = (db: Db, actor: Actor, id: number) =>
  recordQuery(db)
    .where('r.id', '=', id)
    .where((eb) => siteScope(eb, actor, 'r.site_id'))
    .executeTakeFirst();

export async function insertRecord(db: Db, row: Insertable<ResidentOperationsRecordsTable>): Promise<number> {
  return (await db.insertInto('resident_operations_records').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** RS-8: the named client user approves in the app (awaiting → signed); false when the version read is stale. */
export async function approveRecord(db: Db, id: number, version: number, v: { signer_name: string; at: string }): Promise<boolean> {
  const res = await db
    .updateTable('resident_operations_records')
    .set({ status: 'signed', signer_name: v.signer_name, signed_at: v.at, updated_at: v.at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'awaiting_approval')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// Conduct points (RS-9) ------------------------------------------------------------------------------------------------

const conductQuery = (db: Db) =>
  db
    .selectFrom('resident_conduct_points as c')
    .innerJoin('users as person', 'person.id', 'c.user_id')
    .innerJoin('users as recorder', 'recorder.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.user_id',
      'person.name as user_name',
      'c.site_id',
      'c.date',
      'c.item_id',
      'c.item_name_zh',
      'c.item_name_en',
      'c.points',
      'c.source',
      'c.policy_version',
      'c.evidence',
      'c.file_name',
      'c.content_type',
      'c.size',
      'c.storage_key',
      'c.recorded_by',
      'recorder.name as recorded_by_name',
      'c.created_at',
      'c.status',
      'c.withdraw_reason',
      'c.adjustment_id',
      'c.version',
    ]);
export type ConductRow = Awaited<ReturnType<ReturnType<typeof conductQuery>['execute']>>[number];

/** Conduct points dated first..last, of these people (everyone when null), within the actor's scope when given. */
export function conductBetween(
  db: Db,
  opts: { first: string; last: string; userIds: number[] | null; actor?: Actor },
): Promise<ConductRow[]> {
  if (opts.userIds && opts.userIds.length === 0) return Promise.resolve([]);
  let q = conductQuery(db).where('c.date', '>=', opts.first).where('c.date', '<=', opts.last);
  if (opts.userIds) q = q.where('c.user_id', 'in', opts.userIds);
  if (opts.actor) {
    const actor = opts.actor;
    q = q.where((eb) => attendanceScope(eb, actor, 'c'));
  }
  return q.orderBy('c.date').orderBy('c.id').execute();
}

export const conductInScope = (db: Db, actor: Actor, id: number) =>
  conductQuery(db)
    .where('c.id', '=', id)
    .where((eb) => attendanceScope(eb, actor, 'c'))
    .executeTakeFirst();

export async function insertConduct(db: Db, row: Insertable<ResidentConductPointsTable>): Promise<number> {
  return (await db.insertInto('resident_conduct_points').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Optimistic update of a conduct point (withdrawal, evidence file); false when the version read is stale. */
export async function updateConduct(
  db: Db,
  id: number,
  version: number,
  set: Partial<
    Pick<
      ResidentConductPointsTable,
      | 'status'
      | 'withdrawn_by'
      | 'withdrawn_at'
      | 'withdraw_reason'
      | 'adjustment_id'
      | 'file_name'
      | 'content_type'
      | 'size'
      | 'sha256'
      | 'storage_key'
    >
  > & { updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('resident_conduct_points')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
