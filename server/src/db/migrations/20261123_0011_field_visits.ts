import type { ColumnDefinitionBuilder } from 'kysely';
import type { Dialect } from '../database';
import { type AnyDb, makeAppendOnly, tableWithId, withStamps } from './helpers';

/**
 * FS-5..FS-9 on site: check-ins, the service record with parts, expert consults and the difficulty report, photos
 * and signed PDFs, customer signatures (append-only: FS-8 immutable), extra tasks (FS-7) and return requests (FS-9).
 */
export function fieldVisits(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      const letter = (c: ColumnDefinitionBuilder) => c.notNull().references('responsibility_letters.id');

      // FS-5: arrival and departure, at server time; append-only.
      await tableWithId(db, dialect, 'visit_checkins')
        .addColumn('letter_id', 'integer', letter)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('accuracy', 'double precision')
        .addColumn('confirmed_with', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('visit_checkins_letter').on('visit_checkins').columns(['letter_id', 'id']).execute();
      await makeAppendOnly(db, dialect, 'visit_checkins');

      // FS-6: one service record per letter (editable until the sign-off).
      await withStamps(tableWithId(db, dialect, 'service_records'))
        .addColumn('letter_id', 'integer', (c) => c.notNull().unique().references('responsibility_letters.id'))
        .addColumn('diagnosis', 'text', (c) => c.notNull())
        .addColumn('work_done', 'text', (c) => c.notNull())
        .addColumn('solved', 'integer')
        .addColumn('restored_original', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unsolved_on', 'text')
        .addColumn('report_required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('report_text', 'text')
        .addColumn('report_photo_ids', 'text')
        .addColumn('report_filed_at', 'text')
        .addColumn('report_filed_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('service_records_report_due').on('service_records').columns(['report_required', 'unsolved_on']).execute();

      // FS-6: parts used and product experts consulted; append-only.
      await tableWithId(db, dialect, 'visit_parts')
        .addColumn('letter_id', 'integer', letter)
        .addColumn('part', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('installed_product_id', 'integer', (c) => c.references('installed_products.id'))
        .addColumn('part_replacement_id', 'integer', (c) => c.references('part_replacements.id'))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visit_parts_letter').on('visit_parts').columns(['letter_id', 'id']).execute();
      await makeAppendOnly(db, dialect, 'visit_parts');

      await tableWithId(db, dialect, 'visit_expert_consults')
        .addColumn('letter_id', 'integer', letter)
        .addColumn('expert_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('expert_name', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visit_expert_consults_letter').on('visit_expert_consults').columns(['letter_id', 'id']).execute();
      await makeAppendOnly(db, dialect, 'visit_expert_consults');

      // Photos and signed service-record PDFs, bytes in the attachment storage; append-only.
      await tableWithId(db, dialect, 'visit_files')
        .addColumn('letter_id', 'integer', letter)
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('ticket_attachment_id', 'integer', (c) => c.references('ticket_attachments.id'))
        .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visit_files_letter').on('visit_files').columns(['letter_id', 'id']).execute();
      await makeAppendOnly(db, dialect, 'visit_files');

      // FS-7/FS-8: a customer's signature, stored once and never changed (who recorded it, when, where, from which ip).
      await tableWithId(db, dialect, 'visit_signatures')
        .addColumn('letter_id', 'integer', letter)
        .addColumn('signer_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('ip', 'text')
        .execute();
      await makeAppendOnly(db, dialect, 'visit_signatures');

      // FS-8: the sign-off of a letter's service record; one per letter, append-only.
      await tableWithId(db, dialect, 'visit_signoffs')
        .addColumn('letter_id', 'integer', (c) => c.notNull().unique().references('responsibility_letters.id'))
        .addColumn('attitude', 'text')
        .addColumn('skill', 'text')
        .addColumn('result', 'text')
        .addColumn('comment', 'text')
        .addColumn('signature_id', 'integer', (c) => c.references('visit_signatures.id'))
        .addColumn('unsigned_reason', 'text')
        .addColumn('pdf_file_id', 'integer', (c) => c.notNull().references('visit_files.id'))
        .addColumn('rating_on_request', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await makeAppendOnly(db, dialect, 'visit_signoffs');

      // FS-7: extra tasks found on site.
      await withStamps(tableWithId(db, dialect, 'visit_extra_tasks'))
        .addColumn('letter_id', 'integer', letter)
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('estimate_minutes', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('customer_signature_id', 'integer', (c) => c.references('visit_signatures.id'))
        .addColumn('countersigned_by', 'integer', (c) => c.references('users.id'))
        .addColumn('countersigned_at', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('visit_extra_tasks_letter').on('visit_extra_tasks').columns(['letter_id', 'id']).execute();

      // FS-9: the engineer's completion report and return plan, and the decision on it.
      await tableWithId(db, dialect, 'visit_return_requests')
        .addColumn('letter_id', 'integer', letter)
        .addColumn('completion_note', 'text', (c) => c.notNull())
        .addColumn('return_plan', 'text', (c) => c.notNull()) // JSON {date, transport, note}
        .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decline_reason', 'text')
        .execute();
      await db.schema.createIndex('visit_return_requests_letter').on('visit_return_requests').columns(['letter_id', 'id']).execute();
    },
  };
}
