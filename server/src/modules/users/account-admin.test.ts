import { PORTAL_PERMISSIONS, type TPermission } from '@techserve/core';
import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, createTestApp, createUser, expectStatus } from '../../test/harness';

// Issue 18 item 1: a route × role matrix over every account-administration route (users, roles, API tokens,
// sessions). Nobody changes an account that can do or see more than they can, nor gives more than they hold;
// only an administrator touches an administrator; a password set by someone else is one-time. Two-factor sign-in
// (item 6) is part of the account: turning someone's off follows the same rule.

const PW = 'password-123';
const staff: TPermission[] = ['users.read', 'org.read', 'policy.read', 'calendars.read', 'leave.request', 'meetings.read'];

let t: TestApp;
let admin: Agent;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterEach(async () => t.close());

async function role(key: string, scope: string, permissions: TPermission[]) {
  return (await expectStatus(await admin.post('/api/v1/roles', { key, name: key, scope, permissions }))).id as number;
}

async function world() {
  const roles = (await admin.get('/api/v1/roles')).json().items as Json[];
  const roleId = (key: string) => roles.find((r) => r.key === key)?.id as number;
  const deptD = (await admin.post('/api/v1/departments', { name: '技术服务部' })).json().id;
  const deptE = (await admin.post('/api/v1/departments', { name: '销售部' })).json().id;
  const teamE = (await admin.post('/api/v1/teams', { name: 'E1', departmentId: deptE })).json().id;
  const region = (await admin.post('/api/v1/regions', { name: '上海' })).json().id;
  const c1 = (await expectStatus(await admin.post('/api/v1/customers', { name: '甲医院' }))).id;
  const c2 = (await expectStatus(await admin.post('/api/v1/customers', { name: '乙医院' }))).id;
  const clerkRole = await role('clerk', 'own', staff);
  const keeperRole = await role('keeper', 'all', [...staff, 'users.manage', 'roles.manage', 'tokens.manage', ...PORTAL_PERMISSIONS]);
  await role('contact_desk', 'all', [...staff, 'users.manage', 'customers.read', 'customers.manage', ...PORTAL_PERMISSIONS]);
  const adminId = (await admin.get('/api/v1/auth/session')).json().user.id as number;
  const ids = {
    admin: adminId,
    gm: await createUser(admin, { username: 'gm', roleKey: 'gm' }),
    finance: await createUser(admin, { username: 'fin', roleKey: 'finance' }),
    hr: await createUser(admin, { username: 'hr', roleKey: 'hr' }),
    supD: await createUser(admin, { username: 'supD', roleKey: 'supervisor', departmentId: deptD }),
    supD2: await createUser(admin, { username: 'supD2', roleKey: 'supervisor', departmentId: deptD }),
    supE: await createUser(admin, { username: 'supE', roleKey: 'supervisor', departmentId: deptE }),
    clerkD: await createUser(admin, { username: 'clerkD', roleKey: 'clerk', departmentId: deptD }),
    keeper: await createUser(admin, { username: 'keeper', roleKey: 'keeper' }),
    desk: await createUser(admin, { username: 'desk', roleKey: 'contact_desk' }),
    contact: await createUser(admin, { username: 'contact', roleKey: 'customer_contact', customerId: c1 }),
  };
  const adminToken = (await expectStatus(await admin.post('/api/v1/auth/tokens', { name: 'ci' }))).id as number;
  return { ids, roleId, clerkRole, keeperRole, deptD, deptE, teamE, region, c1, c2, adminToken };
}

type W = Awaited<ReturnType<typeof world>>;
type Case = {
  who: 'hr' | 'supD' | 'keeper' | 'desk';
  what: string;
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: Json;
  status: number;
  reason?: string;
};

