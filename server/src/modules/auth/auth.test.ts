import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type TestApp, createTestApp, createUser } from '../../test/harness';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const login = (username: string, password: string, ip = '10.9.9.9') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns the CSRF token', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ts_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(res.json().user.role.key).toBe('admin');
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await t.database.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const wrong = await login('admin', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('locks the account after 5 failed logins until the lock expires', async () => {
    for (let i = 0; i < 5; i++) expect((await login('admin', 'wrong')).statusCode).toBe(401);
    const locked = await login('admin', ADMIN_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/locked/);
    t.clock.advance(14);
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(2);
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  // An office behind one address signs in at 08:30: only failures count towards the address's limit.
  it('never limits successful sign-ins from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await login('admin', ADMIN_PASSWORD, '10.7.7.9')).statusCode);
    expect(codes.every((c) => c === 200)).toBe(true);
  });

  it('rate-limits login attempts from one address with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await login(`nobody${i}`, 'x', '10.7.7.7')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[21]).toBe(429);
    // another address is not affected
    expect((await login('admin', ADMIN_PASSWORD, '10.7.7.8')).statusCode).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const admin = await t.login('admin');
    const id = await createUser(admin, { username: 'eng1', roleKey: 'engineer' });
    const user = (await admin.get(`/api/v1/users/${id}`)).json();
    expect((await admin.patch(`/api/v1/users/${id}`, { version: user.version, status: 'disabled' })).statusCode).toBe(200);
    expect((await login('eng1', 'password-123')).statusCode).toBe(401);
  });
});

describe('session', () => {
  it('requires the CSRF token on state-changing requests made with the cookie', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/v1/regions', { name: 'X' }, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect((await t.database.db.selectFrom('regions').selectAll().execute()).length).toBe(0);
  });

  it('ends the session on logout', async () => {
    const admin = await t.login('admin');
    expect((await admin.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('expires a session after the idle time', async () => {
    const admin = await t.login('admin');
    t.clock.advance(12 * 60 + 1);
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('changes the password only with the current one, and the old one stops working', async () => {
    const admin = await t.login('admin');
    const bad = await admin.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'new-password-1' });
    expect(bad.statusCode).toBe(422);
    const ok = await admin.post('/api/v1/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'new-password-1' });
    expect(ok.statusCode).toBe(200);
    expect((await login('admin', ADMIN_PASSWORD)).statusCode).toBe(401);
    expect((await login('admin', 'new-password-1')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticate integrations with a bearer token without CSRF, until revoked', async () => {
    const admin = await t.login('admin');
    const created = await admin.post('/api/v1/auth/tokens', { name: 'crm' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const bearer = t.anonymous().withHeaders({ authorization: `Bearer ${token}` });
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(200);
    expect((await bearer.post('/api/v1/regions', { name: '华北' })).statusCode).toBe(201);
    expect((await admin.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(200);
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(401);
  });

  it('never lists the token secret and stores only its hash', async () => {
    const admin = await t.login('admin');
    const { token } = (await admin.post('/api/v1/auth/tokens', { name: 'erp' })).json();
    const list = await admin.get('/api/v1/auth/tokens');
    expect(list.body).not.toContain(token);
    const rows = await t.database.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(rows[0].token_hash).not.toContain(token);
  });

  it('rejects an unknown bearer token with 401', async () => {
    const res = await t.anonymous().withHeaders({ authorization: 'Bearer tsk_nope' }).get('/api/v1/users');
    expect(res.statusCode).toBe(401);
  });
});

// The auth hook caches a session's or token's actor for a few seconds; every change below must apply to the very
// next request of this process (auth.service.ts, write-watch.ts).
describe('cached sessions and tokens', () => {
  it('refuses the next request of a signed-in user once an admin disables the account', async () => {
    const admin = await t.login('admin');
    const id = await createUser(admin, { username: 'eng9', roleKey: 'engineer' });
    const eng = await t.login('eng9', 'password-123');
    expect((await eng.get('/api/v1/auth/session')).statusCode).toBe(200);
    const { version } = (await admin.get(`/api/v1/users/${id}`)).json();
    expect((await admin.patch(`/api/v1/users/${id}`, { version, status: 'disabled' })).statusCode).toBe(200);
    expect((await eng.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('applies a role’s new permissions to the next request of its users', async () => {
    const admin = await t.login('admin');
    await createUser(admin, { username: 'hr9', roleKey: 'hr' });
    const hr = await t.login('hr9', 'password-123');
    expect((await hr.get('/api/v1/users')).statusCode).toBe(200);
    const role = (
      (await admin.get('/api/v1/roles')).json().items as { id: number; key: string; permissions: string[]; version: number }[]
    ).find((r) => r.key === 'hr')!;
    const without = role.permissions.filter((p) => p !== 'users.read' && p !== 'users.manage');
    expect((await admin.patch(`/api/v1/roles/${role.id}`, { version: role.version, permissions: without })).statusCode).toBe(200);
    expect((await hr.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('ends the other sessions of a user at once when the password changes', async () => {
    const first = await t.login('admin');
    const second = await t.login('admin');
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await first.post('/api/v1/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: 'new-password-1' })).statusCode).toBe(
      200,
    );
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await first.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('slides the idle expiry at most once a minute and keeps a used session alive past the first idle time', async () => {
    const admin = await t.login('admin');
    const row = () => t.database.db.selectFrom('sessions').select(['last_seen_at', 'expires_at']).executeTakeFirstOrThrow();
    const first = await row();
    t.clock.advance(0.5);
    await admin.get('/api/v1/auth/session');
    expect(await row()).toEqual(first);
    t.clock.advance(10);
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
    const slid = await row();
    expect(slid.expires_at > first.expires_at).toBe(true);
    t.clock.advance(11); // 21.5 minutes after login, 11 after the last use: still inside the 12-minute idle time
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('records a token’s last use, at most once a minute', async () => {
    const admin = await t.login('admin');
    const { token, id } = (await admin.post('/api/v1/auth/tokens', { name: 'crm' })).json();
    const bearer = t.anonymous().withHeaders({ authorization: `Bearer ${token}` });
    const lastUsed = async () =>
      (await t.database.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;
    expect(await lastUsed()).toBeNull();
    await bearer.get('/api/v1/users');
    const first = await lastUsed();
    expect(first).not.toBeNull();
    t.clock.advance(0.5);
    await bearer.get('/api/v1/users');
    expect(await lastUsed()).toBe(first);
    t.clock.advance(1);
    await bearer.get('/api/v1/users');
    expect((await lastUsed())! > first!).toBe(true);
  });
});
