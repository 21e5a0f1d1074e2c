import {
  HANDOVER_ITEMS,
  type THandoverFormSign,
  type TPersonnelChange,
  type TChangeSignerRole,
  CHANGE_SIGNER_ROLES,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { notFound, refuse, versionConflict } from '../../http/errors';
import type { FileStorage } from '../../files/storage';
import { recordAudit } from '../audit/audit.service';
import { type FormSignature, archiveFormPdf, storeDrawnSignature } from '../forms/signed-form';
import { fulfilObligation } from '../obligations/obligations.service';
import { ROLE_ZH, renderHandoverForm } from './personnel.pdf';
import * as repo from './personnel.repository';
import {
  ITEM_NAMES,
  SUBJECT,
  badStatus,
  dueFacts,
  getChange,
  link,
  maySign,
  rowFor,
  siteCalendar,
  tell,
  todayAt,
} from './personnel.service';

const ROLE_NAMES: Record<TChangeSignerRole, { 'zh-CN': string; en: string }> = {
  outgoing: { 'zh-CN': '原驻场人员', en: 'the outgoing resident' },
  incoming: { 'zh-CN': '接任人员', en: 'the newcomer' },
  client: { 'zh-CN': '甲方', en: 'the client' },
};

/**
 * RS-6: the handover confirmation form (工作交接确认表) is signed, once the handover period ended with its checklist
 * complete, by the outgoing resident, the newcomer and the client IT office — drawn on the device (stored) or approved
 * in the app. With the last signature the form becomes a PDF archived with the change, and the change is completed
 * (RS-7: the replacement's obligation is fulfilled then, on time or late).
 */
export async function signHandoverForm(
  ctx: Ctx,
  id: number,
  body: THandoverFormSign,
  { storage, companyName }: { storage: FileStorage; companyName: string },
): Promise<TPersonnelChange> {
  const row = await rowFor(ctx, id);
  if (row.status !== 'handover') throw badStatus(row.status);
  if (row.version !== body.version) throw versionConflict('The personnel change');
  if (!maySign(ctx, row, body.role)) throw refuse('forbidden', 'personnel.notSigner', { role: ROLE_NAMES[body.role] });
  const cal = await siteCalendar(ctx.db, row.site_calendar_id);
  if (row.handover_end && todayAt(ctx, cal) < row.handover_end)
    throw refuse('rule_violation', 'personnel.handoverNotEnded', { end: row.handover_end }, { ruleId: 'RS-6' });
  const checklist = JSON.parse(row.checklist) as Record<string, unknown>;
  const open = HANDOVER_ITEMS.filter((i) => !checklist[i]);
  if (open.length > 0)
    throw refuse(
      'rule_violation',
      'personnel.checklistOpen',
      { items: { 'zh-CN': open.map((i) => ITEM_NAMES[i].zh).join('、'), en: open.map((i) => ITEM_NAMES[i].en).join(', ') } },
      { ruleId: 'RS-6' },
    );
  const drawn = await storeDrawnSignature(storage, ctx.clock, body.signature);
  const image = drawn?.image ?? null;
  const key = drawn?.key ?? null;
  const at = nowIso(ctx.clock);

  await ctx.db.transaction().execute(async (db) => {
    const current = await rowFor(ctx, id, db);
    if (current.version !== body.version) throw versionConflict('The personnel change');
    const signed = await repo.signaturesOf(db, id);
    if (signed.some((s) => s.role === body.role)) throw refuse('conflict', 'personnel.alreadySigned', { role: ROLE_NAMES[body.role] });
    await repo.insertSignature(db, {
      change_id: id,
      role: body.role,
      user_id: ctx.actor.id,
      method: image ? 'device' : 'app',
      storage_key: key,
      content_type: image?.contentType ?? null,
      sha256: image?.sha256 ?? null,
      ip: ctx.ip,
      signed_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'personnel.form.sign',
      entity: SUBJECT,
      entityId: id,
      after: { role: body.role, method: image ? 'device' : 'app', sha256: image?.sha256 ?? null },
    });
    const all = await repo.signaturesOf(db, id);
    if (!CHANGE_SIGNER_ROLES.every((r) => all.some((s) => s.role === r))) {
      await repo.bumpChange(db, id, current.version, {}, at);
      return;
    }
    // The last signature: the form as a PDF, archived with the change, which is completed.
    const change = await getChange(ctx, id, db);
    const signatures: FormSignature[] = [];
    for (const s of all)
      signatures.push({
        label: ROLE_ZH[s.role as TChangeSignerRole],
        name: s.user_name,
        at: s.signed_at,
        method: s.method as 'device' | 'app',
        image: s.storage_key ? (s.storage_key === key && image ? image.data : await storage.read(s.storage_key)) : null,
      });
    const pdf = await renderHandoverForm(change, signatures, companyName);
    const archived = await archiveFormPdf(storage, ctx.clock, pdf);
    const set = { status: 'completed', completed_at: at, pdf_storage_key: archived.key, pdf_sha256: archived.sha256 };
    await repo.bumpChange(db, id, current.version, set, at);
    await recordAudit(db, ctx, {
      action: 'personnel.change.complete',
      entity: SUBJECT,
      entityId: id,
      before: { status: current.status },
      after: set,
    });
    const facts = dueFacts(current);
    if (current.kind === 'replacement' && facts && current.obligation_owner_id != null)
      await fulfilObligation(db, ctx, {
        facts,
        ownerId: current.obligation_owner_id,
        subject: { type: SUBJECT, id },
        link: link(id),
        receivedAt: at,
        evidence: { type: SUBJECT, id },
      });
    await tell(db, at, [current.created_by], id, 'personnel.formArchived');
  });
  return getChange(ctx, id);
}

export async function readHandoverPdf(ctx: Ctx, id: number, storage: FileStorage) {
  const row = await rowFor(ctx, id);
  if (!row.pdf_storage_key) throw notFound('Handover confirmation form');
  return { fileName: `工作交接确认表-${id}.pdf`, contentType: 'application/pdf', data: await storage.read(row.pdf_storage_key) };
}

export async function readSignatureImage(ctx: Ctx, id: number, signatureId: number, storage: FileStorage) {
  await rowFor(ctx, id);
  const s = await repo.signatureById(ctx.db, id, signatureId);
  if (!s?.storage_key) throw notFound('Signature');
  return { fileName: `signature-${id}-${s.role}.png`, contentType: s.content_type ?? 'image/png', data: await storage.read(s.storage_key) };
}
