// Measures an authenticated read endpoint (GET /api/v1/users?limit=50) against a bare Fastify route running the
// same kind of query on the same database, in the same run, and prints both and the ratio.
//   npx tsx bench/api-vs-baseline.ts [--engineers 2000] [--seconds 5] [--db sqlite|postgres] [--quick]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../server/src/app';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { systemClock } from '../server/src/http/clock';
import { generateOrganisation } from './generate';

const { values } = parseArgs({
  options: {
    engineers: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    db: { type: 'string', default: 'sqlite' },
    quick: { type: 'boolean' },
  },
});
const seconds = values.quick ? 1 : Number(values.seconds);
const engineers = values.quick ? 200 : Number(values.engineers);
const cost = { memoryCost: 1024, timeCost: 1 };
const password = 'bench-password-1';

const url =
  values.db === 'postgres'
    ? (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)
    : `sqlite:${join(mkdtempSync(join(tmpdir(), 'ts-bench-')), 'bench.db')}`;
if (!url) throw new Error('--db postgres needs BENCH_DATABASE_URL');
const database = openDatabase(url);
await migrateToLatest(database);
if (!(await database.db.selectFrom('users').select('id').where('username', '=', 'eng0').executeTakeFirst())) {
  await generateOrganisation(database, engineers, cost, password);
}

const app = await buildApp({ database, clock: systemClock, passwordCost: cost, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${appUrl}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password }),
});
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';

// The baseline: bare Fastify, the same database connection, a plain query of the same page of users.
const bare = Fastify();
bare.get('/users', () =>
  database.db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'name',
      'employee_no',
      'phone',
      'email',
      'status',
      'role_id',
      'team_id',
      'created_at',
      'updated_at',
      'version',
    ])
    .orderBy('id')
    .limit(50)
    .execute(),
);
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

async function measure(target: string, headers: Record<string, string>) {
  const r = await autocannon({ url: target, connections: 10, duration: seconds, headers });
  return { rps: r.requests.average, p95: r.latency.p97_5 ?? r.latency.p99, errors: r.errors + r.non2xx };
}

const ours = await measure(`${appUrl}/api/v1/users?limit=50`, { cookie });
const base = await measure(`${bareUrl}/users`, {});
console.log(`database: ${database.dialect}, engineers: ${engineers}, ${seconds}s per run, 10 connections`);
console.table({
  'TechServe GET /api/v1/users (auth + scope + regions/skills)': ours,
  'bare Fastify + same query': base,
});
console.log(`ratio (ours / baseline throughput): ${(ours.rps / base.rps).toFixed(2)}`);
await app.close();
await bare.close();
await database.close();
if (ours.errors > 0) process.exit(1);
