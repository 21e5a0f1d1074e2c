import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, makeAppendOnly, tableWithId, withStamps } from './helpers';

/** RS-8, RS-9, RS-11: who gets the residents permissions on an existing install (tested against DEFAULT_ROLES). */
export const RESIDENTS_GRANTS: Record<string, string[]> = {
  admin: ['residents.read', 'residents.write', 'residents.manage', 'residents.conduct', 'residents.sign'],
  gm: ['residents.read'],
  vp: ['residents.read'],
  supervisor: ['residents.read', 'residents.write', 'residents.manage', 'residents.conduct'],
  team_lead: ['residents.read', 'residents.write', 'residents.conduct'],
  engineer: ['residents.read', 'residents.write'],
  hr: ['residents.read'],
  client_it: ['residents.read', 'residents.conduct', 'residents.sign'],
};

/**
 * Issue 14 items 9–11: residents at a client site. The resident contract (RS-11: head-count and period per site), the
 * site's equipment register (设备资料库), its backup log and the configuration changes made with the client's
 * authorisation (both append-only), operations records (运维记录, RS-8) signed by the client's project lead, and
 * conduct points (扣分, RS-9) recorded with evidence, scoped like attendance facts (person, team, department, site).
 */
export function residents(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(
        tableWithId(db, dialect, 'resident_contracts')
          .addColumn('site_id', 'integer', (c) => c.notNull().unique().references('customer_sites.id'))
          .addColumn('headcount', 'integer', (c) => c.notNull())
          .addColumn('start_date', 'text', (c) => c.notNull())
          .addColumn('end_date', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id')),
      ).execute();

      await withStamps(
        tableWithId(db, dialect, 'resident_equipment')
          .addColumn('site_id', 'integer', (c) => c.notNull().references('customer_sites.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('model', 'text')
          .addColumn('serial_no', 'text')
          .addColumn('location', 'text')
          .addColumn('note', 'text')
          .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id')),
      ).execute();
      await db.schema.createIndex('resident_equipment_site').on('resident_equipment').column('site_id').execute();

      await tableWithId(db, dialect, 'resident_backups')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('customer_sites.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('medium', 'text')
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('resident_backups_site_at').on('resident_backups').columns(['site_id', 'at']).execute();
      await makeAppendOnly(db, dialect, 'resident_backups');

      await tableWithId(db, dialect, 'resident_config_changes')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('customer_sites.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('authorised_by', 'text', (c) => c.notNull())
        .addColumn('authorised_at', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('resident_config_changes_site_at').on('resident_config_changes').columns(['site_id', 'at']).execute();
      await makeAppendOnly(db, dialect, 'resident_config_changes');

      await withStamps(
        tableWithId(db, dialect, 'resident_operations_records')
          .addColumn('site_id', 'integer', (c) => c.notNull().references('customer_sites.id'))
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('start_time', 'text', (c) => c.notNull())
          .addColumn('end_time', 'text', (c) => c.notNull())
          .addColumn('place', 'text', (c) => c.notNull())
          .addColumn('content', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          // JSON: [{ name, inTime, outTime }]
          .addColumn('people', 'text', (c) => c.notNull())
          .addColumn('headcount', 'integer', (c) => c.notNull())
          // awaiting_approval | signed
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('signer_name', 'text')
          .addColumn('signature_key', 'text')
          .addColumn('signature_type', 'text')
          .addColumn('signature_size', 'integer')
          .addColumn('signature_sha256', 'text')
          .addColumn('approver_id', 'integer', (c) => c.references('users.id'))
          .addColumn('signed_at', 'text')
          .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id')),
      ).execute();
      await db.schema
        .createIndex('resident_operations_records_site_date')
        .on('resident_operations_records')
        .columns(['site_id', 'date'])
        .execute();

      await withStamps(
        tableWithId(db, dialect, 'resident_conduct_points')
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
          .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
          .addColumn('team_id', 'integer')
          .addColumn('department_id', 'integer')
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('item_id', 'text', (c) => c.notNull())
          .addColumn('item_name_zh', 'text', (c) => c.notNull())
          .addColumn('item_name_en', 'text', (c) => c.notNull())
          .addColumn('points', 'integer', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('policy_version', 'integer')
          .addColumn('evidence', 'text', (c) => c.notNull())
          .addColumn('file_name', 'text')
          .addColumn('content_type', 'text')
          .addColumn('size', 'integer')
          .addColumn('sha256', 'text')
          .addColumn('storage_key', 'text')
          // active | withdrawn
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id'))
          .addColumn('withdrawn_at', 'text')
          .addColumn('withdraw_reason', 'text')
          .addColumn('adjustment_id', 'integer')
          .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id')),
      ).execute();
      await db.schema.createIndex('resident_conduct_points_date_user').on('resident_conduct_points').columns(['date', 'user_id']).execute();

      await grantToBuiltinRoles(db, RESIDENTS_GRANTS);
    },
  };
}
