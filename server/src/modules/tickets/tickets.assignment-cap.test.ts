import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, expectStatus as ok } from '../../test/harness';
import { faultOf, publishTicketsPolicy, ticketsWorld } from './tickets.fixtures';

// SR-4: the policy's open-load cap in automatic assignment; SR-5: a P1 above it, queues by priority, and the
// "customer cannot wait" escalation to the supervisor. On SQLite and PostgreSQL.

let t: TestApp;
let admin: Agent;
let agent: Agent;
let supervisor: Agent;
const ids: Record<string, number> = {};
const engineers: Record<string, Agent> = {};
const fault = faultOf(ids);

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  ({ admin, agent, supervisor } = await ticketsWorld(t, ids, engineers));
  t.clock.set('2026-03-01T02:00:00Z');
  await publishTicketsPolicy(t, admin, '2026-03-02', (doc) => {
    doc.sla.assignment = { maxOpenLoad: 2, capWaivedFrom: 'P1' };
  });
});
afterAll(async () => t.close());

const p4 = () => fault({ urgency: 'low', impact: 'singleUser', autoAssign: true });

describe('SR-4 the engineer load cap from the policy', () => {
  it('gives the regional expert requests below the cap, passes over at exactly the cap, and a P1 goes above it (SR-5)', async () => {
    const first = await ok(await agent.post(api('/tickets'), p4()));
    expect(first.assigneeId).toBe(ids.expertEast);
    const second = await ok(await agent.post(api('/tickets'), p4()));
    expect(second.assigneeId).toBe(ids.expertEast); // load 1 < 2
    const third = await ok(await agent.post(api('/tickets'), p4()));
    expect(third.assigneeId).not.toBe(ids.expertEast); // load 2 = the cap
    const why = (await ok(await admin.get(api(`/tickets/${third.id}/timeline`)), 200)).find((e: Json) => e.kind === 'assignment')?.data
      .explanation;
    expect(why.ruleId).toBe('SR-4');
    expect(why.text['zh-CN']).toContain(`expert.east（#${ids.expertEast}） 未结工单已达上限 2`);
    expect(why.inputs).toMatchObject({ maxOpenLoad: 2, capWaived: null });

    const urgent = await ok(await agent.post(api('/tickets'), fault({ urgency: 'high', impact: 'wide', autoAssign: true })));
    expect(urgent.priority).toBe('P1');
    expect(urgent.assigneeId).toBe(ids.expertEast);
    const urgentWhy = (await ok(await admin.get(api(`/tickets/${urgent.id}/timeline`)), 200)).find((e: Json) => e.kind === 'assignment')
      ?.data.explanation;
    expect(urgentWhy.text['zh-CN']).toContain('P1 请求不受未结工单上限 2 件限制（SR-5）');
  });
});

describe('SR-5 a customer who cannot wait', () => {
  it('escalates to the supervisor (notified, on the timeline, audited); 409 on a stale version; customers cannot', async () => {
    const r = await ok(await agent.post(api('/tickets'), fault({ urgency: 'low', impact: 'singleUser', autoAssign: false })));
    const stale = await agent.post(api(`/tickets/${r.id}/cannot-wait`), { version: r.version + 1, reason: '生产线停了，等不了明天' });
    expect(stale.statusCode).toBe(409);
    const after = await ok(
      await agent.post(api(`/tickets/${r.id}/cannot-wait`), { version: r.version, reason: '生产线停了，等不了明天' }),
      200,
    );
    expect(after.version).toBe(r.version + 1);
    const entry = (await ok(await supervisor.get(api(`/tickets/${r.id}/timeline`)), 200)).find(
      (e: Json) => e.kind === 'escalation' && e.data.kind === 'cannotWait',
    );
    expect(entry).toMatchObject({ visibility: 'internal', body: '生产线停了，等不了明天' });
    expect(entry.data.toUserIds).toContain(ids.sup);
    const told = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', ids.sup)
      .where('ticket_id', '=', r.id)
      .execute();
    expect(told.map((n) => n.kind)).toContain('ticket_cannot_wait');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(r.id)).execute();
    expect(audit.map((a) => a.action)).toContain('ticket.cannot_wait');
    const portal = await t.login('portal.a', 'password-123');
    expect((await portal.post(api(`/tickets/${r.id}/cannot-wait`), { version: after.version, reason: '急' })).statusCode).toBe(403);
  });

  it('orders the supervisor’s unassigned queue by priority, then due time', async () => {
    const low = await ok(await agent.post(api('/tickets'), fault({ urgency: 'low', impact: 'singleUser', autoAssign: false })));
    const high = await ok(await agent.post(api('/tickets'), fault({ urgency: 'high', impact: 'department', autoAssign: false })));
    const dash = await ok(await supervisor.get(api('/tickets/dashboard')), 200);
    const order = dash.unassigned.map((i: Json) => i.id);
    expect(order.indexOf(high.id)).toBeLessThan(order.indexOf(low.id));
  });
});
