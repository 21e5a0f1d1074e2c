import type {
  TDifficultyReportCreate,
  TExpertConsultCreate,
  TPartUsedCreate,
  TServiceRecordPut,
  TVisit,
  TVisitFile,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { AppError, invalidValue, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { insertReplacement } from '../customers/customers.repository';
import { notify } from '../notifications/notifications.service';
import { localDateOfIso } from './field.dates';
import { fieldPolicyNow } from './field.policy';
import { engineersOfLetters } from './letters.repository';
import { letterNumber } from './letters.service';
import type { ImageUpload } from './visits.upload';
import * as records from './records.repository';
import * as repo from './visits.repository';
import { getVisit, letterForEngineer } from './visits.service';
import { attachToTicket, entryOnTicket, moveTicketForVisit } from './visits.ticket';
import { type FileStorage, newStorageKey } from '../../files';

// FS-6: the service record (售后维修单 / 服务记录) of a letter: diagnosis, work, parts, photos, expert consults, and the
// same-day written report on an unsolved problem.

/** The record is the customer's to sign (FS-8); once signed it no longer changes. */
async function assertNotSignedOff(ctx: Ctx, letterId: number) {
  if (await repo.signOffOf(ctx.db, letterId))
    throw new AppError('illegal_transition', 'The service record has been signed off and can no longer change');
}

/**
 * FS-6: create or update the letter's service record (version omitted on create, 409 when stale). Marking it
 * unsolved starts the same-day written report when the policy in force asks for one (due on the company-local date it
 * was first marked unsolved); "restored to original state" belongs to giving up, so only to an unsolved record.
 */
export async function putServiceRecord(ctx: Ctx, id: number, body: TServiceRecordPut): Promise<TVisit> {
  const letter = await letterForEngineer(ctx, id, ['on_site'], { action: 'FS-6' });
  await assertNotSignedOff(ctx, id);
  if (body.restoredOriginal && body.solved !== false)
    throw invalidValue(
      'body.restoredOriginal',
      'the equipment is restored to its original state only when the problem stays unsolved',
      'FS-6',
    );
  const policy = await fieldPolicyNow(ctx);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const existing = await records.serviceRecordOf(db, id);
    const unsolved = body.solved === false;
    const fields = {
      diagnosis: body.diagnosis,
      work_done: body.workDone,
      solved: body.solved == null ? null : Number(body.solved),
      restored_original: Number(body.restoredOriginal),
      // FS-6: the report is due the day the problem was first found unsolved.
      unsolved_on: unsolved ? (existing?.unsolved_on ?? localDateOfIso(at)) : null,
      report_required: Number(unsolved && policy.sameDayReportWhenUnsolved),
      updated_by: ctx.actor.id,
      updated_at: at,
    };
    if (!existing) {
      await records.insertServiceRecord(db, { letter_id: id, ...fields, created_at: at });
    } else {
      if (body.version === undefined)
        throw new AppError('version_conflict', 'The service record already exists; send the version you read');
      const updated = await records.updateServiceRecordAtVersion(db, existing.id, body.version, {
        ...fields,
        version: existing.version + 1,
      });
      if (!updated) throw versionConflict('The service record');
    }
    await recordAudit(db, ctx, {
      action: existing ? 'service_record.update' : 'service_record.create',
      entity: 'responsibility_letter',
      entityId: id,
      before: existing
        ? {
            diagnosis: existing.diagnosis,
            work_done: existing.work_done,
            solved: existing.solved,
            restored_original: existing.restored_original,
          }
        : undefined,
      after: fields,
    });
    // Issue 12 item 1 (SR-9/SR-10): a solved record resolves the request with its cause and solution; taken back
    // to unsolved before the sign-off, the request is worked on again.
    if (letter.ticket_id != null) {
      const step = body.solved
        ? ({ kind: 'solved', cause: body.diagnosis, solution: body.workDone } as const)
        : existing?.solved === 1
          ? ({ kind: 'unsolved' } as const)
          : null;
      if (step) await moveTicketForVisit(ctx, db, letter.ticket_id, step, letterNumber(id));
    }
  });
  return getVisit(ctx, id);
}

