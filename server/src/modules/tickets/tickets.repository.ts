import { OPEN_TICKET_STATES, type TQueryTerm, type TTicketListQuery, fts5Query, indexTerms, queryTerms, tsQuery } from '@techserve/core';
import {
  type Expression,
  type ExpressionBuilder,
  type ExpressionWrapper,
  type Insertable,
  type SqlBool,
  type Updateable,
  sql,
} from 'kysely';
import { prepared, preparedInsert, preparedParts, preparedRows } from '../../db/prepared';
import { type AuditInsert, auditValues, insertAuditEntries } from '../audit/audit.repository';
import type { DB, TicketsTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { versionConflict } from '../../http/errors';
import { decodeCursor } from '../../http/pagination';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever query joins `tickets`.
type ScopeEb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/**
 * The requests an actor may see (design: data scopes in the repository). Besides its scope, everyone sees the
 * requests assigned to it, created by it, or escalated to or by it (SR-6: the feedback comes back to L1). Unassigned requests (no team/department
 * yet) are in every team's and department's queue.
 */
export function ticketScope(eb: ScopeEb, actor: Actor): Cond {
  const mine = eb.or([
    eb('tickets.assignee_id', '=', actor.id),
    eb('tickets.created_by', '=', actor.id),
    eb.exists(
      eb
        .selectFrom('ticket_escalations as te')
        .select('te.id')
        .whereRef('te.ticket_id', '=', 'tickets.id')
        .where((w) => w.or([w('te.to_user_id', '=', actor.id), w('te.from_user_id', '=', actor.id)])),
    ),
  ]) as Cond;
  const none = sql<boolean>`1 = 0` as unknown as Cond;
  switch (actor.scope) {
    case 'all':
      return sql<boolean>`1 = 1` as unknown as Cond;
    case 'company':
      return actor.customerId == null ? none : (eb('tickets.customer_id', '=', actor.customerId) as Cond);
    case 'site':
      return actor.siteId == null ? none : (eb('tickets.site_id', '=', actor.siteId) as Cond);
    case 'team':
      return actor.teamId == null
        ? mine
        : (eb.or([
            mine,
            eb('tickets.team_id', '=', actor.teamId),
            eb.and([eb('tickets.team_id', 'is', null), eb('tickets.assignee_id', 'is', null)]),
          ]) as Cond);
    case 'department':
      return actor.departmentId == null
        ? mine
        : (eb.or([mine, eb('tickets.department_id', '=', actor.departmentId), eb('tickets.department_id', 'is', null)]) as Cond);
    case 'region':
      return actor.regionIds.length === 0 ? mine : (eb.or([mine, eb('tickets.region_id', 'in', actor.regionIds)]) as Cond);
    default:
      return mine;
  }
}

const advanceSequenceQuery = prepared('tickets.advanceSequence', (db, p: { day: string; count: number }) =>
  db
    .insertInto('ticket_counters')
    .values({ day: p.day, last: p.count })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('ticket_counters.last', '+', eb.ref('excluded.last')) })))
    .returning('last'),
);

/** SR-2: reserves `count` numbers of a company-local day at once and returns the last (concurrent creates never share one). */
export async function advanceSequence(db: Db, day: string, count: number): Promise<number> {
  const [row] = await advanceSequenceQuery(db, { day, count });
  return Number(row.last);
}

const NEW_TICKET_COLUMNS = [
  'number',
  'type',
  'channel',
  'title',
  'description',
  'customer_id',
  'contact_id',
  'site_id',
  'installed_product_id',
  'product_id',
  'region_id',
  'contract_id',
  'urgency',
  'impact',
  'priority',
  'priority_explanation',
  'eligibility',
  'eligibility_explanation',
  'sla_level_id',
  'sla_coverage',
  'calendar_id',
  'policy_version',
  'needs_visit',
  'state',
  'next_due_at',
  'sla_breached',
  'sla_state',
  'assignee_id',
  'assigned_at',
  'team_id',
  'department_id',
  'created_by',
  'created_at',
  'updated_at',
] as const;
export type NewTicketRow = { [K in (typeof NEW_TICKET_COLUMNS)[number]]: Exclude<Insertable<DB['tickets']>[K], undefined> };

const insertTicketsSqlite = preparedInsert('tickets.sqlite', 'tickets', NEW_TICKET_COLUMNS, { returning: ['id', 'number'] });

