import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

const STAFF = ['gm', 'vp', 'team_lead', 'engineer', 'product_expert', 'agent', 'sales', 'sales_admin', 'finance', 'hr'];

/** MTG-1: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const MEETINGS_GRANTS: Record<string, string[]> = {
  ...Object.fromEntries(STAFF.map((key) => [key, ['meetings.read']])),
  admin: ['meetings.read', 'meetings.manage'],
  supervisor: ['meetings.read', 'meetings.manage'],
  team_lead: ['meetings.read', 'meetings.manage'],
};

/** MTG-1: department meetings (部门例会) with minutes, attendees and action items followed up. */
export function meetings(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'meetings'))
        // department | standup | review | other
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('held_at', 'text', (c) => c.notNull())
        .addColumn('location', 'text')
        .addColumn('chair_id', 'integer', (c) => c.references('users.id'))
        .addColumn('minutes', 'text', (c) => c.notNull())
        .addColumn('standup_date', 'text')
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('meetings_held').on('meetings').columns(['held_at']).execute();
      await db.schema
        .createTable('meeting_attendees')
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('meeting_attendees_pk', ['meeting_id', 'user_id'])
        .execute();
      await withStamps(tableWithId(db, dialect, 'meeting_actions'))
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('due_on', 'text')
        // open | done | cancelled
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('done_at', 'text')
        .execute();
      await db.schema.createIndex('meeting_actions_owner').on('meeting_actions').columns(['owner_id', 'status']).execute();
      await db.schema.createIndex('meeting_actions_meeting').on('meeting_actions').columns(['meeting_id']).execute();
      await grantToBuiltinRoles(db, MEETINGS_GRANTS);
    },
  };
}
