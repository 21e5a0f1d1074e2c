// Calendar engine throughput (SLA-3): add-working-minutes operations per second on one core.
// Run: npx tsx bench/calendar/calendar.bench.ts [--quick]
import { addWorkingMinutes, chinaHqCalendar, compileCalendar, isWorkingTime, workingMinutesBetween } from '../../core/src/calendar';

const quick = process.argv.includes('--quick');
const CASE_MS = quick ? 80 : 1500;
const N = 1 << 16;

// Deterministic inputs (mulberry32) so runs compare like with like.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cal = compileCalendar(chinaHqCalendar());
const FROM = Date.parse('2025-01-01T00:00:00+08:00');
const TO = Date.parse('2027-01-01T00:00:00+08:00');
const random = rng(42);
const starts = Float64Array.from({ length: N }, () => FROM + Math.floor(random() * (TO - FROM)));
const spans30 = Float64Array.from({ length: N }, () => Math.floor(random() * 30 * 480));
const ends = Float64Array.from({ length: N }, (_, i) => starts[i] + Math.floor(random() * 30 * 86_400_000));

interface Case {
  name: string;
  op: (i: number) => number;
}

const cases: Case[] = [
  { name: 'add 480 min (1 working day)', op: (i) => addWorkingMinutes(cal, starts[i], 480) },
  { name: 'add 96,000 min (200 working days)', op: (i) => addWorkingMinutes(cal, starts[i], 96_000) },
  { name: 'add random 0–30 working days', op: (i) => addWorkingMinutes(cal, starts[i], spans30[i]) },
  { name: 'between (spans up to 30 days)', op: (i) => workingMinutesBetween(cal, starts[i], ends[i]) },
  { name: 'isWorkingTime', op: (i) => (isWorkingTime(cal, starts[i]) ? 1 : 0) },
];

function measure(c: Case): number {
  let sink = 0;
  let ops = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < CASE_MS) {
    for (let i = 0; i < 4096; i++) sink += c.op((ops + i) & (N - 1));
    ops += 4096;
    elapsed = performance.now() - t0;
  }
  if (Number.isNaN(sink)) throw new Error('NaN result');
  return (ops / elapsed) * 1000;
}

function main(): void {
  // Cold cost: validating a definition and building the day caches of 2025–2026 on first use.
  const c0 = performance.now();
  const cold = compileCalendar(chinaHqCalendar());
  addWorkingMinutes(cold, FROM, 2 * 250 * 480);
  const coldMs = performance.now() - c0;

  // Sanity: the measured operations must be right, else the numbers mean nothing.
  for (let i = 0; i < 1000; i++) {
    const r = addWorkingMinutes(cal, starts[i], spans30[i]);
    if (workingMinutesBetween(cal, starts[i], r) !== spans30[i]) throw new Error(`law broken at input ${i}`);
  }
  // Warm up the JIT and the per-day caches (all of 2025–2027 gets compiled here).
  for (const c of cases) for (let i = 0; i < (quick ? 20_000 : 200_000); i++) c.op(i & (N - 1));

  const rows = cases.map((c) => ({ case: c.name, 'ops/s': Math.round(measure(c)) }));
  const oneDay = rows[0]['ops/s'];
  const longSpan = rows[1]['ops/s'];
  console.log(`calendar engine, one core, ${quick ? 'quick' : 'full'} run, node ${process.version}`);
  console.table(rows.map((r) => ({ ...r, 'ops/s': r['ops/s'].toLocaleString('en-US') })));
  console.log(`cold start (compile + build 2 years of day caches): ${coldMs.toFixed(1)} ms`);
  console.log(`200-day span cost relative to 1-day span: ${(oneDay / longSpan).toFixed(2)}×`);
  if (rows[2]['ops/s'] < 500_000) console.log('note: below the 500,000 ops/s target for spans up to 30 working days');
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exit(1);
}