/** A new request's first timeline entries and its audit entry, keyed by its number (its id comes with the INSERT). */
export type NewTicketWrites = {
  tickets: Array<{ values: NewTicketRow; terms: string[] }>;
  entries: Array<Omit<EntryInsert, 'ticketId'> & { number: string }>;
  audits: Array<Omit<AuditInsert, 'entityId'> & { number: string }>;
};

const text = (v: unknown) => sql`cast(${v} as text)`;
const integer = (v: unknown) => sql`cast(${v} as integer)`;

/**
 * PostgreSQL: the requests, their timeline entries and audit entries in one statement (data-modifying CTEs), so
 * a batch of creates costs one round trip instead of three; the entries find their request by number.
 */
const insertNewTicketsPostgres = preparedParts(
  'tickets.new.postgres',
  (
    db,
    p: {
      tickets: Array<Record<(typeof NEW_TICKET_COLUMNS)[number] | 'terms', unknown>>;
      entries: Array<Record<string, unknown>>;
      audits: Array<Record<string, unknown>>;
    },
  ) => {
    const columns = sql.join([...NEW_TICKET_COLUMNS, 'search_vector'].map((c) => sql.ref(c)));
    const ticketValues = sql.join(
      p.tickets.map((t) => sql`(${sql.join([...NEW_TICKET_COLUMNS.map((c) => t[c]), sql`array_to_tsvector(${t.terms}::text[])`])})`),
    );
    const entryValues = sql.join(
      p.entries.map(
        (e, i) =>
          sql`(${sql.lit(i)}, ${text(e.number)}, ${text(e.kind)}, ${text(e.visibility)}, ${integer(e.author_id)}, ${text(e.body)}, ${text(e.data)}, ${text(e.created_at)})`,
      ),
    );
    const auditValues = sql.join(
      p.audits.map(
        (a, i) =>
          sql`(${sql.lit(i)}, ${text(a.number)}, ${text(a.at)}, ${integer(a.actor_id)}, ${text(a.actor_name)}, ${text(a.action)}, ${text(a.entity)}, ${text(a.before)}, ${text(a.after)}, ${text(a.ip)}, ${text(a.request_id)})`,
      ),
    );
    const query = sql<{ id: number; number: string }>`
      with t as (insert into tickets (${columns}) values ${ticketValues} returning id, number),
      e as (
        insert into ticket_entries (ticket_id, kind, visibility, author_id, body, data, created_at)
        select t.id, v.kind, v.visibility, v.author_id, v.body, v.data, v.created_at
        from (values ${entryValues}) as v (ord, number, kind, visibility, author_id, body, data, created_at)
        join t on t.number = v.number order by v.ord),
      a as (
        insert into audit_log (at, actor_id, actor_name, action, entity, entity_id, before, after, ip, request_id)
        select v.at, v.actor_id, v.actor_name, v.action, v.entity, cast(t.id as text), v.before, v.after, v.ip, v.request_id
        from (values ${auditValues}) as v (ord, number, at, actor_id, actor_name, action, entity, before, after, ip, request_id)
        join t on t.number = v.number order by v.ord)
      select id, number from t`;
    return { compile: () => query.compile(db) };
  },
);

/**
 * New requests (SR-1..3) with their first timeline entries, search terms and audit entries; returns each request's
 * id in the order given. SQLite: three INSERTs and the FTS rows; PostgreSQL: one statement (search terms in the row).
 */
export async function insertNewTickets(db: Db, dialect: 'sqlite' | 'postgres', w: NewTicketWrites): Promise<number[]> {
  let idOf: Map<string, number>;
  if (dialect === 'postgres') {
    const inserted = await insertNewTicketsPostgres(db, {
      tickets: w.tickets.map((t) => ({ ...t.values, terms: t.terms })),
      entries: w.entries.map((e) => ({ number: e.number, ...entryValues({ ...e, ticketId: 0 }) })),
      audits: w.audits.map((a) => ({ number: a.number, ...auditValues({ ...a, entityId: null }) })),
    });
    idOf = new Map(inserted.map((r) => [r.number, Number(r.id)]));
  } else {
    const inserted = await insertTicketsSqlite(
      db,
      w.tickets.map((t) => t.values),
    );
    // Matched by number: the order of RETURNING rows is not promised.
    idOf = new Map(inserted.map((r) => [r.number as string, Number(r.id)]));
    const id = (number: string) => idOf.get(number) as number;
    await insertEntries(
      db,
      w.entries.map(({ number, ...e }) => ({ ...e, ticketId: id(number) })),
    );
    await insertSearchRows(
      db,
      w.tickets.map((t) => ({ ticketId: id(t.values.number), terms: t.terms })),
    );
    await insertAuditEntries(
      db,
      w.audits.map(({ number, ...a }) => ({ ...a, entityId: String(id(number)) })),
    );
  }
  return w.tickets.map((t) => idOf.get(t.values.number) as number);
}

