import { type TQueryTerm, type TTicketListQuery, fts5Query, queryTerms, tsQuery } from '@techserve/core';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { decodeCursor } from '../../http/pagination';
import { ticketScope } from './tickets.repository';

// The request list and its full-text search (SR-10), within the actor's scope.

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
export function listConditions(eb: Eb, actor: Actor, f: ListFilter): Expression<SqlBool> {
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
export async function fts5Expression(db: Db, terms: TQueryTerm[]): Promise<string | null> {
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
