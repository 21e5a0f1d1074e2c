// Where a service-request create spends its time: sequential creates through app.inject (no socket, no load
// generator), milliseconds per create and the statements one create runs, by kind and table.
// Profile it with `node --cpu-prof --import tsx bench/tickets/create-profile.ts` and summarise the .cpuprofile
// with `npx tsx bench/tickets/cpu-profile-top.ts <file>`.
//   npx tsx bench/tickets/create-profile.ts [--db sqlite|postgres] [--url <generated db>] [--creates 2000]
import { parseArgs } from 'node:util';
import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import { buildApp } from '../../server/src/app';
import { openDatabase } from '../../server/src/db/database';
import { systemClock } from '../../server/src/http/clock';
import { BENCH_COST, BENCH_PASSWORD, QUICK, createBenchDatabase, generateTicketDataset } from './generate-tickets';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    url: { type: 'string' },
    creates: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '1' },
    autoAssign: { type: 'boolean' },
  },
});
const creates = Number(values.creates);
// Creates in flight at once: 1 measures one create alone; 10 lets concurrent creates share a batch (write-batch.ts).
const concurrency = Math.max(1, Number(values.concurrency));

let drop: (() => Promise<void>) | null = null;
let database;
if (values.url) database = openDatabase(values.url);
else {
  const fresh = await createBenchDatabase(values.db === 'postgres' ? 'postgres' : 'sqlite', 'techserve_bench_create_profile');
  database = fresh.database;
  drop = fresh.drop;
  await generateTicketDataset(database, { ...QUICK, log: () => {} });
}

/** Counts the statements run through the app's Kysely (a plugin sees every query, transactions included) and
 * times each from its compilation to its result (on SQLite that is the statement's own execution). */
const counts = new Map<string, { n: number; ms: number }>();
const started = new WeakMap<object, { key: string; at: number }>();
let counting = false;
const counter: KyselyPlugin = {
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (counting) {
      const table = JSON.stringify(node).match(/"TableNode".*?"name":"([^"]+)"/)?.[1] ?? node.kind;
      started.set(queryId, { key: `${node.kind.replace('QueryNode', '')} ${table}`, at: performance.now() });
    }
    return node;
  },
  transformResult: async ({ result, queryId }) => {
    const s = started.get(queryId);
    if (s) {
      const c = counts.get(s.key) ?? { n: 0, ms: 0 };
      c.n += 1;
      c.ms += performance.now() - s.at;
      counts.set(s.key, c);
    }
    return result;
  },
};
const app = await buildApp({
  database: { ...database, db: database.db.withPlugin(counter) },
  clock: systemClock,
  passwordCost: BENCH_COST,
  logger: false,
});
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
    autoAssign: Boolean(values.autoAssign),
  };
};
const create = async (i: number) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: body(i) });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
};

const wave = async (from: number, n: number) => {
  for (let i = from; i < from + n; i += concurrency)
    await Promise.all(Array.from({ length: Math.min(concurrency, from + n - i) }, (_, k) => create(i + k)));
};
await wave(0, 200); // warm-up
counting = true;
const t0 = performance.now();
await wave(0, creates);
const ms = (performance.now() - t0) / creates;
counting = false;
console.log(
  `${database.dialect}: ${ms.toFixed(3)} ms per create over ${creates} creates, ${concurrency} at a time (${Math.round(1000 / ms)}/s on one core)`,
);
const perCreate = [...counts].map(([k, c]) => ({
  statement: k,
  'per create': c.n / creates,
  'ms per create': Number((c.ms / creates).toFixed(3)),
}));
console.log(
  `statements per create: ${perCreate.reduce((a, r) => a + r['per create'], 0)}, ${perCreate.reduce((a, r) => a + r['ms per create'], 0).toFixed(3)} ms in them (the rest is Fastify, validation, Kysely query building, computation)`,
);
console.table(perCreate);
await app.close();
if (drop) await drop();
else await database.close();
