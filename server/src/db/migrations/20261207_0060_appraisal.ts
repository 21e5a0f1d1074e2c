import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

const STAFF = ['team_lead', 'engineer', 'product_expert', 'agent', 'sales', 'sales_admin', 'hr'];

/** AP-1..AP-15: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const APPRAISAL_GRANTS: Record<string, string[]> = Object.assign(Object.fromEntries(STAFF.map((key) => [key, ['appraisal.self']])), {
  admin: ['appraisal.self', 'appraisal.review', 'appraisal.approve', 'appraisal.export'],
  gm: ['appraisal.self', 'appraisal.review', 'appraisal.approve', 'appraisal.export'],
  finance: ['appraisal.self', 'appraisal.export'],
  vp: ['appraisal.self', 'appraisal.review'],
  supervisor: ['appraisal.self', 'appraisal.review'],
});

/**
 * AP-15: the month's appraisal sheet of a person (computed lines, the chain's scores, the reviewers' adjustments,
 * the GM's signature, frozen once the month is closed) and the disputes of its lines.
 */
export function appraisal(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'appraisal_sheets'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        // draft | approved | final
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'integer')
        .addColumn('inputs_digest', 'text', (c) => c.notNull())
        // JSON: the computed lines (core appraise), the reviewers' adjustments, the scores by scorer, the carry
        .addColumn('lines', 'text', (c) => c.notNull())
        .addColumn('adjustments', 'text', (c) => c.notNull())
        .addColumn('scores', 'text', (c) => c.notNull())
        .addColumn('scorers', 'text', (c) => c.notNull())
        .addColumn('carry', 'text', (c) => c.notNull())
        .addColumn('grade', 'text')
        .addColumn('total_tenths', 'integer')
        .addColumn('amount_fen', 'integer', (c) => c.notNull())
        .addColumn('self_at', 'text')
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
        .addColumn('approved_at', 'text')
        .addColumn('frozen_at', 'text')
        .addUniqueConstraint('appraisal_sheets_person_month', ['user_id', 'month'])
        .execute();
      await db.schema.createIndex('appraisal_sheets_month').on('appraisal_sheets').columns(['month', 'department_id']).execute();
      await withStamps(tableWithId(db, dialect, 'appraisal_disputes'))
        .addColumn('sheet_id', 'integer', (c) => c.notNull().references('appraisal_sheets.id'))
        .addColumn('line_key', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('raised_by', 'integer', (c) => c.notNull().references('users.id'))
        // open | upheld | rejected
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('decision', 'text')
        .addColumn('amount_fen', 'integer')
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema.createIndex('appraisal_disputes_sheet').on('appraisal_disputes').columns(['sheet_id']).execute();
      await grantToBuiltinRoles(db, APPRAISAL_GRANTS);
    },
  };
}
