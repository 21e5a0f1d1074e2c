import type { Dialect } from '../database';
import { type AnyDb, makeAppendOnly, tableWithId, withStamps } from './helpers';

/**
 * SR-15: a complex fault behind a defect report is discussed by the team before the solution is fixed — the
 * discussion (one per report), its participants, their comments (append-only) and the conclusion. No new
 * permissions: who may take part follows defects.report / defects.answer.
 */
export function defectDiscussions(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'defect_discussions'))
        .addColumn('defect_id', 'integer', (c) => c.notNull().unique().references('defect_reports.id'))
        .addColumn('topic', 'text', (c) => c.notNull())
        // open | concluded
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('conclusion', 'text')
        .addColumn('concluded_by', 'integer', (c) => c.references('users.id'))
        .addColumn('concluded_at', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema
        .createTable('defect_discussion_participants')
        .addColumn('discussion_id', 'integer', (c) => c.notNull().references('defect_discussions.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('defect_discussion_participants_pk', ['discussion_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('defect_discussion_participants_user_idx')
        .on('defect_discussion_participants')
        .columns(['user_id'])
        .execute();
      await tableWithId(db, dialect, 'defect_discussion_comments')
        .addColumn('discussion_id', 'integer', (c) => c.notNull().references('defect_discussions.id'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('defect_discussion_comments_discussion_idx')
        .on('defect_discussion_comments')
        .columns(['discussion_id', 'id'])
        .execute();
      await makeAppendOnly(db, dialect, 'defect_discussion_comments');
    },
  };
}
