import type { Dialect } from '../database';
import type { AnyDb } from './helpers';

/**
 * MTG-1 (issue 15 audit): action items followed up by a job — the due date a reminder was last sent for (the day
 * before it) and the due date the owner and the chair were last told it is overdue for; a new due date re-arms both.
 */
export function meetingActionFollowUp(_dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('meeting_actions').addColumn('reminded_for', 'text').execute();
      await db.schema.alterTable('meeting_actions').addColumn('overdue_notified_for', 'text').execute();
      await db.schema.createIndex('meeting_actions_due').on('meeting_actions').columns(['status', 'due_on']).execute();
    },
  };
}
