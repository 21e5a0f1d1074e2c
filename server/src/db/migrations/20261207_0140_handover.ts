import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** HO-1/SEC-3: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const HANDOVER_GRANTS: Record<string, string[]> = {
  admin: ['handover.manage', 'handover.override'],
  gm: ['handover.override'],
  supervisor: ['handover.manage'],
  team_lead: ['handover.manage'],
  hr: ['handover.manage'],
};

/**
 * HO-1 handover on leaving or transfer (离职/调岗交接): the handover, each item handed over (reassigned through its
 * module or returned), the three signatures, the GM's overrides, and a register of company property, loans and
 * receivables documents (no module kept them before); SEC-3 the confidentiality agreement recorded at hire.
 */
export function handover(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'handovers'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // leaving | transfer
        .addColumn('kind', 'text', (c) => c.notNull())
        // open | completed | cancelled
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('successor_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('manager_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('note', 'text')
        .addColumn('started_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('completed_at', 'text')
        .addColumn('cancel_reason', 'text')
        .execute();
      await db.schema.createIndex('handovers_user').on('handovers').columns(['user_id', 'status']).execute();
      await tableWithId(db, dialect, 'handover_items')
        .addColumn('handover_id', 'integer', (c) => c.notNull().references('handovers.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        // reassigned | returned
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('to_user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('done_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('done_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('handover_items_handover').on('handover_items').columns(['handover_id']).execute();
      await tableWithId(db, dialect, 'handover_signatures')
        .addColumn('handover_id', 'integer', (c) => c.notNull().references('handovers.id'))
        // leaver | successor | manager
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('signed_at', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text')
        .addColumn('sha256', 'text')
        .addUniqueConstraint('handover_signatures_role', ['handover_id', 'role'])
        .execute();
      await tableWithId(db, dialect, 'handover_overrides')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('open_items', 'integer', (c) => c.notNull())
        .addColumn('granted_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('handover_overrides_user').on('handover_overrides').columns(['user_id']).execute();
      await withStamps(tableWithId(db, dialect, 'company_property'))
        .addColumn('holder_id', 'integer', (c) => c.notNull().references('users.id'))
        // property | loan | receivable
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('amount_fen', 'bigint')
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('returned_on', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('company_property_holder').on('company_property').columns(['holder_id', 'returned_on']).execute();
      await db.schema
        .createTable('confidentiality_agreements')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('signed_on', 'text', (c) => c.notNull())
        .addColumn('agreement_version', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await grantToBuiltinRoles(db, HANDOVER_GRANTS);
    },
  };
}
