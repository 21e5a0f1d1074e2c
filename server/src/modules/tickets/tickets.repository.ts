import { updateVersioned } from '../../db/versioned';
import { OPEN_TICKET_STATES, indexTerms } from '@techserve/core';
import { type ExpressionBuilder, type ExpressionWrapper, type Insertable, type SqlBool, type Updateable, sql } from 'kysely';
import { preparedInsert } from '../../db/prepared';
import type { DB, TicketsTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';

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

export const entryValues = (e: EntryInsert) => ({
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
export const bumpVersion = (db: Db, id: number, version: number, set: Updateable<TicketsTable>, at: string) =>
  updateVersioned(db, 'tickets', id, version, set, at, 'The service request');

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

/** SR-8: the request's contact (name and e-mail), for a customer without a portal account. */
export function contactOf(db: Db, contactId: number) {
  return db.selectFrom('customer_contacts').select(['name', 'email']).where('id', '=', contactId).executeTakeFirst();
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