export type IntakeIds = {
  customerId: number;
  contactId: number | null;
  siteId: number | null;
  installedProductId: number | null;
  productId: number | null;
  today: string;
};

export type IntakeFactsRow = {
  i: number;
  customer_id: number | null;
  customer_name: string | null;
  customer_region_id: number | null;
  contact_customer_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  site_id: number | null;
  site_customer_id: number | null;
  site_region_id: number | null;
  site_calendar_id: number | null;
  site_name: string | null;
  site_address: string | null;
  installed_id: number | null;
  installed_customer_id: number | null;
  installed_product: number | null;
  accepted_on: string | null;
  warranty_end_override: string | null;
  serial_number: string | null;
  product_id: number | null;
  product_name: string | null;
  contract_id: number | null;
  contract_number: string | null;
  contract_sla_level_id: string | null;
  contract_ends_on: string | null;
  contract_coverage: 'business' | '24x7' | null;
};

const int = (v: unknown) => sql`cast(${v} as integer)`;

// One statement for a whole batch of creates: the requests' ids as a VALUES list, each joined to its rows.
const intakeFactsQuery = preparedRows('tickets.intakeFacts', (db, rows: IntakeIds[]) => {
  const values = sql.join(
    rows.map(
      (r, i) =>
        sql`(${sql.lit(i)}, ${int(r.customerId)}, ${int(r.contactId)}, ${int(r.siteId)}, ${int(r.installedProductId)}, ${int(r.productId)}, cast(${r.today} as text))`,
    ),
  );
  const query = sql<IntakeFactsRow>`
    with q (i, customer_id, contact_id, site_id, installed_id, product_id, today) as (values ${values})
    select q.i,
      c.id as customer_id, c.name as customer_name, c.region_id as customer_region_id,
      ct.customer_id as contact_customer_id, ct.name as contact_name, ct.phone as contact_phone,
      s.id as site_id, s.customer_id as site_customer_id, s.region_id as site_region_id, s.calendar_id as site_calendar_id,
      s.name as site_name, s.address as site_address,
      ip.id as installed_id, ip.customer_id as installed_customer_id, ip.product_id as installed_product,
      ip.accepted_on, ip.warranty_end_override, ip.serial_number,
      p.id as product_id, p.name as product_name,
      k.id as contract_id, k.number as contract_number, k.sla_level_id as contract_sla_level_id, k.ends_on as contract_ends_on,
      k.coverage as contract_coverage
    from q
    left join customers c on c.id = q.customer_id
    left join customer_contacts ct on ct.id = q.contact_id
    left join installed_products ip on ip.id = q.installed_id
    left join customer_sites s on s.id = coalesce(q.site_id, ip.site_id)
    left join products p on p.id = coalesce(q.product_id, ip.product_id)
    left join service_contracts k on k.id = (
      select k2.id from service_contracts k2
      where k2.customer_id = q.customer_id and k2.starts_on <= q.today and k2.ends_on >= q.today
      order by k2.ends_on desc limit 1)
    order by q.i`;
  return { compile: () => query.compile(db) };
});

/**
 * SR-1: what new requests name, in one query for all of them: each one's customer and — when given — its contact,
 * site (or the installed product's site), installed product, the product, and the contract active that day
 * (CU-4). Ownership is checked by the caller from the *_customer_id columns; a missing row leaves its columns null.
 */
export async function intakeFactsRows(db: Db, requests: IntakeIds[]): Promise<IntakeFactsRow[]> {
  return intakeFactsQuery(db, requests);
}

