import { randomBytes } from 'node:crypto';
import type { TPasswordChange, TSession, TTwoFactorPending } from '@techserve/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../../http/clock';
import { nowIso } from '../../http/clock';
import type { Actor, Ctx } from '../../http/context';
import { AppError, fieldDetail, notFound, refuse } from '../../http/errors';
import { watchOf } from '../../db/write-watch';
import { recordAudit } from '../audit/audit.service';
import * as repo from './auth.repository';
import { type LockState, type RequestMeta, assertNotLocked, countFailure, phantomState } from './lockout';
import { type PasswordCost, hashPassword, verifyPassword } from './password';
import { accountsPolicyNow, assertPasswordAllowed } from './password-rule';
import { sha256 } from './sha256';
import { isTwoFactorEnabled } from './two-factor.repository';
import { openChallenge, passSecondStep } from './two-factor.service';
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000).toISOString();

type AuthDeps = {
  db: Kysely<DB>;
  clock: Clock;
  passwordCost: PasswordCost;
  maxFailedLogins: number;
  lockMinutes: number;
  sessionIdleMinutes: number;
  twoFactorChallengeMinutes: number;
};
/** A sign-in's answer: a session (its cookie value and body), or the second step it still needs (issue 18 item 6). */
export type LoginResult = { cookieValue: string; session: TSession } | { cookieValue: null; pending: TTwoFactorPending };
const dummyHashes = new Map<string, Promise<string>>();

/**
 * Password login. Unknown user and wrong password answer alike; N failures lock the name for a while, whether an
 * account has it or not, so neither the answers, the lock nor the time taken reveal which names exist (issue 18).
 */
export async function login(deps: AuthDeps, username: string, password: string, meta: RequestMeta): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await repo.findUserByUsername(deps.db, username);
  const state: LockState = user ? { failed: user.failed_logins, lockedUntil: user.locked_until } : phantomState(deps.db, username);
  assertNotLocked(state, now);
  // Without an account: the same work as a real check, against a hash of the same cost.
  const costKey = `${deps.passwordCost.memoryCost}/${deps.passwordCost.timeCost}`;
  if (!dummyHashes.has(costKey)) dummyHashes.set(costKey, hashPassword('not-a-password', deps.passwordCost));
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHashes.get(costKey))!, password);
  if (!user || !ok) {
    await countFailure(deps, { userId: user?.id ?? null, username, state, actor: null }, meta, 'login_failed');
    throw refuse('unauthenticated', 'auth.wrongCredentials');
  }
  if (user.status !== 'active') throw refuse('unauthenticated', 'auth.disabled');
  // Two-factor sign-in: no session yet, and the failure count stays until the code is right too, so knowing the
  // password does not reset the count of guessed codes.
  if (await isTwoFactorEnabled(deps.db, user.id)) {
    return { cookieValue: null, pending: await openChallenge(deps.db, user.id, now, deps.twoFactorChallengeMinutes) };
  }
  return startSession(deps, user, meta, {});
}

/** The second sign-in step: a code of the app or a recovery code for the challenge's user opens the session. */
export async function loginSecondStep(deps: AuthDeps, challenge: string, code: string, meta: RequestMeta) {
  const { user, kind } = await passSecondStep(deps, challenge, code, meta);
  return startSession(deps, user, meta, { twoFactor: kind });
}

