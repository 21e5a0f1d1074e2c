import { MAX_DB_ID, TICKET_STATES, type TSortOrder, type TTicketSort, queryTerms, tsQuery } from '@techserve/core';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, Db } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor } from '../../http/pagination';
import { type ListFilter, fts5Expression, listConditions, summaryColumns } from './tickets.list.repository';

// Issue 12 item 9: the request list ordered by a column, keyset-paged on (the column's key, id).

/** A cursor of a sorted page: the sort it belongs to, the last row's key and its id. */
export type SortCursor = [token: string, key: string | number, id: number];

const NO_DUE = '9999-12-31T23:59:59.999Z';

/**
 * Each sort's key as an SQL expression over the list's joins. Nulls become values (no due time after every due
 * time, no assignee as '') because SQLite and PostgreSQL order nulls on opposite ends; `state` follows the workflow.
 * Keys that are plain columns (number, createdAt, priority) walk their indexes.
 */
function sortKey(sort: TTicketSort): RawBuilder<string | number> {
  switch (sort) {
    case 'number':
      return sql`tickets.number`;
    case 'createdAt':
      return sql`tickets.created_at`;
    case 'updatedAt':
      return sql`tickets.updated_at`;
    case 'priority':
      return sql`tickets.priority`;
    case 'state':
      return sql`(CASE tickets.state ${sql.join(
        TICKET_STATES.map((s, i) => sql`WHEN ${sql.lit(s)} THEN ${sql.lit(i)}`),
        sql` `,
      )} END)`;
    case 'dueAt':
      return sql`COALESCE(tickets.next_due_at, ${sql.lit(NO_DUE)})`;
    case 'customer':
      return sql`customers.name`;
    case 'assignee':
      return sql`COALESCE(assignee.name, '')`;
  }
}

export const sortToken = (sort: TTicketSort, order: TSortOrder) => `${sort}.${order}`;

/** The cursor's key for this sort, or a 400 when it is forged or from another sort (never a database error). */
function afterOf(cursor: string | undefined, sort: TTicketSort, order: TSortOrder): { key: string | number; id: number } | null {
  const raw = decodeCursor(cursor, 3);
  if (!raw) return null;
  const [token, key, id] = raw;
  const keyType = sort === 'state' ? 'number' : 'string';
  if (
    token !== sortToken(sort, order) ||
    typeof key !== keyType ||
    typeof id !== 'number' ||
    !Number.isInteger(id) ||
    id < 1 ||
    id > MAX_DB_ID
  )
    throw new AppError('validation_failed', 'cursor is not valid for this sort; use nextCursor from the previous page', {
      details: [{ path: 'querystring.cursor', message: 'invalid cursor' }],
    });
  return { key, id };
}

/**
 * The scoped, filtered requests in the sort's order, ties by id in the same direction; with `q`, only the matches
 * (the FTS5 table on SQLite, the tsvector on PostgreSQL). Rows carry `sort_key` for the next page's cursor.
 */
export async function sortedTickets(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  actor: Actor,
  f: ListFilter,
  sort: TTicketSort,
  order: TSortOrder,
  limit: number,
) {
  const key = sortKey(sort);
  const after = afterOf(f.cursor, sort, order);
  const terms = f.q ? queryTerms(f.q) : [];
  if (f.q && terms.length === 0) return [];
  let match: Expression<SqlBool> | null = null;
  if (terms.length > 0) {
    if (dialect === 'postgres') match = sql<SqlBool>`tickets.search_vector @@ ${tsQuery(terms)}::tsquery`;
    else {
      const expression = await fts5Expression(db, terms);
      if (expression === null) return [];
      match = sql<SqlBool>`tickets.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ${expression})`;
    }
  }
  const cmp = sql.raw(order === 'asc' ? '>' : '<');
  return (
    db
      .selectFrom('tickets')
      .innerJoin('customers', 'customers.id', 'tickets.customer_id')
      .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
      .select(summaryColumns)
      .select(key.as('sort_key'))
      .where((eb) => listConditions(eb, actor, f))
      .$if(match != null, (q) => q.where(match as Expression<SqlBool>))
      // `key <= k AND (key < k OR id < i)`: the first part bounds an index on the key, the second breaks ties by id.
      .$if(after != null, (q) =>
        q.where(sql<SqlBool>`${key} ${cmp}= ${after?.key} AND (${key} ${cmp} ${after?.key} OR tickets.id ${cmp} ${after?.id})`),
      )
      .orderBy(key, order)
      .orderBy('tickets.id', order)
      .limit(limit + 1)
      .execute()
  );
}
