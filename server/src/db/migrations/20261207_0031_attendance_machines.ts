import type { AnyDb } from './helpers';

/** RS-1 (issue 14 item 2): the column mapping saved per machine type for importing fingerprint/face machine exports. */
export function attendanceMachines() {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('attendance_machine_mappings')
        .addColumn('machine_type', 'text', (c) => c.primaryKey())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
