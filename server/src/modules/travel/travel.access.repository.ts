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
  if (!TRAVEL_PERMISSIONS.some((p) => can(actor, p)))
    throw forbidden('This needs one of the permissions "travel.request", "travel.approve" or "travel.finance"');
}

/** The trips an actor may see: own, team or department by data scope (the traveller's team/department at filing). */
export function travelScope(eb: Eb, actor: Actor): Cond {
  return scopeFilter(eb, actor, {
    owner: 'travel_requests.user_id',
    team: 'travel_requests.team_id',
    department: 'travel_requests.department_id',
  });
}

/** The trip if the actor may see it; 404 otherwise. */
export async function requestFor(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: Db = ctx.db) {
  assertTravelReader(ctx.actor);
  const row = await db
    .selectFrom('travel_requests')
    .selectAll('travel_requests')
    .where('travel_requests.id', '=', id)
    .where((eb) => travelScope(eb, ctx.actor))
    .executeTakeFirst();
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
