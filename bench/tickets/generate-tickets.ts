// Generates a service-request data set into a fresh database through the real migrations: regions and teams
// with N engineers (bench/generate.ts), products, agents, customers with contacts, sites, contracts and portal
// users, and M service requests with realistic spreads plus their search index (core's indexTerms, exactly as the
// app writes it), bulk-loaded in transactions.
//   npx tsx bench/tickets/generate-tickets.ts [--db sqlite|postgres] [--tickets 1000000] [--customers 20000]
//     [--engineers 2000] [--file /tmp/x.db | --name techserve_bench_x]
// SQLite: a new file under /tmp. PostgreSQL: a new database next to BENCH_DATABASE_URL (or TEST_DATABASE_URL).
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  OPEN_TICKET_STATES,
  type TPriority,
  type TSlaEvent,
  type TTicketState,
  computePriority,
  computeSlaClock,
  defaultPolicy,
  evaluateEligibility,
  findSlaLevel,
  indexTerms,
  localDateOf,
  ticketNumber,
} from '@techserve/core';
import { sql } from 'kysely';
import type { Database } from '../../server/src/db/database';
import { systemClock } from '../../server/src/http/clock';
import { hashPassword } from '../../server/src/modules/auth/password';
import { ensureDefaultCalendar, loadCalendar } from '../../server/src/modules/calendars/calendars.service';
import { ensureDefaultPolicy } from '../../server/src/modules/policy/policy.service';
import { slaSummary } from '../../server/src/modules/tickets/tickets.sla';
import { type TicketRow, createBenchDatabase, postgresWriter, sqliteWriter } from './bench-database';
export { createBenchDatabase } from './bench-database';
import { UNUSABLE_HASH, generateOrganisation, insertInBatches, rng } from '../generate';
import {
  CITIES,
  CUSTOMER_KINDS,
  EN_FAULTS,
  PRODUCT_LINES,
  Pool,
  RARE_SHARE,
  SURNAMES,
  TITLES,
  ZH_CAUSES,
  ZH_DETAILS,
  ZH_FAULTS,
  ZH_OPENERS,
  ZH_RARE,
  ZH_SOLUTIONS,
} from './phrases';

/** Argon2id as cheap as the tests use: the bench signs in a handful of users. */
export const BENCH_COST = { memoryCost: 1024, timeCost: 1 };
export const BENCH_PASSWORD = 'bench-password-1';

export type DatasetOptions = { tickets: number; customers: number; engineers: number; seed?: number; log?: (line: string) => void };
export type DatasetInfo = DatasetOptions & { seconds: number; openTickets: number; escalations: number };

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The company-local date of an instant (core's localDateOf), memoised per UTC hour (Shanghai's offset is whole hours). */
function localDates() {
  const memo = new Map<number, string>();
  return (ms: number) => {
    const h = Math.floor(ms / HOUR);
    let d = memo.get(h);
    if (d === undefined) {
      d = localDateOf(h * HOUR);
      memo.set(h, d);
    }
    return d;
  };
}

/**
 * Creation instants over the last two years, oldest first: business grows by half over the period, working hours
 * (Shanghai) carry most requests, weekends a third of a weekday.
 */
function creationTimes(n: number, now: number, random: () => number): Float64Array {
  const from = now - 730 * DAY;
  const span = now - 5 * MINUTE - from;
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    const x = random();
    const t = from + x * span;
    const local = new Date(t + 8 * HOUR);
    const hour = local.getUTCHours();
    const dow = local.getUTCDay();
    const hourWeight = hour >= 8 && hour < 18 ? 1 : hour >= 18 && hour < 22 ? 0.3 : 0.08;
    const weight = ((1 + 0.5 * x) / 1.5) * hourWeight * (dow === 0 || dow === 6 ? 0.35 : 1);
    if (random() < weight) out[i++] = t;
  }
  return out.sort();
}

