import { updateVersioned } from '../../db/versioned';
import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, type Db, can } from '../../http/context';
import { scopeFilter } from '../../http/scope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to the obligations alias of any query.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/** Who may see others' obligations (within their data scope): reviewers and those who excuse. */
export const canReview = (actor: Actor) => can(actor, 'reports.review') || can(actor, 'obligations.excuse');

/** Whose obligations an actor sees: their own; a reviewer also those within their data scope. */
function inScope(eb: Eb, actor: Actor): Cond {
  const own = eb(eb.ref('o.owner_id' as string), '=', actor.id) as Cond;
  if (!canReview(actor)) return own;
  return eb.or([own, scopeFilter(eb, actor, { owner: 'o.owner_id', team: 'o.team_id', department: 'o.department_id' })]) as Cond;
}

export type ObligationIdentity = { kind: string; ownerId: number; period: string; subjectType: string; subjectId: number };

export type ObligationInsert = {
  kind: string;
  owner_id: number;
  subject_type: string;
  subject_id: number;
  period: string;
  due_at: string;
  due_date: string;
  month: string;
  state: string;
  explanation: string;
  policy_version: number | null;
  calendar_id: number | null;
  link: string | null;
  team_id: number | null;
  department_id: number | null;
  created_at: string;
  updated_at: string;
};

/** Obligations with the owner's, the excuser's and the team's names. */
export const obligationsQuery = (db: Db) =>
  db
    .selectFrom('obligations as o')
    .innerJoin('users as owner', 'owner.id', 'o.owner_id')
    .leftJoin('users as excuser', 'excuser.id', 'o.excused_by')
    .select([
      'o.id',
      'o.kind',
      'o.owner_id',
      'o.subject_type',
      'o.subject_id',
      'o.period',
      'o.due_at',
      'o.due_date',
      'o.month',
      'o.state',
      'o.done_at',
      'o.late_minutes',
      'o.explanation',
      'o.judgement',
      'o.policy_version',
      'o.calendar_id',
      'o.evidence_type',
      'o.evidence_id',
      'o.link',
      'o.excused_by',
      'o.excused_at',
      'o.excused_reason',
      'o.cancelled_reason',
      'o.team_id',
      'o.department_id',
      'o.reminded_at',
      'o.flagged_at',
      'o.version',
      'owner.name as owner_name',
      'excuser.name as excused_by_name',
    ]);
export type ObligationRow = Awaited<ReturnType<ReturnType<typeof obligationsQuery>['executeTakeFirstOrThrow']>>;

/** Inserts the obligations that do not exist yet (the identity is unique); returns the ids of the new ones. */
export async function insertObligations(db: Db, rows: ObligationInsert[]): Promise<number[]> {
  const ids: number[] = [];
  // Chunks keep each statement within both databases' parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await db
      .insertInto('obligations')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['kind', 'owner_id', 'period', 'subject_type', 'subject_id']).doNothing())
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export function findByIdentity(db: Db, k: ObligationIdentity) {
  return obligationsQuery(db)
    .where('o.kind', '=', k.kind)
    .where('o.owner_id', '=', k.ownerId)
    .where('o.period', '=', k.period)
    .where('o.subject_type', '=', k.subjectType)
    .where('o.subject_id', '=', k.subjectId)
    .executeTakeFirst();
}

export const findById = (db: Db, id: number) => obligationsQuery(db).where('o.id', '=', id).executeTakeFirst();

/** One obligation within the actor's scope. */
export const findInScope = (db: Db, actor: Actor, id: number) =>
  obligationsQuery(db)
    .where('o.id', '=', id)
    .where((eb) => inScope(eb, actor))
    .executeTakeFirst();

export type ObligationFilter = {
  ownerId?: number;
  teamId?: number | null;
  kind?: string;
  month?: string;
  /** Due within [dueFrom, dueBefore). */
  dueFrom?: string;
  dueBefore?: string;
  state?: string;
  notCancelled?: boolean;
  /** Keyset: after this (due_at, id). */
  after?: [string, number] | null;
};

/** A page of obligations in the actor's scope, by due time. */
export function listPage(db: Db, actor: Actor, f: ObligationFilter, limit: number) {
  let q = obligationsQuery(db).where((eb) => inScope(eb, actor));
  if (f.ownerId) q = q.where('o.owner_id', '=', f.ownerId);
  if (f.teamId != null) q = q.where('o.team_id', '=', f.teamId);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.month) q = q.where('o.month', '=', f.month);
  if (f.dueFrom) q = q.where('o.due_at', '>=', f.dueFrom);
  if (f.dueBefore) q = q.where('o.due_at', '<', f.dueBefore);
  if (f.state) q = q.where('o.state', '=', f.state);
  if (f.notCancelled) q = q.where('o.state', '!=', 'cancelled');
  if (f.after) {
    const [dueAt, id] = f.after;
    q = q.where((eb) => eb.or([eb('o.due_at', '>', dueAt), eb.and([eb('o.due_at', '=', dueAt), eb('o.id', '>', id)])]));
  }
  return q.orderBy('o.due_at').orderBy('o.id').limit(limit).execute();
}

