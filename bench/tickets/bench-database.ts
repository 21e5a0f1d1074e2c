// Bench databases: a fresh migrated database to generate into, and bulk writers for the big tables.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { type Database, openDatabase } from '../../server/src/db/database';
import { migrateToLatest } from '../../server/src/db/migrate';

// The tickets columns the generator fills, in order; `int` ones are integers (PostgreSQL arrays need the type).
export const TICKET_COLUMNS = [
  ['id', 'int'],
  ['number', 'text'],
  ['type', 'text'],
  ['channel', 'text'],
  ['title', 'text'],
  ['description', 'text'],
  ['customer_id', 'int'],
  ['contact_id', 'int'],
  ['site_id', 'int'],
  ['product_id', 'int'],
  ['region_id', 'int'],
  ['contract_id', 'int'],
  ['urgency', 'text'],
  ['impact', 'text'],
  ['priority', 'text'],
  ['priority_explanation', 'text'],
  ['eligibility', 'text'],
  ['eligibility_explanation', 'text'],
  ['sla_level_id', 'text'],
  ['calendar_id', 'int'],
  ['policy_version', 'int'],
  ['needs_visit', 'int'],
  ['state', 'text'],
  ['assignee_id', 'int'],
  ['team_id', 'int'],
  ['department_id', 'int'],
  ['tier', 'int'],
  ['created_by', 'int'],
  ['cause', 'text'],
  ['solution', 'text'],
  ['cancel_reason', 'text'],
  ['reopen_count', 'int'],
  ['sla_events', 'text'],
  ['next_due_at', 'text'],
  ['sla_breached', 'int'],
  ['sla_state', 'text'],
  ['assigned_at', 'text'],
  ['resolved_at', 'text'],
  ['closed_at', 'text'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
] as const;
export type TicketRow = unknown[]; // values in TICKET_COLUMNS order

/** Bulk writes that bypass Kysely for the big tables: prepared statements on SQLite, unnest() batches on PostgreSQL. */
export interface BulkWriter {
  /** Tickets plus their search terms (space-joined, as the app stores them). */
  tickets(rows: TicketRow[], terms: string[]): Promise<void>;
  /** Drops the secondary indexes of `table` and returns a function that recreates them from their own DDL. */
  deferIndexes(table: string): Promise<() => Promise<void>>;
  finish(): Promise<void>;
}

export function sqliteWriter(file: string): BulkWriter {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1000000');
  const cols = TICKET_COLUMNS.map(([c]) => c);
  const insertTicket = raw.prepare(`INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  // As indexTicketText: INSERT INTO ticket_search (rowid, terms) VALUES (?, ?).
  const insertTerms = raw.prepare('INSERT INTO ticket_search (rowid, terms) VALUES (?, ?)');
  const load = raw.transaction((rows: TicketRow[], terms: string[]) => {
    rows.forEach((row, i) => {
      insertTicket.run(row);
      if (terms[i]) insertTerms.run(row[0], terms[i]);
    });
  });
  return {
    async tickets(rows, terms) {
      load(rows, terms);
    },
    async deferIndexes(table) {
      const defs = raw
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(table) as { name: string; sql: string }[];
      for (const d of defs) raw.exec(`DROP INDEX ${d.name}`);
      return async () => {
        for (const d of defs) raw.exec(d.sql);
      };
    },
    async finish() {
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
    },
  };
}

export function postgresWriter(url: string): BulkWriter {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  const cols = TICKET_COLUMNS.map(([c]) => c);
  // As indexTicketText: search_vector = array_to_tsvector(terms) for a row that had none.
  const insertSql =
    `INSERT INTO tickets (${cols.join(', ')}, search_vector) SELECT ${cols.join(', ')}, ` +
    `CASE WHEN terms = '' THEN NULL ELSE array_to_tsvector(string_to_array(terms, ' ')) END ` +
    `FROM unnest(${TICKET_COLUMNS.map(([, t], i) => `$${i + 1}::${t === 'int' ? 'int4' : 'text'}[]`).join(', ')}, $${cols.length + 1}::text[]) AS u(${cols.join(', ')}, terms)`;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    async tickets(rows, terms) {
      await connected;
      const arrays = cols.map((_, c) => rows.map((r) => r[c]));
      // One statement in flight while the caller builds the next batch (the server works on the other core).
      await pending;
      pending = client.query(insertSql, [...arrays, terms]);
    },
    async deferIndexes(table) {
      await connected;
      const { rows } = await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1
           AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass)`,
        [table],
      );
      for (const r of rows) await client.query(`DROP INDEX ${r.indexname}`);
      return async () => {
        await pending;
        await client.query("SET maintenance_work_mem = '512MB'");
        for (const r of rows) await client.query(r.indexdef);
      };
    },
    async finish() {
      await pending;
      await client.end();
    },
  };
}

/** A fresh bench database: a new SQLite file, or a new PostgreSQL database beside BENCH_DATABASE_URL/TEST_DATABASE_URL. */
export async function createBenchDatabase(
  kind: 'sqlite' | 'postgres',
  name: string,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = join(tmpdir(), 'techserve-bench');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.db`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
    const database = openDatabase(`sqlite:${file}`);
    await migrateToLatest(database);
    return {
      database,
      drop: async () => {
        await database.close();
        for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
      },
    };
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base)
    throw new Error('--db postgres needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a server where the bench may create databases');
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  await migrateToLatest(database);
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
