// Creating service requests through the API (POST /api/v1/tickets, session cookie + CSRF token, as the web app
// does) against a bare Fastify route doing the same single INSERT into tickets (same columns) on the same
// database, in the same run; prints both throughputs and the ratio (target: ≥ 0.5 with autoAssign false).
// autoAssign true and a bearer API token are measured as extra information.
// The load generator (autocannon) runs in a child process so it does not share the server's event loop.
// Each comparison runs at every --connections count: 10 concurrent clients (each sends its next request when its
// last one is answered, so the figure also depends on latency) and 50 (enough to keep both servers busy: the
// throughput each sustains).
//   npx tsx bench/tickets/create-vs-baseline.ts [--db sqlite|postgres] [--url <generated db>] [--seconds 10] [--rounds 3] [--connections 10,50] [--quick]
// Without --url it generates a fresh data set first (1,000,000 requests; --quick: 20,000).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Result } from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/database';
import { systemClock } from '../../server/src/http/clock';
import { rng } from '../generate';
import { BENCH_COST, BENCH_PASSWORD, FULL, QUICK, createBenchDatabase, generateTicketDataset } from './generate-tickets';
import { EN_FAULTS, Pool, ZH_DETAILS, ZH_FAULTS } from './phrases';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    url: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    quick: { type: 'boolean' },
    json: { type: 'string' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '3' },
  },
});
const quick = Boolean(values.quick);
const seconds = quick ? 1 : Number(values.seconds);
// Ours and the baseline are measured in alternating rounds (ours first, then the baseline first, …) so a drift of
// the machine or the database during the run (autovacuum, checkpoints, other load) does not favour either side.
const rounds = quick ? 1 : Math.max(1, Number(values.rounds));
const connectionCounts = values.connections
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
if (connectionCounts.length === 0) throw new Error('--connections: one or more whole numbers, e.g. 10,50');
const connections = quick ? [connectionCounts[0]] : connectionCounts;
const repoRoot = new URL('../..', import.meta.url).pathname;

const sizes = quick ? QUICK : FULL;
let drop: (() => Promise<void>) | null = null;
let database;
if (values.url) {
  database = openDatabase(values.url);
} else {
  const fresh = await createBenchDatabase(values.db === 'postgres' ? 'postgres' : 'sqlite', `techserve_bench_create_${sizes.tickets}`);
  database = fresh.database;
  drop = fresh.drop;
  await generateTicketDataset(database, { ...sizes, log: quick ? () => {} : undefined });
}
const { db } = database;
const ticketsBefore = Number(
  (
    await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);

// TechServe ----------------------------------------------------------------------------------------------------
const app = await buildApp({ database, clock: systemClock, passwordCost: BENCH_COST, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${appUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'agent0', password: BENCH_PASSWORD }),
});
if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
const sessionHeaders = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
// An integration's bearer token (tokens.manage is an admin permission, so the admin issues and uses it).
const adminLogin = await fetch(`${appUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: BENCH_PASSWORD }),
});
const adminHeaders = {
  cookie: adminLogin.headers.get('set-cookie')?.split(';')[0] ?? '',
  'x-csrf-token': ((await adminLogin.json()) as { csrfToken: string }).csrfToken,
  'content-type': 'application/json',
};
const tokenRes = await fetch(`${appUrl}/api/v1/auth/tokens`, {
  method: 'POST',
  headers: adminHeaders,
  body: JSON.stringify({ name: 'bench' }),
});
if (tokenRes.status !== 201) throw new Error(`token: ${tokenRes.status} ${await tokenRes.text()}`);
const tokenHeaders = {
  authorization: `Bearer ${((await tokenRes.json()) as { token: string }).token}`,
  'content-type': 'application/json',
};

// Request bodies as a call-centre agent files them: customers of every size with their contact and site.
const random = rng(7);
const faults = Pool.zipf(ZH_FAULTS, 1.05, 1.5);
const customers = await db
  .selectFrom('customers')
  .innerJoin('customer_contacts as c', 'c.customer_id', 'customers.id')
  .innerJoin('customer_sites as s', 's.customer_id', 'customers.id')
  .select(['customers.id', 'c.id as contact_id', 's.id as site_id'])
  .where('c.is_primary', '=', 1)
  .where((eb) =>
    eb(
      'customers.id',
      'in',
      Array.from({ length: 64 }, (_, i) => 1 + ((i * 313) % Math.max(1, sizes.customers))),
    ),
  )
  .execute();
const bodies = (autoAssign: boolean) =>
  customers.map((c, i) => {
    const fault = faults.pick(random());
    return JSON.stringify({
      customerId: c.id,
      contactId: c.contact_id,
      siteId: c.site_id,
      title: `X9 存储 ${fault}`,
      description: `客户来电称${fault}，${ZH_DETAILS[i % ZH_DETAILS.length]}。报错信息：${EN_FAULTS[i % EN_FAULTS.length]}`,
      urgency: (['high', 'medium', 'low'] as const)[i % 3],
      impact: (['wide', 'department', 'singleUser'] as const)[(i >> 1) % 3],
      autoAssign,
    });
  });
const check = await fetch(`${appUrl}/api/v1/tickets`, { method: 'POST', headers: sessionHeaders, body: bodies(false)[0] });
if (check.status !== 201) throw new Error(`create: ${check.status} ${await check.text()}`);

// The baseline: bare Fastify, the same database, one INSERT of the columns createTicket writes. --------------------
const bare = Fastify();
const calendarId = (await db.selectFrom('calendars').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow()).id;
const agentId = (await db.selectFrom('users').select('id').where('username', '=', 'agent0').executeTakeFirstOrThrow()).id;
const runId = Date.now().toString(36);
let seq = 0;
bare.post('/tickets', async (req, reply) => {
  const b = req.body as {
    customerId: number;
    contactId: number;
    siteId: number;
    title: string;
    description: string;
    urgency: string;
    impact: string;
  };
  const at = new Date().toISOString();
  const row = await db
    .insertInto('tickets')
    .values({
      number: `BL-${runId}-${++seq}`,
      type: 'fault',
      channel: 'phone',
      title: b.title,
      description: b.description,
      customer_id: b.customerId,
      contact_id: b.contactId,
      site_id: b.siteId,
      installed_product_id: null,
      product_id: null,
      region_id: null,
      contract_id: null,
      urgency: b.urgency,
      impact: b.impact,
      priority: 'P3',
      priority_explanation: '{}',
      eligibility: 'chargeable',
      eligibility_explanation: '{}',
      sla_level_id: 'standard',
      calendar_id: calendarId,
      policy_version: 1,
      needs_visit: 0,
      state: 'new',
      assignee_id: null,
      assigned_at: null,
      team_id: null,
      department_id: null,
      created_by: agentId,
      created_at: at,
      updated_at: at,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return reply.status(201).send(row);
});
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

/** autocannon in a child process: the server keeps its event loop (and core) to itself. */
function load(
  url: string,
  headers: Record<string, string>,
  payloads: string[],
  duration: number,
  connections = connectionCounts[0],
): Promise<Result> {
  const script = `import autocannon from 'autocannon';
const o = JSON.parse(process.env.LOAD);
const r = await autocannon({ url: o.url, connections: o.connections, duration: o.duration, method: 'POST', headers: o.headers,
  requests: o.payloads.map((body) => ({ method: 'POST', body })) });
process.stdout.write(JSON.stringify(r));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, LOAD: JSON.stringify({ url, connections, duration, headers, payloads }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`autocannon exited ${code}`))));
  });
}