function matrix(w: W): Case[] {
  const u = (id: number) => `/api/v1/users/${id}`;
  const everyField = (who: Case['who'], target: number, name: string, status: number, reason?: string): Case[] => [
    { who, what: `${name}: password`, method: 'PATCH', url: u(target), body: { version: 1, password: 'taken-over-1' }, status, reason },
    { who, what: `${name}: status`, method: 'PATCH', url: u(target), body: { version: 1, status: 'disabled' }, status, reason },
    { who, what: `${name}: name`, method: 'PATCH', url: u(target), body: { version: 1, name: 'x' }, status, reason },
    { who, what: `${name}: role`, method: 'PATCH', url: u(target), body: { version: 1, roleId: w.clerkRole }, status, reason },
    { who, what: `${name}: regions`, method: 'PATCH', url: u(target), body: { version: 1, regionIds: [w.region] }, status, reason },
    { who, what: `${name}: department`, method: 'PATCH', url: u(target), body: { version: 1, departmentId: w.deptE }, status, reason },
    { who, what: `${name}: unlock`, method: 'POST', url: `${u(target)}/unlock`, status, reason },
    { who, what: `${name}: two-factor reset`, method: 'POST', url: `${u(target)}/two-factor/reset`, status, reason },
    {
      who,
      what: `${name}: confidentiality agreement`,
      method: 'PUT',
      url: `${u(target)}/confidentiality`,
      body: { signedOn: '2026-01-05', agreementVersion: 'BM-2026' },
      status,
      reason,
    },
  ];
  return [
    // Only an administrator touches an administrator.
    ...everyField('hr', w.ids.admin, 'hr → admin', 403, 'accounts.adminOnly'),
    ...everyField('keeper', w.ids.admin, 'keeper → admin', 403, 'accounts.adminOnly'),
    // An account holding permissions the actor lacks.
    ...everyField('hr', w.ids.gm, 'hr → gm', 403, 'accounts.targetHasMore'),
    ...everyField('hr', w.ids.finance, 'hr → finance', 403, 'accounts.targetHasMore'),
    ...everyField('keeper', w.ids.gm, 'keeper → gm', 403, 'accounts.targetHasMore'),
    // Out of the actor's data scope: as missing.
    ...everyField('supD', w.ids.supE, 'supervisor → other department', 404),
    ...everyField('supD', w.ids.hr, 'supervisor → hr (no department)', 404),
    ...everyField('supD', w.ids.admin, 'supervisor → admin', 404),
    ...everyField('supD', w.ids.gm, 'supervisor → gm', 404),
    // Giving more than the actor holds.
    {
      who: 'hr',
      what: 'hr gives gm role',
      method: 'PATCH',
      url: u(w.ids.clerkD),
      body: { version: 1, roleId: w.roleId('gm') },
      status: 403,
      reason: 'accounts.grantMore',
    },
    {
      who: 'hr',
      what: 'hr gives admin role',
      method: 'PATCH',
      url: u(w.ids.clerkD),
      body: { version: 1, roleId: w.roleId('admin') },
      status: 403,
      reason: 'accounts.adminOnly',
    },
    {
      who: 'hr',
      what: 'hr creates a gm',
      method: 'POST',
      url: '/api/v1/users',
      body: { username: 'g2', password: PW, name: 'g', roleId: w.roleId('gm') },
      status: 403,
      reason: 'accounts.grantMore',
    },
    {
      who: 'hr',
      what: 'hr creates an admin',
      method: 'POST',
      url: '/api/v1/users',
      body: { username: 'a2', password: PW, name: 'a', roleId: w.roleId('admin') },
      status: 403,
      reason: 'accounts.adminOnly',
    },
    {
      who: 'supD',
      what: 'supervisor moves a peer supervisor to another department',
      method: 'PATCH',
      url: u(w.ids.supD2),
      body: { version: 1, departmentId: w.deptE },
      status: 403,
      reason: 'accounts.grantWiderScope',
    },
    {
      who: 'supD',
      what: 'supervisor creates a supervisor of another department',
      method: 'POST',
      url: '/api/v1/users',
      body: { username: 's3', password: PW, name: 's', roleId: w.roleId('supervisor'), departmentId: w.deptE },
      status: 403,
      reason: 'accounts.grantWiderScope',
    },
    {
      who: 'supD',
      what: 'supervisor gives an all-scope role',
      method: 'PATCH',
      url: u(w.ids.clerkD),
      body: { version: 1, roleId: w.keeperRole },
      status: 403,
      reason: 'accounts.grantMore',
    },
    // Customer contacts: only customers.manage with both customers in scope moves them.
    { who: 'hr', what: 'hr moves a contact', method: 'PATCH', url: u(w.ids.contact), body: { version: 1, customerId: w.c2 }, status: 403 },
    {
      who: 'keeper',
      what: 'keeper (no customers.manage) moves a contact',
      method: 'PATCH',
      url: u(w.ids.contact),
      body: { version: 1, customerId: w.c2 },
      status: 403,
      reason: 'accounts.moveContact',
    },
    // Roles: nobody edits or makes a role that can do or see more than they can; the admin role is the admin's.
    {
      who: 'keeper',
      what: 'keeper edits the admin role',
      method: 'PATCH',
      url: `/api/v1/roles/${w.roleId('admin')}`,
      body: { version: 1, name: 'x' },
      status: 403,
      reason: 'accounts.adminOnly',
    },
    {
      who: 'keeper',
      what: 'keeper edits the gm role',
      method: 'PATCH',
      url: `/api/v1/roles/${w.roleId('gm')}`,
      body: { version: 1, name: 'x' },
      status: 403,
      reason: 'accounts.targetHasMore',
    },
    {
      who: 'keeper',
      what: 'keeper adds audit.read to a role',
      method: 'PATCH',
      url: `/api/v1/roles/${w.clerkRole}`,
      body: { version: 1, permissions: [...staff, 'audit.read'] },
      status: 403,
      reason: 'accounts.grantMore',
    },
    {
      who: 'keeper',
      what: 'keeper adds audit.read to own role',
      method: 'PATCH',
      url: `/api/v1/roles/${w.keeperRole}`,
      body: { version: 1, permissions: [...staff, 'roles.manage', 'audit.read'] },
      status: 403,
      reason: 'accounts.grantMore',
    },
    {
      who: 'keeper',
      what: 'keeper creates a role with policy.manage',
      method: 'POST',
      url: '/api/v1/roles',
      body: { key: 'x1', name: 'x', scope: 'own', permissions: ['policy.manage'] },
      status: 403,
      reason: 'accounts.grantMore',
    },
    {
      who: 'keeper',
      what: 'keeper turns off two-factor sign-in for the admin role',
      method: 'PATCH',
      url: `/api/v1/roles/${w.roleId('admin')}`,
      body: { version: 1, requireTwoFactor: false },
      status: 403,
      reason: 'accounts.adminOnly',
    },
    {
      who: 'keeper',
      what: 'keeper turns on two-factor sign-in for the gm role',
      method: 'PATCH',
      url: `/api/v1/roles/${w.roleId('gm')}`,
      body: { version: 1, requireTwoFactor: true },
      status: 403,
      reason: 'accounts.targetHasMore',
    },
    {
      who: 'keeper',
      what: 'keeper deletes the admin role',
      method: 'DELETE',
      url: `/api/v1/roles/${w.roleId('admin')}`,
      status: 403,
      reason: 'accounts.adminOnly',
    },
    {
      who: 'keeper',
      what: 'keeper deletes the gm role',
      method: 'DELETE',
      url: `/api/v1/roles/${w.roleId('gm')}`,
      status: 403,
      reason: 'accounts.targetHasMore',
    },
    {
      who: 'hr',
      what: 'hr edits a role',
      method: 'PATCH',
      url: `/api/v1/roles/${w.clerkRole}`,
      body: { version: 1, name: 'x' },
      status: 403,
    },
    {
      who: 'supD',
      what: 'supervisor creates a role',
      method: 'POST',
      url: '/api/v1/roles',
      body: { key: 'x2', name: 'x', scope: 'own', permissions: [] },
      status: 403,
    },
    // API tokens and sessions belong to their user: another's token is missing, without the permission forbidden.
    { who: 'keeper', what: "keeper revokes the admin's token", method: 'DELETE', url: `/api/v1/auth/tokens/${w.adminToken}`, status: 404 },
    { who: 'hr', what: "hr revokes the admin's token", method: 'DELETE', url: `/api/v1/auth/tokens/${w.adminToken}`, status: 403 },
  ];
}

