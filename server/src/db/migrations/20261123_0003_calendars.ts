import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/** Business calendars (SLA-3): the definition (zone, weekly hours, holidays, 调休) is one validated JSON document. */
export function calendars(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'calendars'))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('definition', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
