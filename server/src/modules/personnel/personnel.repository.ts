import { updateVersioned } from '../../db/versioned';
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import type { PersonnelChangesTable } from '../../db/schema.personnel';
import { type Actor, type Db, can } from '../../http/context';
import { scopeFilter } from '../../http/scope';

// The personnel module's queries (RS-6/RS-7). Reads of changes are filtered by the actor's data scope here: own
// (the outgoing resident, and the newcomer), team / department, all, and the client IT office its site.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to the aliased personnel_changes table.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/** Whose changes an actor sees: the ones they are part of; with personnel.read, those within their data scope. */
export function changeScope(eb: Eb, actor: Actor): Cond {
  const is = (column: string) => eb(eb.ref(column), '=', actor.id) as Cond;
  const mine = eb.or([is('pc.outgoing_user_id'), is('pc.incoming_user_id')]);
  if (!can(actor, 'personnel.read')) return mine as Cond;
  return eb.or([
    mine,
    scopeFilter(eb, actor, { owner: 'pc.outgoing_user_id', team: 'pc.team_id', department: 'pc.department_id', site: 'pc.site_id' }),
  ]) as Cond;
}

export const changeQuery = (db: Db) =>
  db
    .selectFrom('personnel_changes as pc')
    .innerJoin('users as outgoing', 'outgoing.id', 'pc.outgoing_user_id')
    .innerJoin('customer_sites as site', 'site.id', 'pc.site_id')
    .leftJoin('users as incoming', 'incoming.id', 'pc.incoming_user_id')
    .leftJoin('users as company', 'company.id', 'pc.company_decided_by')
    .leftJoin('users as client', 'client.id', 'pc.client_decided_by')
    .leftJoin('users as tester', 'tester.id', 'pc.tested_by')
    .leftJoin('users as creator', 'creator.id', 'pc.created_by')
    .leftJoin('users as canceller', 'canceller.id', 'pc.cancelled_by')
    .selectAll('pc')
    .select([
      'outgoing.name as outgoing_name',
      'incoming.name as incoming_user_name',
      'site.name as site_name',
      'site.calendar_id as site_calendar_id',
      'company.name as company_decided_by_name',
      'client.name as client_decided_by_name',
      'tester.name as tested_by_name',
      'creator.name as created_by_name',
      'canceller.name as cancelled_by_name',
    ]);
export type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeQuery>['executeTakeFirstOrThrow']>>;

export const changeInScope = (db: Db, actor: Actor, id: number) =>
  changeQuery(db)
    .where('pc.id', '=', id)
    .where((eb) => changeScope(eb, actor))
    .executeTakeFirst();

/** The change of this resident still in progress, if any. */
export const openChangeOf = (db: Db, userId: number) =>
  db
    .selectFrom('personnel_changes')
    .select('id')
    .where('outgoing_user_id', '=', userId)
    .where('status', 'not in', ['completed', 'rejected', 'cancelled'])
    .executeTakeFirst();

export const siteRow = (db: Db, siteId: number) =>
  db.selectFrom('customer_sites').select(['id', 'name', 'calendar_id']).where('id', '=', siteId).executeTakeFirst();

/** Active users of a site-scoped role at the site (their permissions are checked by the caller). */
export const clientApproverRows = (db: Db, siteId: number) =>
  db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'roles.permissions'])
    .where('users.site_id', '=', siteId)
    .where('users.status', '=', 'active')
    .where('roles.scope', '=', 'site')
    .orderBy('users.id')
    .execute();

type Plain = Omit<
  PersonnelChangesTable,
  'id' | 'version' | 'checklist' | 'explanations' | 'cancelled_by' | 'cancelled_at' | 'cancel_reason'
>;
export type ChangeInsert = Plain & { explanations: string };
export type ChangeUpdate = Partial<Plain> & {
  checklist?: string;
  explanations?: string;
  cancelled_by?: number;
  cancelled_at?: string;
  cancel_reason?: string;
};

export async function insertChange(db: Db, row: ChangeInsert): Promise<number> {
  const r = await db.insertInto('personnel_changes').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** UPDATE with the version read: 409 when someone changed it meanwhile. */
export const bumpChange = (db: Db, id: number, version: number, set: ChangeUpdate, at: string) =>
  updateVersioned(db, 'personnel_changes', id, version, set, at, 'The personnel change');

export const signaturesOf = (db: Db, changeId: number) =>
  db
    .selectFrom('personnel_change_signatures as s')
    .innerJoin('users', 'users.id', 's.user_id')
    .select(['s.id', 's.role', 's.method', 's.storage_key', 's.content_type', 's.signed_at', 'users.name as user_name'])
    .where('s.change_id', '=', changeId)
    .orderBy('s.id')
    .execute();

export const insertSignature = (db: Db, row: Omit<DB['personnel_change_signatures'], 'id'>) =>
  db.insertInto('personnel_change_signatures').values(row).returning('id').executeTakeFirstOrThrow();

export const signatureById = (db: Db, changeId: number, signatureId: number) =>
  db
    .selectFrom('personnel_change_signatures')
    .select(['storage_key', 'content_type', 'role'])
    .where('id', '=', signatureId)
    .where('change_id', '=', changeId)
    .executeTakeFirst();

/** Changes waiting for the client IT office of a site (the company approved them). */
export const changesAwaitingClient = (db: Db, siteId: number) =>
  changeQuery(db).where('pc.site_id', '=', siteId).where('pc.status', '=', 'company_approved').orderBy('pc.id').execute();

/** A page of changes in the actor's scope, newest first. */
export function listChanges(db: Db, actor: Actor, q: { status?: string; kind?: string; afterId: number | null; limit: number }) {
  let query = changeQuery(db).where((eb) => changeScope(eb, actor));
  if (q.status) query = query.where('pc.status', '=', q.status);
  if (q.kind) query = query.where('pc.kind', '=', q.kind);
  if (q.afterId !== null) query = query.where('pc.id', '<', q.afterId);
  return query
    .orderBy('pc.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}