/** Adds the terms of these texts to the request's search index (SQLite FTS5 / PostgreSQL tsvector). */
export async function indexTicketText(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  ticketId: number,
  ...texts: Array<string | null | undefined>
) {
  const terms = indexTerms(...texts);
  if (terms.length === 0) return;
  if (dialect === 'postgres') {
    await sql`UPDATE tickets SET search_vector = coalesce(search_vector, ''::tsvector) || array_to_tsvector(${terms}::text[]) WHERE id = ${ticketId}`.execute(
      db,
    );
    return;
  }
  const old = await db.selectFrom('ticket_search').select('terms').where('rowid', '=', ticketId).executeTakeFirst();
  if (!old) {
    await db
      .insertInto('ticket_search')
      .values({ rowid: ticketId, terms: terms.join(' ') })
      .execute();
    return;
  }
  const merged = [...new Set([...old.terms.split(' '), ...terms])].join(' ');
  await db.updateTable('ticket_search').set({ terms: merged }).where('rowid', '=', ticketId).execute();
}

const insertSearchRowsQuery = preparedInsert('ticket_search', 'ticket_search', ['rowid', 'terms']);

/** SQLite: the search rows of new requests (their ids have none yet). */
export async function insertSearchRows(db: Db, rows: Array<{ ticketId: number; terms: string[] }>) {
  await insertSearchRowsQuery(
    db,
    rows.filter((r) => r.terms.length > 0).map((r) => ({ rowid: r.ticketId, terms: r.terms.join(' ') })),
  );
}

export const summaryColumns = [
  'tickets.id',
  'tickets.number',
  'tickets.title',
  'tickets.type',
  'tickets.channel',
  'tickets.state',
  'tickets.priority',
  'tickets.customer_id',
  'customers.name as customer_name',
  'tickets.site_id',
  'tickets.product_id',
  'tickets.region_id',
  'tickets.assignee_id',
  'assignee.name as assignee_name',
  'tickets.team_id',
  'tickets.tier',
  'tickets.next_due_at',
  'tickets.sla_breached',
  'tickets.sla_state',
  'tickets.created_at',
  'tickets.updated_at',
  'tickets.version',
] as const;

export type ListFilter = TTicketListQuery & { actorId: number };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the conditions apply to whichever query joins `tickets`.
type Eb = ExpressionBuilder<DB, any>;

/** The actor's scope and the list's filters, as one condition on `tickets`. */
function listConditions(eb: Eb, actor: Actor, f: ListFilter): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [ticketScope(eb, actor)];
  if (actor.scope === 'own') {
    // The same rows as the own scope, as a list of ids the database can drive the query from (an OR with an
    // EXISTS cannot use indexes, so the query walked the whole table newest first to find an engineer's rows).
    c.push(
      eb(
        'tickets.id',
        'in',
        eb
          .selectFrom('tickets as own')
          .select('own.id')
          .where('own.assignee_id', '=', actor.id)
          .union(eb.selectFrom('tickets as own').select('own.id').where('own.created_by', '=', actor.id))
          .union(
            eb
              .selectFrom('ticket_escalations as te')
              .select('te.ticket_id as id')
              .where((w) => w.or([w('te.to_user_id', '=', actor.id), w('te.from_user_id', '=', actor.id)])),
          ),
      ),
    );
  }
  if (f.state?.length) c.push(eb('tickets.state', 'in', f.state));
  if (f.priority?.length) c.push(eb('tickets.priority', 'in', f.priority));
  if (f.type?.length) c.push(eb('tickets.type', 'in', f.type));
  if (f.customerId) c.push(eb('tickets.customer_id', '=', f.customerId));
  if (f.productId) c.push(eb('tickets.product_id', '=', f.productId));
  if (f.regionId) c.push(eb('tickets.region_id', '=', f.regionId));
  if (f.assigneeId) c.push(eb('tickets.assignee_id', '=', f.assigneeId));
  if (f.teamId) c.push(eb('tickets.team_id', '=', f.teamId));
  if (f.mine) c.push(eb('tickets.assignee_id', '=', f.actorId));
  if (f.unassigned) c.push(eb('tickets.assignee_id', 'is', null), eb('tickets.state', '=', 'new'));
  if (f.sla === 'breached') c.push(eb('tickets.sla_state', '=', 'breached'));
  if (f.sla === 'near_breach') c.push(eb('tickets.sla_state', '=', 'near_breach'));
  if (f.sla === 'on_track') c.push(eb('tickets.sla_state', 'in', ['running', 'paused']));
  if (f.createdFrom) c.push(eb('tickets.created_at', '>=', f.createdFrom));
  if (f.createdTo) c.push(eb('tickets.created_at', '<', nextDay(f.createdTo)));
  return eb.and(c);
}