async function startSession(
  deps: AuthDeps,
  user: { id: number; name: string },
  meta: RequestMeta,
  auditAfter: Record<string, unknown>,
): Promise<{ cookieValue: string; session: TSession }> {
  const now = deps.clock.now();
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  await deps.db.transaction().execute(async (trx) => {
    await repo.clearLoginFailures(trx, user.id);
    await repo.insertSession(trx, {
      id: sha256(cookieValue),
      userId: user.id,
      csrfToken,
      now: now.toISOString(),
      expiresAt: addMinutes(now, deps.sessionIdleMinutes),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      trx,
      { clock: deps.clock, ip: meta.ip, requestId: meta.requestId, actor: { id: user.id, name: user.name } },
      {
        action: 'login',
        entity: 'user',
        entityId: user.id,
        ...(Object.keys(auditAfter).length > 0 && { after: auditAfter }),
      },
    );
  });
  const actor = await resolveActor(deps.db, user.id, 'session');
  if (!actor) throw refuse('unauthenticated', 'auth.wrongCredentials');
  return { cookieValue, session: sessionOf(actor, csrfToken) };
}

export function sessionOf(actor: Actor, csrfToken: string): TSession {
  return {
    csrfToken,
    user: {
      id: actor.id,
      username: actor.username,
      name: actor.name,
      role: { id: actor.roleId, key: actor.roleKey, name: actor.roleName, scope: actor.scope },
      permissions: [...actor.permissions],
      mustChangePassword: actor.mustChangePassword,
      twoFactor: { enabled: actor.twoFactorEnabled, required: actor.twoFactorRequired },
      customerId: actor.customerId,
    },
  };
}

export async function resolveActor(db: Kysely<DB>, userId: number, via: Actor['via']): Promise<Actor | null> {
  const row = await repo.loadActorRow(db, userId);
  if (!row || row.status !== 'active') return null;
  const { status: _status, permissions, ...rest } = row;
  return { ...rest, permissions: new Set(permissions), via };
}

// The auth hook resolves the actor on every request. Sessions and tokens are cached per database for a few
// seconds (write-watch.ts): any write in this process to their rows, users, roles or regions reloads them at
// once (logout, password change, role edit, deactivation); other server processes see such a change within
// ACTOR_TTL_MS.
const ACTOR_TTL_MS = 5_000;
const ACTOR_TABLES = ['users', 'roles', 'user_regions', 'user_two_factor'] as const;
const TOUCH_EVERY_MS = 60_000;

type CachedSession = { userId: number; csrfToken: string; expiresAt: string; lastSeenAt: string; actor: Actor | null };
type CachedToken = { id: number; expiresAt: string | null; revokedAt: string | null; lastUsedAt: number; actor: Actor | null };

async function loadSession(db: Kysely<DB>, id: string): Promise<CachedSession | null> {
  const s = await repo.findSession(db, id);
  if (!s) return null;
  const actor = await resolveActor(db, s.user_id, 'session');
  // The session's actor is built once per load; Object.assign, as a spread of the actor costs more per request.
  return {
    userId: s.user_id,
    csrfToken: s.csrf_token,
    expiresAt: s.expires_at,
    lastSeenAt: s.last_seen_at,
    actor: actor && Object.assign(actor, { sessionId: id, csrfToken: s.csrf_token }),
  };
}

/** The actor behind a session cookie, sliding its idle expiry; null when missing or expired. */
export async function actorFromSession(deps: AuthDeps, cookieValue: string): Promise<Actor | null> {
  const id = sha256(cookieValue);
  const sessions = watchOf(deps.db).cache<string, CachedSession | null>('auth.sessions', {
    tables: ['sessions', ...ACTOR_TABLES],
    ttlMs: ACTOR_TTL_MS,
    max: 10_000,
  });
  const s = await sessions.get(id, () => loadSession(deps.db, id));
  const now = deps.clock.now();
  if (!s) return null;
  if (s.expiresAt <= now.toISOString()) {
    sessions.forget(id);
    // Another server process may have slid the expiry since this one cached it.
    const fresh = await repo.findSession(deps.db, id);
    if (!fresh) return null;
    if (fresh.expires_at <= now.toISOString()) {
      await repo.deleteSession(deps.db, id);
      return null;
    }
    return actorFromSession(deps, cookieValue);
  }
  // Touch at most once a minute: a read-heavy page should not write on every request. The touch bypasses the
  // write watch (it only slides the expiry, which the cached entry follows), so it does not empty the cache.
  if (now.getTime() - Date.parse(s.lastSeenAt) > TOUCH_EVERY_MS) {
    s.lastSeenAt = now.toISOString();
    s.expiresAt = addMinutes(now, deps.sessionIdleMinutes);
    await repo.touchSession(deps.db.withoutPlugins(), id, s.lastSeenAt, s.expiresAt);
  }
  return s.actor;
}

export const API_TOKEN_PREFIX = 'tsk_';

async function loadToken(db: Kysely<DB>, tokenHash: string): Promise<CachedToken | null> {
  const t = await repo.findApiToken(db, tokenHash);
  if (!t) return null;
  return {
    id: t.id,
    expiresAt: t.expires_at,
    revokedAt: t.revoked_at,
    lastUsedAt: t.last_used_at ? Date.parse(t.last_used_at) : 0,
    actor: await resolveActor(db, t.user_id, 'token'),
  };
}

/** The actor behind a bearer API token; `last_used_at` is written at most once a minute per token. */
export async function actorFromApiToken(deps: AuthDeps, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  const tokens = watchOf(deps.db).cache<string, CachedToken | null>('auth.tokens', {
    tables: ['api_tokens', ...ACTOR_TABLES],
    ttlMs: ACTOR_TTL_MS,
    max: 10_000,
  });
  const t = await tokens.get(hash, () => loadToken(deps.db, hash));
  const now = deps.clock.now();
  if (!t || t.revokedAt || (t.expiresAt && t.expiresAt <= now.toISOString())) return null;
  if (now.getTime() - t.lastUsedAt > TOUCH_EVERY_MS) {
    t.lastUsedAt = now.getTime();
    await repo.markApiTokenUsed(deps.db.withoutPlugins(), t.id, now.toISOString());
  }
  return t.actor;
}

export async function logout(ctx: Ctx) {
  if (ctx.actor.sessionId) await repo.deleteSession(ctx.db, ctx.actor.sessionId);
  await recordAudit(ctx.db, ctx, { action: 'logout', entity: 'user', entityId: ctx.actor.id });
}

/** Changing one's password: a wrong current password counts like a failed sign-in (issue 18 item 4). */
export async function changePassword(ctx: Ctx, deps: AuthDeps & { companyName: string }, body: TPasswordChange) {
  const cost = deps.passwordCost;
  const row = await repo.passwordStateOf(ctx.db, ctx.actor.id);
  const state: LockState = { failed: row.failed_logins, lockedUntil: row.locked_until };
  assertNotLocked(state, deps.clock.now());
  if (!(await verifyPassword(row.password_hash, body.currentPassword))) {
    const who = { userId: ctx.actor.id, username: ctx.actor.username, state, actor: { id: ctx.actor.id, name: ctx.actor.name } };
    const next = await countFailure({ ...deps, db: ctx.db }, who, { ...ctx, userAgent: null }, 'password_change_failed');
    assertNotLocked(next, deps.clock.now());
    throw refuse(
      'invalid_value',
      'auth.wrongCurrentPassword',
      {},
      { details: [fieldDetail('body.currentPassword', 'auth.wrongCurrentPassword')] },
    );
  }
  if (body.newPassword === body.currentPassword) {
    throw new AppError('invalid_value', 'newPassword: choose a password different from the current one', {
      details: [{ path: 'body.newPassword', message: 'same as current' }],
    });
  }
  const context = { username: ctx.actor.username, name: ctx.actor.name, companyName: deps.companyName };
  assertPasswordAllowed(body.newPassword, await accountsPolicyNow(ctx.db, deps.clock.now()), context, 'body.newPassword');
  const newHash = await hashPassword(body.newPassword, cost);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePasswordHash(trx, ctx.actor.id, newHash, nowIso(ctx.clock));
    // Other sessions of this user end: a changed password should lock out whoever had the old one.
    await repo.deleteUserSessions(trx, ctx.actor.id, ctx.actor.sessionId);
    await recordAudit(trx, ctx, { action: 'password_changed', entity: 'user', entityId: ctx.actor.id });
  });
}

