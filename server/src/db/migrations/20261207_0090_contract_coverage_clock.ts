import type { AnyDb } from './helpers';

/**
 * CU-4: a request on a service contract keeps the contract's coverage (24×7 or business hours), which decides its
 * SLA clock. Existing requests keep null: their clocks run as before, on their level's calendar mode.
 */
export function contractCoverageClock() {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('tickets').addColumn('sla_coverage', 'text').execute();
    },
  };
}
