import { createHash } from 'node:crypto';
import { type TSignOffCreate, type TVisit, bilingualMail, customerMessage, phraseOf } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, notFound } from '../../http/errors';
import { queueMail } from '../../mail/outbox.repository';
import { recordAudit } from '../audit/audit.service';
import { letterFor } from './field.access.repository';
import { engineersOfLetters, insertRating, letterDetailQuery, ticketRated } from './letters.repository';
import { letterNumber } from './letters.service';
import { type ServiceRecordPdfData, renderServiceRecordPdf } from './service-record.pdf';
import * as repo from './visits.repository';
import { getVisit, letterForEngineer } from './visits.service';
import { attachToTicket, entryOnTicket, moveTicketForVisit } from './visits.ticket';
import { confirmToCustomer } from './visits.customer';
import { type SignatureImage, decodeSignature } from './visits.upload';
import { type FileStorage, newStorageKey } from '../../files';

/** FS-8: a grade of the customer's rating in both languages, from the catalogue. */
const GRADE_MESSAGE = {
  excellent: 'field.gradeExcellent',
  good: 'field.gradeGood',
  fair: 'field.gradeFair',
  poor: 'field.gradePoor',
} as const;
const grade = (g: keyof typeof GRADE_MESSAGE) => phraseOf(GRADE_MESSAGE[g]);

/** What the service record PDF shows for a letter, as recorded so far. */
async function pdfDataOf(
  db: Db,
  letterId: number,
  companyName: string,
  timeZone: string,
): Promise<Omit<ServiceRecordPdfData, 'rating' | 'comment' | 'signerName' | 'signature' | 'signedAt' | 'unsignedReason'>> {
  const l = await letterDetailQuery(db).where('responsibility_letters.id', '=', letterId).executeTakeFirstOrThrow();
  const [engineers, checkIns, record, parts, tasks] = await Promise.all([
    engineersOfLetters(db, [letterId]),
    repo.checkInsOf(db, letterId),
    repo.recordOf(db, letterId),
    repo.partsOf(db, letterId),
    repo.extraTasksOf(db, letterId),
  ]);
  return {
    companyName,
    letterNumber: letterNumber(letterId),
    ticketNumber: l.ticket_number,
    customerName: l.customer_name,
    siteName: l.site_name,
    address: l.site_address ?? l.notice_site_address ?? l.customer_address,
    engineers: (engineers.get(letterId) ?? []).map((e) => e.name),
    arrivedAt: checkIns.find((c) => c.kind === 'in')?.at ?? null,
    leftAt: checkIns.filter((c) => c.kind === 'out').at(-1)?.at ?? null,
    diagnosis: record?.diagnosis ?? null,
    workDone: record?.work_done ?? null,
    solved: record?.solved == null ? null : Boolean(record.solved),
    restoredOriginal: Boolean(record?.restored_original),
    parts: parts.map((p) => ({ part: p.part, quantity: p.quantity })),
    extraTasks: tasks.map((t) => ({
      description: t.description,
      estimateMinutes: t.estimate_minutes,
      customerSigned: t.customer_signature_id != null,
    })),
    timeZone,
  };
}

/**
 * FS-8: the customer signs off the service record on the engineer's device: attitude, skill and result each
 * 优/良/中/差, a comment, the signer's name and the signature drawn on screen. The signature is stored once
 * (append-only, with its sha256, who recorded it, when, where and from which address); the rating goes onto the
 * request (via 'device') unless it already has one; the signed record becomes a PDF kept on the letter and the
 * request and mailed to the contact as an attachment. Without a signature the
 * engineer gives the reason and the record stays visibly unsigned (AP-9).
 */
