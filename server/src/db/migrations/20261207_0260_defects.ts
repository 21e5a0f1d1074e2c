import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** SR-15 defect reports: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const DEFECTS_GRANTS: Record<string, string[]> = {
  admin: ['defects.report', 'defects.answer'],
  supervisor: ['defects.report', 'defects.answer'],
  product_expert: ['defects.report', 'defects.answer'],
  team_lead: ['defects.report'],
  engineer: ['defects.report'],
};

/**
 * SR-15: a product defect or quality problem found while servicing a request, sent to R&D or production as a tracked
 * report with an owner and a target date; the owner's answer is fed back to the request's timeline.
 */
export function defects(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'defect_reports'))
        .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
        // rnd | production
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('target_date', 'text', (c) => c.notNull())
        // open | answered
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
        .addColumn('answered_at', 'text')
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('defect_reports_ticket_idx').on('defect_reports').columns(['ticket_id', 'id']).execute();
      await db.schema.createIndex('defect_reports_status_idx').on('defect_reports').columns(['status', 'target_date']).execute();
      await grantToBuiltinRoles(db, DEFECTS_GRANTS);
    },
  };
}
