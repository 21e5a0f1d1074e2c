import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Agent, type Json, type TestApp, createTestApp, createUser, expectStatus } from '../../test/harness';

// Issue 18 item 6: two-factor sign-in, the codes computed by a real TOTP library at the test clock's time.
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

let address = 1;
const passwordStep = (username: string, password: string, ip = `10.8.0.${address++}`) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });
const codeStep = (challenge: string, code: string, ip = `10.8.1.${address++}`) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login/two-factor', payload: { challenge, code }, remoteAddress: ip });
/** The app's code at the test clock's time, `steps` 30-second steps away. */
const codeOf = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + steps * 30 });
const agentOf = (res: { cookies: { name: string; value: string }[]; json: () => Json }) =>
  new Agent(t.app, res.cookies.find((c) => c.name === 'ts_session')!.value, res.json().csrfToken);

/** Enrols the agent's user; answers the secret and the recovery codes. */
async function enrol(agent: Agent) {
  const started = await expectStatus(await agent.post('/api/v1/auth/two-factor/enrol'), 200);
  const confirmed = await expectStatus(await agent.post('/api/v1/auth/two-factor/confirm', { code: await codeOf(started.secret) }), 200);
  return { secret: started.secret as string, recoveryCodes: confirmed.recoveryCodes as string[], started };
}

/** Password then code; answers the signed-in agent. */
async function signIn(username: string, password: string, code: string) {
  const first = await expectStatus(await passwordStep(username, password), 200);
  const second = await codeStep(first.challenge, code);
  await expectStatus(second, 200);
  return agentOf(second);
}

const auditActions = async (userId: number) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(userId))
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('enrolment', () => {
  it('answers an otpauth URI, a PNG data: QR code and the key, and is off until confirmed with a code', async () => {
    const admin = await t.login('admin');
    const started = await expectStatus(await admin.post('/api/v1/auth/two-factor/enrol'), 200);
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/.+:admin\?secret=[A-Z2-7]+/);
    expect(started.uri).toContain(started.secret);
    expect(started.qr).toMatch(/^data:image\/png;base64,/);
    expect((await admin.get('/api/v1/auth/two-factor')).json()).toMatchObject({ enabled: false, required: false });
    // Still off: the password alone signs in.
    expect((await passwordStep('admin', ADMIN_PASSWORD)).json().csrfToken).toBeTruthy();

    const wrong = await admin.post('/api/v1/auth/two-factor/confirm', {
      code: '000000' === (await codeOf(started.secret)) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.reason).toBe('twoFactor.wrongCode');

    const confirmed = await expectStatus(await admin.post('/api/v1/auth/two-factor/confirm', { code: await codeOf(started.secret) }), 200);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect((await admin.get('/api/v1/auth/two-factor')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await admin.get('/api/v1/auth/session')).json().user.twoFactor).toEqual({ enabled: true, required: false });
  });

  it('keeps only hashes of the recovery codes and never puts the secret into the audit log', async () => {
    const admin = await t.login('admin');
    const { secret, recoveryCodes } = await enrol(admin);
    const stored = await t.database.db.selectFrom('two_factor_recovery_codes').select('code_hash').execute();
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.map((s) => s.code_hash).join(' ')).not.toContain(code.replace('-', ''));
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).execute();
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(audit.map((a) => a.action)).toContain('two_factor_enabled');
  });

  it('refuses to start over while it is on, and a confirmation without a started enrolment', async () => {
    const admin = await t.login('admin');
    const none = await admin.post('/api/v1/auth/two-factor/confirm', { code: '123456' });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.reason).toBe('twoFactor.noEnrolment');
    await enrol(admin);
    const again = await admin.post('/api/v1/auth/two-factor/enrol');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('twoFactor.alreadyEnabled');
  });

  it('ends the user’s other sessions when it is turned on', async () => {
    const admin = await t.login('admin');
    const other = await t.login('admin');
    await enrol(admin);
    expect((await other.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
  });
});

