import type { Compilable, CompiledQuery, Expression, Insertable, Kysely } from 'kysely';
import type { Db } from '../http/context';
import type { DB } from './schema';
import { watchOf } from './write-watch';

// Kysely builds and compiles a query on every call; on a hot path that costs more than running it (the six-table
// intake query: about 0.25 ms to build, 0.02 ms to run on SQLite). These helpers build a query once per database
// with placeholders where the values go, and afterwards only put the values into the compiled parameters — the
// SQL text stays the same, so SQLite's statement cache (database.ts) and PostgreSQL's plans see one statement.

const named = new Map<string, string>();

/** The statement name PostgreSQL connections prepare this SQL text under, when it is one of ours (database.ts). */
export function namedStatementOf(sqlText: string): string | undefined {
  return named.get(sqlText);
}

/** Compiles once and registers the SQL text for named preparation. */
function compileOnce(query: Compilable<unknown>): CompiledQuery {
  const compiled = query.compile();
  if (!named.has(compiled.sql)) named.set(compiled.sql, `ts_${named.size + 1}`);
  return compiled;
}

/** Where a value goes in a compiled query (never sent to a database). */
class Slot {
  constructor(
    readonly key: string,
    readonly row = 0,
  ) {}
}

const fill = (compiled: CompiledQuery, value: (slot: Slot) => unknown): CompiledQuery => ({
  ...compiled,
  parameters: compiled.parameters.map((p) => (p instanceof Slot ? (value(p) ?? null) : p)),
});

/**
 * A query with named parameters, compiled once per database. Each parameter must stand for one value of the
 * statement (a column value, or a whole PostgreSQL array): never a list Kysely expands (`in`), nor a value the
 * builder inspects.
 */
export function prepared<P extends Record<string, unknown>, R>(name: string, build: (db: Kysely<DB>, p: P) => Compilable<R>) {
  return async (db: Db, params: P): Promise<R[]> => {
    const compiled = watchOf(db).shared(`prepared:${name}`, () => compileOnce(build(db, new Proxy({}, { get: (_t, key) => new Slot(String(key)) }) as P)));
    const result = await db.executeQuery<R>(fill(compiled, (s) => params[s.key]) as CompiledQuery<R>);
    return result.rows;
  };
}

/**
 * A multi-row INSERT of these columns, compiled once per database and row count. `wrap` puts a column's value
 * into an expression (e.g. PostgreSQL's array_to_tsvector); `returning` names the columns to read back.
 */
export function preparedInsert<T extends keyof DB & string, C extends keyof Insertable<DB[T]> & string, Ret extends string = never>(
  name: string,
  table: T,
  columns: readonly C[],
  opts: { returning?: readonly Ret[]; wrap?: Partial<Record<C, (value: unknown) => Expression<unknown>>> } = {},
) {
  return async (db: Db, rows: ReadonlyArray<Record<C, unknown>>): Promise<Array<Record<Ret, unknown>>> => {
    if (rows.length === 0) return [];
    const compiled = watchOf(db).shared(`insert:${name}:${rows.length}`, () => {
      const values = rows.map((_, row) => Object.fromEntries(columns.map((c) => [c, opts.wrap?.[c] ? opts.wrap[c](new Slot(c, row)) : new Slot(c, row)])));
      // Kysely cannot type a table chosen by a parameter; the columns are checked against DB[T] above.
      const insert = (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(values);
      return compileOnce(opts.returning?.length ? insert.returning(opts.returning as readonly string[] as never) : insert);
    });
    const result = await db.executeQuery<Record<Ret, unknown>>(fill(compiled, (s) => rows[s.row][s.key as C]) as CompiledQuery<Record<Ret, unknown>>);
    return result.rows;
  };
}
