import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId } from './helpers';

/** RS-1/RS-3: who may spot-check presence at a site (tested against DEFAULT_ROLES). */
export const SPOT_CHECK_GRANTS: Record<string, string[]> = {
  admin: ['attendance.spotcheck'],
  supervisor: ['attendance.spotcheck'],
  team_lead: ['attendance.spotcheck'],
  client_it: ['attendance.spotcheck'],
};

/** RS-1/RS-3 (issue 14 item 8): a spot check records who was at the site at a time, and any stand-in found. */
export function attendanceSpotChecks(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await tableWithId(db, dialect, 'attendance_spot_checks')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('customer_sites.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('checked_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('attendance_spot_check_people')
        .addColumn('spot_check_id', 'integer', (c) => c.notNull().references('attendance_spot_checks.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // present | absent | standIn
        .addColumn('finding', 'text', (c) => c.notNull())
        .addColumn('absence_report_id', 'integer')
        .addPrimaryKeyConstraint('attendance_spot_check_people_pk', ['spot_check_id', 'user_id'])
        .execute();
      await db.schema.createIndex('attendance_spot_checks_site').on('attendance_spot_checks').columns(['site_id', 'at']).execute();
      await grantToBuiltinRoles(db, SPOT_CHECK_GRANTS);
    },
  };
}
