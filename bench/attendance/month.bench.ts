// Issue 14 (speed): evaluating a month of attendance for 2,000 people (≈ 180,000 punches, with leave and trips) —
// target under 2 s on SQLite and PostgreSQL. Generates the month into a fresh database through the real migrations:
// N people, four punches per working day of March 2026 (some late, some missing), a few days of approved leave and
// trips, then times attendanceForMonth (set-based reads, core's evaluateDay per person-day, the stored person-days
// compared by digest) — first run stores every day, later runs find them unchanged — beside a bare
// `SELECT count(*)` of the month's punches as the baseline.
//   npx tsx bench/attendance/month.bench.ts [--db sqlite|postgres] [--people 2000] [--runs 3] [--quick] [--keep]
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { systemClock } from '../../server/src/http/clock';
import { attendanceForMonth } from '../../server/src/modules/attendance/attendance.evaluation';
import { ensureDefaultCalendar } from '../../server/src/modules/calendars/calendars.service';
import { ensureDefaultPolicy } from '../../server/src/modules/policy/policy.service';
import { generateOrganisation, insertInBatches, rng } from '../generate';
import { createBenchDatabase } from '../tickets/bench-database';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    people: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const kind = values.db === 'postgres' ? 'postgres' : 'sqlite';
const people = values.quick ? 100 : Number(values.people);
const runs = values.quick ? 1 : Number(values.runs);
const MONTH = '2026-03';
const NOW = Date.parse('2026-04-02T02:00:00Z');

const started = performance.now();
const random = rng(20261207);
const { database, drop } = await createBenchDatabase(kind, `techserve_bench_attendance_${people}`);
const { db } = database;
const org = await generateOrganisation(database, people, { memoryCost: 1024, timeCost: 1 }, 'bench-password-1');
await ensureDefaultPolicy(db, systemClock);
await ensureDefaultCalendar(db, systemClock);
const at = new Date(NOW).toISOString();

// Working days of March 2026 (Mon–Fri; the default calendar's holidays fall outside March).
const days: string[] = [];
for (let d = 1; d <= 31; d++) {
  const date = `2026-03-${String(d).padStart(2, '0')}`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6) days.push(date);
}
// Shanghai 08:00 = 00:00Z; the default shift is 08:00–12:00 + 14:00–18:00.
const minute = (date: string, m: number) => new Date(Date.parse(`${date}T00:00:00Z`) + m * 60_000).toISOString();
const punches: Record<string, unknown>[] = [];
const leave: Record<string, unknown>[] = [];
for (const [i, userId] of org.engineerIds.entries()) {
  if (i % 20 === 0) {
    const d = days[i % days.length];
    leave.push({
      user_id: userId,
      status: 'approved',
      type_id: 'personal',
      start_date: d,
      end_date: d,
      days: 1,
      reason: 'bench',
      explanation: '{}',
      created_at: at,
      updated_at: at,
    });
  }
  for (const date of days) {
    const r = random();
    if (r < 0.01) continue; // absent
    const late = r < 0.06 ? 20 + Math.floor(random() * 50) : -Math.floor(random() * 10);
    for (const m of [late, 240 + Math.floor(random() * 5), 350 + Math.floor(random() * 9), 600 + Math.floor(random() * 20)])
      if (!(r > 0.97 && m > 500)) punches.push({ user_id: userId, at: minute(date, m), date, source: 'machine', created_at: at });
  }
}
await insertInBatches(database, 'leave_requests', leave);
for (let s = 0; s < punches.length; s += 5000) await insertInBatches(database, 'attendance_punches', punches.slice(s, s + 5000));
console.log(
  `${database.dialect}: ${people} people, ${punches.length} punches, ${leave.length} leave days, generated in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${loadavg()[0].toFixed(2)}`,
);

for (let r = 1; r <= runs + 1; r++) {
  const t0 = performance.now();
  await db
    .selectFrom('attendance_punches')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('date', '>=', `${MONTH}-01`)
    .where('date', '<=', `${MONTH}-31`)
    .executeTakeFirst();
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const rollups = await db.transaction().execute((trx) => attendanceForMonth(trx, MONTH, undefined, NOW));
  const t2 = performance.now();
  // On a shared, loaded machine the wall time mostly waits for a core; this process's CPU time (JS and SQLite, not
  // PostgreSQL's server) is the steadier figure to compare runs by.
  const cpu = process.cpuUsage(cpu0);
  const late = rollups.reduce((n, x) => n + x.lateCount, 0);
  console.log(
    `run ${r}${r === 1 ? ' (stores every day)' : ''}: baseline count ${(t1 - t0).toFixed(0)} ms; month ${(t2 - t1).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms) (${rollups.length} people, ${late} late segments); load ${loadavg()[0].toFixed(2)}`,
  );
}
if (values.keep) {
  console.log(`kept: ${database.url}`);
  await database.close();
} else await drop();
