import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';

// Creates arriving together are written in one transaction (db/write-batch.ts, issue 4's create throughput).
// Each must still be the request it would have been alone: its own number (SR-2), audit entry, timeline,
// search entry, its own error (SR-1), and automatic assignment that counts the batch's earlier choices (SR-4).

let t: TestApp;
let admin: Agent;
let agent: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 } });
  admin = await t.login('admin');
  ids.east = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  await createUser(admin, { username: 'agent1', roleKey: 'agent', departmentId: dept });
  ids.engA = await createUser(admin, { username: 'eng.a', roleKey: 'engineer', departmentId: dept, regionIds: [ids.east] });
  ids.engB = await createUser(admin, { username: 'eng.b', roleKey: 'engineer', departmentId: dept, regionIds: [ids.east] });
  agent = await t.login('agent1', 'password-123');
  ids.customer = (await ok(await agent.post(api('/customers'), { name: '甲医院', regionId: ids.east }))).id;
  ids.contact = (await ok(await agent.post(api('/contacts'), { customerId: ids.customer, name: '钱主任', phone: '13800000001' }))).id;
  ids.site = (await ok(await agent.post(api('/sites'), { customerId: ids.customer, name: '门诊楼', regionId: ids.east }))).id;
  ids.other = (await ok(await agent.post(api('/customers'), { name: '乙工厂' }))).id;
  ids.otherContact = (await ok(await agent.post(api('/contacts'), { customerId: ids.other, name: '孙工' }))).id;
});
afterAll(() => t.close());

const body = (i: number, extra: Json = {}) => ({
  customerId: ids.customer,
  contactId: ids.contact,
  siteId: ids.site,
  title: `存储告警 批次${i}`,
  description: `控制器告警 编号${i}`,
  urgency: 'medium',
  impact: 'department',
  ...extra,
});

describe('concurrent creates (SR-1..4, batched writes)', () => {
  it('gives twelve requests filed at once twelve consecutive numbers of the day, each with its own audit, timeline and search entry', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => agent.post(api('/tickets'), body(i)).then((r) => ok(r))));
    const numbers = created.map((c) => c.number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `SR-20260302-${String(i + 1).padStart(4, '0')}`));
    expect(new Set(created.map((c) => c.id)).size).toBe(12);
    for (const [i, c] of created.entries()) {
      expect(c.title).toBe(`存储告警 批次${i}`);
      expect(c).toEqual(await ok(await agent.get(api(`/tickets/${c.id}`)), 200));
    }
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'actor_name', 'after'])
      .where('action', '=', 'ticket.create')
      .execute();
    for (const c of created) {
      const mine = audits.filter((a) => a.entity_id === String(c.id));
      expect(mine).toHaveLength(1);
      expect(JSON.parse(mine[0].after ?? '{}')).toMatchObject({ number: c.number, title: c.title });
    }
    const timeline = await ok(await agent.get(api(`/tickets/${created[5].id}/timeline`)), 200);
    expect(timeline.filter((e: Json) => e.kind === 'created')).toHaveLength(1);
    const found = await ok(await agent.get(api(`/tickets?q=${encodeURIComponent('编号7')}`)), 200);
    expect(found.items.map((x: Json) => x.id)).toEqual([created[7].id]);
  });

  it('refuses only the bad request of a group filed together (422 naming the field), and saves the others', async () => {
    const before = (await ok(await admin.get(api('/tickets?limit=100')), 200)).items.length;
    const res = await Promise.all([
      agent.post(api('/tickets'), body(20)),
      agent.post(api('/tickets'), body(21, { contactId: ids.otherContact })),
      agent.post(api('/tickets'), body(22)),
    ]);
    expect(res.map((r) => r.statusCode)).toEqual([201, 422, 201]);
    expect(res[1].json().error.details[0].path).toBe('body.contactId');
    expect((await ok(await admin.get(api('/tickets?limit=100')), 200)).items.length).toBe(before + 2);
  });

  it('SR-4: shares requests auto-assigned together between equally placed engineers instead of giving all to one', async () => {
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) => agent.post(api('/tickets'), body(30 + i, { autoAssign: true })).then((r) => ok(r))),
    );
    const byEngineer = new Map<number, number>();
    for (const c of created) byEngineer.set(c.assigneeId, (byEngineer.get(c.assigneeId) ?? 0) + 1);
    expect([...byEngineer.keys()].sort()).toEqual([ids.engA, ids.engB].sort());
    expect([...byEngineer.values()]).toEqual([3, 3]);
    for (const c of created) {
      const timeline = await ok(await admin.get(api(`/tickets/${c.id}/timeline`)), 200);
      expect(timeline.slice(0, 2).map((e: Json) => e.kind)).toEqual(['created', 'assignment']);
      expect(timeline[1].data.to).toBe(c.assigneeId);
    }
  });
});
