// First-page latency (limit 50) of the service-request list and search (GET /api/v1/tickets) on a generated data
// set, per actor scope: admin (all), an own-scope engineer, and company-scope customer contacts of a large and of
// a mid-size customer. Requests go through app.inject (the whole Fastify pipeline: session lookup, permission,
// validation, query, serialisation; no socket), one at a time, so each figure is one request's latency.
//   npx tsx bench/tickets/list-search.bench.ts [--db sqlite|postgres] [--url <generated db>] [--iterations 200] [--quick] [--json out.json]
// Without --url it generates a fresh data set first (1,000,000 requests; --quick: 20,000).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/database';
import { systemClock } from '../../server/src/http/clock';
import { BENCH_COST, BENCH_PASSWORD, FULL, QUICK, createBenchDatabase, generateTicketDataset } from './generate-tickets';
import { checkSearch } from './search-check';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    url: { type: 'string' },
    iterations: { type: 'string', default: '200' },
    quick: { type: 'boolean' },
    json: { type: 'string' },
    only: { type: 'string' },
    'sqlite-cache-mb': { type: 'string' },
  },
});
const quick = Boolean(values.quick);
const iterations = quick ? 5 : Number(values.iterations);
const warmup = quick ? 1 : 10;
const TARGET_P95_MS = 50;

const sizes = quick ? QUICK : FULL;
let drop: (() => Promise<void>) | null = null;
let database;
let generated: { seconds: number } | null = null;
if (values.url) {
  database = openDatabase(values.url);
} else {
  const fresh = await createBenchDatabase(values.db === 'postgres' ? 'postgres' : 'sqlite', `techserve_bench_list_${sizes.tickets}`);
  database = fresh.database;
  drop = fresh.drop;
  generated = await generateTicketDataset(database, { ...sizes, log: quick ? () => {} : undefined });
}
const { db } = database;
// What-if: a bigger SQLite page cache than the server's default (2 MB); the server does not set one.
if (values['sqlite-cache-mb'] && database.dialect === 'sqlite')
  await sql.raw(`PRAGMA cache_size = -${Number(values['sqlite-cache-mb']) * 1024}`).execute(db);
