import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, makeAppendOnly, tableWithId, withStamps } from './helpers';

/** WR-1..8 (issue 15): what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const REPORTS_GRANTS: Record<string, string[]> = {
  admin: ['reports.write', 'reports.review', 'reports.supervise', 'obligations.excuse', 'months.close'],
  gm: ['reports.review', 'reports.supervise'],
  vp: ['reports.review'],
  supervisor: ['reports.review', 'reports.supervise', 'obligations.excuse', 'months.close'],
  team_lead: ['reports.write', 'reports.review'],
  engineer: ['reports.write'],
  product_expert: ['reports.write'],
  hr: ['reports.review', 'months.close'],
};

/**
 * Obligations (one table for everything due: reports, reflections, notices, explanations, the appraisal sheet), the
 * months (open → closed per company) and the adjustments that book a closed month's corrections in an open one.
 */
export function obligations(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'obligations'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        // What it is about ('' and 0 when the period alone identifies it, e.g. a weekly report).
        .addColumn('subject_type', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('subject_id', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        // The month it counts in (its due date's), for the appraisal's set-based read.
        .addColumn('month', 'text', (c) => c.notNull())
        // open | on_time | late | excused | cancelled
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .addColumn('late_minutes', 'integer')
        .addColumn('explanation', 'text', (c) => c.notNull()) // JSON TExplanation of the due instant
        .addColumn('judgement', 'text') // JSON TExplanation of on time / late
        .addColumn('policy_version', 'integer')
        .addColumn('calendar_id', 'integer', (c) => c.references('calendars.id'))
        .addColumn('evidence_type', 'text')
        .addColumn('evidence_id', 'integer')
        .addColumn('link', 'text')
        .addColumn('excused_by', 'integer', (c) => c.references('users.id'))
        .addColumn('excused_at', 'text')
        .addColumn('excused_reason', 'text')
        .addColumn('cancelled_reason', 'text')
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('reminded_at', 'text')
        .addColumn('flagged_at', 'text')
        .execute();
      await db.schema
        .createIndex('obligations_identity')
        .unique()
        .on('obligations')
        .columns(['kind', 'owner_id', 'period', 'subject_type', 'subject_id'])
        .execute();
      await db.schema.createIndex('obligations_owner_due').on('obligations').columns(['owner_id', 'due_at']).execute();
      await db.schema.createIndex('obligations_month_owner').on('obligations').columns(['month', 'owner_id']).execute();
      await db.schema.createIndex('obligations_state_due').on('obligations').columns(['state', 'due_at']).execute();
      await db.schema.createIndex('obligations_department_due').on('obligations').columns(['department_id', 'due_at']).execute();
      await db.schema.createIndex('obligations_subject').on('obligations').columns(['subject_type', 'subject_id']).execute();

      await db.schema
        .createTable('months')
        .addColumn('month', 'text', (c) => c.primaryKey())
        // closed (a month without a row is open)
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
        .addColumn('closed_at', 'text')
        .addColumn('note', 'text')
        .execute();

      await tableWithId(db, dialect, 'month_adjustments')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('fact_type', 'text', (c) => c.notNull())
        .addColumn('fact_id', 'integer')
        .addColumn('fact_month', 'text', (c) => c.notNull())
        .addColumn('explanation_zh', 'text', (c) => c.notNull())
        .addColumn('explanation_en', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'integer')
        .addColumn('delta', 'text') // JSON
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('month_adjustments_month_user').on('month_adjustments').columns(['month', 'user_id']).execute();
      await db.schema.createIndex('month_adjustments_fact').on('month_adjustments').columns(['fact_type', 'fact_id']).execute();
      // A correction is itself a fact: it is never edited or deleted, only corrected by another adjustment.
      await makeAppendOnly(db, dialect, 'month_adjustments');

      await grantToBuiltinRoles(db, REPORTS_GRANTS);
    },
  };
}
