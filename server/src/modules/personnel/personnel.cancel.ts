import type { TPersonnelCancel, TPersonnelChange } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { cancelObligationsOf } from '../obligations/obligations.service';
import { askClient, clientApproversOf } from './personnel.client';
import * as repo from './personnel.repository';
import { SUBJECT, badStatus, getChange, rowFor, tell } from './personnel.service';

/**
 * RS-6/RS-7: cancelling a personnel change in progress, decided as follows (issue 14).
 * - A change the company announced (RS-6), before the client IT office approved it (notice, requested, company
 *   approved; or approved by the company alone at a site without a client office): whoever filed it or HR
 *   (personnel.manage, within scope).
 * - Once the client approved it (approved, handover): the client's consent is needed, so only the client IT office of
 *   the site cancels it (its act is the consent, audited); the company asks it, it does not cancel alone.
 * - A replacement the client asked for (RS-7) is the client's demand: only the client IT office of the site withdraws it.
 * - Never once the handover confirmation form carries a signature, nor when completed, rejected or cancelled.
 * The change's open obligations (the request's and the replacement's deadlines) are cancelled with it.
 */
const ENDED = ['completed', 'rejected', 'cancelled'];

export async function cancelChange(ctx: Ctx, id: number, body: TPersonnelCancel): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await rowFor(ctx, id, db);
    if (ENDED.includes(row.status)) throw badStatus(row.status);
    const ruleId = row.kind === 'replacement' ? 'RS-7' : 'RS-6';
    if ((await repo.signaturesOf(db, id)).length > 0) throw refuse('illegal_transition', 'personnel.cancelSigned', {}, { ruleId });
    const isClient = can(ctx.actor, 'personnel.client') && row.site_id === ctx.actor.siteId;
    const clientBound = row.kind === 'replacement' || row.client_decided_at !== null;
    if (clientBound && !isClient) throw refuse('forbidden', 'personnel.cancelNeedsClient', {}, { ruleId });
    if (!clientBound && row.created_by !== ctx.actor.id && !can(ctx.actor, 'personnel.manage'))
      throw refuse('forbidden', 'personnel.cancelNotAllowed', {}, { ruleId });
    const set = { status: 'cancelled', cancelled_by: ctx.actor.id, cancelled_at: at, cancel_reason: body.reason };
    await repo.bumpChange(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'personnel.change.cancel',
      entity: SUBJECT,
      entityId: id,
      before: { status: row.status },
      after: { status: 'cancelled', reason: body.reason, asClient: isClient },
    });
    await cancelObligationsOf(db, ctx, { type: SUBJECT, id }, `cancelled: ${body.reason}`);
    const parties = [row.created_by, row.outgoing_user_id, row.incoming_user_id, row.company_decided_by];
    const told = [...new Set(parties.filter((u): u is number => u != null && u !== ctx.actor.id))];
    await tell(db, at, told, id, 'personnel.cancelled', { reason: body.reason });
    const clientAsked = row.status === 'company_approved' || row.client_decided_at !== null;
    if (clientAsked && !isClient) await askClient(db, at, await clientApproversOf(db, row.site_id), 'clientReport.changeCancelled', { id });
  });
  return getChange(ctx, id);
}
