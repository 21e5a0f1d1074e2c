import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureAdmin, ensureRoles } from '../../bootstrap';
import { type Agent, ADMIN_PASSWORD, type TestApp, createTestApp, createUser, freshDatabase } from '../../test/harness';
import { ensureDefaultPolicy } from '../policy/policy.service';
import { TEST_PASSWORD_COST } from '../../test/harness';

// ACC-1 (issue 18 item 3): one password rule for self-service change, admin-set and first-admin passwords.

let t: TestApp;
let admin: Agent;
beforeEach(async () => {
  t = await createTestApp({ companyName: '恒通 Hengtong 科技' });
  admin = await t.login('admin');
});
afterEach(async () => t.close());

const reasonsOf = (res: { json: () => { error: { reason: string; details: { path: string; reason: string }[] } } }) =>
  res.json().error.details.map((d) => `${d.path} ${d.reason}`);

describe('ACC-1 passwords', () => {
  it('refuses weak, short and name-bearing passwords when changing one’s own, by reason key', async () => {
    const change = (newPassword: string) => admin.post('/api/v1/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword });
    const weak = await change('woaini1314');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.reason).toBe('password.tooWeak');
    expect(weak.json().error.ruleId).toBe('ACC-1');
    expect(reasonsOf(await change('Admin-Velvet-93'))).toEqual(['body.newPassword password.containsUsername']);
    expect(reasonsOf(await change('hengtong-Velvet-93'))).toEqual(['body.newPassword password.containsCompanyName']);
    expect((await change('12345678')).statusCode).toBe(400);
    expect((await change('          ')).statusCode).toBeGreaterThanOrEqual(400);
    expect((await change('Velvet-Orchid-93')).statusCode).toBe(200);
  });

  it('applies the same rule to passwords an administrator sets', async () => {
    const roles = (await admin.get('/api/v1/roles')).json().items as { id: number; key: string }[];
    const engineer = roles.find((r) => r.key === 'engineer')!.id;
    const create = (username: string, password: string) =>
      admin.post('/api/v1/users', { username, password, name: username, roleId: engineer });
    expect(reasonsOf(await create('wang.fang', 'qq123456789'))).toContain('body.password password.tooWeak');
    expect(reasonsOf(await create('wang.fang', 'wang.fang-Orchid-93'))).toContain('body.password password.containsUsername');
    expect((await create('wang.fang', 'Velvet-Orchid-93')).statusCode).toBe(201);
    const id = await createUser(admin, { username: 'eng1', roleKey: 'engineer' });
    const { version } = (await admin.get(`/api/v1/users/${id}`)).json();
    const reset = await admin.patch(`/api/v1/users/${id}`, { version, password: '5201314520' });
    expect(reset.json().error.reason).toBe('password.tooWeak');
    expect((await admin.patch(`/api/v1/users/${id}`, { version, password: 'Copper-Willow-Ferry-1' })).statusCode).toBe(200);
  });

  it('applies it to the first admin password an operator gives (first run, CLI)', async () => {
    const db = await freshDatabase();
    try {
      await ensureRoles(db.db, t.clock);
      await ensureDefaultPolicy(db.db, t.clock);
      const first = (password: string) => ensureAdmin(db.db, t.clock, TEST_PASSWORD_COST, { password, companyName: '恒通 Hengtong 科技' });
      await expect(first('zhangwei1990')).rejects.toMatchObject({ extra: { reason: 'password.tooWeak' } });
      await expect(first('admin-Orchid-93')).rejects.toMatchObject({ extra: { reason: 'password.containsUsername' } });
      expect(await first('Velvet-Orchid-93')).toBe('Velvet-Orchid-93');
    } finally {
      await db.drop();
    }
  });
});
