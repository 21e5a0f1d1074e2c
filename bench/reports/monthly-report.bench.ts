// WR-5: the monthly service report of a department with 100,000 requests in the month (issue 15: under 3 s on SQLite and
// PostgreSQL). Generates the month into a fresh database through the real migrations — one department of N engineers,
// 100,000 requests created in March 2026 (a third needing a visit, their arrivals on time, late or missing), FS-8 ratings
// on 40 %, the engineers' weekly-report obligations — then times computeMonthlyReport (the set-based reads and core's
// rates, what GET /monthly-reports/preview runs) and the PDF and Excel renderings of its result, beside a bare
// `SELECT count(*)` of the same month as the baseline.
//   npx tsx bench/reports/monthly-report.bench.ts [--db sqlite|postgres] [--tickets 100000] [--engineers 500] [--runs 3] [--quick] [--keep]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadavg } from 'node:os';
import {
  type TPriority,
  type TSlaEvent,
  chinaHqCalendar,
  compileCalendar,
  defaultPolicy,
  findSlaLevel,
  onsiteArrival,
} from '@techserve/core';
import { systemClock } from '../../server/src/http/clock';
import { ensureDefaultCalendar } from '../../server/src/modules/calendars/calendars.service';
import { ensureDefaultPolicy } from '../../server/src/modules/policy/policy.service';
import { renderMonthlyReportPdf } from '../../server/src/modules/service-reports/monthly-report.pdf';
import { renderMonthlyReportXlsx } from '../../server/src/modules/service-reports/monthly-report.xlsx';
import { computeMonthlyReport } from '../../server/src/modules/service-reports/service-reports.service';
import { generateOrganisation, insertInBatches, rng } from '../generate';
import { TICKET_COLUMNS, createBenchDatabase, postgresWriter, sqliteWriter } from '../tickets/bench-database';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    tickets: { type: 'string', default: '100000' },
    engineers: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const kind = values.db === 'postgres' ? 'postgres' : 'sqlite';
const ticketCount = values.quick ? 5_000 : Number(values.tickets);
const engineers = values.quick ? 50 : Number(values.engineers);
const runs = values.quick ? 1 : Number(values.runs);
const MONTH = '2026-03';
const MONTH_START = Date.parse('2026-02-28T16:00:00Z'); // 2026-03-01 00:00 Shanghai
const MONTH_MS = 31 * 86_400_000;
const NOW = Date.parse('2026-04-02T02:00:00Z');

const started = performance.now();
const random = rng(20261207);
const { database, drop } = await createBenchDatabase(kind, `techserve_bench_wr5_${ticketCount}`);
const { db } = database;
const org = await generateOrganisation(database, engineers, { memoryCost: 1024, timeCost: 1 }, 'bench-password-1');
await ensureDefaultPolicy(db, systemClock);
await ensureDefaultCalendar(db, systemClock);
const stamps = { created_at: new Date(NOW).toISOString(), updated_at: new Date(NOW).toISOString() };
const customerIds = await insertInBatches(
  database,
  'customers',
  Array.from({ length: 200 }, (_, i) => ({
    name: `客户${i + 1}`,
    code: `W${i}`,
    region_id: org.regionIds[i % org.regionIds.length],
    ...stamps,
  })),
);
const calendarId = (await db.selectFrom('calendars').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow()).id;

