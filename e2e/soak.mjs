#!/usr/bin/env node
// Runs the browser journeys N times in a row beside a CPU hog (one busy loop per core), to prove they wait for what
// the user waits for rather than for a fixed time. Usage: node e2e/soak.mjs [runs=10] [journey files...]
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const runs = Number(process.argv[2] ?? 10);
const files = process.argv.slice(3);
const hogs = Array.from({ length: availableParallelism() }, () =>
  spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random());'], { stdio: 'ignore' }),
);
const stopHogs = () => hogs.forEach((h) => h.kill('SIGKILL'));
process.on('exit', stopHogs);

const failures = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const res = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    encoding: 'utf8',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const summary = (res.stdout.match(/Tests\s+.*$/m) ?? ['(no summary)'])[0].replace(
    new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'),
    '',
  );
  console.log(`run ${run}/${runs}: ${res.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s — ${summary}`);
  if (res.status !== 0) failures.push({ run, output: res.stdout.slice(-4000) });
}
stopHogs();
for (const f of failures) console.log(`\n--- run ${f.run} ---\n${f.output}`);
console.log(`\n${runs - failures.length}/${runs} runs passed beside ${hogs.length} CPU hogs`);
process.exit(failures.length ? 1 : 0);
