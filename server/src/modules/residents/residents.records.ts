import { type TOperationsRecord, type TOperationsRecordCreate, localDateInZone, monthDates } from '@techserve/core';
import { type FileStorage, newStorageKey } from '../../files';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { decodeSignature } from '../field/visits.upload';
import { assertMonthOpen } from '../months/months.service';
import * as repo from './residents.repository';
import { mayCountersign, siteFor } from './residents.service';

/**
 * RS-8 (issue 14 item 9): the operations record (运维记录) — who came in and left when, the start and end, the
 * head-count, place, content and result — signed by the client's project lead: a signature drawn on the resident's
 * device (stored like a visit's signature, typed from its bytes), or approval in the app by a named client user
 * holding residents.sign at that site. A record without its signer is refused (422 RS-8).
 */

const toRecord = (r: repo.RecordRow): TOperationsRecord => ({
  id: r.id,
  siteId: r.site_id,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  place: r.place,
  content: r.content,
  result: r.result,
  people: JSON.parse(r.people) as TOperationsRecord['people'],
  headcount: r.headcount,
  status: r.status as TOperationsRecord['status'],
  signedHow: r.signature_key ? 'drawn' : 'app',
  signerName: r.signer_name,
  approver: r.approver_id != null ? { id: r.approver_id, name: r.approver_name ?? '' } : null,
  signedAt: r.signed_at,
  signatureUrl: r.signature_key ? `/api/v1/residents/records/${r.id}/signature` : null,
  recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
  version: r.version,
});

/** RS-8: a site's records of a month (the client IT office: its own site only). */
export async function listRecords(ctx: Ctx, siteId: number, month: string) {
  await siteFor(ctx.db, ctx, siteId);
  const { first, last } = monthDates(month);
  return { month, items: (await repo.recordsBetween(ctx.db, siteId, first, last)).map(toRecord) };
}

async function recordFor(ctx: Ctx, id: number) {
  const row = await repo.recordInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound('Operations record');
  return row;
}

export async function getRecord(ctx: Ctx, id: number) {
  return toRecord(await recordFor(ctx, id));
}

/**
 * RS-8: a resident records an operation at their site. Exactly one signer: the drawn signature (signed at once) or a
 * client user of the site with residents.sign (awaiting that user's approval). The date's month must be open (409).
 */
export async function createRecord(
  ctx: Ctx,
  siteId: number,
  body: TOperationsRecordCreate,
  storage: FileStorage,
): Promise<TOperationsRecord> {
  if (!body.signature && body.approverId === undefined) throw refuse('rule_violation', 'residents.unsigned', {}, { ruleId: 'RS-8' });
  if (body.signature && body.approverId !== undefined) throw refuse('rule_violation', 'residents.bothSignatures', {}, { ruleId: 'RS-8' });
  const today = localDateInZone(ctx.timeZone, ctx.clock.now().getTime());
  if (body.date > today) throw refuse('rule_violation', 'residents.futureDate', { date: body.date }, { ruleId: 'RS-8' });
  const signature = body.signature ? decodeSignature(body.signature.dataUrl, 'body.signature.dataUrl') : null;
  const at = nowIso(ctx.clock);
  const key = signature ? newStorageKey(ctx.clock.now()) : null;
  const id = await ctx.db.transaction().execute(async (db) => {
    await siteFor(db, ctx, siteId);
    await assertMonthOpen(db, body.date);
    if (body.approverId !== undefined) {
      const approver = await repo.clientUserAtSite(db, body.approverId, siteId);
      if (!approver || !mayCountersign(approver.permissions))
        throw refuse('rule_violation', 'residents.notClientSigner', { userId: body.approverId }, { ruleId: 'RS-8' });
    }
    const recordId = await repo.insertRecord(db, {
      site_id: siteId,
      date: body.date,
      start_time: body.startTime,
      end_time: body.endTime,
      place: body.place,
      content: body.content,
      result: body.result,
      people: JSON.stringify(body.people),
      headcount: body.people.length,
      status: signature ? 'signed' : 'awaiting_approval',
      signer_name: body.signature?.signerName ?? null,
      signature_key: key,
      signature_type: signature?.contentType ?? null,
      signature_size: signature?.data.length ?? null,
      signature_sha256: signature?.sha256 ?? null,
      approver_id: body.approverId ?? null,
      signed_at: signature ? at : null,
      recorded_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'residents.record.create',
      entity: 'resident_operations_record',
      entityId: recordId,
      after: {
        siteId,
        date: body.date,
        startTime: body.startTime,
        endTime: body.endTime,
        headcount: body.people.length,
        signerName: body.signature?.signerName ?? null,
        signatureSha256: signature?.sha256 ?? null,
        approverId: body.approverId ?? null,
      },
    });
    if (signature && key) await storage.put(key, signature.data);
    return recordId;
  });
  return getRecord(ctx, id);
}

/** RS-8: the named client user approves the record in the app (residents.sign), audited. */
export async function approveRecord(ctx: Ctx, id: number, version: number): Promise<TOperationsRecord> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await repo.recordInScope(db, ctx.actor, id);
    if (!row) throw notFound('Operations record');
    if (row.status === 'signed') throw refuse('illegal_transition', 'residents.alreadySigned', {}, { ruleId: 'RS-8' });
    if (row.approver_id !== ctx.actor.id) throw refuse('forbidden', 'residents.notApprover', {}, { ruleId: 'RS-8' });
    if (!(await repo.approveRecord(db, id, version, { signer_name: ctx.actor.name, at }))) throw versionConflict('The operations record');
    await recordAudit(db, ctx, {
      action: 'residents.record.approve',
      entity: 'resident_operations_record',
      entityId: id,
      before: { status: row.status },
      after: { status: 'signed', signerName: ctx.actor.name, signedAt: at },
    });
  });
  return getRecord(ctx, id);
}

/** The drawn signature's image, when the record is in the actor's scope. */
export async function readSignature(ctx: Ctx, id: number, storage: FileStorage) {
  const row = await recordFor(ctx, id);
  if (!row.signature_key || !row.signature_type) throw notFound('Signature');
  const ext = row.signature_type === 'image/png' ? 'png' : 'jpg';
  return { fileName: `signature-${id}.${ext}`, contentType: row.signature_type, data: await storage.read(row.signature_key) };
}
