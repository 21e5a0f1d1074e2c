import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, makeAppendOnly, tableWithId, withStamps } from './helpers';

/** RS-1..5, AT-1, AT-3: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
const ALL = ['attendance.punch', 'attendance.approve', 'attendance.read', 'attendance.manage'];
export const ATTENDANCE_GRANTS: Record<string, string[]> = Object.assign(
  Object.fromEntries(['engineer', 'product_expert', 'agent', 'sales', 'sales_admin', 'finance'].map((k) => [k, ['attendance.punch']])),
  {
    admin: ALL,
    gm: ['attendance.punch', 'attendance.read'],
    vp: ['attendance.punch', 'attendance.read'],
    supervisor: ALL,
    hr: ALL,
    team_lead: ['attendance.punch', 'attendance.approve', 'attendance.read'],
    client_it: ['attendance.read'],
  },
);

/**
 * Attendance (issue 14): raw punches (append-only: never edited, RS-1), corrections requested and decided (补卡),
 * absences reported by the lead or the client (RS-3, AT-3), each person-day's stored evaluation, and per-site settings
 * (geofence, office networks, the POL-1 override of the attendance policy).
 */
export function attendance(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await tableWithId(db, dialect, 'attendance_punches')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        // the local date of the punch on the person's calendar
        .addColumn('date', 'text', (c) => c.notNull())
        // web | phone | machine
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('latitude', 'double precision')
        .addColumn('longitude', 'double precision')
        .addColumn('accuracy_m', 'double precision')
        .addColumn('distance_m', 'double precision')
        .addColumn('outside_geofence', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('no_position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('outside_network', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ip', 'text')
        // a machine row's identity (idempotent import): machine type + device + user + instant
        .addColumn('import_key', 'text', (c) => c.unique())
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('team_id', 'integer')
        .addColumn('department_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attendance_punches_user_date').on('attendance_punches').columns(['user_id', 'date']).execute();
      await db.schema.createIndex('attendance_punches_date').on('attendance_punches').columns(['date']).execute();
      await makeAppendOnly(db, dialect, 'attendance_punches');

      await withStamps(tableWithId(db, dialect, 'attendance_corrections'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        // submitted | approved | rejected
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .addColumn('adjustment_id', 'integer')
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('team_id', 'integer')
        .addColumn('department_id', 'integer')
        .execute();
      await db.schema.createIndex('attendance_corrections_user_date').on('attendance_corrections').columns(['user_id', 'date']).execute();

      await tableWithId(db, dialect, 'attendance_absence_reports')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('reported_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('team_id', 'integer')
        .addColumn('department_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attendance_absence_reports_date').on('attendance_absence_reports').columns(['date']).execute();

      await db.schema
        .createTable('attendance_days')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('absent', 'integer', (c) => c.notNull())
        .addColumn('late_count', 'integer', (c) => c.notNull())
        .addColumn('late_minutes', 'integer', (c) => c.notNull())
        .addColumn('early_count', 'integer', (c) => c.notNull())
        .addColumn('early_minutes', 'integer', (c) => c.notNull())
        .addColumn('missing_punches', 'integer', (c) => c.notNull())
        // the whole TDayEvaluation (segments, explanations) as JSON
        .addColumn('evaluation', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'integer')
        .addColumn('site_id', 'integer')
        .addColumn('team_id', 'integer')
        .addColumn('department_id', 'integer')
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('attendance_days_pk', ['user_id', 'date'])
        .execute();
      await db.schema.createIndex('attendance_days_month').on('attendance_days').columns(['month', 'user_id']).execute();

      await db.schema
        .createTable('attendance_sites')
        .addColumn('site_id', 'integer', (c) => c.primaryKey().references('customer_sites.id'))
        .addColumn('override', 'text', (c) => c.notNull())
        .addColumn('geofence', 'text')
        .addColumn('networks', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await grantToBuiltinRoles(db, ATTENDANCE_GRANTS);
    },
  };
}
