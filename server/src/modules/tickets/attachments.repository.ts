import type { Insertable } from 'kysely';
import type { TicketAttachmentsTable, TicketEntriesTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { ticketScope } from './tickets.repository';

const columns = [
  'ticket_attachments.id',
  'ticket_attachments.ticket_id',
  'ticket_attachments.entry_id',
  'ticket_attachments.visibility',
  'ticket_attachments.file_name',
  'ticket_attachments.content_type',
  'ticket_attachments.size',
  'ticket_attachments.sha256',
  'ticket_attachments.storage_key',
  'ticket_attachments.created_at',
] as const;

export function insertEntry(db: Db, v: Insertable<TicketEntriesTable>) {
  return db.insertInto('ticket_entries').values(v).returning('id').executeTakeFirstOrThrow();
}

export function insertAttachment(db: Db, v: Insertable<TicketAttachmentsTable>) {
  return db.insertInto('ticket_attachments').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function linkEntry(db: Db, attachmentId: number, entryId: number) {
  await db.updateTable('ticket_attachments').set({ entry_id: entryId }).where('id', '=', attachmentId).execute();
}

/** An attachment of a request the actor may see (scope filter on the joined ticket); visibility is the caller's check. */
export function findVisibleAttachment(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('ticket_attachments')
    .innerJoin('tickets', 'tickets.id', 'ticket_attachments.ticket_id')
    .select(columns)
    .where('ticket_attachments.id', '=', id)
    .where((eb) => ticketScope(eb, actor))
    .executeTakeFirst();
}
export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findVisibleAttachment>>>;

/** The attachments of the given timeline entries, in upload order. */
export function listByEntries(db: Db, entryIds: number[]): Promise<AttachmentRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_attachments')
    .select(columns)
    .where('ticket_attachments.entry_id', 'in', entryIds)
    .orderBy('ticket_attachments.id')
    .execute();
}
