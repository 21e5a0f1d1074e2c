import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';

let t: TestApp;
let admin: Agent;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterEach(async () => t.close());

describe('organisation (ORG-1..4)', () => {
  it('creates a department with a team that has a lead and a deputy (ORG-1)', async () => {
    const dept = (await admin.post('/api/v1/departments', { name: '技术服务部', code: 'TS' })).json();
    const lead = await createUser(admin, { username: 'lead', roleKey: 'team_lead' });
    const deputy = await createUser(admin, { username: 'deputy', roleKey: 'engineer' });
    const team = await admin.post('/api/v1/teams', { name: '华东组', departmentId: dept.id, leadId: lead, deputyId: deputy });
    expect(team.statusCode).toBe(201);
    expect(team.json()).toMatchObject({ leadId: lead, deputyId: deputy, version: 1 });
  });

  it('refuses a team whose lead does not exist, naming the field', async () => {
    const dept = (await admin.post('/api/v1/departments', { name: 'D' })).json();
    const res = await admin.post('/api/v1/teams', { name: 'T', departmentId: dept.id, leadId: 4242 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('body.leadId');
  });

  it('refuses to delete a department still in use with 409', async () => {
    const dept = (await admin.post('/api/v1/departments', { name: 'D' })).json();
    await admin.post('/api/v1/teams', { name: 'T', departmentId: dept.id });
    const res = await admin.delete(`/api/v1/departments/${dept.id}`);
    expect(res.statusCode).toBe(409);
    expect((await admin.get(`/api/v1/departments/${dept.id}`)).statusCode).toBe(200);
  });

  it('refuses a region that would be its own ancestor', async () => {
    const east = (await admin.post('/api/v1/regions', { name: '华东' })).json();
    const sh = (await admin.post('/api/v1/regions', { name: '上海', parentId: east.id })).json();
    const res = await admin.patch(`/api/v1/regions/${east.id}`, { version: east.version, parentId: sh.id });
    expect(res.statusCode).toBe(422);
  });

  it('keeps engineer levels unique with base pay in fen (PAY-4)', async () => {
    expect((await admin.post('/api/v1/engineer-levels', { level: 1, name: '1级', basePayFen: 130000 })).statusCode).toBe(201);
    const dup = await admin.post('/api/v1/engineer-levels', { level: 1, name: 'again', basePayFen: 1 });
    expect(dup.statusCode).toBe(409);
    expect((await admin.post('/api/v1/engineer-levels', { level: 2, name: '2级', basePayFen: -1 })).statusCode).toBe(400);
  });

  it('maps a product to its experts in consulting order (ORG-3)', async () => {
    const line = (await admin.post('/api/v1/product-lines', { name: '存储' })).json();
    const product = (await admin.post('/api/v1/products', { name: 'DS-300', productLineId: line.id })).json();
    const e1 = await createUser(admin, { username: 'e1', roleKey: 'product_expert' });
    const e2 = await createUser(admin, { username: 'e2', roleKey: 'engineer' });
    const res = await admin.put(`/api/v1/products/${product.id}/experts`, { userIds: [e2, e1] });
    expect(res.statusCode).toBe(200);
    expect(res.json().experts.map((e: { userId: number; rank: number }) => [e.userId, e.rank])).toEqual([
      [e2, 1],
      [e1, 2],
    ]);
    const table = (await admin.get('/api/v1/product-experts')).json().items;
    expect(table).toEqual([expect.objectContaining({ productId: product.id })]);
    expect((await admin.put(`/api/v1/products/${product.id}/experts`, { userIds: [9999] })).statusCode).toBe(422);
  });

  it('rejects a stale version on update with 409', async () => {
    const r = (await admin.post('/api/v1/regions', { name: 'R' })).json();
    expect((await admin.patch(`/api/v1/regions/${r.id}`, { version: 1, name: 'R2' })).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/regions/${r.id}`, { version: 1, name: 'R3' })).statusCode).toBe(409);
  });

  it('lets an engineer read but not change the organisation', async () => {
    await createUser(admin, { username: 'eng', roleKey: 'engineer' });
    const eng = await t.login('eng', 'password-123');
    expect((await eng.get('/api/v1/regions')).statusCode).toBe(200);
    expect((await eng.post('/api/v1/regions', { name: 'X' })).statusCode).toBe(403);
  });
});
