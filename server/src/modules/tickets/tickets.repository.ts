import { type TTicketListQuery, fts5Query, indexTerms, queryTerms, tsQuery } from '@techserve/core';
import { sql } from 'kysely';
import type { Actor, Db } from '../../http/context';
import { decodeCursor } from '../../http/pagination';
import { ticketScope } from './tickets.access';

/** SR-2: the next number of a company-local day, atomically (concurrent creates never share one). */
export async function nextSequence(db: Db, day: string): Promise<number> {
  const row = await db
    .insertInto('ticket_counters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('ticket_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/** Adds the terms of these texts to the request's search index (SQLite FTS5 / PostgreSQL tsvector). */
export async function indexTicketText(db: Db, dialect: 'sqlite' | 'postgres', ticketId: number, ...texts: Array<string | null | undefined>) {
  const terms = indexTerms(...texts);
  if (terms.length === 0) return;
  if (dialect === 'postgres') {
    await sql`UPDATE tickets SET search_vector = coalesce(search_vector, ''::tsvector) || array_to_tsvector(${terms}::text[]) WHERE id = ${ticketId}`.execute(db);
    return;
  }
  const old = await db.selectFrom('ticket_search').select('terms').where('rowid', '=', ticketId).executeTakeFirst();
  if (!old) {
    await db.insertInto('ticket_search').values({ rowid: ticketId, terms: terms.join(' ') }).execute();
    return;
  }
  const merged = [...new Set([...old.terms.split(' '), ...terms])].join(' ');
  await db.updateTable('ticket_search').set({ terms: merged }).where('rowid', '=', ticketId).execute();
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

/**
 * SR-5 / design: filtered, scoped lists, newest first, keyset-paged by id. With a search text on SQLite the
 * query is driven from the FTS index in rowid order, so the first page costs the same for rare and common words.
 */
export async function listTickets(db: Db, dialect: 'sqlite' | 'postgres', actor: Actor, f: ListFilter, limit: number) {
  const after = decodeCursor(f.cursor, 1);
  const terms = f.q ? queryTerms(f.q) : [];
  const q =
    terms.length && dialect === 'sqlite'
      ? db.selectFrom('ticket_search').innerJoin('tickets', 'tickets.id', 'ticket_search.rowid').where(sql<boolean>`ticket_search MATCH ${fts5Query(terms)}`)
      : db.selectFrom('tickets');
  let query = q
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select(summaryColumns)
    .where((eb) => ticketScope(eb, actor));
  if (terms.length && dialect === 'postgres') query = query.where(sql<boolean>`tickets.search_vector @@ ${tsQuery(terms)}::tsquery`);
  if (f.q && terms.length === 0) query = query.where(sql<boolean>`1 = 0`);
  if (f.state?.length) query = query.where('tickets.state', 'in', f.state);
  if (f.priority?.length) query = query.where('tickets.priority', 'in', f.priority);
  if (f.type?.length) query = query.where('tickets.type', 'in', f.type);
  if (f.customerId) query = query.where('tickets.customer_id', '=', f.customerId);
  if (f.productId) query = query.where('tickets.product_id', '=', f.productId);
  if (f.regionId) query = query.where('tickets.region_id', '=', f.regionId);
  if (f.assigneeId) query = query.where('tickets.assignee_id', '=', f.assigneeId);
  if (f.teamId) query = query.where('tickets.team_id', '=', f.teamId);
  if (f.mine) query = query.where('tickets.assignee_id', '=', f.actorId);
  if (f.unassigned) query = query.where('tickets.assignee_id', 'is', null).where('tickets.state', '=', 'new');
  if (f.sla === 'breached') query = query.where('tickets.sla_state', '=', 'breached');
  if (f.sla === 'near_breach') query = query.where('tickets.sla_state', '=', 'near_breach');
  if (f.sla === 'on_track') query = query.where('tickets.sla_state', 'in', ['running', 'paused']);
  if (f.createdFrom) query = query.where('tickets.created_at', '>=', f.createdFrom);
  if (f.createdTo) query = query.where('tickets.created_at', '<', nextDay(f.createdTo));
  if (after) query = query.where('tickets.id', '<', Number(after[0]));
  return query.orderBy('tickets.id', 'desc').limit(limit + 1).execute();
}
export type SummaryRow = Awaited<ReturnType<typeof listTickets>>[number];

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

export async function insertEntry(
  db: Db,
  e: { ticketId: number; kind: string; visibility: 'public' | 'internal'; authorId: number | null; body?: string | null; data?: unknown; at: string },
) {
  const row = await db
    .insertInto('ticket_entries')
    .values({
      ticket_id: e.ticketId,
      kind: e.kind,
      visibility: e.visibility,
      author_id: e.authorId,
      body: e.body ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
      created_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
