import {
  REPLY_VARIABLES,
  type TCannedReply,
  type TCannedReplyCreate,
  type TCannedReplyRendered,
  type TCannedReplyUpdate,
  renderReply,
  unknownReplyVariables,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { invalidValue, notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { getTicket } from '../tickets/tickets.detail';
import * as repo from './replies.repository';

const toReply = (r: repo.ReplyRow): TCannedReply => ({
  id: r.id,
  teamId: r.team_id,
  teamName: r.team_name ?? null,
  title: r.title,
  body: r.body,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function listReplies(ctx: Ctx, teamId?: number) {
  return { items: (await repo.listReplies(ctx.db, ctx.actor, teamId)).map(toReply) };
}

/** A team-scoped manager manages its own team's templates only; the department and company scopes any (SR-8). */
function assertMayManage(ctx: Ctx, teamId: number | null) {
  if (repo.seesEveryTeam(ctx.actor)) return;
  if (teamId == null || teamId !== ctx.actor.teamId) throw refuse('forbidden', 'replies.otherTeam', {}, { ruleId: 'SR-8' });
}

function assertVariables(body: string | undefined) {
  const unknown = body ? unknownReplyVariables(body) : [];
  if (unknown.length > 0)
    throw refuse(
      'invalid_value',
      'replies.unknownVariable',
      { names: unknown.map((n) => `{{${n}}}`).join(', '), known: REPLY_VARIABLES.map((n) => `{{${n}}}`).join(', ') },
      { ruleId: 'SR-8', details: [{ path: 'body.body', message: `unknown variables: ${unknown.join(', ')}` }] },
    );
}

/** `db` is the transaction's handle when called inside one: on SQLite a query on ctx.db there would wait forever. */
async function assertTeam(ctx: Ctx, teamId: number | null | undefined, db = ctx.db) {
  if (teamId != null && !(await repo.teamExists(db, teamId))) throw invalidValue('body.teamId', 'no such team');
}

async function visibleReply(ctx: Ctx, id: number, db = ctx.db) {
  const row = await repo.findReply(db, ctx.actor, id);
  if (!row) throw notFound('Canned reply');
  return row;
}

export async function createReply(ctx: Ctx, body: TCannedReplyCreate): Promise<TCannedReply> {
  const teamId = body.teamId ?? null;
  assertMayManage(ctx, teamId);
  assertVariables(body.body);
  await assertTeam(ctx, teamId);
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const id = await repo.insertReply(db, {
      team_id: teamId,
      title: body.title,
      body: body.body,
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'canned_reply.create',
      entity: 'canned_reply',
      entityId: id,
      after: { teamId, title: body.title },
    });
    return id;
  });
  return toReply(await visibleReply(ctx, id));
}

export async function updateReply(ctx: Ctx, id: number, body: TCannedReplyUpdate): Promise<TCannedReply> {
  await ctx.db.transaction().execute(async (db) => {
    const before = await visibleReply(ctx, id, db);
    assertMayManage(ctx, before.team_id);
    if (body.teamId !== undefined) assertMayManage(ctx, body.teamId);
    assertVariables(body.body);
    await assertTeam(ctx, body.teamId, db);
    const set = Object.assign(
      { updated_at: nowIso(ctx.clock) },
      body.teamId !== undefined && { team_id: body.teamId },
      body.title !== undefined && { title: body.title },
      body.body !== undefined && { body: body.body },
    );
    if (!(await repo.updateReply(db, id, body.version, set))) throw versionConflict('The canned reply');
    await recordAudit(db, ctx, {
      action: 'canned_reply.update',
      entity: 'canned_reply',
      entityId: id,
      before: toReply(before),
      after: set,
    });
  });
  return toReply(await visibleReply(ctx, id));
}

export async function deleteReply(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (db) => {
    const before = await visibleReply(ctx, id, db);
    assertMayManage(ctx, before.team_id);
    await repo.deleteReply(db, id);
    await recordAudit(db, ctx, { action: 'canned_reply.delete', entity: 'canned_reply', entityId: id, before: toReply(before) });
  });
}

/**
 * SR-8: the template filled with the request's facts, for the reply box. The request is read through the tickets
 * module (its scope: 404 for one the agent may not see), so a template never leaks another customer's data.
 */
export async function renderForTicket(ctx: Ctx, id: number, ticketId: number): Promise<TCannedReplyRendered> {
  const reply = await visibleReply(ctx, id);
  const t = await getTicket(ctx, ticketId);
  return renderReply(reply.body, {
    customer: t.customerName,
    contact: t.contactName,
    number: t.number,
    title: t.title,
    engineer: t.assigneeName,
    site: t.siteName,
  });
}