/** FS-6 + CU-2: a part used on site; a part put into the customer's installed product extends its warranty. */
export async function addPart(ctx: Ctx, id: number, body: TPartUsedCreate): Promise<TVisit> {
  const l = await letterForEngineer(ctx, id, ['on_site'], { action: 'FS-6' });
  await assertNotSignedOff(ctx, id);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    let partReplacementId: number | null = null;
    if (body.installedProductId != null) {
      const product = await records.installedProductOf(db, body.installedProductId, l.customer_id);
      if (!product) throw invalidValue('body.installedProductId', 'not an installed product of this letter’s customer', 'CU-2');
      // CU-2: the replacement is what the customer file's warranty computation extends the warranty from.
      partReplacementId = (
        await insertReplacement(db, {
          installed_product_id: product.id,
          part: body.part,
          replaced_on: localDateOfIso(at),
          note: letterNumber(id),
          created_at: at,
          created_by: ctx.actor.id,
        })
      ).id;
    }
    const row = {
      letter_id: id,
      part: body.part,
      quantity: body.quantity,
      installed_product_id: body.installedProductId ?? null,
      part_replacement_id: partReplacementId,
      created_by: ctx.actor.id,
      created_at: at,
    };
    const { id: partId } = await records.insertPart(db, row);
    if (l.ticket_id != null) {
      await entryOnTicket(db, l.ticket_id, {
        kind: 'part',
        visibility: 'public',
        by: ctx.actor.id,
        body: body.part,
        data: { part: body.part, quantity: body.quantity, partReplacementId, letter: letterNumber(id) },
        at,
      });
    }
    await recordAudit(db, ctx, { action: 'visit.part', entity: 'responsibility_letter', entityId: id, after: { partId, ...row } });
  });
  return getVisit(ctx, id);
}

/** FS-6: the product expert consulted and the answer; logged on the request as an internal note. */
export async function addExpertConsult(ctx: Ctx, id: number, body: TExpertConsultCreate): Promise<TVisit> {
  const l = await letterForEngineer(ctx, id, ['on_site'], { action: 'FS-6' });
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    if (body.expertUserId != null) {
      const expert = await records.activeUser(db, body.expertUserId);
      if (!expert) throw invalidValue('body.expertUserId', 'not an active user');
    }
    const row = {
      letter_id: id,
      expert_user_id: body.expertUserId ?? null,
      expert_name: body.expertName,
      question: body.question,
      answer: body.answer,
      created_by: ctx.actor.id,
      created_at: at,
    };
    const { id: consultId } = await records.insertExpertConsult(db, row);
    if (l.ticket_id != null) {
      await entryOnTicket(db, l.ticket_id, {
        kind: 'note',
        visibility: 'internal',
        by: ctx.actor.id,
        body: `咨询产品专家 ${body.expertName}：${body.question}\n答复：${body.answer}`,
        data: { expertConsult: { expertUserId: body.expertUserId ?? null, expertName: body.expertName }, letter: letterNumber(id) },
        at,
      });
    }
    await recordAudit(db, ctx, {
      action: 'visit.expert_consult',
      entity: 'responsibility_letter',
      entityId: id,
      after: { consultId, ...row },
    });
  });
  return getVisit(ctx, id);
}

const PHOTO_PURPOSES = ['photo', 'difficulty'] as const;

/**
 * FS-6: a photo from site (or for the difficulty report), typed by its bytes; stored once in the attachment storage
 * and also put on the request's timeline (difficulty photos internal). The letter is checked before the body is read.
 */
