import type { AnyDb } from './helpers';

/**
 * AT-4b/TR-3: a member of staff's hire date (入职日期), from which annual leave by years of service and the travel
 * policy's new-employee period are counted. Null until HR records it (existing users: annual leave is refused with
 * a reason asking for it, and nobody counts as a new employee).
 */
export function userHireDate() {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('users').addColumn('hire_date', 'text').execute();
    },
  };
}
