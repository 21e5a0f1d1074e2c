import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/** Policy versions (issue 3): drafts and published versions with their effective dates; old ones stay. */
export function policy(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'policy_versions'))
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('effective_from', 'text')
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema
        .createIndex('policy_versions_status_effective_idx')
        .on('policy_versions')
        .columns(['status', 'effective_from'])
        .execute();
    },
  };
}
