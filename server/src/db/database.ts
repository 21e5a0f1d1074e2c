import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  type PostgresPool,
  type PostgresPoolClient,
  SqliteDialect,
  type SqliteDatabase,
} from 'kysely';
import pg from 'pg';
import type { Dialect } from './handle';
import type { DB } from './schema';
import { namedStatementOf } from './prepared';
import { WriteWatch } from './write-watch';

export type { Dialect } from './handle';
export type Database = { db: Kysely<DB>; dialect: Dialect; url: string; close: () => Promise<void> };

// pg returns int8/numeric as strings; counts are small enough for numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** The engine behind a Kysely instance or transaction (for the few statements whose SQL differs). */
export function dialectOf(db: { getExecutor(): { adapter: unknown } }): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/**
 * SQLite's page cache, in MB. Its own default (2 MB) makes a request list read most pages from the operating
 * system once the file outgrows it: at a million requests (2.2 GB) the slowest first page took 56 ms with 2 MB and
 * 24 ms with 256 MB (bench/README.md). The cache grows only as pages are read, so a small database stays small.
 */
export const DEFAULT_SQLITE_CACHE_MB = 256;

/** `sqlite:<path>` (or `sqlite::memory:`) or `postgres://...`. */
export function openDatabase(url: string, opts: { sqliteCacheMb?: number } = {}): Database {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle pooled connection can be closed by the server (restart, admin termination); without a listener
    // pg would throw it as an uncaught exception. The pool replaces the connection on next use.
    pool.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.warn(`PostgreSQL idle connection error: ${err.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }), plugins: [new WriteWatch()] });
    return { db, dialect: 'postgres', url, close: () => db.destroy() };
  }
  if (!url.startsWith('sqlite:')) throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got ${redactUrl(url)})`);
  const file = url.slice('sqlite:'.length) || ':memory:';
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`cache_size = -${Math.round((opts.sqliteCacheMb ?? DEFAULT_SQLITE_CACHE_MB) * 1024)}`);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new WriteWatch()] });
  return { db, dialect: 'sqlite', url, close: () => db.destroy() };
}

/** How many distinct SQL texts keep their prepared statement (IN lists of varying length make new texts). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement anew; preparing cost about a fifth of a service-request create
 * (bench/README.md). better-sqlite3 runs a statement synchronously to completion, so a cached statement can be
 * reused by the next query — except a streamed one (`iterate`), which stays open: streams get a fresh statement.
 * SQLite re-prepares a cached statement by itself after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  const cached = (sql: string): SQLite.Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      // Least recently used goes first: re-insert on every hit.
      cache.delete(sql);
    } else {
      stmt = sqlite.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      const stmt = cached(sql);
      return {
        reader: stmt.reader,
        all: (parameters) => stmt.all(parameters),
        run: (parameters) => stmt.run(parameters),
        iterate: (parameters) => sqlite.prepare(sql).iterate(parameters),
      };
    },
  };
}

/**
 * PostgreSQL parses and plans every unnamed statement anew. The hot-path statements of db/prepared.ts are sent
 * as named statements instead: each pooled connection prepares one once and then only binds and executes it.
 */
function withNamedStatements(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = {
          query: ((text: unknown, values?: ReadonlyArray<unknown>) => {
            const name = typeof text === 'string' ? namedStatementOf(text) : undefined;
            if (name) return client.query({ name, text: text as string, values: values as unknown[] });
            return client.query(text as never, values as unknown[]);
          }) as unknown as PostgresPoolClient['query'],
          release: () => client.release(),
        };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

/** Never print a password that sits in a connection string. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}
