import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../http/clock';
import { refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import * as repo from './auth.repository';

/**
 * The account lock (issue 18 items 4 and 5). Every failed password check — a sign-in or `POST /auth/password` —
 * and every wrong two-factor code (item 6) counts towards it, and a user name that does not exist counts and locks exactly like one that does, so neither
 * the answers nor the lock reveal which names exist.
 */
export type LockDeps = { db: Kysely<DB>; clock: Clock; maxFailedLogins: number; lockMinutes: number };
export type LockState = { failed: number; lockedUntil: string | null };
export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

const MAX_PHANTOMS = 10_000;
const LOCKED_ACTION = {
  login_failed: 'login_locked',
  password_change_failed: 'password_change_locked',
  two_factor_failed: 'two_factor_locked',
} as const;

/** Counters of names without an account, per database, in memory (bounded; the oldest go first). */
class PhantomLocks {
  private readonly states = new Map<string, LockState>();
  get(name: string): LockState {
    return this.states.get(name) ?? { failed: 0, lockedUntil: null };
  }
  set(name: string, state: LockState) {
    this.states.delete(name);
    this.states.set(name, state);
    if (this.states.size > MAX_PHANTOMS) this.states.delete(this.states.keys().next().value as string);
  }
}
const phantoms = new WeakMap<Kysely<DB>, PhantomLocks>();
function phantomsOf(db: Kysely<DB>): PhantomLocks {
  let p = phantoms.get(db);
  if (!p) phantoms.set(db, (p = new PhantomLocks()));
  return p;
}

export const phantomState = (db: Kysely<DB>, username: string) => phantomsOf(db).get(username);

/** 429 while the lock lasts; the same answer for every name. */
export function assertNotLocked(state: LockState, now: Date) {
  if (state.lockedUntil && state.lockedUntil > now.toISOString()) {
    throw refuse(
      'rate_limited',
      'auth.locked',
      { until: state.lockedUntil },
      { headers: { 'retry-after': String(Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 1000)) } },
    );
  }
}

/**
 * Counts one failed password check of `username` (its account `userId`, or none) and writes the audit entry;
 * returns the new state (locked after `maxFailedLogins` failures in a row, for `lockMinutes`). Both kinds write one
 * audit row, so they also take about the same time.
 */
export async function countFailure(
  deps: LockDeps,
  who: { userId: number | null; username: string; state: LockState; actor: { id: number; name: string } | null },
  meta: RequestMeta,
  action: keyof typeof LOCKED_ACTION,
): Promise<LockState> {
  const now = deps.clock.now();
  const failed = who.state.failed + 1;
  const lockedUntil = failed >= deps.maxFailedLogins ? new Date(now.getTime() + deps.lockMinutes * 60_000).toISOString() : null;
  const next = { failed: lockedUntil ? 0 : failed, lockedUntil };
  const auditCtx = { clock: deps.clock, ip: meta.ip, requestId: meta.requestId, actor: who.actor };
  const change = {
    action: lockedUntil ? LOCKED_ACTION[action] : action,
    entity: 'user',
    entityId: who.userId,
    after: { ...(who.userId === null && { username: who.username, unknownUser: true }), failedLogins: failed, lockedUntil },
  };
  if (who.userId === null) {
    phantomsOf(deps.db).set(who.username, next);
    await recordAudit(deps.db, auditCtx, change);
  } else {
    const userId = who.userId;
    await deps.db.transaction().execute(async (trx) => {
      await repo.recordLoginFailure(trx, userId, next.failed, next.lockedUntil);
      await recordAudit(trx, auditCtx, change);
    });
  }
  return { failed, lockedUntil };
}
