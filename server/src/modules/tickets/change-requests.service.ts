import { type Ctx, type Db, can } from '../../http/context';
import { AppError, forbidden } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import * as changeRepo from './change-requests.repository';
import { isCustomerSide, ticketFor } from './tickets.access';
import { getTicket } from './tickets.detail';
import { tellChangeDecided } from './tickets.notifications';
import * as repo from './tickets.repository';

// Change requests (SR-12) -----------------------------------------------------------------------------------

/** SR-12: the written record — customer's written confirmation, discussion with sales and R&D. */
export async function updateChangeRequest(
  ctx: Ctx,
  id: number,
  body: {
    version: number;
    customerWrittenConfirmation?: boolean;
    confirmationNote?: string | null;
    discussedWithSales?: boolean;
    discussedWithRnd?: boolean;
  },
) {
  if (isCustomerSide(ctx.actor) || !can(ctx.actor, 'tickets.work'))
    throw forbidden('Recording a change request needs the tickets.work permission');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (db) => {
    await ticketFor(ctx, id, db);
    const cr = await changeRepo.findChangeRequest(db, id);
    if (!cr) throw new AppError('illegal_transition', 'SR-12: this request is not a change request', { ruleId: 'SR-12' });
    if (cr.decision !== 'pending')
      throw new AppError('illegal_transition', `SR-12: the GM has already ${cr.decision} this change`, { ruleId: 'SR-12' });
    const set: Parameters<typeof changeRepo.updateChangeRequest>[2] = {};
    if (body.customerWrittenConfirmation !== undefined) set.customer_written_confirmation = body.customerWrittenConfirmation ? 1 : 0;
    if (body.confirmationNote !== undefined) set.confirmation_note = body.confirmationNote;
    if (body.discussedWithSales !== undefined) set.discussed_with_sales = body.discussedWithSales ? 1 : 0;
    if (body.discussedWithRnd !== undefined) set.discussed_with_rnd = body.discussedWithRnd ? 1 : 0;
    await repo.bumpVersion(db, id, body.version, {}, at);
    if (Object.keys(set).length) await changeRepo.updateChangeRequest(db, id, set);
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'change_request',
      visibility: 'internal',
      authorId: ctx.actor.id,
      data: { ...body, version: undefined },
      at,
    });
    await recordAudit(db, ctx, { action: 'ticket.change_request.update', entity: 'ticket', entityId: id, before: cr, after: set });
  });
  return getTicket(ctx, id);
}

/**
 * SR-12: the GM approves or rejects before any change. Approval needs the discussion with sales and R&D on
 * record; without the customer's written confirmation the GM must sign for it explicitly.
 */
export async function decideChangeRequest(
  ctx: Ctx,
  id: number,
  body: { version: number; approve: boolean; comment?: string; signWithoutWrittenConfirmation?: boolean },
) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (db) => {
    const t = await ticketFor(ctx, id, db);
    const cr = await changeRepo.findChangeRequest(db, id);
    if (!cr) throw new AppError('illegal_transition', 'SR-12: this request is not a change request', { ruleId: 'SR-12' });
    if (cr.decision !== 'pending')
      throw new AppError('illegal_transition', `SR-12: the change is already ${cr.decision}`, { ruleId: 'SR-12' });
    if (body.approve) {
      if (!cr.discussed_with_sales || !cr.discussed_with_rnd)
        throw new AppError('rule_violation', 'SR-12: discuss the change with sales and R&D before the GM approves it', { ruleId: 'SR-12' });
      if (!cr.customer_written_confirmation && !body.signWithoutWrittenConfirmation) {
        throw new AppError(
          'rule_violation',
          'SR-12: the customer has not confirmed the change in writing; the GM must sign for it (signWithoutWrittenConfirmation)',
          {
            ruleId: 'SR-12',
            details: [{ path: 'body.signWithoutWrittenConfirmation', message: 'required without the customer’s written confirmation' }],
          },
        );
      }
    }
    await repo.bumpVersion(db, id, body.version, {}, at);
    await changeRepo.updateChangeRequest(db, id, {
      decision: body.approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
    });
    await repo.insertEntry(db, {
      ticketId: id,
      kind: 'change_request',
      visibility: 'public',
      authorId: ctx.actor.id,
      body: body.comment ?? null,
      data: {
        decision: body.approve ? 'approved' : 'rejected',
        signedWithoutWrittenConfirmation: Boolean(body.approve && !cr.customer_written_confirmation),
      },
      at,
    });
    await recordAudit(db, ctx, {
      action: `ticket.change_request.${body.approve ? 'approve' : 'reject'}`,
      entity: 'ticket',
      entityId: id,
      after: body,
    });
    if (t.assignee_id) await tellChangeDecided(db, at, t, t.assignee_id, body.approve, body.comment ?? '');
  });
  return getTicket(ctx, id);
}

/** SR-12: no work on a change request before the GM's approval. */
export async function assertChangeApproved(db: Db, ticketId: number) {
  const cr = await changeRepo.findChangeRequest(db, ticketId);
  if (cr && cr.decision !== 'approved')
    throw new AppError('rule_violation', 'SR-12: a change request needs the GM’s approval before any work starts', { ruleId: 'SR-12' });
}