// Requests: created during March (working hours weighted), a third needing a visit whose arrival falls before or after
// the on-site target (or never), 85 % resolved or closed.
const policy = defaultPolicy();
const level = findSlaLevel(policy, 'standard');
const cal = compileCalendar(chinaHqCalendar());
const priorities: TPriority[] = ['P1', 'P2', 'P3', 'P4'];
const writer = database.dialect === 'sqlite' ? sqliteWriter(database.url.slice('sqlite:'.length)) : postgresWriter(database.url);
const rows: unknown[][] = [];
const ratingRows: Record<string, unknown>[] = [];
const grades = ['excellent', 'excellent', 'good', 'good', 'good', 'fair', 'poor'];
let id = 0;
for (let i = 0; i < ticketCount; i++) {
  id++;
  const created = MONTH_START + Math.floor(random() * (MONTH_MS - 86_400_000));
  const priority = priorities[Math.floor(random() * 4)];
  const visit = random() < 0.33;
  const events: TSlaEvent[] = [{ at: created + 20 * 60_000, type: 'first_response' }];
  if (visit && random() < 0.9) {
    const due = onsiteArrival({ createdAt: created, level, priority, calendar: cal, events: [], now: created }).dueAt;
    events.push({
      at: random() < 0.8 ? created + Math.floor((due - created) * random()) : due + Math.floor(random() * 86_400_000),
      type: 'arrived_on_site',
    });
  }
  const closed = random() < 0.85;
  const assignee = org.engineerIds[Math.floor(random() * org.engineerIds.length)];
  const at = new Date(created).toISOString();
  const values: Record<string, unknown> = {
    id,
    number: `SR-WR5-${String(id).padStart(7, '0')}`,
    type: 'fault',
    channel: 'phone',
    title: '设备故障',
    description: '—',
    customer_id: customerIds[i % customerIds.length],
    contact_id: null,
    site_id: null,
    product_id: null,
    region_id: null,
    contract_id: null,
    urgency: 'medium',
    impact: 'singleUser',
    priority,
    priority_explanation: '{}',
    eligibility: 'chargeable',
    eligibility_explanation: '{}',
    sla_level_id: 'standard',
    calendar_id: calendarId,
    policy_version: 1,
    needs_visit: visit ? 1 : 0,
    state: closed ? 'closed' : 'in_progress',
    assignee_id: assignee,
    team_id: null,
    department_id: org.departmentId,
    tier: 1,
    created_by: null,
    cause: null,
    solution: null,
    cancel_reason: null,
    reopen_count: 0,
    sla_events: JSON.stringify(events),
    next_due_at: null,
    sla_breached: 0,
    sla_state: 'done',
    assigned_at: at,
    resolved_at: closed ? new Date(created + 3_600_000).toISOString() : null,
    closed_at: closed ? new Date(created + 7_200_000).toISOString() : null,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  rows.push(TICKET_COLUMNS.map(([c]) => values[c]));
  if (closed && random() < 0.4)
    ratingRows.push({
      ticket_id: id,
      attitude: grades[Math.floor(random() * grades.length)],
      skill: grades[Math.floor(random() * grades.length)],
      result: grades[Math.floor(random() * grades.length)],
      comment: null,
      via: 'portal',
      signed_by: null,
      signature: null,
      rated_by: null,
      created_at: new Date(Math.min(created + 86_400_000, MONTH_START + MONTH_MS - 1)).toISOString(),
    });
  if (rows.length === 2000 || i === ticketCount - 1) {
    await writer.tickets(rows.splice(0), []);
  }
}
await writer.finish();
for (let s = 0; s < ratingRows.length; s += 500)
  await db
    .insertInto('ticket_ratings')
    .values(ratingRows.slice(s, s + 500) as never)
    .execute();
// WR-4: each engineer's weekly reports due in March (five Saturdays), mostly on time.
const weeks = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-02-23'];
const obligationRows = org.engineerIds.flatMap((owner) =>
  weeks.map((week) => {
    const u = random();
    return {
      kind: 'weekly_report',
      owner_id: owner,
      period: week,
      due_at: '2026-03-07T10:00:00.000Z',
      due_date: '2026-03-07',
      month: MONTH,
      state: u < 0.85 ? 'on_time' : u < 0.95 ? 'late' : 'open',
      explanation: '{}',
      policy_version: 1,
      department_id: org.departmentId,
      ...stamps,
    };
  }),
);
await insertInBatches(database, 'obligations', obligationRows, 200);
// As autovacuum would after a month of writes: statistics and the visibility map for index-only scans.
if (database.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
else await sql`ANALYZE`.execute(db);
console.log(
  `${database.dialect}: ${ticketCount} requests (${ratingRows.length} rated), ${engineers} engineers, generated in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${loadavg()[0].toFixed(2)}`,
);

const { start, end } = { start: new Date(MONTH_START).toISOString(), end: new Date(MONTH_START + MONTH_MS).toISOString() };
for (let r = 1; r <= runs; r++) {
  const t0 = performance.now();
  await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('department_id', '=', org.departmentId)
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .executeTakeFirst();
  const t1 = performance.now();
  const data = await computeMonthlyReport(db, org.departmentId, MONTH, NOW, 'Asia/Shanghai');
  const t2 = performance.now();
  const pdf = await renderMonthlyReportPdf(data, {
    companyName: 'TechServe',
    comment: '',
    submittedBy: null,
    submittedAt: null,
    timeZone: 'Asia/Shanghai',
  });
  const t3 = performance.now();
  const xlsx = await renderMonthlyReportXlsx(data, '');
  const t4 = performance.now();
  console.log(
    `run ${r}: baseline count ${(t1 - t0).toFixed(0)} ms; report ${(t2 - t1).toFixed(0)} ms (requests ${data.requests.total}, timeliness ${data.rates.timeliness.numerator}/${data.rates.timeliness.denominator}); ` +
      `PDF ${(t3 - t2).toFixed(0)} ms (${Math.round(pdf.length / 1024)} KiB); Excel ${(t4 - t3).toFixed(0)} ms (${Math.round(xlsx.length / 1024)} KiB); total ${(t4 - t1).toFixed(0)} ms; load ${loadavg()[0].toFixed(2)}`,
  );
}
if (values.keep) {
  console.log(`kept: ${database.url}`);
  await database.close();
} else await drop();