/** The summary rows of the scoped, filtered requests below `below`, newest first. */
function summaries(db: Db, actor: Actor, f: ListFilter, below: number | null, limit: number) {
  return db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select(summaryColumns)
    .where((eb) => listConditions(eb, actor, f))
    .$if(below != null, (q) => q.where('tickets.id', '<', below as number))
    .orderBy('tickets.id', 'desc')
    .limit(limit);
}

/**
 * Searches run in two bounded steps, because the cheapest way to the newest matches depends on two things the
 * databases cannot estimate well: how common the words are (and how they co-occur) and how many requests the
 * actor's scope and filters keep. Walking newest first and checking the words is cheap for common words; going
 * through the full-text index is cheap for rare ones. Step 1 takes one way for a bounded number of rows; only when
 * that neither fills the page nor exhausts its rows does step 2 take the other way for the rest.
 */
const PG_CANDIDATES = 10_000;
const SQLITE_WINDOW = 5_000;
/** Most indexed terms a prefix ("contr") is expanded to on SQLite; longer lists stay a prefix query. */
const PREFIX_EXPANSION = 64;

/**
 * SR-5 / design: filtered, scoped lists, newest first, keyset-paged by id; search over the SQLite FTS5 table
 * (rowid = ticket id) or the PostgreSQL tsvector (GIN), in two bounded steps (see PG_CANDIDATES).
 */
export async function listTickets(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  actor: Actor,
  f: ListFilter,
  limit: number,
): Promise<SummaryRow[]> {
  const after = decodeCursor(f.cursor, 1);
  const below = after ? Number(after[0]) : null;
  const terms = f.q ? queryTerms(f.q) : [];
  if (f.q && terms.length === 0) return [];
  if (terms.length === 0) return summaries(db, actor, f, below, limit + 1).execute();
  return dialect === 'postgres' ? searchPostgres(db, actor, f, terms, below, limit) : searchSqlite(db, actor, f, terms, below, limit);
}

/**
 * PostgreSQL. Step 1: the newest PG_CANDIDATES requests of the scope and filters (by whichever index serves them),
 * each checked against the tsvector, stopping at a full page. Step 2, when the words are rare among them: the GIN
 * index for the older rest. The planner would choose between these itself, but it estimates a multi-word tsquery
 * as if the words were independent (打印 & 印机 & 卡纸 as 0.1% when it is 8%) and a word outside its sample as
 * 0.2%, and then walks a million rows for a rare word or fetches 80,000 matches for a common one.
 */
async function searchPostgres(db: Db, actor: Actor, f: ListFilter, terms: TQueryTerm[], below: number | null, limit: number) {
  const query = tsQuery(terms);
  const candidates = db
    .selectFrom('tickets')
    .select(['tickets.id', 'tickets.search_vector'])
    .where((eb) => listConditions(eb, actor, f))
    .$if(below != null, (q) => q.where('tickets.id', '<', below as number))
    .orderBy('tickets.id', 'desc')
    .limit(PG_CANDIDATES);
  const matched = await db
    .selectFrom(candidates.as('c'))
    .select('c.id')
    .where(sql<boolean>`c.search_vector @@ ${query}::tsquery`)
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute();
  let rest: number[] = [];
  if (matched.length <= limit) {
    const seen = await db
      .selectFrom(candidates.clearSelect().select('tickets.id').as('c'))
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('c.id').as('low')])
      .executeTakeFirstOrThrow();
    if (Number(seen.n) === PG_CANDIDATES) {
      // `id + 0`: sorting the few matches beats walking the primary key, which the planner would pick on its
      // misestimate; the scope's and filters' indexes stay available to it.
      const older = await db
        .selectFrom('tickets')
        .select('tickets.id')
        .where((eb) => listConditions(eb, actor, f))
        .where('tickets.id', '<', Number(seen.low))
        .where(sql<boolean>`tickets.search_vector @@ ${query}::tsquery`)
        .orderBy(sql`tickets.id + 0`, 'desc')
        .limit(limit + 1 - matched.length)
        .execute();
      rest = older.map((r) => r.id);
    }
  }
  const ids = [...matched.map((r) => r.id), ...rest];
  if (ids.length === 0) return [];
  return db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select(summaryColumns)
    .where('tickets.id', 'in', ids)
    .orderBy('tickets.id', 'desc')
    .execute();
}

