import { prefixUpperBound } from '@techserve/core';
import { type Expression, type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../../db/handle';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';
import { customerScope } from '../customers/customers.repository';
import { letterScope } from '../field/field.access.repository';
import { ticketScope } from '../tickets/tickets.repository';
import { USER_SCOPE } from '../users/users.repository';

// Issue 12 item 8 (SEC-1, ORG-2): the global search's reads. Each query carries its table's own data-scope filter
// (the same functions the modules' lists use), so a search never returns a row the user could not open; matches are
// equality or a prefix range on an index (migration 20261207_0240).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the prefix applies to whichever table is queried.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/** `expr` starts with `prefix`, as an index range; on PostgreSQL in the "C" collation its indexes are built in. */
function startsWith(dialect: Dialect, expr: Expression<unknown>, prefix: string): Cond {
  const e = dialect === 'postgres' ? sql`(${expr}) COLLATE "C"` : sql`${expr}`;
  return sql<boolean>`(${e} >= ${prefix} AND ${e} < ${prefixUpperBound(prefix)})` as unknown as Cond;
}
const lower = (column: string) => sql`lower(${sql.ref(column)})`;

export type TicketHitRow = { id: number; number: string; title: string; customer_name: string };

const ticketHits = (db: Db, actor: Actor) =>
  db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .select(['tickets.id', 'tickets.number', 'tickets.title', 'customers.name as customer_name'])
    .where((eb) => ticketScope(eb, actor));

/** SR-2 numbers that start with the text (upper-cased), newest number first. */
export function ticketsByNumber(db: Db, dialect: Dialect, actor: Actor, upper: string, limit: number): Promise<TicketHitRow[]> {
  return ticketHits(db, actor)
    .where((eb: Eb) => startsWith(dialect, eb.ref('tickets.number'), upper))
    .orderBy('tickets.number', 'desc')
    .limit(limit)
    .execute();
}

/** Requests whose contact's name or phone starts with the text (the contacts found first, each by its index). */
export async function ticketsByContact(
  db: Db,
  dialect: Dialect,
  actor: Actor,
  p: { text: string; phone: string | null },
  limit: number,
): Promise<TicketHitRow[]> {
  const contacts = await db
    .selectFrom('customer_contacts')
    .select('customer_contacts.id')
    .where((eb: Eb) =>
      eb.or([
        startsWith(dialect, lower('customer_contacts.name'), p.text),
        ...(p.phone ? [startsWith(dialect, eb.ref('customer_contacts.phone'), p.phone)] : []),
      ]),
    )
    .limit(50)
    .execute();
  if (contacts.length === 0) return [];
  return ticketHits(db, actor)
    .where(
      'tickets.contact_id',
      'in',
      contacts.map((c) => c.id),
    )
    .orderBy('tickets.id', 'desc')
    .limit(limit)
    .execute();
}

/** Customers whose name starts with the text, in the actor's customer scope. */
export function customersByName(db: Db, dialect: Dialect, actor: Actor, text: string, limit: number) {
  return db
    .selectFrom('customers')
    .select(['customers.id', 'customers.name', 'customers.code'])
    .where((eb) => customerScope(eb, actor))
    .where(() => startsWith(dialect, lower('customers.name'), text))
    .orderBy('customers.name')
    .limit(limit)
    .execute();
}

/** FS-2 letters by number (their id) or of the requests found, in the actor's letter scope. */
export function lettersByIdOrTicket(db: Db, actor: Actor, p: { letterId: number | null; ticketIds: number[] }, limit: number) {
  if (p.letterId == null && p.ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('responsibility_letters')
    .innerJoin('customers', 'customers.id', 'responsibility_letters.customer_id')
    .select(['responsibility_letters.id', 'responsibility_letters.title', 'customers.name as customer_name'])
    .where((eb) => letterScope(eb, actor))
    .where((eb) =>
      eb.or([
        ...(p.letterId != null ? [eb('responsibility_letters.id', '=', p.letterId)] : []),
        ...(p.ticketIds.length > 0 ? [eb('responsibility_letters.ticket_id', 'in', p.ticketIds)] : []),
      ]),
    )
    .orderBy('responsibility_letters.id', 'desc')
    .limit(limit)
    .execute();
}

/** Users whose user name, name or phone starts with the text, in the actor's user scope. */
export function usersByName(db: Db, dialect: Dialect, actor: Actor, p: { text: string; phone: string | null }, limit: number) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name', 'users.username'])
    .where((eb) => scopeFilter(eb, actor, USER_SCOPE))
    .where((eb: Eb) =>
      eb.or([
        startsWith(dialect, lower('users.username'), p.text),
        startsWith(dialect, lower('users.name'), p.text),
        ...(p.phone ? [startsWith(dialect, eb.ref('users.phone'), p.phone)] : []),
      ]),
    )
    .orderBy('users.name')
    .limit(limit)
    .execute();
}
