import { randomBytes } from 'node:crypto';
import type { TReasonKey, TRecoveryCodes, TTwoFactorDisable, TTwoFactorEnrolment, TTwoFactorStatus } from '@techserve/core';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { type AppError, fieldDetail, refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import * as authRepo from './auth.repository';
import { type LockDeps, type LockState, type RequestMeta, assertNotLocked, countFailure } from './lockout';
import { verifyPassword } from './password';
import { sha256 } from './sha256';
import * as repo from './two-factor.repository';

/**
 * Issue 18 item 6: optional two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits, 30 s steps,
 * SHA-1 — what every common app uses). A code is accepted one step either side of the server's time; each accepted
 * step is stored, so the same code (or an older one) is refused afterwards. Ten recovery codes, kept only as hashes,
 * each works once. A wrong code counts towards the account lock like a wrong password.
 */

const STEP_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
// Crockford's base32 (no i, l, o, u): read aloud and typed without confusion; 10 characters = 50 random bits.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_LENGTH = 10;

/** A code checked against the account: which kind matched, or why not. */
export type SecondFactorCheck =
  { ok: true; kind: 'totp' | 'recovery' } | { ok: false; reason: 'twoFactor.wrongCode' | 'twoFactor.codeUsed' };

/** The time step the app's code matched at (±1 step), or null. */
export async function matchTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: STEP_SECONDS });
  // The functional verify answers for HOTP or TOTP; the TOTP answer carries the matched step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^0-9a-z]/g, '');

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(RECOVERY_LENGTH);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/**
 * Checks a code of the app or a recovery code and uses it up: the app's time step is recorded (replay), a recovery
 * code is marked used. Run inside the transaction that acts on it.
 */
export async function useSecondFactor(db: Db, userId: number, secret: string, lastStep: number | null, code: string, now: Date) {
  const compact = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const step = await matchTotp(secret, compact, now);
    if (step === null) return { ok: false, reason: 'twoFactor.wrongCode' } as const;
    if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'twoFactor.codeUsed' } as const;
    // A request with the same code at the same moment loses here.
    if (!(await repo.useStep(db, userId, step, now.toISOString()))) return { ok: false, reason: 'twoFactor.codeUsed' } as const;
    return { ok: true, kind: 'totp' } as const;
  }
  const normalized = normalizeRecoveryCode(compact);
  if (normalized.length !== RECOVERY_LENGTH) return { ok: false, reason: 'twoFactor.wrongCode' } as const;
  const used = await repo.useRecoveryCode(db, userId, sha256(normalized), now.toISOString());
  return used ? ({ ok: true, kind: 'recovery' } as const) : ({ ok: false, reason: 'twoFactor.wrongCode' } as const);
}

/** 422 on the code field: what the forms show beside it. */
const codeRefusal = (reason: TReasonKey, path = 'body.code'): AppError =>
  refuse('invalid_value', reason, {}, { details: [fieldDetail(path, reason)] });

/** Setting it up and changing it happen in a signed-in browser session; an API token does not touch it. */
function assertSession(ctx: Ctx) {
  if (ctx.actor.via !== 'session') throw refuse('forbidden', 'twoFactor.sessionOnly');
}

export async function twoFactorStatus(ctx: Ctx): Promise<TTwoFactorStatus> {
  const row = await repo.twoFactorOf(ctx.db, ctx.actor.id);
  const enabled = Boolean(row?.enabled_at);
  return {
    enabled,
    enabledAt: row?.enabled_at ?? null,
    required: ctx.actor.twoFactorRequired,
    recoveryCodesLeft: enabled ? await repo.recoveryCodesLeft(ctx.db, ctx.actor.id) : 0,
  };
}

/** A new secret, pending until confirmed with a code: the otpauth URI, its QR code and the key to type by hand. */
export async function startEnrolment(ctx: Ctx, issuer: string): Promise<TTwoFactorEnrolment> {
  assertSession(ctx);
  const row = await repo.twoFactorOf(ctx.db, ctx.actor.id);
  if (row?.enabled_at) throw refuse('conflict', 'twoFactor.alreadyEnabled');
  const secret = generateSecret();
  await repo.putPendingSecret(ctx.db, ctx.actor.id, secret, nowIso(ctx.clock));
  const uri = generateURI({ issuer, label: ctx.actor.username, secret });
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { secret, uri, qr };
}

/** The first code from the app turns it on; the recovery codes are answered this once. Other sessions end. */
export async function confirmEnrolment(ctx: Ctx, code: string): Promise<TRecoveryCodes> {
  assertSession(ctx);
  const row = await repo.twoFactorOf(ctx.db, ctx.actor.id);
  if (row?.enabled_at) throw refuse('conflict', 'twoFactor.alreadyEnabled');
  if (!row) throw refuse('conflict', 'twoFactor.noEnrolment');
  const now = ctx.clock.now();
  const step = await matchTotp(row.secret, code, now);
  if (step === null) throw codeRefusal('twoFactor.wrongCode');
  const recoveryCodes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.enable(trx, ctx.actor.id, row.secret, step, now.toISOString()))) throw refuse('conflict', 'twoFactor.noEnrolment');
    await repo.replaceRecoveryCodes(trx, ctx.actor.id, recoveryCodes.map(hashRecoveryCode), now.toISOString());
    await authRepo.deleteUserSessions(trx, ctx.actor.id, ctx.actor.sessionId);
    await recordAudit(trx, ctx, { action: 'two_factor_enabled', entity: 'user', entityId: ctx.actor.id });
  });
  return { recoveryCodes };
}