describe('signing in with two factors', () => {
  it('answers a challenge instead of a session after the password, and the code opens the session', async () => {
    const admin = await t.login('admin');
    const { secret } = await enrol(admin);
    t.clock.advance(1);
    const first = await passwordStep('admin', ADMIN_PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.cookies.find((c) => c.name === 'ts_session')).toBeUndefined();
    expect(first.json()).toMatchObject({ twoFactorRequired: true, expiresAt: '2026-03-02T01:06:00.000Z' });
    const second = await codeStep(first.json().challenge, await codeOf(secret));
    expect(second.statusCode).toBe(200);
    expect(second.json().user.username).toBe('admin');
    expect((await agentOf(second).get('/api/v1/users')).statusCode).toBe(200);
  });

  it('accepts the code of the step before and after the server’s, not two steps away', async () => {
    const admin = await t.login('admin');
    const { secret } = await enrol(admin);
    t.clock.advance(1);
    const challenge = async () => (await passwordStep('admin', ADMIN_PASSWORD)).json().challenge as string;
    expect((await codeStep(await challenge(), await codeOf(secret, -2))).statusCode).toBe(401);
    expect((await codeStep(await challenge(), await codeOf(secret, 2))).statusCode).toBe(401);
    expect((await codeStep(await challenge(), await codeOf(secret, -1))).statusCode).toBe(200);
    t.clock.advance(0.5);
    expect((await codeStep(await challenge(), await codeOf(secret, 1))).statusCode).toBe(200);
  });

  it('refuses a code used already (the same time step), counted as a failure', async () => {
    const admin = await t.login('admin');
    const { secret } = await enrol(admin);
    t.clock.advance(1);
    const code = await codeOf(secret);
    await signIn('admin', ADMIN_PASSWORD, code);
    const again = await codeStep((await passwordStep('admin', ADMIN_PASSWORD)).json().challenge, code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.reason).toBe('twoFactor.codeUsed');
    const row = await t.database.db.selectFrom('users').select('failed_logins').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(1);
    // The next step's code works.
    t.clock.advance(0.5);
    await signIn('admin', ADMIN_PASSWORD, await codeOf(secret));
  });

  it('counts wrong codes towards the account lock like wrong passwords; the right password does not reset the count', async () => {
    const admin = await t.login('admin');
    const { secret } = await enrol(admin);
    t.clock.advance(1);
    const right = await codeOf(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      const res = await codeStep((await passwordStep('admin', ADMIN_PASSWORD)).json().challenge, wrong);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.reason).toBe('twoFactor.wrongCode');
    }
    const challenge = (await passwordStep('admin', ADMIN_PASSWORD)).json().challenge;
    const fifth = await codeStep(challenge, wrong);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.reason).toBe('auth.locked');
    // Locked: neither the password nor the right code gets in until the lock ends.
    expect((await passwordStep('admin', ADMIN_PASSWORD)).statusCode).toBe(429);
    expect((await codeStep(challenge, right)).statusCode).toBe(401);
    t.clock.advance(16);
    await signIn('admin', ADMIN_PASSWORD, await codeOf(secret));
    expect(await auditActions(1)).toContain('two_factor_locked');
  });

  it('limits wrong codes from one address like wrong passwords', async () => {
    const admin = await t.login('admin');
    const { secret } = await enrol(admin);
    t.clock.advance(1);
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push((await codeStep(`not-a-challenge-${String(i).padStart(4, '0')}`, '123456', '10.6.6.6')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    const challenge = (await passwordStep('admin', ADMIN_PASSWORD)).json().challenge;
    expect((await codeStep(challenge, await codeOf(secret), '10.6.6.6')).statusCode).toBe(429);
  });

  it('refuses an expired challenge', async () => {
    const admin = await t.login('admin');
    const { secret } = await enrol(admin);
    t.clock.advance(1);
    const challenge = (await passwordStep('admin', ADMIN_PASSWORD)).json().challenge;
    t.clock.advance(5);
    const res = await codeStep(challenge, await codeOf(secret));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.reason).toBe('twoFactor.challengeExpired');
  });

  it('lets a recovery code in once, with or without its dash', async () => {
    const admin = await t.login('admin');
    const { recoveryCodes } = await enrol(admin);
    const code = recoveryCodes[3];
    const agent = await signIn('admin', ADMIN_PASSWORD, code.toUpperCase().replace('-', ' '));
    expect((await agent.get('/api/v1/auth/two-factor')).json().recoveryCodesLeft).toBe(9);
    const again = await codeStep((await passwordStep('admin', ADMIN_PASSWORD)).json().challenge, code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.reason).toBe('twoFactor.wrongCode');
    await signIn('admin', ADMIN_PASSWORD, recoveryCodes[4]);
  });

  it('uses a challenge once', async () => {
    const admin = await t.login('admin');
    const { recoveryCodes } = await enrol(admin);
    const challenge = (await passwordStep('admin', ADMIN_PASSWORD)).json().challenge;
    expect((await codeStep(challenge, recoveryCodes[0])).statusCode).toBe(200);
    expect((await codeStep(challenge, recoveryCodes[1])).json().error.reason).toBe('twoFactor.challengeExpired');
  });
});

