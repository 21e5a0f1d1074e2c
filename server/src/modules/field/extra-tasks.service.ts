import type { TExtraTaskCreate, TExtraTaskCustomerSign, TVisit } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, notFound, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { letterFor } from './field.access.repository';
import { fieldPolicyNow } from './field.policy';
import { tellEngineers } from './letters.service';
import * as repo from './visits.repository';
import { COUNTERSIGNABLE, assertLetterStatus, getVisit, letterForEngineer } from './visits.service';
import { decodeSignature } from './visits.upload';
import { type FileStorage, newStorageKey } from '../../files';

// FS-7: extra tasks found on site, each its own item: the customer signs it on completion, the company countersigns
// it on return.

async function taskOf(db: Db, letterId: number, taskId: number) {
  const t = await repo.extraTaskOf(db, letterId, taskId);
  if (!t) throw notFound('Extra task');
  return t;
}

const bumpTask = repo.updateExtraTaskAtVersion;

/** FS-7: the engineer adds a task found on site with its estimate (before the record is signed off). */
export async function createExtraTask(ctx: Ctx, id: number, body: TExtraTaskCreate): Promise<TVisit> {
  await letterForEngineer(ctx, id, ['on_site'], { action: 'FS-7' });
  if (await repo.signOffOf(ctx.db, id))
    throw new AppError('illegal_transition', 'The service record has been signed off; add the task to a new letter');
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = {
      letter_id: id,
      description: body.description,
      estimate_minutes: body.estimateMinutes,
      status: 'open',
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    };
    const { id: taskId } = await repo.insertExtraTask(db, row);
    await recordAudit(db, ctx, { action: 'visit.extra_task', entity: 'responsibility_letter', entityId: id, after: { taskId, ...row } });
  });
  return getVisit(ctx, id);
}

/** FS-7: the customer signs the finished task on the engineer's device (the signature stored immutably, FS-8 checks). */
export async function customerSignTask(
  ctx: Ctx,
  id: number,
  taskId: number,
  body: TExtraTaskCustomerSign,
  storage: FileStorage,
): Promise<TVisit> {
  await letterForEngineer(ctx, id, ['on_site'], { action: 'FS-7' });
  const task = await taskOf(ctx.db, id, taskId);
  if (task.version !== body.version) throw versionConflict('The extra task');
  if (task.status !== 'open') throw new AppError('illegal_transition', 'The customer has already signed this task');
  const signature = decodeSignature(body.signature);
  const at = nowIso(ctx.clock);
  const key = newStorageKey(ctx.clock.now());
  await ctx.db.transaction().execute(async (db) => {
    const { id: signatureId } = await repo.insertSignature(db, {
      letter_id: id,
      signer_name: body.signerName,
      content_type: signature.contentType,
      size: signature.data.length,
      sha256: signature.sha256,
      storage_key: key,
      recorded_by: ctx.actor.id,
      recorded_at: at,
      lat: body.lat ?? null,
      lng: body.lng ?? null,
      ip: ctx.ip,
    });
    await bumpTask(db, taskId, task.version, 'open', { status: 'customer_signed', customer_signature_id: signatureId }, at);
    await recordAudit(db, ctx, {
      action: 'visit.extra_task.customer_sign',
      entity: 'responsibility_letter',
      entityId: id,
      before: { taskId, status: task.status },
      after: { taskId, status: 'customer_signed', signatureId, signerName: body.signerName, sha256: signature.sha256 },
    });
    await storage.put(key, signature.data);
  });
  return getVisit(ctx, id);
}

/**
 * FS-7: the supervisor countersigns a task on the engineer's return (the return requested or done), and only after
 * the customer signed it when the policy in force asks for the customer's signature.
 */
export async function countersignTask(ctx: Ctx, id: number, taskId: number, body: { version: number }): Promise<TVisit> {
  const l = await letterFor(ctx, id);
  assertLetterStatus(l.status, COUNTERSIGNABLE, 'FS-7');
  const task = await taskOf(ctx.db, id, taskId);
  if (task.version !== body.version) throw versionConflict('The extra task');
  if (task.status === 'countersigned') throw new AppError('illegal_transition', 'The task is already countersigned');
  const policy = await fieldPolicyNow(ctx);
  if (task.status === 'open' && policy.extraTaskNeedsCustomerSignature) {
    throw new AppError('rule_violation', 'FS-7: the customer signs the extra task on completion before the company countersigns it', {
      ruleId: 'FS-7',
    });
  }
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await bumpTask(
      db,
      taskId,
      task.version,
      task.status,
      { status: 'countersigned', countersigned_by: ctx.actor.id, countersigned_at: at },
      at,
    );
    await recordAudit(db, ctx, {
      action: 'visit.extra_task.countersign',
      entity: 'responsibility_letter',
      entityId: id,
      before: { taskId, status: task.status },
      after: { taskId, status: 'countersigned' },
    });
    await tellEngineers(db, at, id, 'extra_task_countersigned', 'letter.extraTaskCountersigned', { task: task.description.slice(0, 50) });
  });
  return getVisit(ctx, id);
}
