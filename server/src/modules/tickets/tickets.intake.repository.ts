import { type Insertable, sql } from 'kysely';
import { preparedInsert, prepared, preparedParts, preparedRows } from '../../db/prepared';
import { type AuditInsert, auditValues, insertAuditEntries } from '../audit/audit.repository';
import type { DB } from '../../db/schema';
import type { Db } from '../../http/context';
import { type EntryInsert, entryValues, insertEntries } from './tickets.repository';

// SR-2 intake writes: numbers, the new rows of a (batched) create, the facts a create reads, their search rows.

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

const insertSearchRowsQuery = preparedInsert('ticket_search', 'ticket_search', ['rowid', 'terms']);

/** SQLite: the search rows of new requests (their ids have none yet). */
export async function insertSearchRows(db: Db, rows: Array<{ ticketId: number; terms: string[] }>) {
  await insertSearchRowsQuery(
    db,
    rows.filter((r) => r.terms.length > 0).map((r) => ({ rowid: r.ticketId, terms: r.terms.join(' ') })),
  );
}