describe('turning it off and renewing recovery codes', () => {
  it('turns it off only with the password and a code; the password alone signs in again', async () => {
    const admin = await t.login('admin');
    const { secret } = await enrol(admin);
    t.clock.advance(1);
    const noPassword = await admin.post('/api/v1/auth/two-factor/disable', { password: 'wrong', code: await codeOf(secret) });
    expect(noPassword.statusCode).toBe(422);
    expect(noPassword.json().error.details[0]).toMatchObject({ path: 'body.password', reason: 'auth.wrongCurrentPassword' });
    const noCode = await admin.post('/api/v1/auth/two-factor/disable', { password: ADMIN_PASSWORD, code: '12345678' });
    expect(noCode.statusCode).toBe(422);
    expect(noCode.json().error.reason).toBe('twoFactor.wrongCode');
    const row = await t.database.db.selectFrom('users').select('failed_logins').where('id', '=', 1).executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(2);
    await expectStatus(await admin.post('/api/v1/auth/two-factor/disable', { password: ADMIN_PASSWORD, code: await codeOf(secret) }), 200);
    expect((await passwordStep('admin', ADMIN_PASSWORD)).json().csrfToken).toBeTruthy();
    expect(await t.database.db.selectFrom('two_factor_recovery_codes').select('id').execute()).toEqual([]);
    expect(await auditActions(1)).toEqual(expect.arrayContaining(['two_factor_enabled', 'two_factor_failed', 'two_factor_disabled']));
  });

  it('renews the recovery codes with a code: the old ones stop working', async () => {
    const admin = await t.login('admin');
    const { secret, recoveryCodes } = await enrol(admin);
    t.clock.advance(1);
    const renewed = await expectStatus(await admin.post('/api/v1/auth/two-factor/recovery-codes', { code: await codeOf(secret) }), 200);
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(renewed.recoveryCodes).not.toContain(recoveryCodes[0]);
    const old = await codeStep((await passwordStep('admin', ADMIN_PASSWORD)).json().challenge, recoveryCodes[0]);
    expect(old.statusCode).toBe(401);
    await signIn('admin', ADMIN_PASSWORD, renewed.recoveryCodes[0]);
    expect(await auditActions(1)).toContain('two_factor_recovery_codes_renewed');
  });
});

