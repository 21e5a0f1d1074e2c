import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';

let t: TestApp;
let admin: Agent;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterEach(async () => t.close());

describe('audit log', () => {
  it('records who changed what with before and after', async () => {
    const r = (await admin.post('/api/v1/regions', { name: '华东' })).json();
    await admin.patch(`/api/v1/regions/${r.id}`, { version: 1, name: '华东区' });
    const items = (await admin.get(`/api/v1/audit?entity=region&entityId=${r.id}`)).json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['update', 'create']);
    expect(items[0]).toMatchObject({ actorName: '系统管理员', before: { name: '华东' }, after: { name: '华东区' } });
  });

  it('is append-only in the database itself', async () => {
    await admin.post('/api/v1/regions', { name: 'X' });
    await expect(sql`update audit_log set action = 'forged'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('is readable only with audit.read', async () => {
    await createUser(admin, { username: 'eng', roleKey: 'engineer' });
    const eng = await t.login('eng', 'password-123');
    expect((await eng.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('filters by time range and pages newest first', async () => {
    await admin.post('/api/v1/regions', { name: 'A' });
    t.clock.advance(60);
    const cut = t.clock.now().toISOString();
    await admin.post('/api/v1/regions', { name: 'B' });
    const after = (await admin.get(`/api/v1/audit?entity=region&from=${cut}`)).json().items;
    expect(after.map((i: { after: { name: string } }) => i.after.name)).toEqual(['B']);
    const page1 = (await admin.get('/api/v1/audit?limit=1')).json();
    const page2 = (await admin.get(`/api/v1/audit?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].id).toBeLessThan(page1.items[0].id);
  });
});