type Row = { run: string; connections: number; 'req/s': number; 'p50 ms': number; 'p97.5 ms': number; errors: number };
const rows: Row[] = [];
async function measure(name: string, url: string, headers: Record<string, string>, payloads: string[], conns = connectionCounts[0]) {
  if (values.only && !name.includes(values.only)) return null;
  const r = await load(url, headers, payloads, seconds, conns);
  const row = {
    run: name,
    connections: conns,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p97.5 ms': r.latency.p97_5,
    errors: r.errors + r.non2xx + r.timeouts,
  };
  rows.push(row);
  return row;
}

// Warm both up (JIT, caches, pool connections), then measure in rounds.
const warm = quick ? 1 : 3;
await load(`${appUrl}/api/v1/tickets`, sessionHeaders, bodies(false), warm);
await load(`${appUrl}/api/v1/tickets`, tokenHeaders, bodies(false), 1);
await load(`${bareUrl}/tickets`, { 'content-type': 'application/json' }, bodies(false), warm);
const loadBefore = loadavg()[0];
const OURS = 'TechServe POST /api/v1/tickets (session + CSRF, autoAssign false)';
const BASE = 'bare Fastify + the same INSERT';
const measureOurs = (round: string, conns: number) =>
  measure(`${OURS}${round}`, `${appUrl}/api/v1/tickets`, sessionHeaders, bodies(false), conns);
const measureBase = (round: string, conns: number) =>
  measure(`${BASE}${round}`, `${bareUrl}/tickets`, { 'content-type': 'application/json' }, bodies(false), conns);
const ratios = new Map<number, number[]>();
for (const conns of connections) {
  const mine: number[] = [];
  ratios.set(conns, mine);
  for (let r = 0; r < rounds; r++) {
    const round = rounds > 1 ? ` [round ${r + 1}]` : '';
    let ours;
    let base;
    if (r % 2 === 0) {
      ours = await measureOurs(round, conns);
      base = await measureBase(round, conns);
    } else {
      base = await measureBase(round, conns);
      ours = await measureOurs(round, conns);
    }
    if (ours && base) mine.push(ours['req/s'] / base['req/s']);
  }
}
await measure('extra: TechServe, autoAssign true (SR-4)', `${appUrl}/api/v1/tickets`, sessionHeaders, bodies(true));
await measure('extra: TechServe, bearer API token (admin), autoAssign false', `${appUrl}/api/v1/tickets`, tokenHeaders, bodies(false));

const ticketsAfter = Number(
  (
    await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
console.log(
  `\ncreate vs baseline, ${database.dialect}, ${ticketsBefore} requests in the table before the run; ${seconds} s per run, ${connections.join(' and ')} connections; node ${process.version}; load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
);
console.table(rows);
for (const [conns, list] of ratios) {
  if (list.length === 0) continue;
  const sorted = [...list].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const each = list.length > 1 ? ` (rounds: ${list.map((x) => x.toFixed(2)).join(', ')}; median)` : '';
  console.log(
    `ratio at ${conns} connections (ours / baseline throughput): ${median.toFixed(2)}${each}; target ≥ 0.5: ${median >= 0.5 ? 'met' : 'MISSED'}`,
  );
}
console.log(`${ticketsAfter - ticketsBefore} rows added to tickets by this run`);
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        database: database.dialect,
        ticketsBefore,
        seconds,
        connections,
        node: process.version,
        rows,
        ratios: Object.fromEntries(ratios),
        loadAverage: [loadBefore, loadavg()[0]],
      },
      null,
      2,
    ),
  );

await app.close();
await bare.close();
if (drop) await drop();
else await database.close();
if (rows.some((r) => r.errors > 0)) process.exit(1);
