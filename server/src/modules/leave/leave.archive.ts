import type { TLeaveFormArchive, TLeaveRequest } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { forbidden, notFound, refuse } from '../../http/errors';
import type { FileStorage } from '../../files/storage';
import { recordAudit } from '../audit/audit.service';
import { type FormSignature, archiveFormPdf, drawSignatures, shanghaiTime, storeDrawnSignature } from '../forms/signed-form';
import { heading, line, newPdf, paragraph } from '../reports/report-pdf';
import * as repo from './leave.repository';
import { getLeave, toApi } from './leave.service';

/**
 * RS-4b: a resident's emergency is reported at once; the leave form (请假申请) filed afterwards is signed and archived
 * by the client IT office or the supervision unit (personnel.client, the resident's site) — as a PDF, through the
 * same signed-form path as the handover confirmation form (forms/signed-form.ts). Once archived the form is final.
 */

function assertClientOfSite(ctx: Ctx): number {
  if (!can(ctx.actor, 'personnel.client') || ctx.actor.siteId == null)
    throw forbidden('Only the client IT office or supervision unit of the site archives the form');
  return ctx.actor.siteId;
}

/** The emergency leave forms of the site's residents, archived or waiting (newest first). */
export async function emergencyForms(ctx: Ctx): Promise<{ items: TLeaveRequest[] }> {
  const siteId = assertClientOfSite(ctx);
  const rows = await repo.emergencyLeaveOfSite(ctx.db, siteId, 100);
  return { items: await Promise.all(rows.map((r) => toApi(ctx, r))) };
}

async function renderLeaveForm(leave: TLeaveRequest, signatures: FormSignature[], companyName: string): Promise<Buffer> {
  const { doc, bytes } = newPdf(`请假申请 #${leave.id}`);
  doc.fontSize(16).text(`${companyName}  请假申请（紧急事后补办）`, { align: 'center' }).moveDown(0.8);
  line(doc, '编号', `#${leave.id}（RS-4b 驻场人员紧急请假）`);
  line(doc, '申请人', leave.userName);
  line(doc, '假别', leave.typeName['zh-CN']);
  line(doc, '请假期间', `${leave.startDate} 至 ${leave.endDate}（${leave.days} 天）`);
  line(doc, '代岗人', leave.standInName);
  line(doc, '联系电话', leave.contactPhone);
  line(doc, '补办时间', shanghaiTime(leave.createdAt));
  line(doc, '公司审批', leave.decidedAt ? `${leave.decidedByName ?? ''} ${shanghaiTime(leave.decidedAt)}` : '待审批');
  heading(doc, '事由');
  paragraph(doc, leave.reason);
  heading(doc, '签字确认', 160);
  drawSignatures(doc, signatures);
  doc.end();
  return bytes;
}

export async function archiveEmergencyForm(
  ctx: Ctx,
  id: number,
  body: TLeaveFormArchive,
  { storage, companyName }: { storage: FileStorage; companyName: string },
): Promise<TLeaveRequest> {
  const siteId = assertClientOfSite(ctx);
  const row = await repo.leaveOfSite(ctx.db, siteId, id);
  if (!row) throw notFound('Leave request');
  if (!row.emergency) throw refuse('rule_violation', 'leave.notEmergency', {}, { ruleId: 'RS-4b' });
  if (row.status === 'cancelled') throw refuse('illegal_transition', 'leave.formCancelled', {}, { ruleId: 'RS-4b' });
  if (row.form_archived_at) throw refuse('conflict', 'leave.formArchived', {}, { ruleId: 'RS-4b' });
  if (row.version !== body.version) throw repo.staleLeave();
  const drawn = await storeDrawnSignature(storage, ctx.clock, body.signature);
  const at = nowIso(ctx.clock);
  const leave = await toApi(ctx, row);
  const pdf = await renderLeaveForm(
    leave,
    [
      { label: '申请人', name: leave.userName, at: leave.createdAt, method: 'app', image: null },
      { label: '甲方（信息科 / 监理）', name: ctx.actor.name, at, method: drawn ? 'device' : 'app', image: drawn?.image.data ?? null },
    ],
    companyName,
  );
  const archived = await archiveFormPdf(storage, ctx.clock, pdf);
  const set = {
    form_archived_by: ctx.actor.id,
    form_archived_at: at,
    form_signature_key: drawn?.key ?? null,
    form_pdf_key: archived.key,
    form_pdf_sha256: archived.sha256,
  };
  await ctx.db.transaction().execute(async (db) => {
    await repo.bumpLeave(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'leave.emergency_form.archive',
      entity: 'leave_request',
      entityId: id,
      after: { method: drawn ? 'device' : 'app', signatureSha256: drawn?.image.sha256 ?? null, pdfSha256: archived.sha256 },
    });
  });
  return toApi(ctx, (await repo.leaveOfSite(ctx.db, siteId, id))!);
}

/** The archived form: for the client side of the site, and whoever reads the leave itself (the applicant, approvers). */
export async function readEmergencyForm(ctx: Ctx, id: number, storage: FileStorage) {
  const asClient = can(ctx.actor, 'personnel.client') && ctx.actor.siteId != null;
  const row = asClient
    ? await repo.leaveOfSite(ctx.db, ctx.actor.siteId!, id)
    : await getLeave(ctx, id).then(() => repo.leaveById(ctx.db, id));
  if (!row?.form_pdf_key) throw notFound('Archived leave form');
  return { fileName: `请假申请-${id}.pdf`, contentType: 'application/pdf', data: await storage.read(row.form_pdf_key) };
}
