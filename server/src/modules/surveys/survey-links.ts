import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../http/context';
import { linkSecret } from './surveys.repository';

// SR-11b: the e-mailed survey link works without an account. Its token names the invitation and the instant it
// expires, signed with the install's secret (HMAC-SHA256), so it cannot be forged or stretched; the database still
// decides whether the invitation was answered or its round closed.

const secrets = new WeakMap<object, Promise<string>>();

function secretOf(db: Db, at: string): Promise<string> {
  let s = secrets.get(db);
  if (!s) {
    s = linkSecret(db, randomBytes(32).toString('base64url'), at);
    secrets.set(db, s);
    s.catch(() => secrets.delete(db));
  }
  return s;
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`survey:${payload}`).digest('base64url').slice(0, 32);

/** The token of an invitation link: `<invitation id>.<expiry in seconds>.<signature>` (base 36 numbers). */
export async function surveyToken(db: Db, invitationId: number, expiresAtMs: number, at: string): Promise<string> {
  const payload = `${invitationId.toString(36)}.${Math.floor(expiresAtMs / 1000).toString(36)}`;
  return `${payload}.${sign(await secretOf(db, at), payload)}`;
}

/** The invitation id and expiry a token names, or null when it is malformed or its signature is wrong. */
export async function readSurveyToken(db: Db, token: string, at: string): Promise<{ invitationId: number; expiresAtMs: number } | null> {
  const m = /^([0-9a-z]{1,8})\.([0-9a-z]{1,9})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(sign(await secretOf(db, at), `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const invitationId = parseInt(m[1], 36);
  if (!Number.isSafeInteger(invitationId) || invitationId < 1 || invitationId > 2_147_483_647) return null;
  return { invitationId, expiresAtMs: parseInt(m[2], 36) * 1000 };
}

export const surveyPath = (token: string) => `/survey/${token}`;
