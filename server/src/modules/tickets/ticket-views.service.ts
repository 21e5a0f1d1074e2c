import type { ZTicketView, ZTicketViewCreate } from '@techserve/core';
import type { z } from 'zod';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { AppError, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import * as repo from './ticket-views.repository';

type TTicketView = z.output<typeof ZTicketView>;
type TTicketViewCreate = z.output<typeof ZTicketViewCreate>;

/** Saved views per user; more would only clutter the list page's menu. */
export const MAX_VIEWS_PER_USER = 50;

const toView = (r: repo.TicketViewRow): TTicketView => ({
  id: r.id,
  name: r.name,
  query: JSON.parse(r.query) as Record<string, string>,
  createdAt: r.created_at,
});

/** My saved request-list filters. */
export async function listTicketViews(ctx: Ctx) {
  return { items: (await repo.listOwn(ctx.db, ctx.actor.id)).map(toView) };
}

/** Save a named filter of the request list for myself; 422 beyond MAX_VIEWS_PER_USER. */
export async function createTicketView(ctx: Ctx, body: TTicketViewCreate): Promise<TTicketView> {
  return ctx.db.transaction().execute(async (trx) => {
    if ((await repo.countOwn(trx, ctx.actor.id)) >= MAX_VIEWS_PER_USER) {
      throw new AppError('rule_violation', `You can keep at most ${MAX_VIEWS_PER_USER} saved views; delete one first`);
    }
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertView(trx, {
      user_id: ctx.actor.id,
      name: body.name,
      query: JSON.stringify(body.query),
      created_at: now,
    });
    const after = toView({ id, name: body.name, query: JSON.stringify(body.query), created_at: now });
    await recordAudit(trx, ctx, { action: 'create', entity: 'ticket_view', entityId: id, after });
    return after;
  });
}

/** Delete one of my saved views; someone else's is 404, as if it did not exist. */
export async function deleteTicketView(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findOwn(trx, ctx.actor.id, id);
    if (!row) throw notFound('Saved view');
    await repo.deleteOwn(trx, ctx.actor.id, id);
    await recordAudit(trx, ctx, { action: 'delete', entity: 'ticket_view', entityId: id, before: toView(row) });
  });
}
