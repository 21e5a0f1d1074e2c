// Issue 14 item 2 (speed): importing a fingerprint machine's month of 100,000 punches — target under 20 s — as CSV and
// as .xlsx through importMachineFile (the route's path: read, map, check each row against the people and months, skip
// stored keys, insert, evaluate the affected people's month), into a fresh database through the real migrations.
// A second import of the same file (adds nothing) is timed too; the baseline is a bare multi-row INSERT of the same
// punches into a scratch copy of the table shape (no checks).
//   npx tsx bench/attendance/import.bench.ts [--db sqlite|postgres] [--rows 100000] [--quick] [--keep]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { PERMISSIONS } from '@techserve/core';
import ExcelJS from 'exceljs';
import { importMachineFile } from '../../server/src/modules/attendance/attendance.import';
import { ensureDefaultCalendar } from '../../server/src/modules/calendars/calendars.service';
import { ensureDefaultPolicy } from '../../server/src/modules/policy/policy.service';
import { systemClock } from '../../server/src/http/clock';
import type { Ctx } from '../../server/src/http/context';
import { generateOrganisation, rng } from '../generate';
import { createBenchDatabase } from '../tickets/bench-database';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    rows: { type: 'string', default: '100000' },
    quick: { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const kind = values.db === 'postgres' ? 'postgres' : 'sqlite';
const rows = values.quick ? 5000 : Number(values.rows);
const NOW = new Date('2026-04-02T02:00:00Z');

// Working days of March 2026; four punches a day per person → people = rows / (4 × days).
const days: string[] = [];
for (let d = 1; d <= 31; d++) {
  const date = `2026-03-${String(d).padStart(2, '0')}`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6) days.push(date);
}
const people = Math.ceil(rows / (4 * days.length));

const { database, drop } = await createBenchDatabase(kind, `techserve_bench_import_${rows}`);
const { db } = database;
await generateOrganisation(database, people, { memoryCost: 1024, timeCost: 1 }, 'bench-password-1');
await ensureDefaultPolicy(db, systemClock);
await ensureDefaultCalendar(db, systemClock);
const admin = await db
  .selectFrom('users')
  .select(['id', 'username', 'name', 'role_id'])
  .where('username', '=', 'admin')
  .executeTakeFirstOrThrow();
const ctx: Ctx = {
  db,
  dialect: database.dialect,
  clock: { now: () => NOW },
  timeZone: 'Asia/Shanghai',
  actor: {
    id: admin.id,
    username: admin.username,
    name: admin.name,
    roleId: admin.role_id,
    roleKey: 'admin',
    roleName: 'admin',
    scope: 'all',
    permissions: new Set(PERMISSIONS),
    departmentId: null,
    teamId: null,
    customerId: null,
    siteId: null,
    regionIds: [],
    mustChangePassword: false,
    via: 'session',
    twoFactorEnabled: false,
    twoFactorRequired: false,
  },
  ip: null,
  requestId: null,
};

// The machine's rows: 工号, 姓名, 打卡时间 (local), 机器号; some late, in the order a machine exports (by person, by day).
const random = rng(20261207);
const lines = ['工号,姓名,打卡时间,机器号'];
const cells: [string, string, Date, number][] = [];
const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
outer: for (let i = 0; i < people; i++)
  for (const date of days)
    for (const base of [480, 720, 840, 1080]) {
      const m = base + Math.floor(random() * 20) - 8;
      lines.push(`B${i},工程师${i},${date} ${hm(m)}:00,${1 + (i % 4)}`);
      const [y, mo, d] = date.split('-').map(Number);
      cells.push([`B${i}`, `工程师${i}`, new Date(Date.UTC(y, mo - 1, d, Math.floor(m / 60), m % 60)), 1 + (i % 4)]);
      if (lines.length > rows) break outer;
    }
const csv = Buffer.from(lines.join('\r\n')).toString('base64');
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('考勤记录');
sheet.addRow(['工号', '姓名', '打卡时间', '机器号']);
sheet.addRows(cells);
sheet.getColumn(3).numFmt = 'yyyy-mm-dd hh:mm:ss';
const xlsx = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
console.log(
  `${database.dialect}: ${people} people, ${lines.length - 1} rows (CSV ${(csv.length / 1e6).toFixed(1)} MB base64, .xlsx ${(xlsx.length / 1e6).toFixed(1)} MB); load ${loadavg()[0].toFixed(2)}`,
);

async function timed(label: string, machineType: string, content: string) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // When each phase began, from the progress the route streams to the page.
  const phases: string[] = [];
  let phase = '';
  const r = await importMachineFile(ctx, { machineType, contentBase64: content }, (p) => {
    if (p.phase !== phase) phases.push(`${(phase = p.phase)} ${((performance.now() - t0) / 1000).toFixed(1)}`);
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${label}: ${(ms / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s) — ${r.rows} rows, ${r.imported} added, ${r.duplicates} already stored, ${r.refused.length} refused; phases began at (s): ${phases.join(', ')}; load ${loadavg()[0].toFixed(2)}`,
  );
  return ms;
}

// Baseline: the same number of rows in bare multi-row INSERTs (no parsing, checks, keys or evaluation).
await db.schema
  .createTable('bench_bare_punches')
  .addColumn('user_id', 'integer')
  .addColumn('at', 'text')
  .addColumn('date', 'text')
  .execute();
const t0 = performance.now();
for (let s = 0; s < cells.length; s += 500)
  await db
    .insertInto('bench_bare_punches' as 'attendance_punches')
    .values(cells.slice(s, s + 500).map((c) => ({ user_id: 1, at: c[2].toISOString(), date: c[2].toISOString().slice(0, 10) })) as never)
    .execute();
console.log(`baseline bare INSERT of ${cells.length} rows: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const csvMs = await timed('CSV import (new punches)', 'bench-csv', csv);
await timed('CSV import again (adds nothing)', 'bench-csv', csv);
const xlsxMs = await timed('.xlsx import (new keys: another machine type)', 'bench-xlsx', xlsx);
console.log(`target under 20 s: CSV ${csvMs < 20_000 ? 'met' : 'MISSED'}, .xlsx ${xlsxMs < 20_000 ? 'met' : 'MISSED'}`);
if (values.keep) {
  console.log(`kept: ${database.url}`);
  await database.close();
} else await drop();
