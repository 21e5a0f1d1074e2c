// CPU time per create, split between this Node process and the PostgreSQL server processes, for our
// POST /api/v1/tickets (through app.inject, `--concurrency` at a time, so concurrent creates share batches) and for
// the baseline's single INSERT (the same Kysely call as create-vs-baseline.ts). Where create-vs-baseline.ts says how
// fast, this says where the CPU goes. PostgreSQL's CPU is read from /proc (the server must run on this machine).
//   npx tsx bench/tickets/create-cpu.ts --url <generated db> [--creates 3000] [--concurrency 10]
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/database';
import { systemClock } from '../../server/src/http/clock';
import { BENCH_COST, BENCH_PASSWORD } from './generate-tickets';

const { values } = parseArgs({
  options: { url: { type: 'string' }, creates: { type: 'string', default: '3000' }, concurrency: { type: 'string', default: '10' } },
});
if (!values.url) throw new Error('--url <generated database> (bench/tickets/generate-tickets.ts prints it)');
const creates = Number(values.creates);
const concurrency = Math.max(1, Number(values.concurrency));

const CLOCK_TICKS_PER_SECOND = 100;
/** CPU ms used so far by every process named postgres (user + system). */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
}

const database = openDatabase(values.url);
const postgres = database.dialect === 'postgres';
const app = await buildApp({ database, clock: systemClock, passwordCost: BENCH_COST, logger: false });
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'agent0', password: BENCH_PASSWORD } });
const headers = {
  cookie: `${login.cookies[0].name}=${login.cookies[0].value}`,
  'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
};
const customers = await database.db
  .selectFrom('customers')
  .innerJoin('customer_contacts as c', 'c.customer_id', 'customers.id')
  .innerJoin('customer_sites as s', 's.customer_id', 'customers.id')
  .select(['customers.id', 'c.id as contact_id', 's.id as site_id'])
  .where('c.is_primary', '=', 1)
  .limit(64)
  .execute();
const body = (i: number) => {
  const c = customers[i % customers.length];
  return {
    customerId: c.id,
    contactId: c.contact_id,
    siteId: c.site_id,
    title: `X9 存储 硬盘告警 ${i}`,
    description: `客户来电称硬盘告警 ${i}`,
    urgency: 'medium',
    impact: 'department',
    autoAssign: false,
  };
};

async function measure(label: string, one: (i: number) => Promise<unknown>) {
  const waves = async (n: number) => {
    for (let i = 0; i < n; i += concurrency) await Promise.all(Array.from({ length: Math.min(concurrency, n - i) }, (_, k) => one(i + k)));
  };
  await waves(300); // warm-up
  const pg0 = postgres ? postgresCpuMs() : 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await waves(creates);
  const wall = (performance.now() - t0) / creates;
  const cpu = process.cpuUsage(cpu0);
  const node = (cpu.user + cpu.system) / 1000 / creates;
  const pg = postgres ? (postgresCpuMs() - pg0) / creates : null;
  console.log(
    `${label.padEnd(44)} wall ${wall.toFixed(3)} ms, node CPU ${node.toFixed(3)} ms${pg === null ? '' : `, PostgreSQL CPU ${pg.toFixed(3)} ms`} per create`,
  );
}

await measure(`TechServe create (${concurrency} at a time)`, async (i) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: body(i) });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
});

const calendarId = (await database.db.selectFrom('calendars').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow()).id;
const runId = Date.now().toString(36);
let seq = 0;
await measure(`baseline INSERT (${concurrency} at a time)`, (i) => {
  const b = body(i);
  const at = new Date().toISOString();
  return database.db
    .insertInto('tickets')
    .values({
      number: `BC-${runId}-${++seq}`,
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
      created_by: 1,
      created_at: at,
      updated_at: at,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
});
await app.close();
await database.close();
