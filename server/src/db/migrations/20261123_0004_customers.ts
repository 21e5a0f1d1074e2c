import { sql } from 'kysely';
import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/** CU-1..5: customers, contacts, sites, installed products with part replacements (CU-2), service contracts (CU-4). */
export function customers(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'customers'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('code', 'text', (c) => c.unique())
        .addColumn('industry', 'text')
        .addColumn('address', 'text')
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema
        .createIndex('customers_lower_name_idx')
        .on('customers')
        .expression(sql`lower(name)`)
        .execute();
      await db.schema.createIndex('customers_region_idx').on('customers').column('region_id').execute();

      await withStamps(tableWithId(db, dialect, 'customer_contacts'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('position', 'text')
        .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('customer_contacts_customer_idx').on('customer_contacts').column('customer_id').execute();
      await db.schema.createIndex('customer_contacts_phone_idx').on('customer_contacts').column('phone').execute();
      await db.schema
        .createIndex('customer_contacts_lower_name_idx')
        .on('customer_contacts')
        .expression(sql`lower(name)`)
        .execute();

      await withStamps(tableWithId(db, dialect, 'customer_sites'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('calendar_id', 'integer', (c) => c.references('calendars.id'))
        .addColumn('contact_id', 'integer', (c) => c.references('customer_contacts.id'))
        .execute();
      await db.schema.createIndex('customer_sites_customer_idx').on('customer_sites').column('customer_id').execute();
      await db.schema.createIndex('customer_sites_region_idx').on('customer_sites').column('region_id').execute();
      await db.schema.createIndex('customer_sites_calendar_idx').on('customer_sites').column('calendar_id').execute();
      await db.schema.createIndex('customer_sites_contact_idx').on('customer_sites').column('contact_id').execute();

      await withStamps(tableWithId(db, dialect, 'installed_products'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
        .addColumn('serial_number', 'text', (c) => c.notNull())
        .addColumn('installed_on', 'text')
        .addColumn('accepted_on', 'text')
        .addColumn('warranty_end_override', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('installed_products_customer_idx').on('installed_products').column('customer_id').execute();
      await db.schema.createIndex('installed_products_site_idx').on('installed_products').column('site_id').execute();
      await db.schema.createIndex('installed_products_product_idx').on('installed_products').column('product_id').execute();
      await db.schema.createIndex('installed_products_serial_idx').on('installed_products').column('serial_number').execute();

      // Replacements are facts that extend a warranty (CU-2); they are recorded, not edited.
      await tableWithId(db, dialect, 'part_replacements')
        .addColumn('installed_product_id', 'integer', (c) => c.notNull().references('installed_products.id'))
        .addColumn('part', 'text', (c) => c.notNull())
        .addColumn('replaced_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('part_replacements_installed_idx').on('part_replacements').column('installed_product_id').execute();

      await withStamps(tableWithId(db, dialect, 'service_contracts'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('service_content', 'text')
        .addColumn('fee_fen', 'bigint', (c) => c.notNull())
        .addColumn('sla_level_id', 'text', (c) => c.notNull())
        .addColumn('coverage', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('service_contracts_customer_idx').on('service_contracts').column('customer_id').execute();
    },
  };
}
