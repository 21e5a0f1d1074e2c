import type { AnyDb } from './helpers';

/** Item 7: a digest of each stored person-day evaluation, so recomputing a month compares digests, not documents. */
export function attendanceDayDigest() {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('attendance_days').addColumn('digest', 'text').execute();
    },
  };
}
