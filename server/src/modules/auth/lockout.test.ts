import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type TestApp, createTestApp, createUser } from '../../test/harness';
import { DEFAULT_PASSWORD_COST } from './password';

// Issue 18 items 4 and 5: a wrong current password counts like a failed sign-in; the lock and the answers do not
// reveal which user names exist.

let t: TestApp;
afterEach(async () => t.close());

const login = (username: string, password: string, ip = '10.9.9.9') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
const errorOf = (res: { json: () => { error: Record<string, unknown> } }) => {
  const { requestId: _r, ...rest } = res.json().error;
  return rest;
};

describe('guessing the current password (POST /auth/password)', () => {
  it('counts each wrong current password towards the account lock, like a failed sign-in', async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await admin.post('/api/v1/auth/password', { currentPassword: `guess-${i}`, newPassword: 'new-password-1' });
      codes.push(res.statusCode);
      if (i === 0) expect(res.json().error.reason).toBe('auth.wrongCurrentPassword');
    }
    expect(codes).toEqual([422, 422, 422, 422, 429]);
    // Locked: even the right current password is refused now, and so is signing in.
    const right = await admin.post('/api/v1/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'new-password-1' });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.reason).toBe('auth.locked');
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(429);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'password_change%').execute();
    expect(audit.map((a) => a.action)).toEqual([...Array(4).fill('password_change_failed'), 'password_change_locked']);
    t.clock.advance(16);
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits password-change attempts per address like sign-ins', async () => {
    t = await createTestApp({ security: { maxFailedLogins: 1000 } });
    const admin = await t.login('admin');
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      codes.push((await admin.post('/api/v1/auth/password', { currentPassword: `guess-${i}`, newPassword: 'new-password-1' })).statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 422)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('clears the count after a successful sign-in', async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    for (let i = 0; i < 4; i++) await admin.post('/api/v1/auth/password', { currentPassword: 'guess', newPassword: 'new-password-1' });
    await t.login('admin');
    const row = await t.database.db.selectFrom('users').select('failed_logins').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(0);
  });
});

describe('the lock does not reveal which user names exist', () => {
  it('answers an existing and a missing name alike, locks both after five failures and frees both when the lock ends', async () => {
    t = await createTestApp();
    const trace = async (name: string) => {
      const out: { status: number; error: unknown; retryAfter: unknown }[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(name, 'wrong', `10.8.${name.length}.${i}`);
        out.push({ status: res.statusCode, error: errorOf(res), retryAfter: res.headers['retry-after'] ?? null });
      }
      return out;
    };
    const existing = await trace('admin');
    const missing = await trace('nobody');
    expect(existing.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(missing).toEqual(existing);
    t.clock.advance(16);
    expect((await login('nobody', 'wrong')).statusCode).toBe(401);
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'like', 'login_%').execute();
    expect(audit.filter((a) => a.entity_id === null).map((a) => a.action)).toContain('login_locked');
  });

  it('takes about as long for a missing name as for an existing one (real argon2id cost)', async () => {
    t = await createTestApp({ passwordCost: DEFAULT_PASSWORD_COST, security: { maxFailedLogins: 1000, loginAttemptsPerWindow: 1000 } });
    const admin = await t.login('admin');
    await createUser(admin, { username: 'real.user', roleKey: 'engineer' });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const time = async (name: string) => {
      const start = performance.now();
      expect((await login(name, 'wrong-password')).statusCode).toBe(401);
      return performance.now() - start;
    };
    await time('real.user');
    await time('ghost.user');
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 7; i++) {
      a.push(await time('real.user'));
      b.push(await time('ghost.user'));
    }
    const ratio = median(a) / median(b);
    expect(ratio, `existing ${median(a).toFixed(1)} ms, missing ${median(b).toFixed(1)} ms`).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1 / 0.6);
  });
});