const tokenOut = (t: {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  expiresAt: t.expires_at,
  revokedAt: t.revoked_at,
});

export async function listTokens(ctx: Ctx) {
  return (await repo.listApiTokens(ctx.db, ctx.actor.id)).map(tokenOut);
}

export async function createToken(ctx: Ctx, body: { name: string; expiresAt?: string }) {
  if (body.expiresAt && body.expiresAt <= nowIso(ctx.clock)) {
    throw new AppError('invalid_value', 'expiresAt: must be in the future', {
      details: [{ path: 'body.expiresAt', message: 'in the past' }],
    });
  }
  const token = API_TOKEN_PREFIX + randomToken();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertApiToken(trx, {
      userId: ctx.actor.id,
      name: body.name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      now: nowIso(ctx.clock),
      expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
    });
    await recordAudit(trx, ctx, { action: 'create', entity: 'api_token', entityId: row.id, after: tokenOut(row) });
    return { ...tokenOut(row), token };
  });
}

export async function revokeToken(ctx: Ctx, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.revokeApiToken(trx, ctx.actor.id, id, nowIso(ctx.clock));
    if (!row) throw notFound('API token');
    await recordAudit(trx, ctx, { action: 'revoke', entity: 'api_token', entityId: id, after: tokenOut(row) });
    return tokenOut(row);
  });
}
