import type { THandoverSign, TProject } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { assertCanWork, projectFor } from './projects.access.repository';
import * as repo from './projects.repository';
import { getProject, handoverDocumentsOf, policyOn, todayOf } from './projects.service';
import { acceptFile, type FileStorage, newStorageKey, type Upload } from '../../files';

const ACCEPTED = 'a scan or photo (PDF, JPEG, PNG, GIF, WebP) or an Office document (docx, xlsx)';

/**
 * FS-12: upload a handover document (技术交底书, 焊接记录, 管道试压记录 … as the policy lists them). The project is
 * checked first (404 out of scope, 403 for non-members) and only then is the body read; the type comes from the
 * file's bytes; the row and audit entry are written in one transaction, the file last.
 */
export async function uploadHandoverDocument(
  ctx: Ctx,
  projectId: number,
  readUpload: () => Promise<Upload>,
  storage: FileStorage,
): Promise<TProject> {
  await assertCanWork(ctx, await projectFor(ctx, projectId));
  const upload = await readUpload();
  const documentId = upload.fields.documentId.trim();
  const policy = await policyOn(ctx.db, todayOf(ctx));
  const listed = handoverDocumentsOf(policy).map((d) => d.id);
  if (!listed.includes(documentId))
    throw invalidValue('body.documentId', `must be one of the policy's handover documents: ${listed.join(', ')}`, 'FS-12');
  const { fileName, contentType, size, sha256 } = acceptFile(upload, {
    accepts: (type) => !type.startsWith('text/') && type !== 'application/zip',
    unsupported: (name) =>
      new AppError('unsupported_media_type', `"${name}" is not a document type that can be archived; upload ${ACCEPTED}`),
  });
  const key = newStorageKey(ctx.clock.now());
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    await projectFor(ctx, projectId, trx);
    const values = {
      project_id: projectId,
      document_id: documentId,
      file_name: fileName,
      content_type: contentType,
      size,
      sha256,
      storage_key: key,
      uploaded_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    };
    const { id } = await repo.insertHandoverDocument(trx, values);
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'project_handover_document',
      entityId: id,
      after: { ...values, storage_key: undefined },
    });
    await storage.put(key, upload.data);
    return getProject(ctx, projectId, trx);
  });
}

async function documentFor(ctx: Ctx, id: number) {
  const doc = await repo.handoverDocumentRow(ctx.db, id);
  if (!doc) throw notFound('Handover document');
  const project = await projectFor(ctx, doc.project_id).catch(() => {
    throw notFound('Handover document');
  });
  return { doc, project };
}

/** FS-12: record the customer's signature on a handover document (who signed and when). */
export async function signHandoverDocument(ctx: Ctx, id: number, body: THandoverSign): Promise<TProject> {
  const { doc, project } = await documentFor(ctx, id);
  await assertCanWork(ctx, project);
  if (doc.version !== body.version) throw versionConflict('The handover document');
  const today = todayOf(ctx);
  const signedOn = body.signedOn ?? today;
  if (signedOn > today) throw invalidValue('body.signedOn', `must not be in the future (today is ${today})`);
  if (signedOn < doc.created_at.slice(0, 10)) throw invalidValue('body.signedOn', 'must not be before the document was uploaded');
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateHandoverDocumentAtVersion(trx, id, body.version, {
      signed_by: body.signedBy,
      signed_on: signedOn,
      signed_recorded_by: ctx.actor.id,
      updated_at: nowIso(ctx.clock),
      version: doc.version + 1,
    });
    if (!updated) throw versionConflict('The handover document');
    await recordAudit(trx, ctx, {
      action: 'sign',
      entity: 'project_handover_document',
      entityId: id,
      before: { signedBy: doc.signed_by, signedOn: doc.signed_on },
      after: { signedBy: body.signedBy, signedOn },
    });
    return getProject(ctx, doc.project_id, trx);
  });
}

export async function readHandoverDocument(ctx: Ctx, id: number, storage: FileStorage) {
  const { doc } = await documentFor(ctx, id);
  return { fileName: doc.file_name, contentType: doc.content_type, data: await storage.read(doc.storage_key) };
}
