import { sql } from 'kysely';
import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** SR-8 canned replies: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const REPLIES_GRANTS: Record<string, string[]> = {
  admin: ['replies.manage'],
  supervisor: ['replies.manage'],
  team_lead: ['replies.manage'],
};

/**
 * Issue 12 items 8 and 10.
 * - Global search (SEC-1) matches by index only: equality, or a prefix as a range `expr >= low AND expr < high`. On
 *   PostgreSQL the range compares in the "C" collation (code-point order, so the prefix's strings are contiguous in any
 *   database collation), which needs its own expression indexes; SQLite's BINARY order is the same, and its existing
 *   indexes serve (tickets.number unique, lower(customers.name), lower(customer_contacts.name), contacts' phone,
 *   ...); new: users' lower(name), lower(username) and phone, and on both requests by contact (tickets.contact_id).
 * - canned_replies: a team's reply templates (team_id null = every team).
 */
export function searchAndReplies(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await db.schema.createIndex('tickets_contact_idx').on('tickets').columns(['contact_id', 'id']).execute();
      if (dialect === 'postgres') {
        const c = (name: string, table: string, expr: string) =>
          sql.raw(`CREATE INDEX ${name} ON ${table} ((${expr}) COLLATE "C")`).execute(db);
        await c('tickets_number_c_idx', 'tickets', 'number');
        await c('customers_lower_name_c_idx', 'customers', 'lower(name)');
        await c('customer_contacts_lower_name_c_idx', 'customer_contacts', 'lower(name)');
        await c('customer_contacts_phone_c_idx', 'customer_contacts', 'phone');
        await c('users_username_c_idx', 'users', 'lower(username)');
        await c('users_lower_name_c_idx', 'users', 'lower(name)');
        await c('users_phone_c_idx', 'users', 'phone');
      } else {
        await db.schema.createIndex('users_phone_idx').on('users').column('phone').execute();
        await db.schema
          .createIndex('users_lower_name_idx')
          .on('users')
          .expression(sql`lower(name)`)
          .execute();
        await db.schema
          .createIndex('users_lower_username_idx')
          .on('users')
          .expression(sql`lower(username)`)
          .execute();
      }

      await withStamps(tableWithId(db, dialect, 'canned_replies'))
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('canned_replies_team_idx').on('canned_replies').columns(['team_id', 'title']).execute();

      await grantToBuiltinRoles(db, REPLIES_GRANTS);
    },
  };
}
