import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';

let t: TestApp;
let admin: Agent;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterEach(async () => t.close());

async function org() {
  const dept = (await admin.post('/api/v1/departments', { name: '技术服务部' })).json().id;
  const other = (await admin.post('/api/v1/departments', { name: '销售部' })).json().id;
  const teamA = (await admin.post('/api/v1/teams', { name: 'A', departmentId: dept })).json().id;
  const teamB = (await admin.post('/api/v1/teams', { name: 'B', departmentId: dept })).json().id;
  const region = (await admin.post('/api/v1/regions', { name: '上海' })).json().id;
  return { dept, other, teamA, teamB, region };
}

describe('data scopes (enforced in the repository)', () => {
  it('shows an engineer only their own record and hides others as 404', async () => {
    const o = await org();
    const me = await createUser(admin, { username: 'eng1', roleKey: 'engineer', departmentId: o.dept, teamId: o.teamA });
    const peer = await createUser(admin, { username: 'eng2', roleKey: 'engineer', departmentId: o.dept, teamId: o.teamA });
    const eng = await t.login('eng1', 'password-123');
    const list = (await eng.get('/api/v1/users')).json();
    expect(list.items.map((u: { id: number }) => u.id)).toEqual([me]);
    expect((await eng.get(`/api/v1/users/${peer}`)).statusCode).toBe(404);
  });

  it('shows a team lead their team, a supervisor their department', async () => {
    const o = await org();
    await createUser(admin, { username: 'lead', roleKey: 'team_lead', departmentId: o.dept, teamId: o.teamA });
    const a2 = await createUser(admin, { username: 'a2', roleKey: 'engineer', departmentId: o.dept, teamId: o.teamA });
    const b1 = await createUser(admin, { username: 'b1', roleKey: 'engineer', departmentId: o.dept, teamId: o.teamB });
    const s1 = await createUser(admin, { username: 's1', roleKey: 'sales', departmentId: o.other });
    await createUser(admin, { username: 'sup', roleKey: 'supervisor', departmentId: o.dept });
    const lead = await t.login('lead', 'password-123');
    const leadIds = (await lead.get('/api/v1/users')).json().items.map((u: { id: number }) => u.id);
    expect(leadIds).toContain(a2);
    expect(leadIds).not.toContain(b1);
    const sup = await t.login('sup', 'password-123');
    const supIds = (await sup.get('/api/v1/users')).json().items.map((u: { id: number }) => u.id);
    expect(supIds).toEqual(expect.arrayContaining([a2, b1]));
    expect(supIds).not.toContain(s1);
    expect((await sup.get(`/api/v1/users/${s1}`)).statusCode).toBe(404);
  });

  it('shows a region-scoped user the users of their regions', async () => {
    const o = await org();
    const other = (await admin.post('/api/v1/regions', { name: '广东' })).json().id;
    await createUser(admin, { username: 'sales1', roleKey: 'sales', regionIds: [o.region] });
    const inRegion = await createUser(admin, { username: 'e1', roleKey: 'engineer', regionIds: [o.region] });
    const outside = await createUser(admin, { username: 'e2', roleKey: 'engineer', regionIds: [other] });
    const sales = await t.login('sales1', 'password-123');
    const ids = (await sales.get('/api/v1/users')).json().items.map((u: { id: number }) => u.id);
    expect(ids).toContain(inRegion);
    expect(ids).not.toContain(outside);
  });

  it('lets a supervisor manage only users of their department', async () => {
    const o = await org();
    await createUser(admin, { username: 'sup', roleKey: 'supervisor', departmentId: o.dept });
    const s1 = await createUser(admin, { username: 's1', roleKey: 'sales', departmentId: o.other });
    const sup = await t.login('sup', 'password-123');
    const res = await sup.patch(`/api/v1/users/${s1}`, { version: 1, name: 'hijack' });
    expect(res.statusCode).toBe(404);
    const row = await t.database.db.selectFrom('users').select('name').where('id', '=', s1).executeTakeFirstOrThrow();
    expect(row.name).toBe('s1');
  });
});