describe('required by a role', () => {
  async function requireFor(admin: Agent, key: string, on = true) {
    const role = ((await admin.get('/api/v1/roles')).json().items as Json[]).find((r) => r.key === key)!;
    const res = await admin.patch(`/api/v1/roles/${role.id}`, { version: role.version, requireTwoFactor: on });
    return expectStatus(res, 200);
  }

  it('is off for every built-in role until an administrator turns it on', async () => {
    const admin = await t.login('admin');
    const roles = (await admin.get('/api/v1/roles')).json().items as Json[];
    expect(roles.length).toBeGreaterThan(3);
    expect(roles.every((r) => r.requireTwoFactor === false)).toBe(true);
  });

  it('lets a user of such a role only set it up after the password, then everything', async () => {
    const admin = await t.login('admin');
    const id = await createUser(admin, { username: 'fin1', roleKey: 'hr' });
    const role = await requireFor(admin, 'hr');
    expect(role.requireTwoFactor).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'role')
      .where('entity_id', '=', String(role.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before!).requireTwoFactor).toBe(false);
    expect(JSON.parse(audit.after!).requireTwoFactor).toBe(true);

    const user = await t.login('fin1', 'password-123');
    const session = (await user.get('/api/v1/auth/session')).json();
    expect(session.user.twoFactor).toEqual({ enabled: false, required: true });
    const refused = await user.get('/api/v1/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe('twoFactor.enrolmentRequired');
    const { secret } = await enrol(user);
    expect((await user.get('/api/v1/users')).statusCode).toBe(200);
    t.clock.advance(1);
    await signIn('fin1', 'password-123', await codeOf(secret));
    expect(await auditActions(id)).toContain('two_factor_enabled');
  });

  it('does not touch API tokens of users whose role requires it', async () => {
    const admin = await t.login('admin');
    const { token } = await expectStatus(await admin.post('/api/v1/auth/tokens', { name: 'crm' }));
    await requireFor(admin, 'admin');
    const bearer = t.anonymous().withHeaders({ authorization: `Bearer ${token}` });
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(200);
    expect((await bearer.post('/api/v1/regions', { name: '华东' })).statusCode).toBe(201);
    // Setting it up is for a person in a browser session.
    const viaToken = await bearer.post('/api/v1/auth/two-factor/enrol');
    expect(viaToken.statusCode).toBe(403);
    expect(viaToken.json().error.reason).toBe('twoFactor.sessionOnly');
    // The admin's cookie session, without the second factor, may only set it up now.
    expect((await admin.get('/api/v1/users')).json().error.reason).toBe('twoFactor.enrolmentRequired');
  });

  it('is changed only by those who may edit roles', async () => {
    const admin = await t.login('admin');
    await createUser(admin, { username: 'hr2', roleKey: 'hr' });
    const hr = await t.login('hr2', 'password-123');
    const role = ((await admin.get('/api/v1/roles')).json().items as Json[]).find((r) => r.key === 'engineer')!;
    const res = await hr.patch(`/api/v1/roles/${role.id}`, { version: role.version, requireTwoFactor: true });
    expect(res.statusCode).toBe(403);
  });
});

describe('reset by an administrator', () => {
  it('turns off the two-factor sign-in of a user who lost the phone, only for those who may administer the account', async () => {
    const admin = await t.login('admin');
    const id = await createUser(admin, { username: 'eng5', roleKey: 'engineer' });
    await createUser(admin, { username: 'eng6', roleKey: 'engineer' });
    const user = await t.login('eng5', 'password-123');
    await enrol(user);
    const other = await t.login('eng6', 'password-123');
    expect((await other.post(`/api/v1/users/${id}/two-factor/reset`)).statusCode).toBe(403);
    await expectStatus(await admin.post(`/api/v1/users/${id}/two-factor/reset`), 200);
    expect((await passwordStep('eng5', 'password-123')).json().csrfToken).toBeTruthy();
    const again = await admin.post(`/api/v1/users/${id}/two-factor/reset`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('twoFactor.notEnabled');
    expect(await auditActions(id)).toContain('two_factor_reset');
  });
});

describe('starting over', () => {
  it('replaces an unconfirmed secret with a new one, also when two starts arrive at once', async () => {
    const admin = await t.login('admin');
    const [a, b] = await Promise.all([admin.post('/api/v1/auth/two-factor/enrol'), admin.post('/api/v1/auth/two-factor/enrol')]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const last = await expectStatus(await admin.post('/api/v1/auth/two-factor/enrol'), 200);
    const rows = await t.database.db.selectFrom('user_two_factor').select('secret').execute();
    expect(rows).toEqual([{ secret: last.secret }]);
    await expectStatus(await admin.post('/api/v1/auth/two-factor/confirm', { code: await codeOf(last.secret) }), 200);
  });
});