/** `storage` keeps the signature and the PDF; `companyName` heads the PDF (TECHSERVE_COMPANY_NAME). */
export async function signOff(
  ctx: Ctx,
  id: number,
  body: TSignOffCreate,
  { storage, companyName }: { storage: FileStorage; companyName: string },
): Promise<TVisit> {
  const l = await letterForEngineer(ctx, id, ['on_site'], { action: 'FS-8' });
  if (await repo.signOffOf(ctx.db, id)) throw new AppError('conflict', 'The service record is already signed off');
  const record = await repo.recordOf(ctx.db, id);
  if (!record || !record.diagnosis.trim() || !record.work_done.trim()) {
    throw new AppError('rule_violation', 'FS-8: fill in the service record (diagnosis and work done) before the customer signs it', {
      ruleId: 'FS-8',
      details: [{ path: 'record', message: 'diagnosis and work done required' }],
    });
  }
  const signed = 'signature' in body;
  const signature: SignatureImage | null = signed ? decodeSignature(body.signature) : null;
  const at = nowIso(ctx.clock);
  const base = await pdfDataOf(ctx.db, id, companyName, ctx.timeZone);
  const pdf = await renderServiceRecordPdf({
    ...base,
    rating: signed ? { attitude: body.attitude, skill: body.skill, result: body.result } : null,
    comment: signed ? (body.comment ?? null) : null,
    signerName: signed ? body.signerName : null,
    signature: signature?.data ?? null,
    signedAt: signed ? at : null,
    unsignedReason: signed ? null : body.unsignedReason,
  });
  const pdfName = `服务记录-${letterNumber(id)}.pdf`;
  const pdfKey = newStorageKey(ctx.clock.now());
  const signatureKey = signature ? newStorageKey(ctx.clock.now()) : null;
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  await ctx.db.transaction().execute(async (db) => {
    let signatureId: number | null = null;
    if (signed && signature && signatureKey) {
      signatureId = (
        await repo.insertSignature(db, {
          letter_id: id,
          signer_name: body.signerName,
          content_type: signature.contentType,
          size: signature.data.length,
          sha256: signature.sha256,
          storage_key: signatureKey,
          recorded_by: ctx.actor.id,
          recorded_at: at,
          lat: body.lat ?? null,
          lng: body.lng ?? null,
          ip: ctx.ip,
        })
      ).id;
    }
    const pdfAttachmentId =
      l.ticket_id == null
        ? null
        : await attachToTicket(db, l.ticket_id, {
            fileName: pdfName,
            contentType: 'application/pdf',
            size: pdf.length,
            sha256,
            storageKey: pdfKey,
            visibility: 'public',
            by: ctx.actor.id,
            at,
          });
    const { id: pdfFileId } = await repo.insertFile(db, {
      letter_id: id,
      purpose: 'record_pdf',
      file_name: pdfName,
      content_type: 'application/pdf',
      size: pdf.length,
      sha256,
      storage_key: pdfKey,
      ticket_attachment_id: pdfAttachmentId,
      uploaded_by: ctx.actor.id,
      created_at: at,
    });

    let ratingOnRequest = false;
    if (signed && l.ticket_id != null) {
      // FS-8: the rating on the request, as the request's own device confirmation stores it (one per request).
      if (!(await ticketRated(db, l.ticket_id))) {
        await insertRating(db, {
          ticket_id: l.ticket_id,
          attitude: body.attitude,
          skill: body.skill,
          result: body.result,
          comment: body.comment || null,
          via: 'device',
          signed_by: body.signerName,
          signature: body.signature,
          rated_by: ctx.actor.id,
          created_at: at,
        });
        const rating = { attitude: body.attitude, skill: body.skill, result: body.result, comment: body.comment || null };
        await entryOnTicket(db, l.ticket_id, {
          kind: 'rating',
          visibility: 'public',
          by: ctx.actor.id,
          body: body.comment || null,
          data: { rating, via: 'device', signedBy: body.signerName, letter: letterNumber(id) },
          at,
        });
        ratingOnRequest = true;
      }
      // SR-9: the customer's signed sign-off with the rating confirms the resolution (issue 12 item 1).
      await moveTicketForVisit(ctx, db, l.ticket_id, { kind: 'confirmed' }, letterNumber(id));
    }
    const row = {
      letter_id: id,
      attitude: signed ? body.attitude : null,
      skill: signed ? body.skill : null,
      result: signed ? body.result : null,
      comment: signed ? body.comment || null : null,
      signature_id: signatureId,
      unsigned_reason: signed ? null : body.unsignedReason,
      pdf_file_id: pdfFileId,
      rating_on_request: Number(ratingOnRequest),
      recorded_by: ctx.actor.id,
      recorded_at: at,
    };
    await repo.insertSignOff(db, row);

    const contact = await repo.letterContact(db, l);
    const email = contact?.email?.trim();
    if (email) {
      const completed = customerMessage('serviceCompleted');
      const mail = bilingualMail('field.serviceRecordMail', {
        name: contact?.name ?? '',
        completed: { 'zh-CN': completed.zh, en: completed.en },
        customer: base.customerName,
        number: letterNumber(id),
        ticket: base.ticketNumber ? phraseOf('field.mailTicket', { number: base.ticketNumber }) : '',
        grades: signed
          ? phraseOf('field.mailGrades', { attitude: grade(body.attitude), skill: grade(body.skill), result: grade(body.result) })
          : phraseOf('field.mailUnsigned'),
        pdf: phraseOf(signed ? 'field.mailPdfSigned' : 'field.mailPdf'),
        link: pdfAttachmentId ? phraseOf('field.mailLink', { link: `/api/v1/attachments/${pdfAttachmentId}` }) : '',
      });
      await queueMail(db, [
        {
          to_address: email,
          subject: mail.subject,
          text_body: mail.text,
          html_body: null,
          created_at: at,
          send_after: at,
          attachments: [{ fileName: pdfName, contentType: 'application/pdf', data: pdf }],
        },
      ]);
    }
    // FS-5b: the service is completed: portal users hear it; the contact's e-mail above opens with it.
    await confirmToCustomer(db, at, l, { key: 'serviceCompleted' }, false);
    await recordAudit(db, ctx, {
      action: 'visit.sign_off',
      entity: 'responsibility_letter',
      entityId: id,
      after: { ...row, signatureSha256: signature?.sha256 ?? null, pdfSha256: sha256, mailedTo: email ?? null },
    });
    if (signature && signatureKey) await storage.put(signatureKey, signature.data);
    await storage.put(pdfKey, pdf);
  });
  return getVisit(ctx, id);
}

