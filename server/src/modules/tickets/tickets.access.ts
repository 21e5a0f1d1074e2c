import type { TTicketActor } from '@techserve/core';
import type { Actor, Ctx, Db } from '../../http/context';
import { notFound } from '../../http/errors';
import { findVisibleTicket } from './tickets.repository';

/** A customer contact (or client IT office) sees its company's public conversation only. */
export const isCustomerSide = (actor: Actor) => actor.scope === 'company' || actor.scope === 'site';

/** The actor as core's request rules see them (who may take which action, SR-4..9). */
export const ticketActorOf = (actor: Actor): TTicketActor => ({
  userId: actor.id,
  permissions: actor.permissions,
  customerSide: isCustomerSide(actor),
});

/** The request if the actor may see it; 404 otherwise (never 403, so ids of other companies don't leak). */
export async function visibleTicket(db: Db, actor: Actor, id: number) {
  const row = await findVisibleTicket(db, actor, id);
  if (!row) throw notFound('Service request');
  return row;
}

/** Same, for service functions holding a Ctx. */
export const ticketFor = (ctx: Ctx, id: number, db: Db = ctx.db) => visibleTicket(db, ctx.actor, id);
