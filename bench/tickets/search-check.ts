// Checks that the two-step search of listTickets (tickets.repository.ts) returns exactly what a plain query returns:
// the same pages, through the cursor, for an admin, an own-scope engineer and company-scope contacts, for rare,
// common, multi-word and prefix searches with and without a state filter. The plain query is slow on a big data
// set but obviously right: scope and filters, the full-text match as a set, newest first.
//   npx tsx bench/tickets/search-check.ts --url <generated db>      (list-search.bench.ts runs it too)
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fts5Query, queryTerms, tsQuery } from '@techserve/core';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../../server/src/db/database';
import type { Actor } from '../../server/src/http/context';
import { listTickets } from '../../server/src/modules/tickets/tickets.list.repository';

const QUERIES = ['告警', '脑裂', '打印机 卡纸', 'contr', '硬盘', 'x9', 's', 'controller 告警', '固件签名'];
const STATES: (string[] | undefined)[] = [undefined, ['in_progress', 'waiting'], ['closed']];

export async function checkSearch(database: Database, pages = 3): Promise<{ checked: number; mismatches: string[] }> {
  const { db, dialect } = database;
  const userOf = (username: string) =>
    db.selectFrom('users').select(['id', 'customer_id']).where('username', '=', username).executeTakeFirstOrThrow();
  const engineer = await userOf('eng7');
  const big = await userOf('portal0');
  const customers = Number(
    (
      await db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const mid = await userOf(`portal${Math.round(customers / 20 / 100) * 100}`);
  const base: Omit<Actor, 'id' | 'scope'> = {
    username: 'x',
    name: 'x',
    roleId: 0,
    roleKey: 'x',
    roleName: 'x',
    permissions: new Set(),
    departmentId: null,
    teamId: null,
    customerId: null,
    siteId: null,
    regionIds: [],
    mustChangePassword: false,
    twoFactorEnabled: false,
    twoFactorRequired: false,
    via: 'session',
  };
  const actors: { name: string; actor: Actor; scope: string }[] = [
    { name: 'admin', actor: { ...base, id: 1, scope: 'all' }, scope: '1 = 1' },
    {
      name: 'engineer',
      actor: { ...base, id: engineer.id, scope: 'own' },
      scope: `(assignee_id = ${engineer.id} OR created_by = ${engineer.id} OR id IN (SELECT ticket_id FROM ticket_escalations WHERE to_user_id = ${engineer.id} OR from_user_id = ${engineer.id}))`,
    },
    {
      name: 'big contact',
      actor: { ...base, id: big.id, scope: 'company', customerId: big.customer_id },
      scope: `customer_id = ${Number(big.customer_id)}`,
    },
    {
      name: 'mid contact',
      actor: { ...base, id: mid.id, scope: 'company', customerId: mid.customer_id },
      scope: `customer_id = ${Number(mid.customer_id)}`,
    },
  ];
  const mismatches: string[] = [];
  let checked = 0;
  for (const a of actors) {
    for (const q of QUERIES) {
      for (const state of STATES) {
        const terms = queryTerms(q);
        const match =
          dialect === 'sqlite'
            ? sql`id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ${fts5Query(terms)})`
            : sql`search_vector @@ ${tsQuery(terms)}::tsquery`;
        let cursor: string | undefined;
        for (let page = 0; page < pages; page++) {
          const got = (
            await listTickets(db, dialect, a.actor, { q, state: state as never, limit: 50, cursor, actorId: a.actor.id }, 50)
          ).map((r) => Number(r.id));
          const below = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as number[])[0] : 2 ** 31 - 1;
          const expected = (
            await sql<{
              id: number;
            }>`SELECT id FROM tickets WHERE ${sql.raw(a.scope)} AND ${state ? sql`state IN (${sql.join(state)})` : sql`1 = 1`} AND ${match} AND id < ${below} ORDER BY id DESC LIMIT 51`.execute(
              db,
            )
          ).rows.map((r) => Number(r.id));
          checked++;
          if (JSON.stringify(got) !== JSON.stringify(expected))
            mismatches.push(`${a.name} q=${q} state=${state ?? '-'} page ${page + 1}: got ${got.length} rows, expected ${expected.length}`);
          if (got.length <= 50) break;
          cursor = Buffer.from(JSON.stringify([got[49]])).toString('base64url');
        }
      }
    }
  }
  return { checked, mismatches };
}

async function main() {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  if (!values.url) throw new Error('--url <generated database>');
  const database = openDatabase(values.url);
  const r = await checkSearch(database);
  console.log(`search check: ${r.checked} pages compared, ${r.mismatches.length} mismatches`);
  for (const m of r.mismatches) console.log(`  MISMATCH ${m}`);
  await database.close();
  if (r.mismatches.length) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
