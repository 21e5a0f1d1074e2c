import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../http/clock';

/** A background job: runs at most once per `everyMs` across all server instances sharing the database. */
export type Job = { name: string; everyMs: number; run: () => Promise<void> };
export type JobLogger = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type SchedulerOptions = {
  db: Kysely<DB>;
  clock: Clock;
  /** This process, as recorded on the leases it holds (host:pid:random). */
  owner: string;
  jobs: Job[];
  logger: JobLogger;
  /** How often due jobs are checked; default 1 s. */
  tickMs?: number;
};

const NEVER = '1970-01-01T00:00:00.000Z';

/**
 * Takes the job's lease for one period if it is free, and runs the job if it was. The conditional UPDATE is the
 * arbiter: on PostgreSQL a concurrent updater waits for the winner's row lock and then sees the new locked_until,
 * on SQLite writes are serialised, so exactly one instance wins per period on either database.
 */
export async function acquireLease(
  db: Kysely<DB>,
  clock: Clock,
  owner: string,
  job: Pick<Job, 'name' | 'everyMs'>,
): Promise<string | null> {
  await db
    .insertInto('job_leases')
    .values({ name: job.name, owner: '', locked_until: NEVER })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const now = clock.now();
  const until = new Date(now.getTime() + job.everyMs).toISOString();
  const res = await db
    .updateTable('job_leases')
    .set({ owner, locked_until: until })
    .where('name', '=', job.name)
    .where('locked_until', '<', now.toISOString())
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? until : null;
}

/** Runs the job if this owner wins its lease for the current period; true when it ran. Job errors propagate. */
export async function runJobOnce(db: Kysely<DB>, clock: Clock, owner: string, job: Job): Promise<boolean> {
  if (!(await acquireLease(db, clock, owner, job))) return false;
  await job.run();
  return true;
}

/**
 * Checks every tick which jobs are due and runs those whose lease this process wins. Between attempts it
 * remembers when the lease it saw expires, so an idle instance does not query the database every tick.
 * A failing job is logged and tried again next period; the scheduler keeps going.
 */
export function startScheduler(opts: SchedulerOptions): { stop(): Promise<void> } {
  const { db, clock, owner, jobs, logger } = opts;
  const tickMs = opts.tickMs ?? 1000;
  const nextTry = new Map<string, number>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const runDue = async (job: Job) => {
    if (clock.now().getTime() < (nextTry.get(job.name) ?? 0)) return;
    try {
      const until = await acquireLease(db, clock, owner, job);
      if (!until) {
        const lease = await db.selectFrom('job_leases').select('locked_until').where('name', '=', job.name).executeTakeFirst();
        nextTry.set(job.name, lease ? Date.parse(lease.locked_until) : 0);
        return;
      }
      nextTry.set(job.name, Date.parse(until));
      await job.run();
    } catch (err) {
      logger.error({ err, job: job.name }, `background job ${job.name} failed`);
    }
  };

  const tick = async () => {
    // Sequential: jobs are short and the database (SQLite above all) prefers one writer.
    for (const job of jobs) {
      if (stopped) return;
      await runDue(job);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, tickMs);
    timer.unref();
  };

  logger.info({ owner, jobs: jobs.map((j) => j.name) }, 'background jobs scheduled');
  running = tick().finally(schedule);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
