import type { TAttachment } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, forbidden, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import * as repo from './attachments.repository';
import { isCustomerSide, ticketFor } from './tickets.access';
import { acceptFile, type FileStorage, newStorageKey } from '../../files';

/** One uploaded file as the route read it from the multipart body. */
export type Upload = { fileName: string; data: Buffer; visibility: 'public' | 'internal' };

const ACCEPTED = 'JPEG, PNG, GIF or WebP images, PDF, ZIP or Office (docx, xlsx, pptx) files, or UTF-8 text (.txt, .log, .csv)';

const toAttachment = (r: repo.AttachmentRow): TAttachment => ({
  id: r.id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  url: `/api/v1/attachments/${r.id}`,
});

/**
 * SR-10: attach a photo or file to a request's timeline. The request is checked first (404 when the actor cannot
 * see it) and only then is the body read, so a stranger learns nothing and uploads nothing. Customers attach public
 * files only; an internal one needs `tickets.work` (403). The entry, the attachment row and the audit entry are
 * written in one transaction, the file last, so a failed write leaves no row behind.
 */
export async function createAttachment(
  ctx: Ctx,
  ticketId: number,
  readUpload: () => Promise<Upload>,
  storage: FileStorage,
): Promise<TAttachment> {
  await ticketFor(ctx, ticketId);
  const upload = await readUpload();
  if (upload.visibility === 'internal' && (isCustomerSide(ctx.actor) || !can(ctx.actor, 'tickets.work'))) {
    throw forbidden('Only service staff with the permission "tickets.work" may attach internal files');
  }
  const { fileName, contentType, sha256 } = acceptFile(upload, {
    accepts: () => true,
    unsupported: (name) => new AppError('unsupported_media_type', `"${name}" is not a file type that can be attached; attach ${ACCEPTED}`),
  });
  const key = newStorageKey(ctx.clock.now());
  const now = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    await ticketFor(ctx, ticketId, trx);
    // Entries are append-only, so the attachment row comes first (its id goes into the entry's data) and is then
    // linked to the entry.
    const { id } = await repo.insertAttachment(trx, {
      ticket_id: ticketId,
      entry_id: null,
      visibility: upload.visibility,
      file_name: fileName,
      content_type: contentType,
      size: upload.data.length,
      sha256,
      storage_key: key,
      uploaded_by: ctx.actor.id,
      created_at: now,
    });
    const { id: entryId } = await repo.insertEntry(trx, {
      ticket_id: ticketId,
      kind: 'attachment',
      visibility: upload.visibility,
      author_id: ctx.actor.id,
      body: fileName,
      data: JSON.stringify({ attachmentId: id, fileName, size: upload.data.length }),
      created_at: now,
    });
    await repo.linkEntry(trx, id, entryId);
    const attachment: TAttachment = {
      id,
      fileName,
      contentType,
      size: upload.data.length,
      url: `/api/v1/attachments/${id}`,
    };
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'ticket_attachment',
      entityId: id,
      after: { ...attachment, ticketId, entryId, visibility: upload.visibility, sha256 },
    });
    await storage.put(key, upload.data);
    return attachment;
  });
}

/** The stored file of an attachment; 404 when the actor cannot see its request, or it is internal and the actor a customer. */
export async function readAttachment(ctx: Ctx, id: number, storage: FileStorage) {
  const row = await repo.findVisibleAttachment(ctx.db, ctx.actor, id);
  if (!row || (row.visibility === 'internal' && isCustomerSide(ctx.actor))) throw notFound('Attachment');
  return { fileName: row.file_name, contentType: row.content_type, data: await storage.read(row.storage_key) };
}

/**
 * The attachments of timeline entries, by entry id (for the request's timeline). No visibility filter here: an
 * attachment has its entry's visibility, so filtering the entries filters their attachments.
 */
export async function listAttachmentsForEntries(db: Db, entryIds: number[]): Promise<Map<number, TAttachment[]>> {
  const byEntry = new Map<number, TAttachment[]>();
  const ids = [...new Set(entryIds)];
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await repo.listByEntries(db, ids.slice(i, i + 500))) {
      if (r.entry_id == null) continue;
      const list = byEntry.get(r.entry_id) ?? [];
      list.push(toAttachment(r));
      byEntry.set(r.entry_id, list);
    }
  }
  return byEntry;
}
