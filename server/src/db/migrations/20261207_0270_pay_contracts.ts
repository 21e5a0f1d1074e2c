import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/**
 * PAY-3c: an installation project contracted (承包) to an employee: the salary stops from start_on; end_on is the
 * contract's settlement (null while open), after which the salary resumes.
 */
export function payContracts(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'pay_contracts'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('start_on', 'text', (c) => c.notNull())
        .addColumn('end_on', 'text')
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema.createIndex('pay_contracts_person').on('pay_contracts').columns(['user_id', 'start_on']).execute();
    },
  };
}
