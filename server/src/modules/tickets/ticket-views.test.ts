import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';

const api = (p: string) => `/api/v1${p}`;

let t: TestApp;
let admin: Agent;
let engineer: Agent;
let other: Agent;
let noTickets: Agent;

const count = async () => (await t.database.db.selectFrom('ticket_views').select('id').execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await createUser(admin, { username: 'eng1', roleKey: 'engineer' });
  await createUser(admin, { username: 'eng2', roleKey: 'engineer' });
  await createUser(admin, { username: 'hr1', roleKey: 'hr' });
  engineer = await t.login('eng1', 'password-123');
  other = await t.login('eng2', 'password-123');
  noTickets = await t.login('hr1', 'password-123');
});
afterAll(async () => t.close());

describe('permissions', () => {
  it('answers 403 to a role without tickets.read', async () => {
    expect((await noTickets.get(api('/ticket-views'))).statusCode).toBe(403);
    expect((await noTickets.post(api('/ticket-views'), { name: 'x', query: {} })).statusCode).toBe(403);
    expect((await noTickets.delete(api('/ticket-views/1'))).statusCode).toBe(403);
  });

  it("answers 404 to deleting another user's view and keeps it", async () => {
    const mine = (
      await engineer.post(api('/ticket-views'), { name: '我的待办', query: { mine: 'true', state: 'assigned,accepted' } })
    ).json();
    const res = await other.delete(api(`/ticket-views/${mine.id}`));
    expect(res.statusCode).toBe(404);
    expect((await engineer.get(api('/ticket-views'))).json().items.map((v: { id: number }) => v.id)).toContain(mine.id);
    expect((await engineer.delete(api(`/ticket-views/${mine.id}`))).statusCode).toBe(200);
  });
});

describe('saved views', () => {
  it('creates, lists only my own, and deletes a view, auditing each change', async () => {
    const res = await engineer.post(api('/ticket-views'), { name: '超时的 P1', query: { priority: 'P1', sla: 'breached' } });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toEqual({
      id: expect.any(Number),
      name: '超时的 P1',
      query: { priority: 'P1', sla: 'breached' },
      createdAt: '2026-03-02T01:00:00.000Z',
    });
    await other.post(api('/ticket-views'), { name: '别人的', query: {} });

    expect((await engineer.get(api('/ticket-views'))).json()).toEqual({ items: [view] });
    expect((await other.get(api('/ticket-views'))).json().items.map((v: { name: string }) => v.name)).toEqual(['别人的']);

    expect((await engineer.delete(api(`/ticket-views/${view.id}`))).json()).toEqual({ ok: true });
    expect((await engineer.get(api('/ticket-views'))).json().items).toEqual([]);
    expect((await engineer.delete(api(`/ticket-views/${view.id}`))).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'ticket_view')
      .where('entity_id', '=', String(view.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('answers 422 to the 51st view and saves nothing', async () => {
    for (let i = 1; i <= 50; i++)
      expect((await admin.post(api('/ticket-views'), { name: `视图 ${i}`, query: { q: String(i) } })).statusCode).toBe(201);
    const before = await count();
    const res = await admin.post(api('/ticket-views'), { name: '视图 51', query: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('50');
    expect(await count()).toBe(before);
    // The limit is per user.
    expect((await other.post(api('/ticket-views'), { name: '仍可保存', query: {} })).statusCode).toBe(201);
  });

  it('answers 400 to a blank name, a non-string filter value and unknown fields', async () => {
    const before = await count();
    expect((await engineer.post(api('/ticket-views'), { name: '  ', query: {} })).statusCode).toBe(400);
    expect((await engineer.post(api('/ticket-views'), { name: 'x', query: { limit: 5 } })).statusCode).toBe(400);
    expect((await engineer.post(api('/ticket-views'), { name: 'x', query: {}, shared: true })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});
