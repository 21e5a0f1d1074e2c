import type { Compilable, CompiledQuery, Expression, Insertable, Kysely } from 'kysely';
import type { Db } from './handle';
import type { DB } from './schema';
import { watchOf } from './write-watch';

// Kysely builds and compiles a query on every call; on a hot path that costs more than running it (the six-table
// intake query: about 0.25 ms to build, 0.02 ms to run on SQLite). These helpers build a query once per database
// (and per number of rows) with placeholders where the values go, and afterwards only put the values into the
// compiled parameters — the SQL text stays the same, so SQLite's statement cache (database.ts) and PostgreSQL's
// named statements see one statement.

const named = new Map<string, string>();

/** The statement name PostgreSQL connections prepare this SQL text under, when it is one of ours (database.ts). */
export function namedStatementOf(sqlText: string): string | undefined {
  return named.get(sqlText);
}

/** Where a value goes in a compiled query (never sent to a database). */
class Slot {
  constructor(
    readonly part: string,
    readonly row: number,
    readonly key: string,
  ) {}
}

/** An object whose every property is the slot of that name in row `row` of `part`. */
const slotsOf = <P>(part: string, row: number): P => new Proxy({}, { get: (_t, key) => new Slot(part, row, String(key)) }) as P;

type Parts = Record<string, ReadonlyArray<Record<string, unknown>>>;

/**
 * A query over several lists of rows of named parameters, compiled once per database and per number of rows in
 * each list. Each parameter must stand for one value of the statement (a column value, or a whole PostgreSQL
 * array): never a list Kysely expands (`in`), nor a value the builder inspects.
 */
export function preparedParts<P extends Parts, R>(name: string, build: (db: Kysely<DB>, parts: P) => Compilable<R>) {
  return async (db: Db, parts: P): Promise<R[]> => {
    const names = Object.keys(parts);
    const shape = names.map((n) => parts[n].length).join(':');
    const compiled = watchOf(db).shared(`prepared:${name}:${shape}`, () => {
      const slots = Object.fromEntries(names.map((n) => [n, parts[n].map((_, row) => slotsOf(n, row))])) as unknown as P;
      const c = build(db, slots).compile();
      if (!named.has(c.sql)) named.set(c.sql, `ts_${named.size + 1}`);
      return c;
    });
    const filled: CompiledQuery<R> = {
      query: compiled.query,
      queryId: compiled.queryId,
      sql: compiled.sql,
      parameters: compiled.parameters.map((p) => (p instanceof Slot ? (parts[p.part][p.row][p.key] ?? null) : p)),
    };
    return (await db.executeQuery<R>(filled)).rows;
  };
}

/** A query over `rows.length` rows of named parameters (see preparedParts). */
export function preparedRows<P extends Record<string, unknown>, R>(name: string, build: (db: Kysely<DB>, rows: P[]) => Compilable<R>) {
  const run = preparedParts<{ rows: P[] }, R>(name, (db, { rows }) => build(db, rows));
  return async (db: Db, rows: readonly P[]): Promise<R[]> => (rows.length === 0 ? [] : run(db, { rows: rows as P[] }));
}

/** A query with one set of named parameters (see preparedRows). */
export function prepared<P extends Record<string, unknown>, R>(name: string, build: (db: Kysely<DB>, p: P) => Compilable<R>) {
  const run = preparedRows<P, R>(name, (db, [p]) => build(db, p));
  return (db: Db, params: P): Promise<R[]> => run(db, [params]);
}

/**
 * A multi-row INSERT of these columns. `wrap` puts a column's value into an expression (e.g. PostgreSQL's
 * array_to_tsvector); `returning` names the columns to read back.
 */
export function preparedInsert<T extends keyof DB & string, C extends keyof Insertable<DB[T]> & string, Ret extends string = never>(
  name: string,
  table: T,
  columns: readonly C[],
  opts: { returning?: readonly Ret[]; wrap?: Partial<Record<C, (value: unknown) => Expression<unknown>>> } = {},
) {
  return preparedRows<Record<C, unknown>, Record<Ret, unknown>>(`insert:${name}`, (db, rows) => {
    const values = rows.map((row) => Object.fromEntries(columns.map((c) => [c, opts.wrap?.[c] ? opts.wrap[c](row[c]) : row[c]])));
    // Kysely cannot type a table chosen by a parameter; the columns are checked against DB[T] above.
    const insert = (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(values);
    return (opts.returning?.length ? insert.returning(opts.returning as readonly string[] as never) : insert) as unknown as Compilable<
      Record<Ret, unknown>
    >;
  });
}