const hashRecoveryCode = (code: string) => sha256(normalizeRecoveryCode(code));

type CheckDeps = LockDeps;

/**
 * Turning it off or renewing the recovery codes asks for a code (and to turn it off, the password too): each wrong
 * answer counts towards the account lock like a failed sign-in.
 */
async function withCheckedCode<T>(
  ctx: Ctx,
  deps: CheckDeps,
  input: { code: string; password?: string },
  act: (trx: Db) => Promise<T>,
): Promise<T> {
  assertSession(ctx);
  const row = await repo.twoFactorOf(ctx.db, ctx.actor.id);
  if (!row?.enabled_at) throw refuse('conflict', 'twoFactor.notEnabled');
  const lock = await authRepo.passwordStateOf(ctx.db, ctx.actor.id);
  const state: LockState = { failed: lock.failed_logins, lockedUntil: lock.locked_until };
  const now = deps.clock.now();
  assertNotLocked(state, now);
  const fail = async (refusal: AppError): Promise<never> => {
    const who = { userId: ctx.actor.id, username: ctx.actor.username, state, actor: { id: ctx.actor.id, name: ctx.actor.name } };
    const next = await countFailure({ ...deps, db: ctx.db }, who, { ...ctx, userAgent: null }, 'two_factor_failed');
    assertNotLocked(next, now);
    throw refusal;
  };
  if (input.password !== undefined && !(await verifyPassword(lock.password_hash, input.password))) {
    return fail(codeRefusal('auth.wrongCurrentPassword', 'body.password'));
  }
  let refusal: AppError | null = null;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const check = await useSecondFactor(trx, ctx.actor.id, row.secret, row.last_step, input.code, now);
    if (!check.ok) {
      refusal = codeRefusal(check.reason);
      return null;
    }
    await authRepo.clearLoginFailures(trx, ctx.actor.id);
    return { value: await act(trx) };
  });
  if (!result) return fail(refusal!);
  return result.value;
}

export async function disableTwoFactor(ctx: Ctx, deps: CheckDeps, body: TTwoFactorDisable): Promise<void> {
  await withCheckedCode(ctx, deps, body, async (trx) => {
    await repo.removeTwoFactor(trx, ctx.actor.id);
    await recordAudit(trx, ctx, { action: 'two_factor_disabled', entity: 'user', entityId: ctx.actor.id });
  });
}

export async function regenerateRecoveryCodes(ctx: Ctx, deps: CheckDeps, code: string): Promise<TRecoveryCodes> {
  const recoveryCodes = newRecoveryCodes();
  await withCheckedCode(ctx, deps, { code }, async (trx) => {
    await repo.replaceRecoveryCodes(trx, ctx.actor.id, recoveryCodes.map(hashRecoveryCode), nowIso(ctx.clock));
    await recordAudit(trx, ctx, { action: 'two_factor_recovery_codes_renewed', entity: 'user', entityId: ctx.actor.id });
  });
  return { recoveryCodes };
}

/** The second sign-in step's challenge: random, stored as its hash, bound to the user, valid a few minutes. */
export async function openChallenge(db: Db, userId: number, now: Date, minutes: number) {
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + minutes * 60_000).toISOString();
  await repo.insertChallenge(db, { id: sha256(challenge), userId, now: now.toISOString(), expiresAt });
  return { twoFactorRequired: true as const, challenge, expiresAt };
}

/**
 * The code of the second step, for the challenge's user. Refusals: the challenge gone or expired (401), the account
 * locked (429), a wrong or reused code (401, counted towards the lock). On success the challenge is used up and the
 * caller opens the session.
 */
export async function passSecondStep(deps: LockDeps, challenge: string, code: string, meta: RequestMeta) {
  const now = deps.clock.now();
  const id = sha256(challenge);
  const found = await repo.findChallenge(deps.db, id);
  if (!found || found.expires_at <= now.toISOString()) throw refuse('unauthenticated', 'twoFactor.challengeExpired');
  const user = await repo.signInStateOf(deps.db, found.user_id);
  const row = await repo.twoFactorOf(deps.db, found.user_id);
  if (!user || user.status !== 'active' || !row?.enabled_at) throw refuse('unauthenticated', 'twoFactor.challengeExpired');
  const state: LockState = { failed: user.failed_logins, lockedUntil: user.locked_until };
  assertNotLocked(state, now);
  const check = await deps.db.transaction().execute(async (trx): Promise<SecondFactorCheck> => {
    const result = await useSecondFactor(trx, user.id, row.secret, row.last_step, code, now);
    // Used up with the code, so a second request with the same challenge finds nothing.
    if (result.ok && !(await repo.deleteChallenge(trx, id))) return { ok: false, reason: 'twoFactor.codeUsed' };
    return result;
  });
  if (!check.ok) {
    const next = await countFailure(deps, { userId: user.id, username: user.username, state, actor: null }, meta, 'two_factor_failed');
    if (next.lockedUntil) await repo.deleteUserChallenges(deps.db, user.id);
    assertNotLocked(next, now);
    throw refuse('unauthenticated', check.reason);
  }
  return { user, kind: check.kind };
}
