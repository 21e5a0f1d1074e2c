import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** CU-1/CU-2/CU-3/CU-6: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const CUSTOMER_CARE_GRANTS: Record<string, string[]> = {
  admin: ['customers.service', 'customers.fees'],
  gm: ['customers.fees'],
  supervisor: ['customers.service', 'customers.fees'],
  team_lead: ['customers.service'],
  engineer: ['customers.service'],
  product_expert: ['customers.service'],
  agent: ['customers.service'],
  finance: ['customers.fees'],
};

/**
 * CU-1 regular visits and CU-2 free annual inspections (巡检) as region tasks: one row per due task (`task_key` names
 * the customer or installed product and the period, so planning twice opens nothing twice), done or missed.
 * CU-6 devices and documents taken for repair, logged in and out (who, when, condition, signature).
 * CU-3 the fees of chargeable repairs agreed by sales and the department head, by month for finance.
 */
export function customerCare(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'customer_care_tasks'))
        // inspection | visit
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('task_key', 'text', (c) => c.notNull().unique())
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('installed_product_id', 'integer', (c) => c.references('installed_products.id'))
        .addColumn('region_id', 'integer', (c) => c.references('regions.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        // open | done | missed
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('done_on', 'text')
        .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'integer')
        .execute();
      await db.schema.createIndex('customer_care_tasks_due').on('customer_care_tasks').columns(['state', 'due_date']).execute();
      await db.schema.createIndex('customer_care_tasks_region').on('customer_care_tasks').columns(['region_id', 'due_date']).execute();

      await withStamps(tableWithId(db, dialect, 'custody_records'))
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('installed_product_id', 'integer', (c) => c.references('installed_products.id'))
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        // device | document
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('kept_at', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('received_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('condition_in', 'text', (c) => c.notNull())
        .addColumn('handed_in_by', 'text', (c) => c.notNull())
        .addColumn('signature_in', 'text', (c) => c.notNull())
        .addColumn('returned_at', 'text')
        .addColumn('returned_by', 'integer', (c) => c.references('users.id'))
        .addColumn('condition_out', 'text')
        .addColumn('taken_back_by', 'text')
        .addColumn('signature_out', 'text')
        .execute();
      await db.schema.createIndex('custody_records_customer').on('custody_records').columns(['customer_id', 'received_at']).execute();

      await tableWithId(db, dialect, 'repair_fees')
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
        .addColumn('installed_product_id', 'integer', (c) => c.references('installed_products.id'))
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('part', 'text')
        .addColumn('caused_by_people', 'integer', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('fee_fen', 'integer', (c) => c.notNull())
        .addColumn('parts_fen', 'integer', (c) => c.notNull())
        .addColumn('total_fen', 'integer', (c) => c.notNull())
        .addColumn('agreed_on', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('sales_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('head_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'integer')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('repair_fees_month').on('repair_fees').columns(['month', 'id']).execute();
      await grantToBuiltinRoles(db, CUSTOMER_CARE_GRANTS);
    },
  };
}
