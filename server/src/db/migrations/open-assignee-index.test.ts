import { OPEN_TICKET_STATES } from '@techserve/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, freshDatabase } from '../../test/harness';
import { INDEXED_OPEN_STATES } from './20261203_0013_open_assignee_index';

// SR-4 counts open requests per engineer through a partial index; the index is only used while its states are
// exactly the open states the query names.
describe('0013 open-assignee index', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.drop());

  it('indexes exactly core’s open states', () => {
    expect([...INDEXED_OPEN_STATES].sort()).toEqual([...OPEN_TICKET_STATES].sort());
  });

  it('is what the load count of automatic assignment reads', async () => {
    const states = sql.join(OPEN_TICKET_STATES.map((s) => sql.lit(s)));
    // As tickets.assignment.ts asks (SQLite names the index; PostgreSQL matches the condition).
    const indexed = TEST_DB === 'sqlite' ? sql`indexed by tickets_open_assignee_idx` : sql``;
    const query = sql`select assignee_id, count(*) from tickets ${indexed} where state in (${states}) and assignee_id is not null group by assignee_id`;
    const plan =
      TEST_DB === 'sqlite'
        ? (await sql<{ detail: string }>`explain query plan ${query}`.execute(database.db)).rows.map((r) => r.detail).join('\n')
        : (await sql<{ 'QUERY PLAN': string }>`explain (costs off) ${query}`.execute(database.db)).rows
            .map((r) => r['QUERY PLAN'])
            .join('\n');
    // PostgreSQL on an empty table may prefer a sequential scan; SQLite plans by the schema alone.
    if (TEST_DB === 'sqlite') expect(plan).toContain('tickets_open_assignee_idx');
    else expect(plan).toMatch(/tickets_open_assignee_idx|Seq Scan/);
  });
});
