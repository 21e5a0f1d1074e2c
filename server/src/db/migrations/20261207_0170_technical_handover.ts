import type { Dialect } from '../database';
import { type AnyDb, tableWithId } from './helpers';

/**
 * FS-12b: the technical handover (技术交底) gates the start of a project, signed by the engineering manager, the
 * salesperson and each item lead. A project names its salesperson; each signatory's signature is a row. Nothing is
 * backfilled: projects already started (or further) keep their state, since the gate is checked only when a project
 * in planning starts; acceptance no longer asks for the handover record.
 */
export function technicalHandover(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await db.schema
        .alterTable('projects')
        .addColumn('sales_id', 'integer', (c) => c.references('users.id'))
        .execute();
      await tableWithId(db, dialect, 'project_handover_signatures')
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('signed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('project_handover_signatures_once', ['project_id', 'user_id'])
        .execute();
    },
  };
}
