import type { AnyDb } from './helpers';

/**
 * PAY-3: the date a welder grade took effect, from which the six months a grade-up needs are counted. Null for
 * profiles saved before (their grade-up reads "the date of the grade is not recorded" until HR saves the profile).
 */
export function welderGradeSince() {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('pay_profiles').addColumn('welder_grade_since', 'text').execute();
    },
  };
}