describe('user administration', () => {
  it('creates a user with regions and skills and writes an audit entry', async () => {
    const o = await org();
    const res = await admin.post('/api/v1/users', {
      username: 'liu',
      password: 'Kestrel-harbour-lantern-9',
      name: '刘洋',
      employeeNo: 'E1',
      phone: '13800000000',
      email: 'liu@example.com',
      roleId: 6,
      departmentId: o.dept,
      teamId: o.teamA,
      regionIds: [o.region],
      skills: ['network'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'liu', regionIds: [o.region], skills: ['network'], version: 1 });
    const audit = (await admin.get('/api/v1/audit?entity=user&action=create')).json().items;
    expect(audit[0].after.username).toBe('liu');
    expect(JSON.stringify(audit[0])).not.toContain('Kestrel-harbour-lantern-9');
  });

  it('rejects a stale version with 409 and keeps the newer change', async () => {
    const id = await createUser(admin, { username: 'x1', roleKey: 'engineer' });
    expect((await admin.patch(`/api/v1/users/${id}`, { version: 1, name: 'first' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/users/${id}`, { version: 1, name: 'second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await admin.get(`/api/v1/users/${id}`)).json().name).toBe('first');
  });

  it('rejects unknown referenced ids with 422 naming the field, creating nothing', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'ghost',
      password: 'Kestrel-harbour-lantern-9',
      name: 'g',
      roleId: 6,
      teamId: 999,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('body.teamId');
    expect(await t.database.db.selectFrom('users').select('id').where('username', '=', 'ghost').executeTakeFirst()).toBeUndefined();
  });

  it('rejects a duplicate user name with 409', async () => {
    await createUser(admin, { username: 'dup', roleKey: 'engineer' });
    const res = await admin.post('/api/v1/users', { username: 'dup', password: 'Kestrel-harbour-lantern-9', name: 'd', roleId: 6 });
    expect(res.statusCode).toBe(409);
  });

  it('does not let HR hand out the admin role', async () => {
    await createUser(admin, { username: 'hr1', roleKey: 'hr' });
    const hr = await t.login('hr1', 'password-123');
    const res = await hr.post('/api/v1/users', { username: 'evil', password: 'password-123', name: 'e', roleId: 1 });
    expect(res.statusCode).toBe(403);
  });

  it('does not let an engineer create users', async () => {
    await createUser(admin, { username: 'eng', roleKey: 'engineer' });
    const eng = await t.login('eng', 'password-123');
    expect((await eng.post('/api/v1/users', { username: 'n', password: 'password-123', name: 'n', roleId: 6 })).statusCode).toBe(403);
  });

  it('searches names literally: % and _ are not wildcards', async () => {
    await createUser(admin, { username: 'a_b', roleKey: 'engineer', name: '王_五' });
    await createUser(admin, { username: 'axb', roleKey: 'engineer', name: '王x五' });
    const pct = (await admin.get('/api/v1/users?q=%25')).json().items;
    expect(pct).toEqual([]);
    const underscore = (await admin.get('/api/v1/users?q=_')).json().items.map((u: { username: string }) => u.username);
    expect(underscore).toEqual(['a_b']);
  });

  it('pages through users with a keyset cursor', async () => {
    for (let i = 0; i < 5; i++) await createUser(admin, { username: `p${i}`, roleKey: 'engineer' });
    const first = (await admin.get('/api/v1/users?limit=4')).json();
    expect(first.items).toHaveLength(4);
    const second = (await admin.get(`/api/v1/users?limit=4&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect((await admin.get('/api/v1/users?cursor=garbage')).statusCode).toBe(400);
  });

  it('unlocks a locked-out user', async () => {
    const id = await createUser(admin, { username: 'lk', roleKey: 'engineer' });
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'lk', password: 'bad' },
        remoteAddress: '10.5.5.5',
      });
    }
    expect((await admin.get(`/api/v1/users/${id}`)).json().lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/v1/users/${id}/unlock`)).json().lockedUntil).toBeNull();
  });
});
