import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** PAY-1..5: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const PAY_GRANTS: Record<string, string[]> = {
  admin: ['pay.read', 'pay.export', 'pay.manage'],
  gm: ['pay.read', 'pay.export'],
  finance: ['pay.read', 'pay.export', 'pay.manage'],
  hr: ['pay.read', 'pay.export', 'pay.manage'],
};

/**
 * PAY-1/PAY-5: a person's pay profile (base tier, field allowance); PAY-3: the month's days of non-piece work and the
 * commission ledger (the shares paid at a project's settlement and held back two years, with their release dates).
 */
export function pay(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'pay_profiles'))
        .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
        .addColumn('base_tier_id', 'text', (c) => c.notNull())
        .addColumn('field_allowance', 'integer', (c) => c.notNull())
        // PAY-3: a welder paid by grade (1..8) instead of the tier; in probation (0/1) before 转正
        .addColumn('welder_grade', 'integer')
        .addColumn('probation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await withStamps(tableWithId(db, dialect, 'pay_month_inputs'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('non_piece_days', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
        .addUniqueConstraint('pay_month_inputs_person_month', ['user_id', 'month'])
        .execute();
      await withStamps(tableWithId(db, dialect, 'pay_commission_entries'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('earned_month', 'text', (c) => c.notNull())
        // settlement (paid when the project settles) | retention (held back, released after heldBackMonths)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'integer', (c) => c.notNull())
        .addColumn('policy_version', 'integer')
        // null until the project's settlement (acceptance) date is known
        .addColumn('release_on', 'text')
        .addColumn('released_month', 'text')
        .addColumn('released_at', 'text')
        .addUniqueConstraint('pay_commission_entries_once', ['user_id', 'project_id', 'earned_month', 'kind'])
        .execute();
      await db.schema
        .createIndex('pay_commission_entries_released')
        .on('pay_commission_entries')
        .columns(['released_month', 'user_id'])
        .execute();
      await grantToBuiltinRoles(db, PAY_GRANTS);
    },
  };
}
