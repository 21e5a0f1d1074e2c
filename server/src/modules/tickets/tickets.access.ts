import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Ctx, Db } from '../../http/context';
import { notFound } from '../../http/errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever query joins `tickets`.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/** A customer contact (or client IT office) sees its company's public conversation only. */
export const isCustomerSide = (actor: Actor) => actor.scope === 'company' || actor.scope === 'site';

/**
 * The requests an actor may see (design: data scopes in the repository). Besides its scope, everyone sees the
 * requests assigned to it, created by it, or escalated to or by it (SR-6: the feedback comes back to L1). Unassigned requests (no team/department
 * yet) are in every team's and department's queue.
 */
export function ticketScope(eb: Eb, actor: Actor): Cond {
  const mine = eb.or([
    eb('tickets.assignee_id', '=', actor.id),
    eb('tickets.created_by', '=', actor.id),
    eb.exists(
      eb
        .selectFrom('ticket_escalations as te')
        .select('te.id')
        .whereRef('te.ticket_id', '=', 'tickets.id')
        .where((w) => w.or([w('te.to_user_id', '=', actor.id), w('te.from_user_id', '=', actor.id)])),
    ),
  ]) as Cond;
  const none = sql<boolean>`1 = 0` as unknown as Cond;
  switch (actor.scope) {
    case 'all':
      return sql<boolean>`1 = 1` as unknown as Cond;
    case 'company':
      return actor.customerId == null ? none : (eb('tickets.customer_id', '=', actor.customerId) as Cond);
    case 'site':
      return actor.siteId == null ? none : (eb('tickets.site_id', '=', actor.siteId) as Cond);
    case 'team':
      return actor.teamId == null
        ? mine
        : (eb.or([
            mine,
            eb('tickets.team_id', '=', actor.teamId),
            eb.and([eb('tickets.team_id', 'is', null), eb('tickets.assignee_id', 'is', null)]),
          ]) as Cond);
    case 'department':
      return actor.departmentId == null
        ? mine
        : (eb.or([mine, eb('tickets.department_id', '=', actor.departmentId), eb('tickets.department_id', 'is', null)]) as Cond);
    case 'region':
      return actor.regionIds.length === 0 ? mine : (eb.or([mine, eb('tickets.region_id', 'in', actor.regionIds)]) as Cond);
    default:
      return mine;
  }
}

/** The request if the actor may see it; 404 otherwise (never 403, so ids of other companies don't leak). */
export async function visibleTicket(db: Db, actor: Actor, id: number) {
  const row = await db
    .selectFrom('tickets')
    .selectAll('tickets')
    .where('tickets.id', '=', id)
    .where((eb) => ticketScope(eb, actor))
    .executeTakeFirst();
  if (!row) throw notFound('Service request');
  return row;
}
export type TicketRow = Awaited<ReturnType<typeof visibleTicket>>;

/** Same, for service functions holding a Ctx. */
export const ticketFor = (ctx: Ctx, id: number, db: Db = ctx.db) => visibleTicket(db, ctx.actor, id);
