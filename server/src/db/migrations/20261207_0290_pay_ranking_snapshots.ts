import type { Dialect } from '../database';
import { type AnyDb, makeAppendOnly, tableWithId } from './helpers';

/**
 * PAY-2: the half-year ranking bonus as it was first exported with its period's last month (the page of regions,
 * coefficients and each engineer's explained lines, JSON). Once stored, every payroll of that month reads it, so a
 * KPI, a region or an assignment that changes later never changes a month already handed to finance. Append-only.
 */
export function payRankingSnapshots(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await tableWithId(db, dialect, 'pay_ranking_snapshots')
        .addColumn('period_from', 'text', (c) => c.notNull().unique())
        .addColumn('period_to', 'text', (c) => c.notNull())
        .addColumn('page', 'text', (c) => c.notNull())
        .addColumn('fixed_by', 'integer', (c) => c.references('users.id'))
        .addColumn('fixed_at', 'text', (c) => c.notNull())
        .execute();
      await makeAppendOnly(db, dialect, 'pay_ranking_snapshots');
    },
  };
}