/**
 * SQLite. Step 1: the newest SQLITE_WINDOW matches in the FTS index's own rowid order (no sorting), each joined to
 * its request and checked against scope and filters. Step 2, when the scope and filters keep few of them: the
 * scope's own requests below those, newest first, each checked against its stored terms (a rowid lookup in the
 * FTS table's content and a string search, about ten times cheaper than an FTS5 MATCH per row). A prefix
 * ("contr") becomes the OR of the indexed terms it starts with (from an fts5vocab view), because FTS5 merges a
 * prefix's whole posting list before returning the first row.
 */
async function searchSqlite(db: Db, actor: Actor, f: ListFilter, terms: TQueryTerm[], below: number | null, limit: number) {
  const match = await fts5Expression(db, terms);
  if (match === null) return [];
  const window = await db
    .selectFrom(
      db
        .selectFrom('ticket_search')
        .select('ticket_search.rowid as id')
        .where(sql<boolean>`ticket_search MATCH ${match}`)
        .$if(below != null, (q) => q.where('ticket_search.rowid', '<', below as number))
        .orderBy('ticket_search.rowid', 'desc')
        .limit(SQLITE_WINDOW)
        .as('m'),
    )
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('m.id').as('low')])
    .executeTakeFirstOrThrow();
  const n = Number(window.n);
  if (n === 0) return [];
  const low = Number(window.low);
  // CROSS JOIN keeps the FTS table the outer loop (SQLite does not reorder it).
  const first = await db
    .selectFrom('ticket_search')
    .crossJoin('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select(summaryColumns)
    .whereRef('tickets.id', '=', 'ticket_search.rowid')
    .where(sql<boolean>`ticket_search MATCH ${match}`)
    .where('ticket_search.rowid', '>=', low)
    .$if(below != null, (q) => q.where('ticket_search.rowid', '<', below as number))
    .where((eb) => listConditions(eb, actor, f))
    .orderBy('ticket_search.rowid', 'desc')
    .limit(limit + 1)
    .execute();
  if (first.length > limit || n < SQLITE_WINDOW) return first;
  // The stored terms are space-separated and hold letters, marks and digits only (core's indexTerms), and the
  // query terms come from the same normalisation, so a term matches exactly when " term " occurs in " terms ",
  // a prefix when " prefix" does: the same rows as the MATCH.
  const contains = terms.map((t) =>
    t.prefix
      ? sql<boolean>`instr(' ' || ticket_search.terms, ${` ${t.term}`}) > 0`
      : sql<boolean>`instr(' ' || ticket_search.terms || ' ', ${` ${t.term} `}) > 0`,
  );
  const rest = await summaries(db, actor, f, low, limit + 1 - first.length)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM ticket_search WHERE ticket_search.rowid = tickets.id AND ${sql.join(contains, sql` AND `)})`)
    .execute();
  return [...first, ...rest];
}

/** The FTS5 expression of the terms, prefixes expanded to their indexed terms; null when a prefix has none. */
async function fts5Expression(db: Db, terms: TQueryTerm[]): Promise<string | null> {
  const parts: string[] = [];
  for (const t of terms) {
    if (!t.prefix) {
      parts.push(fts5Query([t]));
      continue;
    }
    // A per-connection view of the index's vocabulary (temp schema: not part of the database file).
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.ticket_search_terms USING fts5vocab(main, ticket_search, 'row')`.execute(db);
    const { rows } = await sql<{
      term: string;
    }>`SELECT term FROM temp.ticket_search_terms WHERE term >= ${t.term} AND term < ${`${t.term}\u{10FFFF}`} LIMIT ${PREFIX_EXPANSION + 1}`.execute(
      db,
    );
    if (rows.length === 0) return null;
    parts.push(
      rows.length > PREFIX_EXPANSION ? fts5Query([t]) : `(${rows.map((r) => fts5Query([{ term: r.term, prefix: false }])).join(' OR ')})`,
    );
  }
  return parts.join(' AND ');
}
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

