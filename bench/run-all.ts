// Runs every benchmark in sequence (by hand; CI runs the --quick smoke versions from `npm test`).
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick') ? ['--quick'] : [];
for (const script of ['bench/api-vs-baseline.ts', 'bench/calendar/calendar.bench.ts']) {
  const r = spawnSync('npx', ['tsx', script, ...quick], { stdio: 'inherit', cwd: new URL('..', import.meta.url).pathname });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
