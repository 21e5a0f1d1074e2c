import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../db/database';
import { TEST_DB, TestClock, freshDatabase } from '../test/harness';
import { type Job, runJobOnce, startScheduler } from './scheduler';

// Two "instances" are two owners; on PostgreSQL the second one also has its own connection pool, as a second
// server process would. (An in-memory SQLite database cannot be opened twice; its writes are serialised anyway.)

let database: Database & { drop: () => Promise<void> };
let second: Database;
let clock: TestClock;

beforeAll(async () => {
  database = await freshDatabase();
  second = TEST_DB === 'postgres' ? openDatabase(database.url) : database;
  clock = new TestClock();
});
afterAll(async () => {
  if (second !== database) await second.close();
  await database.drop();
});
beforeEach(async () => {
  await database.db.deleteFrom('job_leases').execute();
});

const counting = (name: string, everyMs = 60_000) => {
  const job = { name, everyMs, runs: 0, run: async () => void job.runs++ };
  return job;
};
const quietLogger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('runJobOnce', () => {
  it('runs a job once when two instances try it at the same tick', async () => {
    const job = counting('sla.scan');
    const ran = await Promise.all([
      runJobOnce(database.db, clock, 'instance-a', job),
      runJobOnce(second.db, clock, 'instance-b', job),
      runJobOnce(database.db, clock, 'instance-a', job),
      runJobOnce(second.db, clock, 'instance-b', job),
    ]);
    expect(job.runs).toBe(1);
    expect(ran.filter(Boolean)).toHaveLength(1);
  });

  it('runs it again once the lease has expired, for whichever instance comes first', async () => {
    const job = counting('mail.deliver', 30_000);
    expect(await runJobOnce(database.db, clock, 'instance-a', job)).toBe(true);
    clock.advance(0.25); // 15 s: still inside the period
    expect(await runJobOnce(second.db, clock, 'instance-b', job)).toBe(false);
    clock.advance(0.25); // exactly at locked_until: still held
    expect(await runJobOnce(second.db, clock, 'instance-b', job)).toBe(false);
    clock.advance(0.01);
    const ran = await Promise.all([runJobOnce(database.db, clock, 'instance-a', job), runJobOnce(second.db, clock, 'instance-b', job)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(job.runs).toBe(2);
  });

  it('keeps separate leases per job', async () => {
    const a = counting('job.a');
    const b = counting('job.b');
    expect(await runJobOnce(database.db, clock, 'instance-a', a)).toBe(true);
    expect(await runJobOnce(second.db, clock, 'instance-b', b)).toBe(true);
    expect([a.runs, b.runs]).toEqual([1, 1]);
  });
});

describe('startScheduler', () => {
  it('runs due jobs once per period across two schedulers and keeps going after a failing job', async () => {
    const job = counting('counted', 60_000);
    const failing: Job = { name: 'failing', everyMs: 60_000, run: vi.fn(async () => Promise.reject(new Error('boom'))) };
    const loggerA = quietLogger();
    const loggerB = quietLogger();
    const a = startScheduler({ db: database.db, clock, owner: 'instance-a', jobs: [failing, job], logger: loggerA, tickMs: 5 });
    const b = startScheduler({ db: second.db, clock, owner: 'instance-b', jobs: [failing, job], logger: loggerB, tickMs: 5 });
    try {
      await vi.waitFor(() => expect(job.runs).toBe(1));
      await new Promise((r) => setTimeout(r, 50)); // many more ticks within the same period
      expect(job.runs).toBe(1);
      expect(failing.run).toHaveBeenCalledTimes(1);
      expect([...loggerA.error.mock.calls, ...loggerB.error.mock.calls].map((c) => c[1])).toEqual(['background job failing failed']);

      clock.advance(1.5);
      await vi.waitFor(() => expect(job.runs).toBe(2));
      await vi.waitFor(() => expect(failing.run).toHaveBeenCalledTimes(2));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const runs = job.runs;
    clock.advance(10);
    await new Promise((r) => setTimeout(r, 30));
    expect(job.runs).toBe(runs); // stopped schedulers run nothing
  });

  it('waits for a running job when stopped', async () => {
    let finished = false;
    const slow: Job = {
      name: 'slow',
      everyMs: 60_000,
      run: async () => {
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
      },
    };
    const s = startScheduler({ db: database.db, clock, owner: 'instance-a', jobs: [slow], logger: quietLogger(), tickMs: 5 });
    await new Promise((r) => setTimeout(r, 10));
    await s.stop();
    expect(finished).toBe(true);
  });
});
