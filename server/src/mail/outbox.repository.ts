import type { Insertable } from 'kysely';
import type { MailOutboxTable } from '../db/schema';
import type { Db } from '../http/context';

export type MailAttachment = { fileName: string; contentType: string; data: Buffer };
export type OutboxInsert = Pick<
  Insertable<MailOutboxTable>,
  'to_address' | 'subject' | 'text_body' | 'html_body' | 'created_at' | 'send_after'
> & {
  attachments?: MailAttachment[];
};

/** Queue mail inside the caller's transaction: it is sent only if the change that caused it commits. */
export async function queueMail(db: Db, rows: OutboxInsert[]): Promise<void> {
  const plain = rows.filter((r) => !r.attachments?.length);
  if (plain.length > 0)
    await db
      .insertInto('mail_outbox')
      .values(plain.map(({ attachments: _none, ...row }) => row))
      .execute();
  for (const { attachments = [], ...row } of rows.filter((r) => r.attachments?.length)) {
    const { id } = await db.insertInto('mail_outbox').values(row).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('mail_attachments')
      .values(
        attachments.map((a) => ({
          mail_id: id,
          file_name: a.fileName,
          content_type: a.contentType,
          content_base64: a.data.toString('base64'),
        })),
      )
      .execute();
  }
}

/** The files queued with one message. */
export async function attachmentsOf(db: Db, mailId: number): Promise<MailAttachment[]> {
  const rows = await db
    .selectFrom('mail_attachments')
    .select(['file_name', 'content_type', 'content_base64'])
    .where('mail_id', '=', mailId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ fileName: r.file_name, contentType: r.content_type, data: Buffer.from(r.content_base64, 'base64') }));
}

/** Unsent mail that is due and not given up on, oldest first. */
export function pendingMail(db: Db, now: string, maxAttempts: number, limit: number) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'send_after', 'attempts'])
    .where('sent_at', 'is', null)
    .where('send_after', '<=', now)
    .where('attempts', '<', maxAttempts)
    .orderBy('send_after')
    .orderBy('id')
    .limit(limit)
    .execute();
}
export type PendingMail = Awaited<ReturnType<typeof pendingMail>>[number];

/**
 * Take a row for sending by moving its send_after to `until`, only if nobody moved it since we read it: two
 * overlapping runs (another instance, a slow run) never send the same row twice. A crash mid-send leaves the
 * row to be retried after `until`.
 */
export async function claimMail(db: Db, row: Pick<PendingMail, 'id' | 'send_after'>, until: string): Promise<boolean> {
  const res = await db
    .updateTable('mail_outbox')
    .set({ send_after: until })
    .where('id', '=', row.id)
    .where('sent_at', 'is', null)
    .where('send_after', '=', row.send_after)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markSent(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_at: at, last_error: null }).where('id', '=', id).execute();
}

export async function markFailed(db: Db, id: number, v: { attempts: number; sendAfter: string; error: string }): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ attempts: v.attempts, send_after: v.sendAfter, last_error: v.error })
    .where('id', '=', id)
    .execute();
}
