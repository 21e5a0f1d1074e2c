import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/**
 * AT-5/AT-5b (issue 14 item 13): overtime requested by the employee or ordered by the project manager or the superior,
 * decided by the superior. The hours worked are computed from the punches when read, so the row holds the request.
 */
export function attendanceOvertime(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'attendance_overtime'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // voluntary | ordered
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
        // the local date and times of the start on the person's calendar; the end may be on the next day
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('start_time', 'text', (c) => c.notNull())
        .addColumn('end_time', 'text', (c) => c.notNull())
        .addColumn('start_at', 'text', (c) => c.notNull())
        .addColumn('end_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        // submitted | approved | rejected
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('team_id', 'integer')
        .addColumn('department_id', 'integer')
        .execute();
      await db.schema.createIndex('attendance_overtime_user_date').on('attendance_overtime').columns(['user_id', 'date']).execute();
      await db.schema.createIndex('attendance_overtime_date_status').on('attendance_overtime').columns(['date', 'status']).execute();
    },
  };
}