const snapshot = async () =>
  JSON.stringify({
    users: await t.database.db.selectFrom('users').selectAll().orderBy('id').execute(),
    roles: await t.database.db.selectFrom('roles').selectAll().orderBy('id').execute(),
    regions: await t.database.db.selectFrom('user_regions').selectAll().orderBy('user_id').orderBy('region_id').execute(),
    tokens: await t.database.db.selectFrom('api_tokens').select(['id', 'revoked_at']).orderBy('id').execute(),
    twoFactor: await t.database.db.selectFrom('user_two_factor').selectAll().orderBy('user_id').execute(),
    recoveryCodes: await t.database.db.selectFrom('two_factor_recovery_codes').selectAll().orderBy('id').execute(),
    confidentiality: await t.database.db.selectFrom('confidentiality_agreements').selectAll().orderBy('user_id').execute(),
    audit: await t.database.db.selectFrom('audit_log').select(['id', 'action', 'entity', 'entity_id']).orderBy('id').execute(),
  });

/** Turns on the agent's own two-factor sign-in, the code computed by a real TOTP library at the test clock's time. */
async function enrolTwoFactor(agent: Agent) {
  const started = await expectStatus(await agent.post('/api/v1/auth/two-factor/enrol'), 200);
  const code = await generate({ secret: started.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
  await expectStatus(await agent.post('/api/v1/auth/two-factor/confirm', { code }), 200);
}

const twoFactorOn = async (userId: number) =>
  (await t.database.db.selectFrom('user_two_factor').select('enabled_at').where('user_id', '=', userId).executeTakeFirst())?.enabled_at !=
  null;

describe('account administration: escalation matrix', () => {
  it('refuses every escalation path with 403 or 404 and changes nothing', async () => {
    const w = await world();
    const agents = {
      hr: await t.login('hr', PW),
      supD: await t.login('supD', PW),
      keeper: await t.login('keeper', PW),
      desk: await t.login('desk', PW),
    };
    // The admin and the GM have two-factor sign-in on: resetting it is one of the escalation paths.
    await enrolTwoFactor(admin);
    await enrolTwoFactor(await t.login('gm', PW));
    const sessionsBefore = await t.database.db.selectFrom('sessions').select('id').orderBy('id').execute();
    const before = await snapshot();
    const wrong: string[] = [];
    for (const c of matrix(w)) {
      const res = await agents[c.who].request(c.method, c.url, c.body);
      const reason = res.statusCode >= 400 ? (res.json().error?.reason as string | undefined) : undefined;
      if (res.statusCode !== c.status || (c.reason && reason !== c.reason))
        wrong.push(`${c.what}: ${res.statusCode} ${reason ?? res.body}`);
    }
    expect(wrong).toEqual([]);
    // Not even one's own through the administration route: only with the password and a code (/auth/two-factor/disable).
    const own = await admin.post(`/api/v1/users/${w.ids.admin}/two-factor/reset`);
    expect([own.statusCode, own.json().error?.reason]).toEqual([403, 'twoFactor.resetOwn']);
    expect(await snapshot()).toBe(before);
    expect([await twoFactorOn(w.ids.admin), await twoFactorOn(w.ids.gm)]).toEqual([true, true]);
    expect(await t.database.db.selectFrom('sessions').select('id').orderBy('id').execute()).toEqual(sessionsBefore);
  });

  it('lets the same actors do what is within their reach, with an audit entry each', async () => {
    const w = await world();
    const hr = await t.login('hr', PW);
    const supD = await t.login('supD', PW);
    const desk = await t.login('desk', PW);
    const keeper = await t.login('keeper', PW);
    await expectStatus(await hr.patch(`/api/v1/users/${w.ids.clerkD}`, { version: 1, name: '张三' }), 200);
    await expectStatus(await supD.patch(`/api/v1/users/${w.ids.supD2}`, { version: 1, phone: '13800000000' }), 200);
    await expectStatus(await desk.patch(`/api/v1/users/${w.ids.contact}`, { version: 1, customerId: w.c2 }), 200);
    await expectStatus(await keeper.patch(`/api/v1/roles/${w.clerkRole}`, { version: 1, permissions: [...staff, 'tickets.read'] }), 200);
    // Two-factor reset (item 6): the admin may turn off the GM's, the supervisor that of an account of the department
    // holding nothing the supervisor lacks (the clerk; the built-in engineer holds reports.write, which the supervisor
    // does not, so the rule keeps the supervisor from administering engineers at all).
    await enrolTwoFactor(await t.login('gm', PW));
    await enrolTwoFactor(await t.login('clerkD', PW));
    await expectStatus(await admin.post(`/api/v1/users/${w.ids.gm}/two-factor/reset`), 200);
    await expectStatus(await supD.post(`/api/v1/users/${w.ids.clerkD}/two-factor/reset`), 200);
    expect([await twoFactorOn(w.ids.gm), await twoFactorOn(w.ids.clerkD)]).toEqual([false, false]);
    await expectStatus(await admin.patch(`/api/v1/users/${w.ids.gm}`, { version: 1, status: 'disabled' }), 200);
    const audit = await t.database.db.selectFrom('audit_log').select(['entity', 'entity_id', 'action']).execute();
    const resets = audit.filter((a) => a.action === 'two_factor_reset').map((a) => Number(a.entity_id));
    expect(resets.sort((a, b) => a - b)).toEqual([w.ids.gm, w.ids.clerkD].sort((a, b) => a - b));
    for (const [entity, id] of [
      ['user', w.ids.clerkD],
      ['user', w.ids.supD2],
      ['user', w.ids.contact],
      ['role', w.clerkRole],
      ['user', w.ids.gm],
    ] as const) {
      expect(audit.some((a) => a.action === 'update' && a.entity === entity && Number(a.entity_id) === id)).toBe(true);
    }
  });
});

describe('a password set by someone else is one-time', () => {
  it('lets the user only change the password, read the session and sign out until they choose their own', async () => {
    const w = await world();
    const hr = await t.login('hr', PW);
    await expectStatus(await hr.patch(`/api/v1/users/${w.ids.clerkD}`, { version: 1, password: 'Reset-Copper-Willow-1' }), 200);
    const clerk = await t.login('clerkD', 'Reset-Copper-Willow-1');
    const session = (await expectStatus(await clerk.get('/api/v1/auth/session'), 200)) as Json;
    expect(session.user.mustChangePassword).toBe(true);
    const refused = await clerk.get('/api/v1/users');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.reason).toBe('accounts.passwordChangeRequired');
    expect((await clerk.get('/api/v1/departments')).json().error.reason).toBe('accounts.passwordChangeRequired');
    await expectStatus(
      await clerk.post('/api/v1/auth/password', { currentPassword: 'Reset-Copper-Willow-1', newPassword: 'my-own-choice-7' }),
      200,
    );
    await expectStatus(await clerk.get('/api/v1/users'), 200);
    expect((await clerk.get('/api/v1/auth/session')).json().user.mustChangePassword).toBe(false);
  });

  it('makes a newly created account choose its password at the first sign-in, but not a password one sets oneself', async () => {
    const id = await createUser(admin, { username: 'fresh', roleKey: 'engineer', keepOneTimePassword: true });
    const fresh = await t.login('fresh', PW);
    expect((await fresh.get('/api/v1/users')).statusCode).toBe(403);
    const adminId = (await admin.get('/api/v1/auth/session')).json().user.id as number;
    const me = (await admin.get(`/api/v1/users/${adminId}`)).json();
    await expectStatus(await admin.patch(`/api/v1/users/${adminId}`, { version: me.version, password: 'Quiet-Meadow-Ferry-2' }), 200);
    const again = await t.login('admin', 'Quiet-Meadow-Ferry-2');
    await expectStatus(await again.get('/api/v1/users'), 200);
    expect(id).toBeGreaterThan(0);
  });
});

/**
 * The routes that act on the caller's own account and take no id: nothing in them can reach another account (item 6
 * self-service two-factor, item 3/4 own password, own sessions and own API tokens).
 */
const SELF_ONLY = [
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/two-factor/enrol',
  'POST /api/v1/auth/two-factor/confirm',
  'POST /api/v1/auth/two-factor/disable',
  'POST /api/v1/auth/two-factor/recovery-codes',
  'POST /api/v1/auth/tokens',
];

describe('the matrix covers every account-administration route', () => {
  it('has escalation rows for every route that changes users, roles, API tokens or sessions; the rest act only on the caller', () => {
    // The matrix's rows as route templates, built over a stand-in world (ids do not matter here).
    const ids = new Proxy({}, { get: () => 7 });
    const anyWorld = new Proxy({}, { get: (_, k) => (k === 'ids' ? ids : k === 'roleId' ? () => 7 : 7) }) as W;
    const rows = new Set(matrix(anyWorld).map((c) => `${c.method} ${c.url.replace(/\/\d+(?=\/|$)/g, '/:id')}`));
    const account = t.app.routeList.filter(
      (r) =>
        r.method !== 'GET' &&
        !r.public &&
        (/^\/api\/v1\/(users|roles|sessions|auth)(\/|$)/.test(r.url) ||
          ['users.manage', 'roles.manage', 'tokens.manage'].includes(r.permission ?? '')),
    );
    const keys = account.map((r) => `${r.method} ${r.url.replace(/\/:\w+/g, '/:id')}`);
    expect(keys.filter((k) => !rows.has(k) && !SELF_ONLY.includes(k))).toEqual([]);
    expect(SELF_ONLY.filter((k) => !keys.includes(k))).toEqual([]);
    expect(SELF_ONLY.every((k) => !k.includes(':'))).toBe(true);
  });
});
