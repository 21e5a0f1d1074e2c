import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/harness';
import { rawWrittenTables, watchOf } from './write-watch';

// The caches of sessions' actors and calendars rely on this: any write in this process to a cached table must
// make the next read load again, and reads must not (or the caches would never hit).

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.drop());

describe('write watch', () => {
  it('moves a table’s generation on insert, update and delete — in a transaction too — and not on reads', async () => {
    const { db } = database;
    const watch = watchOf(db);
    const g0 = watch.generation(['regions']);
    await db.selectFrom('regions').selectAll().execute();
    expect(watch.generation(['regions'])).toBe(g0);
    const { id } = await db
      .insertInto('regions')
      .values({ name: '华东', parent_id: null, created_at: '2026-12-03T00:00:00.000Z', updated_at: '2026-12-03T00:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const g1 = watch.generation(['regions']);
    expect(g1).toBeGreaterThan(g0);
    await db.transaction().execute((trx) => trx.updateTable('regions').set({ name: '华北' }).where('id', '=', id).execute());
    const g2 = watch.generation(['regions']);
    expect(g2).toBeGreaterThan(g1);
    const other = watch.generation(['calendars']);
    await db.deleteFrom('regions').where('id', '=', id).execute();
    expect(watch.generation(['regions'])).toBeGreaterThan(g2);
    expect(watch.generation(['calendars'])).toBe(other);
  });

  it('counts a raw write it cannot attribute against every table, a raw read against none', async () => {
    const { db } = database;
    const watch = watchOf(db);
    const g = watch.generation(['calendars']);
    await sql`SELECT 1`.execute(db);
    expect(watch.generation(['calendars'])).toBe(g);
    await sql`CREATE TEMP TABLE IF NOT EXISTS write_watch_scratch (x integer)`.execute(db);
    expect(watch.generation(['calendars'])).toBeGreaterThan(g);
  });

  it('attributes a raw write to the tables it names, and to every table when it cannot tell', async () => {
    const { db } = database;
    const watch = watchOf(db);
    const calendars = watch.generation(['calendars']);
    const regions = watch.generation(['regions']);
    await sql`insert into regions (name, created_at, updated_at) values ('华南', '', '')`.execute(db);
    const inserted = watch.generation(['regions']);
    expect(inserted).toBeGreaterThan(regions);
    await sql`delete from "regions" where name = '华南'`.execute(db);
    expect(watch.generation(['regions'])).toBeGreaterThan(inserted);
    expect(watch.generation(['regions'])).toBeGreaterThan(regions);
    expect(watch.generation(['calendars'])).toBe(calendars);

    expect(rawWrittenTables('select * from tickets')).toBeNull();
    expect(rawWrittenTables("select replace(name, '-', '') from regions")).toBeNull();
    expect(rawWrittenTables('insert or replace into regions (id, name) values (?, ?)')).toEqual(['regions']);
    expect(rawWrittenTables('replace into regions (id, name) values (?, ?)')).toBe('all');
    expect(rawWrittenTables('SELECT id FROM tickets WHERE id = ? FOR UPDATE')).toBeNull();
    expect(rawWrittenTables('UPDATE tickets SET search_vector = ? WHERE id = ?')).toEqual(['tickets']);
    expect(
      rawWrittenTables(
        'insert into day_counters (day, value) values (?, ?) on conflict (day) do update set value = day_counters.value + ? returning value',
      ),
    ).toEqual(['day_counters']);
    expect(
      rawWrittenTables(
        'with t as (insert into tickets (a) values (?) returning id), e as (insert into ticket_entries (b) select id from t) select id from t',
      ),
    ).toEqual(['tickets', 'ticket_entries']);
    expect(rawWrittenTables('insert or ignore into public."audit_log" (a) values (?)')).toEqual(['audit_log']);
    expect(rawWrittenTables('delete from regions; drop table calendars')).toBe('all');
    expect(rawWrittenTables('create index x on tickets (id)')).toBe('all');
    expect(rawWrittenTables('vacuum')).toBe('all');
    expect(rawWrittenTables('update (select 1) set x = 1')).toBe('all');
  });

  it('reloads a cached value after a write to its tables, and keeps it otherwise', async () => {
    const { db } = database;
    const cache = watchOf(db).cache<string, number>('test.count', { tables: ['regions'], ttlMs: 60_000 });
    let loads = 0;
    const count = () =>
      cache.get('all', async () => {
        loads++;
        return Number(
          (
            await db
              .selectFrom('regions')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      });
    const before = await count();
    expect(await count()).toBe(before);
    expect(loads).toBe(1);
    await db
      .insertInto('regions')
      .values({ name: '西南', parent_id: null, created_at: '2026-12-03T00:00:00.000Z', updated_at: '2026-12-03T00:00:00.000Z' })
      .execute();
    expect(await count()).toBe(before + 1);
    expect(loads).toBe(2);
  });

  it('reloads after the time-to-live even without a write (other server processes)', async () => {
    const cache = watchOf(database.db).cache<string, number>('test.ttl', { tables: ['regions'], ttlMs: 1 });
    let loads = 0;
    await cache.get('k', async () => ++loads);
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.get('k', async () => ++loads)).toBe(2);
  });

  it('does not keep a failed load', async () => {
    const cache = watchOf(database.db).cache<string, number>('test.fail', { tables: ['regions'], ttlMs: 60_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });
});
