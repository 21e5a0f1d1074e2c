import type { Dialect } from '../database';
import { type AnyDb, tableWithId } from './helpers';

/** FS-8: files sent with outbox mail (the signed service-record PDF to the customer's contact), base64 text on both databases. */
export function mailAttachments(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await tableWithId(db, dialect, 'mail_attachments')
        .addColumn('mail_id', 'integer', (c) => c.notNull().references('mail_outbox.id').onDelete('cascade'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('content_base64', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mail_attachments_mail').on('mail_attachments').column('mail_id').execute();
    },
  };
}
