import type { Dialect } from '../database';
import { type AnyDb, tableWithId } from './helpers';

/** In-app notifications, the e-mail outbox, and the leases that make a background job run once across instances. */
export function notifications(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      // Texts in both languages: the reader's UI language picks one. ticket_id has no foreign key on purpose:
      // notifications outlive what they point at and must never block deleting it.
      await tableWithId(db, dialect, 'notifications')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title_zh', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('body_zh', 'text', (c) => c.notNull())
        .addColumn('body_en', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('ticket_id', 'integer')
        .addColumn('read_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notifications_user_id_idx').on('notifications').columns(['user_id', 'id']).execute();
      await db.schema.createIndex('notifications_user_read_idx').on('notifications').columns(['user_id', 'read_at']).execute();

      await tableWithId(db, dialect, 'mail_outbox')
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('send_after', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('mail_outbox_pending_idx').on('mail_outbox').columns(['sent_at', 'send_after']).execute();

      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
