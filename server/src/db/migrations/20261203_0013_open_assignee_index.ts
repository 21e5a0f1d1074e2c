import { sql } from 'kysely';
import type { AnyDb } from './helpers';

/**
 * SR-4: automatic assignment counts each engineer's open requests on every create. An index of assigned open
 * requests only (a few thousand among a million) keeps that count small on both databases; the query names the same states as
 * literals so both planners can use it (tickets.assignment.ts).
 */
/** The open states, as this migration indexes them (a test holds them equal to core's OPEN_TICKET_STATES). */
export const INDEXED_OPEN_STATES = ['new', 'assigned', 'accepted', 'in_progress', 'waiting'] as const;

export function openAssigneeIndex() {
  return {
    async up(db: AnyDb) {
      const states = sql.join(INDEXED_OPEN_STATES.map((s) => sql.lit(s)));
      await sql`CREATE INDEX tickets_open_assignee_idx ON tickets (assignee_id) WHERE state IN (${states}) AND assignee_id IS NOT NULL`.execute(
        db,
      );
    },
  };
}