/** SR-4..9 states by age: recent requests are still being worked on, old ones are closed (a few forgotten). */
function stateFor(ageDays: number, u: number, v: number): TTicketState {
  const pOpen = ageDays < 45 ? 0.02 + 0.85 * Math.exp(-ageDays / 3) : 0.004;
  if (u < pOpen) {
    if (v < 0.08) return 'new';
    if (v < 0.25) return 'assigned';
    if (v < 0.35) return 'accepted';
    if (v < 0.8) return 'in_progress';
    return 'waiting';
  }
  if (ageDays < 10) return v < 0.25 ? 'resolved' : v < 0.4 ? 'confirmed' : v < 0.9 ? 'closed' : 'cancelled';
  return v < 0.02 ? 'resolved' : v < 0.04 ? 'confirmed' : v < 0.94 ? 'closed' : 'cancelled';
}

const pick = <T>(items: readonly T[], u: number): T => items[Math.min(items.length - 1, Math.floor(u * items.length))];
const iso = (ms: number) => new Date(ms).toISOString();

export async function generateTicketDataset(database: Database, options: DatasetOptions): Promise<DatasetInfo> {
  const { tickets: ticketCount, customers: customerCount, engineers } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const random = rng(options.seed ?? 20261123);
  const now = Date.now();
  const nowIso = iso(now);
  const stamps = { created_at: nowIso, updated_at: nowIso };
  const { db } = database;

  // Organisation, policy, calendar ------------------------------------------------------------------------------
  const org = await generateOrganisation(database, engineers, BENCH_COST, BENCH_PASSWORD);
  await ensureDefaultPolicy(db, systemClock);
  await ensureDefaultCalendar(db, systemClock);
  const policy = defaultPolicy();
  const calendarRow = await db.selectFrom('calendars').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow();
  const { calendar, compiled } = await loadCalendar(db, calendarRow.id);
  const roles = new Map((await db.selectFrom('roles').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
  const benchHash = await hashPassword(BENCH_PASSWORD, BENCH_COST);
  // One engineer signs in for the own-scope measurements.
  await db.updateTable('users').set({ password_hash: benchHash }).where('username', '=', 'eng7').execute();

  // Skills (ORG-3): one to three product models each; one engineer in ten is tier 2 (L2).
  const products: { id: number; name: string; model: string }[] = [];
  for (const line of PRODUCT_LINES) {
    const lineId = (
      await db
        .insertInto('product_lines')
        .values({ name: line.name, ...stamps })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const ids = await insertInBatches(
      database,
      'products',
      line.products.map((p) => ({ name: p.name, model: p.model, code: p.model, product_line_id: lineId, ...stamps })),
    );
    line.products.forEach((p, i) => products.push({ id: ids[i], ...p }));
  }
  const productPool = Pool.zipf(products, 0.8, 2);
  const skills: { user_id: number; skill: string }[] = [];
  const l2: number[] = [];
  org.engineerIds.forEach((id, i) => {
    const own = new Set<string>();
    for (let k = 0; k < 1 + Math.floor(random() * 3); k++) own.add(productPool.pick(random()).model);
    if (i % 10 === 3) {
      own.add('L2');
      l2.push(id);
    }
    for (const skill of own) skills.push({ user_id: id, skill });
  });
  for (let s = 0; s < skills.length; s += 500)
    await db
      .insertInto('user_skills')
      .values(skills.slice(s, s + 500))
      .execute();
  await db
    .insertInto('product_experts')
    .values(
      products.flatMap((p, i) =>
        [0, 1, 2].map((rank) => ({
          product_id: p.id,
          user_id: org.engineerIds[(i * 37 + rank * 101) % org.engineerIds.length],
          rank: rank + 1,
        })),
      ),
    )
    .execute();
  const agentRole = roles.get('agent') as number;
  const agentIds = await insertInBatches(
    database,
    'users',
    Array.from({ length: 30 }, (_, i) => ({
      username: `agent${i}`,
      password_hash: i === 0 ? benchHash : UNUSABLE_HASH,
      name: `客服${i}`,
      status: 'active',
      role_id: agentRole,
      department_id: org.departmentId,
      ...stamps,
    })),
  );
  log(
    `organisation: ${engineers} engineers in ${org.teamIds.length} teams/regions, ${products.length} products, ${agentIds.length} agents`,
  );

  // Customers (CU-1): sizes follow Zipf, so a few hospitals and plants file thousands of requests ----------------
  const customerRegion: number[] = [];
  const customerRows = Array.from({ length: customerCount }, (_, rank) => {
    const region = org.regionIds[Math.floor(random() * org.regionIds.length)];
    customerRegion.push(region);
    const city = pick(CITIES, random());
    const kind = pick(CUSTOMER_KINDS, random());
    return {
      name: `${city}第${rank + 1}${kind}`,
      short_name: null,
      code: `C${String(rank + 1).padStart(6, '0')}`,
      industry: null,
      address: `${city}市某区${rank + 1}号`,
      region_id: region,
      note: null,
      created_by: null,
      ...stamps,
    };
  });
  const customerIds = await insertInBatches(database, 'customers', customerRows);
  const contactOwner: number[] = [];
  const contactRows = customerIds.flatMap((cid, rank) => {
    const n = 1 + (random() < 0.5 ? 1 : 0) + (random() < 0.2 ? 1 : 0);
    return Array.from({ length: n }, (_, k) => {
      contactOwner.push(rank);
      return {
        customer_id: cid,
        name: `${pick(SURNAMES, random())}${pick(TITLES, random())}`,
        phone: `138${String(rank * 3 + k).padStart(8, '0')}`,
        email: null,
        position: null,
        is_primary: k === 0 ? 1 : 0,
        ...stamps,
      };
    });
  });
  const contactIds = await insertInBatches(database, 'customer_contacts', contactRows);
  const contactsOf: number[][] = customerIds.map(() => []);
  contactIds.forEach((id, i) => contactsOf[contactOwner[i]].push(id));
  const siteOwner: number[] = [];
  const siteRows = customerIds.flatMap((cid, rank) => {
    const n = 1 + (random() < 0.35 ? 1 : 0);
    return Array.from({ length: n }, (_, k) => {
      siteOwner.push(rank);
      return {
        customer_id: cid,
        name: k === 0 ? '主院区' : `分部${k}`,
        address: null,
        region_id: customerRegion[rank],
        calendar_id: null,
        contact_id: null,
        ...stamps,
      };
    });
  });
  const siteIds = await insertInBatches(database, 'customer_sites', siteRows);
  const sitesOf: number[][] = customerIds.map(() => []);
  siteIds.forEach((id, i) => sitesOf[siteOwner[i]].push(id));
  // CU-4: big customers mostly hold a service contract, small ones rarely; contracts cover the whole period.
  const contractOf: ({ id: number; number: string; level: string; endsOn: string; coverage: 'business' | '24x7' } | null)[] =
    customerIds.map(() => null);
  const contractRows: Record<string, unknown>[] = [];
  const contractRanks: number[] = [];
  customerIds.forEach((cid, rank) => {
    if (random() >= (rank < 500 ? 0.7 : 0.2)) return;
    contractRanks.push(rank);
    const level = random() < 0.3 ? 'premium' : 'standard';
    contractRows.push({
      customer_id: cid,
      number: `HT-${String(rank + 1).padStart(6, '0')}`,
      starts_on: localDateOf(now - 760 * DAY),
      ends_on: localDateOf(now + 365 * DAY),
      service_content: null,
      fee_fen: 5_000_000,
      sla_level_id: level,
      coverage: level === 'premium' ? '24x7' : 'business',
      note: null,
      ...stamps,
    });
  });
  const contractIds = await insertInBatches(database, 'service_contracts', contractRows);
  contractIds.forEach((id, i) => {
    const r = contractRows[i];
    contractOf[contractRanks[i]] = {
      id,
      number: r.number as string,
      level: r.sla_level_id as string,
      endsOn: r.ends_on as string,
      coverage: r.coverage as 'business' | '24x7',
    };
  });
  // Portal users (company scope): the 100 biggest customers and every 100th after them.
  const contactRole = roles.get('customer_contact') as number;
  const portalRanks = customerIds.map((_, r) => r).filter((r) => r < 100 || r % 100 === 0);
  const portalIds = await insertInBatches(
    database,
    'users',
    portalRanks.map((rank) => ({
      username: `portal${rank}`,
      password_hash: benchHash,
      name: `客户联系人${rank}`,
      status: 'active',
      role_id: contactRole,
      customer_id: customerIds[rank],
      ...stamps,
    })),
  );
  const portalOf = new Map(portalRanks.map((rank, i) => [rank, portalIds[i]]));
  log(
    `customers: ${customerCount}, contacts: ${contactIds.length}, sites: ${siteIds.length}, contracts: ${contractIds.length}, portal users: ${portalIds.length} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  // Service requests ------------------------------------------------------------------------------------------------
  const customerPool = Pool.zipf(
    customerIds.map((_, r) => r),
    1,
    5,
  );
  const faultPool = Pool.zipf(ZH_FAULTS, 1.05, 1.5);
  const enPool = Pool.zipf(EN_FAULTS, 1, 2);
  const detailPool = Pool.zipf(ZH_DETAILS, 0.7, 2);
  const byRegion = new Map<number, number[]>();
  org.engineerIds.forEach((_, i) => {
    const list = byRegion.get(org.engineerRegion[i]) ?? [];
    list.push(i);
    byRegion.set(org.engineerRegion[i], list);
  });
  // SR-3 explanations are the same for the same urgency × impact; SLA-1 eligibility the same per contract.
  const urgencies = ['high', 'medium', 'low'] as const;
  const impacts = ['wide', 'department', 'singleUser'] as const;
  const priorities = new Map(urgencies.flatMap((u) => impacts.map((i) => [`${u}/${i}`, computePriority(policy, u, i, 1)] as const)));
  const chargeable = evaluateEligibility({ warranty: null, contract: null, policy, policyVersion: 1 });
  const chargeableJson = JSON.stringify(chargeable.explanation);
  const eligibilityJson = new Map<number, string>();
  const dayOf = localDates();
  const counters = new Map<string, number>();
  const times = creationTimes(ticketCount, now, random);
  const escalations: Record<string, unknown>[] = [];
  const writer = database.dialect === 'sqlite' ? sqliteWriter(database.url.slice('sqlite:'.length)) : postgresWriter(database.url);
  const restoreIndexes = await writer.deferIndexes('tickets');
  let openTickets = 0;
  const BATCH = 5000;
  let rows: TicketRow[] = [];
  let terms: string[] = [];
  const tGen = performance.now();

  const faultText = () => {
    const r = random();
    if (r < ZH_RARE.length * RARE_SHARE) return ZH_RARE[Math.floor(r / RARE_SHARE)];
    return faultPool.pick(random());
  };
  for (let i = 0; i < ticketCount; i++) {
    const id = i + 1;
    const created = times[i];
    const ageDays = (now - created) / DAY;
    const rank = customerPool.pick(random());
    const product = productPool.pick(random());
    const fault = faultText();
    const en = enPool.pick(random());
    const titleKind = random();
    const title = titleKind < 0.6 ? `${product.name} ${fault}` : titleKind < 0.85 ? fault : `${product.model} ${en}`;
    let description = `${pick(ZH_OPENERS, random())}${fault}，${detailPool.pick(random())}。`;
    if (random() < 0.35) description += `另外${faultPool.pick(random())}。`;
    if (random() < 0.3) description += ` 报错信息：${en}。`;
    if (random() < 0.25) description += ` 序列号 SN${String(Math.floor(random() * 1e8)).padStart(8, '0')}。`;
    if (random() < 0.2) description += `${detailPool.pick(random())}。`;
    const day = dayOf(created);
    const seq = (counters.get(day) ?? 0) + 1;
    counters.set(day, seq);
    const number = ticketNumber(day, seq);

    const state = stateFor(ageDays, random(), random());
    const open = OPEN_TICKET_STATES.includes(state);
    const ur = random();
    const urgency = ur < 0.15 ? 'high' : ur < 0.6 ? 'medium' : 'low';
    const im = random();
    const impact = im < 0.12 ? 'wide' : im < 0.45 ? 'department' : 'singleUser';
    const priority = priorities.get(`${urgency}/${impact}`) as ReturnType<typeof computePriority>;
    const contract = contractOf[rank];
    let eligibility = chargeable.eligibility as string;
    let level = chargeable.slaLevelId;
    let eligibilityExplanation = chargeableJson;
    if (contract) {
      eligibility = 'contract';
      level = contract.level;
      let j = eligibilityJson.get(contract.id);
      if (!j) {
        j = JSON.stringify(
          evaluateEligibility({
            warranty: null,
            contract: { number: contract.number, slaLevelId: contract.level, endsOn: contract.endsOn, coverage: contract.coverage },
            policy,
            policyVersion: 1,
          }).explanation,
        );
        eligibilityJson.set(contract.id, j);
      }
      eligibilityExplanation = j;
    }
    const ty = random();
    const type =
      ty < 0.7
        ? 'fault'
        : ty < 0.82
          ? 'consultation'
          : ty < 0.87
            ? 'installation'
            : ty < 0.9
              ? 'training'
              : ty < 0.96
                ? 'inspection'
                : ty < 0.98
                  ? 'change_request'
                  : 'other';
    const ch = random();
    const channel = ch < 0.55 ? 'phone' : ch < 0.75 ? 'portal' : ch < 0.87 ? 'email' : ch < 0.95 ? 'chat' : 'api';
    const region = customerRegion[rank];
    const assigned = state !== 'new' && !(state === 'cancelled' && random() < 0.5);
    let engineer = -1;
    if (assigned) {
      const local = byRegion.get(region);
      engineer = local && random() < 0.85 ? pick(local, random()) : Math.floor(random() * org.engineerIds.length);
    }
    const assigneeId = engineer >= 0 ? org.engineerIds[engineer] : null;
    let createdBy = pick(agentIds, random());
    if (channel === 'portal' && portalOf.has(rank)) createdBy = portalOf.get(rank) as number;
    else if (assigneeId && random() < 0.03) createdBy = assigneeId;
    const contacts = contactsOf[rank];
    const sites = sitesOf[rank];
    const needsVisit = random() < 0.3 ? 1 : 0;

    // The request's history, kept before now.
    const cap = (ms: number) => Math.min(ms, now - MINUTE);
    const assignedAt = assigned ? cap(created + (1 + random() * 60) * MINUTE) : null;
    const firstResponse = assignedAt ? cap(assignedAt + (5 + random() * 120) * MINUTE) : null;
    const done = !open && state !== 'cancelled';
    const resolvedAt = done && firstResponse ? cap(firstResponse + -Math.log(1 - random()) * 1.5 * DAY) : null;
    const closedAt =
      state === 'closed' && resolvedAt
        ? cap(resolvedAt + (1 + random() * 6) * DAY)
        : state === 'cancelled'
          ? cap(created + random() * 2 * DAY)
          : null;
    const events: TSlaEvent[] = [];
    if (firstResponse && (state === 'in_progress' || state === 'waiting' || done))
      events.push({ at: firstResponse, type: 'first_response' });
    if (state === 'waiting' && firstResponse) events.push({ at: cap(firstResponse + random() * 4 * HOUR), type: 'paused' });
    if (resolvedAt) events.push({ at: resolvedAt, type: 'resolved' });

    let sla = { nextDueAt: null as string | null, breached: random() < 0.07, state: 'done' as string };
    if (open) {
      openTickets++;
      // SLA-1..4 as refreshSla stores it, computed by core's clock as of now.
      const clock = computeSlaClock({
        createdAt: created,
        level: findSlaLevel(policy, level),
        priority: priority.priority as TPriority,
        calendar: compiled,
        calendarName: { 'zh-CN': calendar.name, en: calendar.name },
        events,
        now,
        nearBreachMinutes: policy.sla.nearBreachMinutes,
        policyVersion: 1,
        needsVisit: Boolean(needsVisit),
        pauseWhileWaitingForCustomer: policy.sla.pauseWhileWaitingForCustomer,
      });
      sla = slaSummary(clock, state);
    }
    let cause: string | null = null;
    let solution: string | null = null;
    if (resolvedAt) {
      const k = Math.floor(random() * ZH_CAUSES.length);
      cause = ZH_CAUSES[k];
      solution = ZH_SOLUTIONS[k];
    }
    const tier = l2.length && random() < 0.05 ? 2 : 1;
    if (assigneeId && (tier === 2 || random() < 0.01)) {
      escalations.push({
        ticket_id: id,
        kind: 'l2',
        from_user_id: assigneeId,
        to_user_id: pick(l2, random()),
        rnd_person: null,
        description: `请二线协助：${fault}`,
        target_at: null,
        state: open ? 'open' : 'answered',
        created_at: iso(cap((firstResponse ?? created) + HOUR)),
      });
    }
    const updated = closedAt ?? resolvedAt ?? events.at(-1)?.at ?? assignedAt ?? created;
    rows.push([
      id,
      number,
      type,
      channel,
      title,
      description,
      customerIds[rank],
      contacts[random() < 0.6 ? 0 : Math.floor(random() * contacts.length)],
      sites[Math.floor(random() * sites.length)],
      product.id,
      region,
      contract?.id ?? null,
      urgency,
      impact,
      priority.priority,
      JSON.stringify(priority.explanation),
      eligibility,
      eligibilityExplanation,
      level,
      calendarRow.id,
      1,
      needsVisit,
      state,
      assigneeId,
      engineer >= 0 ? org.engineerTeam[engineer] : null,
      engineer >= 0 ? org.departmentId : null,
      tier,
      createdBy,
      cause,
      solution,
      state === 'cancelled' ? '客户取消' : null,
      0,
      JSON.stringify(events),
      sla.nextDueAt,
      sla.breached ? 1 : 0,
      sla.state,
      assignedAt === null ? null : iso(assignedAt),
      resolvedAt === null ? null : iso(resolvedAt),
      closedAt === null ? null : iso(closedAt),
      iso(created),
      iso(updated),
      1 + events.length + (assigned ? 1 : 0) + (closedAt ? 2 : 0),
    ]);
    // The index as the app leaves it: createTicket indexes (number, title, description); resolving adds
    // (cause, solution), merged without duplicates (indexTicketText).
    let t = indexTerms(number, title, description);
    if (cause || solution) t = [...new Set([...t, ...indexTerms(cause, solution)])];
    terms.push(t.join(' '));
    if (rows.length === BATCH || i === ticketCount - 1) {
      await writer.tickets(rows, terms);
      rows = [];
      terms = [];
      if ((i + 1) % 100_000 === 0 || i === ticketCount - 1)
        log(`  ${i + 1} requests (${((performance.now() - tGen) / 1000).toFixed(1)} s)`);
    }
  }
  const tIdx = performance.now();
  await restoreIndexes();
  await writer.finish();
  log(`  indexes rebuilt in ${((performance.now() - tIdx) / 1000).toFixed(1)} s`);

  // SR-2: the day counters continue where the generated numbers stop, so new requests get the next number.
  const counterRows = [...counters].map(([day, last]) => ({ day, last }));
  for (let s = 0; s < counterRows.length; s += 500)
    await db
      .insertInto('ticket_counters')
      .values(counterRows.slice(s, s + 500))
      .execute();
  await insertInBatches(database, 'ticket_escalations', escalations);
  if (database.dialect === 'postgres') {
    await sql`SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT max(id) FROM tickets))`.execute(db);
    // The state autovacuum reaches after a bulk load: statistics and the visibility map.
    await sql`VACUUM ANALYZE`.execute(db);
  }
  const seconds = (performance.now() - started) / 1000;
  log(`requests: ${ticketCount} (${openTickets} open), escalations: ${escalations.length}; generated in ${seconds.toFixed(1)} s`);
  return { ...options, seconds, openTickets, escalations: escalations.length };
}

/** Sizes of the full run (the target) and of the CI smoke run. */
export const FULL = { tickets: 1_000_000, customers: 20_000, engineers: 2_000 };
export const QUICK = { tickets: 20_000, customers: 2_000, engineers: 200 };

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'sqlite' },
      tickets: { type: 'string', default: String(FULL.tickets) },
      customers: { type: 'string', default: String(FULL.customers) },
      engineers: { type: 'string', default: String(FULL.engineers) },
      name: { type: 'string' },
      quick: { type: 'boolean' },
    },
  });
  const sizes = values.quick
    ? QUICK
    : { tickets: Number(values.tickets), customers: Number(values.customers), engineers: Number(values.engineers) };
  const kind = values.db === 'postgres' ? 'postgres' : 'sqlite';
  const name = values.name ?? `techserve_bench_${sizes.tickets}`;
  const { database, drop } = await createBenchDatabase(kind, name);
  const info = await generateTicketDataset(database, sizes);
  console.log(
    `\n${database.dialect} ${database.url.replace(/\/\/[^@]*@/, '//')} — ${info.tickets} requests in ${info.seconds.toFixed(1)} s`,
  );
  console.log(`use it: --url '${database.url}'`);
  if (values.quick) await drop();
  else await database.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
