import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** RS-4/AT-4: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const LEAVE_GRANTS: Record<string, string[]> = {
  admin: ['leave.request', 'leave.approve'],
  gm: ['leave.request', 'leave.approve'],
  vp: ['leave.request'],
  supervisor: ['leave.request', 'leave.approve'],
  team_lead: ['leave.request'],
  engineer: ['leave.request'],
  product_expert: ['leave.request'],
  agent: ['leave.request'],
  sales: ['leave.request'],
  sales_admin: ['leave.request'],
  finance: ['leave.request'],
  hr: ['leave.request', 'leave.approve'],
};

/**
 * RS-4/AT-4: leave requests (请假申请). `leave_requests` (user_id, status, start_date, end_date) is also read by
 * automatic assignment (SR-4) and the dispatch board (FS-10).
 */
export function leave(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'leave_requests'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // submitted | approved | rejected | cancelled
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('type_id', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('days', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('stand_in_id', 'integer', (c) => c.references('users.id'))
        .addColumn('contact_phone', 'text')
        .addColumn('emergency', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('required_notice_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('days_ahead', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('certificate_required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('certificate_received_at', 'text')
        .addColumn('extends_id', 'integer', (c) => c.references('leave_requests.id'))
        .addColumn('explanation', 'text', (c) => c.notNull()) // JSON TExplanation (RS-4/AT-4)
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .addColumn('policy_version', 'integer')
        .execute();
      await db.schema
        .createIndex('leave_requests_user_dates')
        .on('leave_requests')
        .columns(['user_id', 'start_date', 'end_date'])
        .execute();
      await db.schema.createIndex('leave_requests_status_dates').on('leave_requests').columns(['status', 'start_date']).execute();
      await grantToBuiltinRoles(db, LEAVE_GRANTS);
    },
  };
}
