import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { openDatabase } from './database';

// SQLite's prepared-statement cache (bench/README.md, create throughput): reuse must never change a result.
describe('SQLite prepared-statement cache', () => {
  it('reuses a statement with new parameters, follows schema changes, and lets a stream of the same SQL still works', async () => {
    const { db, close } = openDatabase('sqlite::memory:');
    try {
      await sql`create table t (id integer primary key, v text)`.execute(db);
      for (const v of ['a', 'b', 'c']) await sql`insert into t (v) values (${v})`.execute(db);
      const byId = (id: number) => sql<{ v: string }>`select v from t where id = ${id}`.execute(db).then((r) => r.rows[0]?.v);
      expect([await byId(1), await byId(2), await byId(3), await byId(4)]).toEqual(['a', 'b', 'c', undefined]);

      // A column added after the statement was cached shows up in `select *` (SQLite re-prepares it).
      const all = () => sql<Record<string, unknown>>`select * from t where id = ${1}`.execute(db).then((r) => r.rows[0]);
      expect(await all()).toEqual({ id: 1, v: 'a' });
      await sql`alter table t add column w text default 'x'`.execute(db);
      expect(await all()).toEqual({ id: 1, v: 'a', w: 'x' });

      // A stream (which Kysely runs on the one connection, alone) gives the same rows as the cached statement,
      // also when the previous stream of the same SQL was left early.
      const query = () => db.selectFrom('t' as never).select(sql<string>`v`.as('v'));
      for await (const _ of query().stream()) break;
      const seen: string[] = [];
      for await (const row of query().stream()) seen.push((row as { v: string }).v);
      expect(seen).toEqual(['a', 'b', 'c']);
      expect((await query().execute()).map((r) => (r as { v: string }).v)).toEqual(seen);

      // Writes through a cached statement report their changes.
      const upd = await sql`update t set v = ${'z'} where id <= ${2}`.execute(db);
      expect(Number(upd.numAffectedRows)).toBe(2);
      expect(Number((await sql`update t set v = ${'z'} where id <= ${0}`.execute(db)).numAffectedRows)).toBe(0);
    } finally {
      await close();
    }
  });

  it('keeps working past the cache size (least recently used statements are dropped)', async () => {
    const { db, close } = openDatabase('sqlite::memory:');
    try {
      for (let i = 0; i < 1200; i++)
        expect((await sql<{ n: number }>`select ${i} + ${sql.raw(String(i % 700))} as n`.execute(db)).rows[0].n).toBe(i + (i % 700));
    } finally {
      await close();
    }
  });
});

describe('SQLite page cache', () => {
  it('is 256 MB unless configured, and follows TECHSERVE_SQLITE_CACHE_MB', async () => {
    const cacheKb = async (d: ReturnType<typeof openDatabase>) =>
      -Number((await sql<{ cache_size: number }>`pragma cache_size`.execute(d.db)).rows[0].cache_size);
    const byDefault = openDatabase('sqlite::memory:');
    const configured = openDatabase('sqlite::memory:', { sqliteCacheMb: loadConfig({ TECHSERVE_SQLITE_CACHE_MB: '64' }).sqliteCacheMb });
    try {
      expect(await cacheKb(byDefault)).toBe(256 * 1024);
      expect(await cacheKb(configured)).toBe(64 * 1024);
    } finally {
      await byDefault.close();
      await configured.close();
    }
    expect(loadConfig({}).sqliteCacheMb).toBe(256);
    expect(() => loadConfig({ TECHSERVE_SQLITE_CACHE_MB: 'lots' })).toThrow(/TECHSERVE_SQLITE_CACHE_MB/);
    expect(() => loadConfig({ TECHSERVE_SQLITE_CACHE_MB: '0' })).toThrow(/TECHSERVE_SQLITE_CACHE_MB/);
  });
});
