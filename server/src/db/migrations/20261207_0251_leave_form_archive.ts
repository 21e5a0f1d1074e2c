import type { AnyDb } from './helpers';

/**
 * RS-4b: a resident's emergency leave form, filed afterwards, is signed and archived as a PDF by the client IT office
 * or the supervision unit of the site: who archived it, when, the drawn signature (if any) and the PDF with its hash.
 */
export function leaveFormArchive() {
  return {
    async up(db: AnyDb) {
      for (const [column, type] of [
        ['form_archived_by', 'integer'],
        ['form_archived_at', 'text'],
        ['form_signature_key', 'text'],
        ['form_pdf_key', 'text'],
        ['form_pdf_sha256', 'text'],
      ] as const)
        await db.schema.alterTable('leave_requests').addColumn(column, type).execute();
    },
  };
}