/** FS-8: the service record PDF: the one signed off (immutable), or, before that, a live one marked unsigned. */
export async function serviceRecordPdf(
  ctx: Ctx,
  id: number,
  { storage, companyName }: { storage: FileStorage; companyName: string },
): Promise<{ fileName: string; data: Buffer }> {
  await letterFor(ctx, id);
  const s = await repo.signOffOf(ctx.db, id);
  if (s) {
    const file = await repo.storedFile(ctx.db, s.pdf_file_id);
    return { fileName: file.file_name, data: await storage.read(file.storage_key) };
  }
  const data = await renderServiceRecordPdf({
    ...(await pdfDataOf(ctx.db, id, companyName, ctx.timeZone)),
    rating: null,
    comment: null,
    signerName: null,
    signature: null,
    signedAt: null,
    unsignedReason: null,
  });
  return { fileName: `服务记录-${letterNumber(id)}-未签字.pdf`, data };
}

/** A stored photo or PDF of a letter in the reader's scope. */
export async function readVisitFile(ctx: Ctx, fileId: number, storage: FileStorage) {
  const f = await repo.visibleFile(ctx.db, ctx.actor, fileId);
  if (!f) throw notFound('File');
  return { fileName: f.file_name, contentType: f.content_type, data: await storage.read(f.storage_key) };
}

/** A customer signature image of a letter in the reader's scope. */
export async function readSignature(ctx: Ctx, signatureId: number, storage: FileStorage) {
  const s = await repo.visibleSignature(ctx.db, ctx.actor, signatureId);
  if (!s) throw notFound('Signature');
  return {
    fileName: `signature-${signatureId}.${s.content_type === 'image/png' ? 'png' : 'jpg'}`,
    contentType: s.content_type,
    data: await storage.read(s.storage_key),
  };
}