const ticketTotal = Number(
  (
    await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const customerTotal = Number(
  (
    await db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);

const app = await buildApp({ database, clock: systemClock, passwordCost: BENCH_COST, logger: false });
await app.ready();

let ip = 1;
async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: BENCH_PASSWORD },
    remoteAddress: `10.9.0.${ip++}`,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ts_session');
  return { cookie: `ts_session=${cookie?.value}`, id: (res.json() as { user: { id: number } }).user.id };
}

const userId = async (username: string) =>
  await db.selectFrom('users').select(['id', 'customer_id']).where('username', '=', username).executeTakeFirstOrThrow();
const ticketsOf = async (customerId: number) =>
  Number(
    (
      await db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('customer_id', '=', customerId)
        .executeTakeFirstOrThrow()
    ).n,
  );

// The actors: the largest customer's contact and a mid-size one (rank customers/20: ~1,000th of 20,000).
const midRank = Math.round(customerTotal / 20 / 100) * 100;
const bigContact = await userId('portal0');
const midContact = await userId(`portal${midRank}`);
const engineer = await userId('eng7');
const bigTickets = await ticketsOf(bigContact.customer_id as number);
const midTickets = await ticketsOf(midContact.customer_id as number);
const servedBy = async (customerId: number) =>
  (
    await db
      .selectFrom('tickets')
      .select('assignee_id')
      .where('customer_id', '=', customerId)
      .where('assignee_id', 'is not', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).assignee_id as number;

type Actor = { label: string; username: string; customerId: number; assigneeId: number };
const actors: Actor[] = [
  { label: 'admin (all)', username: 'admin', customerId: midContact.customer_id as number, assigneeId: engineer.id },
  {
    label: 'engineer (own)',
    username: 'eng7',
    customerId: (
      await db
        .selectFrom('tickets')
        .select('customer_id')
        .where('assignee_id', '=', engineer.id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).customer_id,
    assigneeId: engineer.id,
  },
  {
    label: `contact (company, ${bigTickets} req.)`,
    username: 'portal0',
    customerId: bigContact.customer_id as number,
    assigneeId: await servedBy(bigContact.customer_id as number),
  },
  {
    label: `contact (company, ${midTickets} req.)`,
    username: `portal${midRank}`,
    customerId: midContact.customer_id as number,
    assigneeId: await servedBy(midContact.customer_id as number),
  },
];

const queries = (a: Actor): [string, string][] => [
  ['no filter', ''],
  ['state=in_progress', 'state=in_progress'],
  ['priority=P1&state=new,assigned', 'priority=P1&state=new,assigned'],
  ['customerId=…', `customerId=${a.customerId}`],
  ['assigneeId=…', `assigneeId=${a.assigneeId}`],
  ['sla=breached', 'sla=breached'],
  ['q=告警 (common)', `q=${encodeURIComponent('告警')}`],
  ['q=脑裂 (rare)', `q=${encodeURIComponent('脑裂')}`],
  ['q=打印机 卡纸 (two words)', `q=${encodeURIComponent('打印机 卡纸')}`],
  ['q=contr (English prefix)', 'q=contr'],
  ['q=硬盘&state=in_progress,waiting', `q=${encodeURIComponent('硬盘')}&state=in_progress,waiting`],
];

const loadBefore = loadavg()[0];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
type Row = { database: string; actor: string; query: string; items: number; p50: number; p95: number; p99: number; max: number };
const results: Row[] = [];
let errors = 0;
for (const actor of actors) {
  const { cookie } = await login(actor.username);
  for (const [name, qs] of queries(actor)) {
    if (values.only && !name.includes(values.only)) continue;
    const url = `/api/v1/tickets?limit=50${qs ? `&${qs}` : ''}`;
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < warmup + iterations; i++) {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) {
        errors++;
        if (errors < 5) console.error(`${actor.username} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        break;
      }
      if (i === 0) items = (res.json() as { items: unknown[] }).items.length;
      if (i >= warmup) times.push(ms);
    }
    times.sort((x, y) => x - y);
    const r = (x: number) => Math.round(x * 10) / 10;
    results.push({
      database: database.dialect,
      actor: actor.label,
      query: name,
      items,
      p50: r(pct(times, 50)),
      p95: r(pct(times, 95)),
      p99: r(pct(times, 99)),
      max: r(times[times.length - 1]),
    });
  }
}

console.log(
  `\nlist/search first page (limit 50), ${database.dialect}, ${ticketTotal} requests, ${customerTotal} customers; ${iterations} sequential app.inject requests per row after ${warmup} warm-up; node ${process.version}; load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores${generated ? `; data generated in ${generated.seconds.toFixed(0)} s` : ''}`,
);
console.table(results.map(({ database: _d, ...r }) => ({ ...r, 'p95<50': r.p95 < TARGET_P95_MS ? 'yes' : 'NO' })));
const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a), results[0]);
console.log(
  `worst p95: ${worst.p95} ms (${worst.actor}, ${worst.query}); target p95 < ${TARGET_P95_MS} ms: ${results.every((r) => r.p95 < TARGET_P95_MS) ? 'met' : 'MISSED'}`,
);
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        database: database.dialect,
        tickets: ticketTotal,
        customers: customerTotal,
        iterations,
        node: process.version,
        loadAverage: [loadBefore, loadavg()[0]],
        results,
      },
      null,
      2,
    ),
  );

// The measured pages must also be the right ones: the two-step search against a plain query.
const check = await checkSearch(database, quick ? 2 : 3);
console.log(`search check: ${check.checked} pages compared with a plain query, ${check.mismatches.length} mismatches`);
for (const m of check.mismatches) console.log(`  MISMATCH ${m}`);
errors += check.mismatches.length;

await app.close();
if (drop) await drop();
else await database.close();
if (errors > 0) process.exit(1);
