import type { TPermission } from '@techserve/core';
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound } from '../../http/errors';
import { scopeFilter } from '../../http/scope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever query joins `travel_requests`.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

const TRAVEL_PERMISSIONS: TPermission[] = ['travel.request', 'travel.approve', 'travel.finance'];

/** Reading travel needs one of the travel permissions (travellers, their managers, finance). */
export function assertTravelReader(actor: Actor) {
  if (!TRAVEL_PERMISSIONS.some((p) => can(actor, p))) throw forbidden('This needs one of the permissions "travel.request", "travel.approve" or "travel.finance"');
}

/** The trips an actor may see: own, team or department by data scope (the traveller's team/department at filing). */
export function travelScope(eb: Eb, actor: Actor): Cond {
  return scopeFilter(eb, actor, { owner: 'travel_requests.user_id', team: 'travel_requests.team_id', department: 'travel_requests.department_id' });
}

/** The trip if the actor may see it; 404 otherwise. */
export async function requestFor(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: Db = ctx.db) {
  assertTravelReader(ctx.actor);
  const row = await db.selectFrom('travel_requests').selectAll('travel_requests').where('travel_requests.id', '=', id).where((eb) => travelScope(eb, ctx.actor)).executeTakeFirst();
  if (!row) throw notFound('Travel request');
  return row;
}
export type TravelRequestRow = Awaited<ReturnType<typeof requestFor>>;

/** Only the traveller acts on their own trip (logs, advances, claims, receipts). */
export function assertTraveller(actor: Actor, row: { user_id: number }) {
  if (row.user_id !== actor.id) throw forbidden('Only the traveller may do this');
}

/** Managers approve other people's trips, never their own. */
export function assertNotOwn(actor: Actor, row: { user_id: number }) {
  if (row.user_id === actor.id) throw forbidden('You cannot approve your own travel');
}

/**
 * AT-2: the traveller's managers — the team's lead and deputy, and the supervisors of the traveller's department
 * (any supervisor when the traveller has no department). They are told of missing travel logs (AT-3); approval
 * requests go to those of them who may decide (`approversOf`).
 */
export async function managersOf(db: Db, userId: number): Promise<number[]> {
  const u = await db.selectFrom('users').select(['team_id', 'department_id']).where('id', '=', userId).executeTakeFirst();
  const ids = new Set<number>();
  if (u?.team_id) {
    const team = await db.selectFrom('teams').select(['lead_id', 'deputy_id']).where('id', '=', u.team_id).executeTakeFirst();
    for (const id of [team?.lead_id, team?.deputy_id]) if (id) ids.add(id);
  }
  let sup = db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id').select('users.id').where('roles.key', '=', 'supervisor').where('users.status', '=', 'active');
  if (u?.department_id) sup = sup.where('users.department_id', '=', u.department_id);
  for (const r of await sup.execute()) ids.add(r.id);
  ids.delete(userId);
  return [...ids];
}

type ApproverRow = { id: number; team_id: number | null; department_id: number | null; scope: string; permissions: string };

/** The user's role grants `travel.approve` and its data scope reaches the trip (so the decision routes let them act). */
function mayDecide(u: ApproverRow, trip: { user_id: number; team_id: number | null; department_id: number | null }): boolean {
  if (u.id === trip.user_id || !(JSON.parse(u.permissions) as string[]).includes('travel.approve')) return false;
  if (u.scope === 'all') return true;
  if (u.scope === 'department') return u.department_id != null && u.department_id === trip.department_id;
  if (u.scope === 'team') return u.team_id != null && u.team_id === trip.team_id;
  return false;
}

const approverColumns = ['users.id', 'users.team_id', 'users.department_id', 'roles.scope', 'roles.permissions'] as const;

/**
 * TR-1/FS-10 (ORG-2): who is asked to decide a trip, its advances, extension and claim — the traveller's managers
 * (`managersOf`) who may act on it: their role grants `travel.approve` with a data scope reaching the trip. By default
 * that is the department's supervisor (部门主管); a team lead (组长) is told only where the company granted the team
 * lead role `travel.approve`. When none of the managers may act, every active user who may is asked, so a request is
 * never left unseen.
 */
export async function approversOf(db: Db, trip: { user_id: number; team_id: number | null; department_id: number | null }): Promise<number[]> {
  const managers = await managersOf(db, trip.user_id);
  const users = db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id').select(approverColumns).where('users.status', '=', 'active');
  if (managers.length > 0) {
    const deciding = (await users.where('users.id', 'in', managers).execute()).filter((u) => mayDecide(u, trip)).map((u) => u.id);
    if (deciding.length > 0) return deciding.sort((a, b) => a - b);
  }
  const anyone = await users.where('roles.permissions', 'like', '%"travel.approve"%').orderBy('users.id').execute();
  return anyone.filter((u) => mayDecide(u, trip)).map((u) => u.id);
}
