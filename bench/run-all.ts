// Runs every benchmark in sequence (by hand; CI runs the --quick smoke versions: `npx tsx bench/run-all.ts --quick`).
// The service-request benchmarks generate their own data set (1,000,000 requests; --quick: 20,000) on SQLite; pass
// `--db postgres` (with BENCH_DATABASE_URL or TEST_DATABASE_URL) to run them on PostgreSQL as well.
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick') ? ['--quick'] : [];
const postgres = process.argv.includes('--db') && process.argv[process.argv.indexOf('--db') + 1] === 'postgres';
const runs: string[][] = [
  ['bench/api-vs-baseline.ts'],
  ['bench/calendar/calendar.bench.ts'],
  ['bench/tickets/list-search.bench.ts'],
  ['bench/tickets/create-vs-baseline.ts'],
  ['bench/reports/monthly-report.bench.ts'],
  ...(postgres
    ? [
        ['bench/tickets/list-search.bench.ts', '--db', 'postgres'],
        ['bench/tickets/create-vs-baseline.ts', '--db', 'postgres'],
        ['bench/reports/monthly-report.bench.ts', '--db', 'postgres'],
      ]
    : []),
];
for (const [script, ...args] of runs) {
  const r = spawnSync('npx', ['tsx', script, ...args, ...quick], { stdio: 'inherit', cwd: new URL('..', import.meta.url).pathname });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
