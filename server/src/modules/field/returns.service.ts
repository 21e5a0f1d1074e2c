import type { TReturnDecline, TReturnRequestCreate, TVersionBody, TVisit } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, invalidValue, versionConflict } from '../../http/errors';
import { localDateOfIso } from './field.dates';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { departmentHeads } from '../org/org.repository';
import { letterDepartment } from './letters.repository';
import { fieldPolicyNow } from './field.policy';
import { bumpLetter, letterForWrite, letterNumber, tellEngineers } from './letters.service';
import * as repo from './visits.repository';
import { getVisit, letterForEngineer } from './visits.service';

// FS-9: the engineer contacts the company, reports the job done and the return plan, and returns only when approved.

/**
 * FS-9: report completion and the return plan. Needs the customer's sign-off (FS-8, signed or marked unsigned) and,
 * when the policy asks, the customer's signature on every extra task (FS-7). With policy returnNeedsApproval the letter
 * waits for the approver (return_requested); without, it is returned at once.
 */
export async function requestReturn(ctx: Ctx, id: number, body: TReturnRequestCreate): Promise<TVisit> {
  const l = await letterForEngineer(ctx, id, ['on_site'], { action: 'FS-9' });
  if (l.version !== body.version) throw versionConflict('The responsibility letter');
  // FS-9: the return plan is for today or later (company-local), not a day already past.
  const today = localDateOfIso(nowIso(ctx.clock));
  if (body.returnPlan.date < today)
    throw invalidValue('body.returnPlan.date', `the return is planned for today (${today}) or later`, 'FS-9');
  if (!(await repo.signOffOf(ctx.db, id)))
    throw new AppError('rule_violation', 'FS-8: the customer signs off the service record (or it is marked unsigned) before the return', {
      ruleId: 'FS-8',
    });
  const policy = await fieldPolicyNow(ctx);
  if (policy.extraTaskNeedsCustomerSignature) {
    const unsigned = await repo.openExtraTasks(ctx.db, id);
    if (unsigned.length) {
      throw new AppError('rule_violation', `FS-7: ${unsigned.length} extra task(s) still need the customer's signature`, {
        ruleId: 'FS-7',
        details: unsigned.map((t) => ({ path: `extraTasks.${t.id}`, message: 'customer signature missing' })),
      });
    }
  }
  const needsApproval = policy.returnNeedsApproval;
  const status = needsApproval ? 'return_requested' : 'returned';
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['on_site'], { status }, at);
    const row = {
      letter_id: id,
      completion_note: body.completionNote,
      return_plan: JSON.stringify({ date: body.returnPlan.date, transport: body.returnPlan.transport, note: body.returnPlan.note || null }),
      requested_by: ctx.actor.id,
      requested_at: at,
      decision: needsApproval ? 'pending' : 'automatic',
      decided_at: needsApproval ? null : at,
    };
    const { id: requestId } = await repo.insertReturnRequest(db, row);
    await recordAudit(db, ctx, {
      action: 'visit.return_request',
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { status, requestId, ...row },
    });
    if (needsApproval) await tellApprovers(db, at, id, l.approved_by);
  });
  return getVisit(ctx, id);
}

/** The letter's approver hears of the return request; without one, the head of the letter's department (ORG-1). */
async function tellApprovers(db: Db, at: string, letterId: number, approvedBy: number | null) {
  const userIds = approvedBy ? [approvedBy] : await departmentHeads(db, await letterDepartment(db, letterId));
  await notify(db, at, {
    userIds,
    kind: 'return_requested',
    message: 'letter.returnRequested',
    params: { number: letterNumber(letterId) },
    link: `/field/letters/${letterId}`,
  });
}

async function decide(ctx: Ctx, id: number, version: number, decision: 'approved' | 'declined', reason: string | null): Promise<TVisit> {
  const l = await letterForWrite(ctx, id, version, ['return_requested']);
  const at = nowIso(ctx.clock);
  const status = decision === 'approved' ? 'returned' : 'on_site';
  await ctx.db.transaction().execute(async (db) => {
    await bumpLetter(db, id, l.version, ['return_requested'], { status }, at);
    const pending = await repo.pendingReturnRequest(db, id);
    if (pending)
      await repo.decideReturnRequest(db, pending.id, { decision, decided_by: ctx.actor.id, decided_at: at, decline_reason: reason });
    await recordAudit(db, ctx, {
      action: `visit.return_${decision === 'approved' ? 'approve' : 'decline'}`,
      entity: 'responsibility_letter',
      entityId: id,
      before: { status: l.status },
      after: { status, requestId: pending?.id ?? null, reason },
    });
    if (decision === 'approved') await tellEngineers(db, at, id, 'return_approved', 'letter.returnApproved');
    else await tellEngineers(db, at, id, 'return_declined', 'letter.returnDeclined', { reason });
  });
  return getVisit(ctx, id);
}

/** FS-9: the approver lets the engineer return (→ returned) and the engineers are told. */
export const approveReturn = (ctx: Ctx, id: number, body: TVersionBody) => decide(ctx, id, body.version, 'approved', null);

/** FS-9: the approver declines with a reason; the engineer stays on site. */
export const declineReturn = (ctx: Ctx, id: number, body: TReturnDecline) => decide(ctx, id, body.version, 'declined', body.reason);