// Dates filter on UTC instants of the day's start; the company-local day would shift by the zone offset — the
// list filter is coarse by design and documented as UTC dates.
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The full row with the names the detail view shows. */
export function detailQuery(db: Db) {
  return db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .leftJoin('customer_contacts as contact', 'contact.id', 'tickets.contact_id')
    .leftJoin('customer_sites as site', 'site.id', 'tickets.site_id')
    .leftJoin('installed_products as ip', 'ip.id', 'tickets.installed_product_id')
    .leftJoin('products as product', 'product.id', 'tickets.product_id')
    .selectAll('tickets')
    .select([
      'customers.name as customer_name',
      'assignee.name as assignee_name',
      'contact.name as contact_name',
      'contact.phone as contact_phone',
      'site.name as site_name',
      'site.address as site_address',
      'ip.serial_number as serial_number',
      'product.name as product_name',
    ]);
}
export type DetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof detailQuery>['executeTakeFirst']>>>;

export type EntryInsert = {
  ticketId: number;
  kind: string;
  visibility: 'public' | 'internal';
  authorId: number | null;
  body?: string | null;
  data?: unknown;
  at: string;
};

const entryValues = (e: EntryInsert) => ({
  ticket_id: e.ticketId,
  kind: e.kind,
  visibility: e.visibility,
  author_id: e.authorId,
  body: e.body ?? null,
  data: e.data === undefined ? null : JSON.stringify(e.data),
  created_at: e.at,
});