/** UPDATE with the version read: 409 when someone changed it meanwhile. */
export const bumpObligation = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'obligations', id, version, set, at, 'Obligation');

/** Obligations about a subject (an incident, a report), any state but cancelled. */
export const bySubject = (db: Db, subjectType: string, subjectId: number) =>
  obligationsQuery(db)
    .where('o.subject_type', '=', subjectType)
    .where('o.subject_id', '=', subjectId)
    .where('o.state', '!=', 'cancelled')
    .execute();

/** Set-based: a month's obligations for many people (everyone when userIds is null); cancelled ones do not count. */
export function monthRows(db: Db, month: string, userIds: number[] | null): Promise<ObligationRow[]> {
  if (userIds && userIds.length === 0) return Promise.resolve([]);
  let q = obligationsQuery(db).where('o.month', '=', month).where('o.state', '!=', 'cancelled');
  if (userIds) q = q.where('o.owner_id', 'in', userIds);
  return q.orderBy('o.owner_id').orderBy('o.due_at').orderBy('o.id').execute();
}

/** Per owner, kind and state within the actor's scope: counts, and how many open ones are past due at `now` (the department view). */
export function summaryRows(db: Db, actor: Actor, month: string, now: string, teamId: number | null) {
  let q = db
    .selectFrom('obligations as o')
    .innerJoin('users as owner', 'owner.id', 'o.owner_id')
    .leftJoin('teams', 'teams.id', 'owner.team_id')
    .select((eb) => [
      'o.owner_id',
      'o.kind',
      'o.state',
      'owner.name as owner_name',
      'owner.team_id',
      'teams.name as team_name',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`case when ${sql.ref('o.due_at')} < ${now} then 1 else 0 end`).as('past_due'),
    ])
    .where('o.month', '=', month)
    .where('o.state', '!=', 'cancelled')
    .where((eb) => inScope(eb, actor));
  if (teamId != null) q = q.where('o.team_id', '=', teamId);
  return q.groupBy(['o.owner_id', 'o.kind', 'o.state', 'owner.name', 'owner.team_id', 'teams.name']).execute();
}

/** People (owner, team, department, site, the site's calendar) of many owners at once. */
export function ownerRows(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .leftJoin('customer_sites as site', 'site.id', 'users.site_id')
    .select([
      'users.id',
      'users.name',
      'users.team_id',
      'users.department_id',
      'teams.department_id as team_department_id',
      'site.name as site_name',
      'site.calendar_id as site_calendar_id',
    ])
    .where('users.id', 'in', ids)
    .execute();
}
export type OwnerRow = Awaited<ReturnType<typeof ownerRows>>[number];

/** Open obligations to remind: due within (now, until], not yet reminded. */
export const toRemind = (db: Db, now: string, until: string, limit: number) =>
  obligationsQuery(db)
    .where('o.state', '=', 'open')
    .where('o.reminded_at', 'is', null)
    .where('o.due_at', '>', now)
    .where('o.due_at', '<=', until)
    .orderBy('o.due_at')
    .limit(limit)
    .execute();

/** Open obligations past their due instant and not flagged yet. */
export const toFlag = (db: Db, now: string, limit: number) =>
  obligationsQuery(db)
    .where('o.state', '=', 'open')
    .where('o.flagged_at', 'is', null)
    .where('o.due_at', '<=', now)
    .orderBy('o.due_at')
    .limit(limit)
    .execute();

/** Marks rows reminded or flagged (only those still unmarked, so two instances never both notify). */
export async function markNotified(db: Db, column: 'reminded_at' | 'flagged_at', ids: number[], at: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('obligations')
    .set({ [column]: at } as never)
    .where('id', 'in', ids)
    .where(column, 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * ORG-2, set-based: the managers of many people at once — their team's lead and deputy, and the head of their
 * department: the manager named on it, else its active members whose role's data scope is the department.
 * Returns owner id → manager ids (never the owner).
 */
export async function managersOfMany(db: Db, ownerIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ownerIds.length === 0) return out;
  const owners = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.department_id', 'teams.department_id as team_department_id', 'teams.lead_id', 'teams.deputy_id'])
    .where('users.id', 'in', ownerIds)
    .execute();
  const supervisors = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.department_id'])
    .where('roles.scope', '=', 'department')
    .where('users.status', '=', 'active')
    .execute();
  const named = new Map(
    (
      await db
        .selectFrom('departments')
        .innerJoin('users as m', 'm.id', 'departments.manager_id')
        .select(['departments.id', 'm.id as manager_id'])
        .where('m.status', '=', 'active')
        .execute()
    ).map((d) => [d.id, d.manager_id]),
  );
  for (const o of owners) {
    const dept = o.department_id ?? o.team_department_id;
    const ids = new Set<number>();
    for (const id of [o.lead_id, o.deputy_id]) if (id) ids.add(id);
    const head = dept == null ? undefined : named.get(dept);
    if (head !== undefined) ids.add(head);
    else for (const s of supervisors) if (dept == null || s.department_id === dept) ids.add(s.id);
    ids.delete(o.id);
    out.set(o.id, [...ids]);
  }
  return out;
}
