#!/usr/bin/env node
// `npm test`: type-check, lint, every vitest project (server on SQLite, and on PostgreSQL when
// TEST_DATABASE_URL is set), the web build, the browser journeys when Chromium is installed, and a
// benchmark smoke run. Prints what it skipped and one closing line with the counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = mkdtempSync(join(tmpdir(), 'techserve-test-'));
const skipped = [];
const failedSteps = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
// Named again in the closing lines, so a log's tail says which test failed and why.
const failedTests = [];

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) failedSteps.push(title);
  return res.status === 0;
}

function count(jsonFile) {
  if (!existsSync(jsonFile)) return;
  const r = JSON.parse(readFileSync(jsonFile, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const file of r.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const why = (t.failureMessages ?? []).join(' ').split('\n').slice(0, 3).join(' ').slice(0, 400);
      failedTests.push(`${file.name.replace(process.cwd() + '/', '')} › ${t.fullName}: ${why}`);
    }
  }
}

run('type-check (tsc --strict)', 'npx', ['tsc', '-p', '.']);
run('type-check of core alone (no DOM, no Node)', 'npx', ['tsc', '-p', 'core']);
run('lint (eslint + typescript-eslint)', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('format (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);

if (!process.env.TEST_DATABASE_URL) {
  skipped.push('server suite on PostgreSQL (set TEST_DATABASE_URL=postgres://... to run it)');
}
// Checks inside the suites that need a Debian tool skip themselves without it; say so here as well.
const hasTool = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
if (!hasTool('soffice')) skipped.push('LibreOffice round trips of the Excel exports (no soffice; apt-get install libreoffice-calc-nogui)');
if (!hasTool('pdftotext')) skipped.push('PDF text checks of the service record (no pdftotext; apt-get install poppler-utils)');
if (process.env.TEST_DATABASE_URL) {
  skipped.push('CLI suite on PostgreSQL (by design: it drives the CLI against a SQLite file; it runs in the SQLite project)');
}
const unitJson = join(out, 'unit.json');
run('unit, property and API tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);
count(unitJson);

run('web build (vite)', 'npm', ['run', 'build', '-w', 'web']);

if (existsSync(CHROMIUM)) {
  const e2eJson = join(out, 'e2e.json');
  run(
    'browser journeys (Playwright + Chromium)',
    'npx',
    ['vitest', 'run', '--config', 'e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eJson}`],
    {
      CHROMIUM_PATH: CHROMIUM,
    },
  );
  count(e2eJson);
} else {
  skipped.push(`browser journeys (no Chromium at ${CHROMIUM}; apt-get install chromium)`);
}

if (existsSync('bench/calendar/calendar.bench.ts')) {
  run('benchmark smoke run (calendar)', 'npx', ['tsx', 'bench/calendar/calendar.bench.ts', '--quick']);
  // Issue 4: create through the API vs a bare INSERT route on a small generated SQLite set (ratio printed).
  run('benchmark smoke run (service-request create vs baseline)', 'npx', ['tsx', 'bench/tickets/create-vs-baseline.ts', '--quick']);
  // Issue 15: the WR-5 monthly service report on a small generated month (5,000 requests).
  run('benchmark smoke run (monthly service report)', 'npx', ['tsx', 'bench/reports/monthly-report.bench.ts', '--quick']);
}

console.log('');
for (const s of skipped) console.log(`SKIPPED: ${s}`);
for (const f of failedSteps) console.log(`FAILED STEP: ${f}`);
for (const t of failedTests) console.log(`FAILED TEST: ${t}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 || totals.failed > 0 ? 1 : 0);
