import type { Dialect } from '../database';
import { type AnyDb, makeAppendOnly, tableWithId } from './helpers';

/**
 * PAY-3b: the probation assessments (转正考核), append-only: the five items as assessed (JSON), the result (passed |
 * failed), the conversion date and the regular pay set when passed, the policy version and the explanation.
 */
export function probationAssessments(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await tableWithId(db, dialect, 'pay_probation_assessments')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('assessed_on', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('welder_grade', 'integer')
        .addColumn('base_tier_id', 'text', (c) => c.notNull())
        .addColumn('policy_version', 'integer')
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('assessed_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('pay_probation_assessments_person')
        .on('pay_probation_assessments')
        .columns(['user_id', 'effective_on'])
        .execute();
      await makeAppendOnly(db, dialect, 'pay_probation_assessments');
    },
  };
}