export async function insertEntry(db: Db, e: EntryInsert) {
  const row = await db.insertInto('ticket_entries').values(entryValues(e)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const insertEntriesQuery = preparedInsert('ticket_entries', 'ticket_entries', [
  'ticket_id',
  'kind',
  'visibility',
  'author_id',
  'body',
  'data',
  'created_at',
]);

/** Several timeline entries in one statement (batched creates). */
export async function insertEntries(db: Db, entries: EntryInsert[]) {
  await insertEntriesQuery(db, entries.map(entryValues));
}

// One request and what its detail shows ------------------------------------------------------------------------

/** The request if the actor may see it (scope filter); undefined otherwise. */
export function findVisibleTicket(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('tickets')
    .selectAll('tickets')
    .where('tickets.id', '=', id)
    .where((eb) => ticketScope(eb, actor))
    .executeTakeFirst();
}
export type TicketRow = NonNullable<Awaited<ReturnType<typeof findVisibleTicket>>>;

/** The stored row, after a change (no scope: the caller has checked it). */
export function findTicket(db: Db, id: number) {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The detail row within the actor's scope (one query). */
export function findDetail(db: Db, actor: Actor, id: number) {
  return detailQuery(db)
    .where('tickets.id', '=', id)
    .where((eb) => ticketScope(eb, actor))
    .executeTakeFirst();
}

/** FS-8 / SR-9: the customer's rating of a request, if given. */
export function findRating(db: Db, ticketId: number) {
  return db
    .selectFrom('ticket_ratings')
    .select(['attitude', 'skill', 'result', 'comment', 'via', 'signed_by', 'signature', 'created_at'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

/** SR-10: the time records of a request (their data holds the minutes). */
export function listTimeRecords(db: Db, ticketId: number) {
  return db.selectFrom('ticket_entries').select('data').where('ticket_id', '=', ticketId).where('kind', '=', 'time').execute();
}

/** Bumps the version if the caller read the current one; 409 otherwise (no lost updates). */
export async function bumpVersion(db: Db, id: number, version: number, set: Updateable<TicketsTable>, at: string) {
  const res = await db
    .updateTable('tickets')
    .set({ ...set, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict('The service request');
}

/**
 * A state change the system makes on the request's behalf (a field visit moving its request, issue 12 item 1): only
 * from the state it was read in, with the version bumped, so a concurrent change is never overwritten. False when
 * the request moved meanwhile.
 */
export async function moveFromState(db: Db, id: number, from: string, set: Updateable<TicketsTable>, at: string): Promise<boolean> {
  const res = await db
    .updateTable('tickets')
    .set({ ...set, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A change that does not take the client's version (a reply, a record, an arrival): the row is already locked by the caller's read. */
export async function touchTicket(db: Db, id: number, set: Updateable<TicketsTable>) {
  await db.updateTable('tickets').set(set).where('id', '=', id).execute();
}

export async function teamExists(db: Db, teamId: number) {
  return Boolean(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst());
}

/** SR-4: the engineer's name, team and department (the team's department when the user has none). */
export async function placeOf(db: Db, userId: number) {
  const u = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.name', 'users.team_id', 'users.department_id', 'teams.department_id as team_department_id'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return { team_id: u.team_id, department_id: u.department_id ?? u.team_department_id ?? null, name: u.name };
}

/** SR-8: the active portal accounts of a customer (its contacts who sign in). */
export async function activePortalUserIds(db: Db, customerId: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('customer_id', '=', customerId).where('status', '=', 'active').execute();
  return rows.map((u) => u.id);
}

/** FS-8: a rating signed on site with the service record stands; confirming afterwards does not add a second. */
export async function insertRating(db: Db, v: Insertable<DB['ticket_ratings']>) {
  await db
    .insertInto('ticket_ratings')
    .values(v)
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute();
}

/** The timeline's rows with their authors' names, oldest first; public ones only for a customer. */
export function listEntries(db: Db, ticketId: number, publicOnly: boolean) {
  let q = db
    .selectFrom('ticket_entries')
    .leftJoin('users', 'users.id', 'ticket_entries.author_id')
    .select([
      'ticket_entries.id',
      'ticket_entries.kind',
      'ticket_entries.visibility',
      'ticket_entries.author_id',
      'ticket_entries.body',
      'ticket_entries.data',
      'ticket_entries.created_at',
      'users.name as author_name',
    ])
    .where('ticket_entries.ticket_id', '=', ticketId)
    .orderBy('ticket_entries.id');
  if (publicOnly) q = q.where('ticket_entries.visibility', '=', 'public');
  return q.execute();
}

// The supervisor's dashboard (SR-5, SLA-4, FS-11) -----------------------------------------------------------------

/** Counts by state and priority, the breaching and unassigned queues, load per engineer and today's unsolved, in scope. */
export async function dashboardReads(db: Db, actor: Actor, { open, since, limit }: { open: string[]; since: string; limit: number }) {
  const scoped = () =>
    db
      .selectFrom('tickets')
      .innerJoin('customers', 'customers.id', 'tickets.customer_id')
      .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
      .where((eb) => ticketScope(eb, actor));
  const list = (q: ReturnType<typeof scoped>) => q.select(summaryColumns).limit(limit).execute();

  const [byState, byPriority, breached, nearBreach, unassigned, load, today] = await Promise.all([
    scoped()
      .select(['tickets.state', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('tickets.state')
      .execute(),
    scoped()
      .select(['tickets.priority', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('tickets.state', 'in', open)
      .groupBy('tickets.priority')
      .execute(),
    list(
      scoped()
        .where('tickets.state', 'in', open)
        .where('tickets.sla_state', '=', 'breached')
        .orderBy('tickets.next_due_at')
        .orderBy('tickets.id'),
    ),
    list(
      scoped()
        .where('tickets.state', 'in', open)
        .where('tickets.sla_state', '=', 'near_breach')
        .orderBy('tickets.next_due_at')
        .orderBy('tickets.id'),
    ),
    list(
      scoped()
        .where('tickets.state', '=', 'new')
        .where('tickets.assignee_id', 'is', null)
        .orderBy('tickets.priority')
        .orderBy('tickets.id'),
    ),
    scoped()
      .select([
        'tickets.assignee_id',
        'assignee.name',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.sum<string | number>(eb.case().when('tickets.sla_state', '=', 'breached').then(1).else(0).end()).as('b'),
      ])
      .where('tickets.state', 'in', open)
      .where('tickets.assignee_id', 'is not', null)
      .groupBy(['tickets.assignee_id', 'assignee.name'])
      .execute(),
    scoped()
      .select(summaryColumns)
      .where('tickets.state', 'in', open)
      .where((eb) => eb.or([eb('tickets.created_at', '>=', since), eb('tickets.updated_at', '>=', since)]))
      .orderBy('tickets.priority')
      .orderBy('tickets.id')
      .limit(50)
      .execute(),
  ]);
  return { byState, byPriority, breached, nearBreach, unassigned, load, today };
}

/** HO-1 (set-based): the open requests assigned to these people, for a handover and the disable guard. */
export function openTicketsAssignedTo(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'title', 'state', 'assignee_id', 'version'])
    .where('assignee_id', 'in', userIds)
    .where('state', 'in', [...OPEN_TICKET_STATES])
    .orderBy('id')
    .execute();
}