export async function uploadPhoto(ctx: Ctx, id: number, readUpload: () => Promise<ImageUpload>, storage: FileStorage): Promise<TVisitFile> {
  await letterForEngineer(ctx, id, ['on_site', 'return_requested', 'returned'], { action: 'FS-6' });
  const upload = await readUpload();
  const purpose = upload.fields.purpose ?? 'photo';
  if (!(PHOTO_PURPOSES as readonly string[]).includes(purpose))
    throw new AppError('validation_failed', 'body.purpose: expected "photo" or "difficulty"', {
      details: [{ path: 'body.purpose', message: 'expected "photo" or "difficulty"' }],
    });
  const at = nowIso(ctx.clock);
  const key = newStorageKey(ctx.clock.now());
  const fileId = await ctx.db.transaction().execute(async (db) => {
    const l = await letterForEngineer(ctx, id, ['on_site', 'return_requested', 'returned'], { action: 'FS-6' }, db);
    const ticketAttachmentId =
      l.ticket_id == null
        ? null
        : await attachToTicket(db, l.ticket_id, {
            fileName: upload.fileName,
            contentType: upload.contentType,
            size: upload.data.length,
            sha256: upload.sha256,
            storageKey: key,
            visibility: purpose === 'photo' ? 'public' : 'internal',
            by: ctx.actor.id,
            at,
          });
    const row = {
      letter_id: id,
      purpose,
      file_name: upload.fileName,
      content_type: upload.contentType,
      size: upload.data.length,
      sha256: upload.sha256,
      storage_key: key,
      ticket_attachment_id: ticketAttachmentId,
      uploaded_by: ctx.actor.id,
      created_at: at,
    };
    const { id: fileId } = await repo.insertFile(db, row);
    await recordAudit(db, ctx, {
      action: 'visit.photo',
      entity: 'responsibility_letter',
      entityId: id,
      after: { fileId, ...row, storage_key: undefined },
    });
    await storage.put(key, upload.data);
    return fileId;
  });
  const visit = await getVisit(ctx, id);
  return visit.photos.find((p) => p.id === fileId) as TVisitFile;
}

/**
 * FS-6: the written report on an unsolved problem, with pictures, due the same company-local day it was found
 * unsolved. Filing later is accepted and shown as late. The approver of the letter is told.
 */
export async function fileDifficultyReport(ctx: Ctx, id: number, body: TDifficultyReportCreate): Promise<TVisit> {
  const l = await letterForEngineer(ctx, id, ['on_site', 'return_requested', 'returned', 'confirmed'], { action: 'FS-6' });
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const record = await records.serviceRecordOf(db, id);
    if (!record || record.solved !== 0)
      throw new AppError('rule_violation', 'FS-6: a difficulty report is for a service record marked unsolved', { ruleId: 'FS-6' });
    if (record.report_filed_at) throw new AppError('conflict', `The difficulty report was filed at ${record.report_filed_at}`);
    const photoIds = [...new Set(body.photoIds)];
    if (photoIds.length) {
      const found = await records.letterFilesAmong(db, id, PHOTO_PURPOSES, photoIds);
      if (found.length !== photoIds.length) throw invalidValue('body.photoIds', 'only photos uploaded to this letter', 'FS-6');
    }
    const set = {
      report_text: body.text,
      report_photo_ids: JSON.stringify(photoIds),
      report_filed_at: at,
      report_filed_by: ctx.actor.id,
      updated_at: at,
      version: record.version + 1,
    };
    if (!(await records.fileReportOnRecord(db, record.id, set))) throw versionConflict('The service record');
    const onTime = record.unsolved_on == null || localDateOfIso(at) <= record.unsolved_on;
    if (l.ticket_id != null) {
      await entryOnTicket(db, l.ticket_id, {
        kind: 'note',
        visibility: 'internal',
        by: ctx.actor.id,
        body: `疑难问题书面报告：${body.text}`,
        data: { difficultyReport: { photoIds, onTime }, letter: letterNumber(id) },
        at,
      });
    }
    if (l.approved_by) {
      await notify(db, at, {
        userIds: [l.approved_by],
        kind: 'difficulty_report',
        message: 'letter.difficultyReport',
        params: { number: letterNumber(id), text: body.text.slice(0, 200) },
        link: `/field/letters/${id}`,
      });
    }
    await recordAudit(db, ctx, {
      action: 'visit.difficulty_report',
      entity: 'responsibility_letter',
      entityId: id,
      after: { ...set, onTime },
    });
  });
  return getVisit(ctx, id);
}

/** FS-6: letters in scope whose same-day difficulty report is due (today or earlier, company-local) and not filed. */
export async function missingDifficultyReports(ctx: Ctx) {
  const today = localDateOfIso(nowIso(ctx.clock));
  const rows = await records.unfiledDifficultyReports(ctx.db, ctx.actor, today);
  const engineers = await engineersOfLetters(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      letterId: r.id,
      letterNumber: letterNumber(r.id),
      customerName: r.customer_name,
      ticketNumber: r.ticket_number,
      dueOn: r.unsolved_on as string,
      overdue: (r.unsolved_on as string) < today,
      engineers: (engineers.get(r.id) ?? []).map((e) => e.name),
    })),
  };
}
