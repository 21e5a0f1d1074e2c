import type { Dialect } from '../database';
import { type AnyDb, makeAppendOnly, tableWithId, withStamps } from './helpers';

export function foundation(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'roles'))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('permissions', 'text', (c) => c.notNull())
        .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await withStamps(tableWithId(db, dialect, 'regions'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('parent_id', 'integer', (c) => c.references('regions.id'))
        .execute();

      await withStamps(tableWithId(db, dialect, 'engineer_levels'))
        .addColumn('level', 'integer', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('base_pay_fen', 'integer', (c) => c.notNull())
        .addColumn('description', 'text')
        .execute();

      await withStamps(tableWithId(db, dialect, 'departments'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('parent_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('manager_id', 'integer') // FK added by users below would be circular; checked in the service
        .execute();

      await withStamps(tableWithId(db, dialect, 'teams'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('lead_id', 'integer')
        .addColumn('deputy_id', 'integer')
        .execute();

      await withStamps(tableWithId(db, dialect, 'users'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('employee_no', 'text', (c) => c.unique())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('level_id', 'integer', (c) => c.references('engineer_levels.id'))
        .addColumn('customer_id', 'integer')
        .addColumn('site_id', 'integer')
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('users_team_idx').on('users').column('team_id').execute();
      await db.schema.createIndex('users_department_idx').on('users').column('department_id').execute();

      await db.schema
        .createTable('user_regions')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
        .addPrimaryKeyConstraint('user_regions_pk', ['user_id', 'region_id'])
        .execute();
      await db.schema.createIndex('user_regions_region_idx').on('user_regions').column('region_id').execute();
      await db.schema
        .createTable('user_skills')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('skill', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_skills_pk', ['user_id', 'skill'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();

      await tableWithId(db, dialect, 'api_tokens')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();

      await withStamps(tableWithId(db, dialect, 'product_lines'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .execute();
      await withStamps(tableWithId(db, dialect, 'products'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('product_line_id', 'integer', (c) => c.notNull().references('product_lines.id'))
        .addColumn('model', 'text')
        .addColumn('code', 'text')
        .execute();
      await db.schema
        .createTable('product_experts')
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('product_experts_pk', ['product_id', 'user_id'])
        .execute();

      await tableWithId(db, dialect, 'audit_log')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('ip', 'text')
        .addColumn('request_id', 'text')
        .execute();
      await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
      await db.schema.createIndex('audit_at_idx').on('audit_log').columns(['at', 'id']).execute();
      await makeAppendOnly(db, dialect, 'audit_log');

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
        .execute();
    },
  };
}
