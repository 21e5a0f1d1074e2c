import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, expectStatus as ok } from '../../test/harness';
import { type ReplyDesk, printerRequest, publishTicketsPolicy, replyDesk } from './tickets.fixtures';

// SLA-2: 「提出解决方案后 48 小时内解决」 — a level whose resolution target counts from the solution offered. Both databases.

let t: TestApp;
let desk: ReplyDesk;
let agent: Agent;
let engineer: Agent;
let portal: Agent;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  desk = await replyDesk(t);
  ({ agent, engineer, portal } = desk);
  t.clock.set('2026-03-01T02:00:00Z');
  await publishTicketsPolicy(t, desk.admin, '2026-03-02', (doc) => {
    for (const level of doc.sla.levels as Json[]) level.resolutionFrom = 'solutionOffered';
  });
});
afterAll(() => t?.close());

const newRequest = () => printerRequest(t, desk);
const reply = (who: Agent, id: number, body: Json) => who.post(api(`/tickets/${id}/replies`), body);

describe('the resolution clock counts from the solution offered (SLA-2)', () => {
  it('has not started at creation, starts at the reply that offers the solution, and explains both', async () => {
    const r = await newRequest();
    expect(r.sla.resolution.state).toBe('not_started');
    expect(r.sla.resolution.explanation.ruleId).toBe('SLA-2');
    expect(r.sla.resolution.explanation.text['zh-CN']).toContain('自提出解决方案起计');
    expect(r.sla.resolution.explanation.inputs).toMatchObject({ resolutionFrom: 'solutionOffered', startedAt: null });

    t.clock.set('2026-03-10T02:20:00Z');
    await ok(await reply(engineer, r.id, { body: '已收到，正在排查' }));
    expect((await ok(await agent.get(api(`/tickets/${r.id}`)), 200)).sla.resolution.state).toBe('not_started');

    t.clock.set('2026-03-10T03:00:00Z');
    const entry = await ok(await reply(engineer, r.id, { body: '请更换硒鼓并清理进纸轮', offersSolution: true }));
    expect(entry.data).toMatchObject({ offersSolution: true });
    const after = await ok(await agent.get(api(`/tickets/${r.id}`)), 200);
    expect(after.sla.resolution.state).toBe('running');
    expect(after.sla.resolution.explanation.inputs.startedAt).toBe(Date.parse('2026-03-10T03:00:00Z'));
    expect(after.sla.resolution.explanation.text['zh-CN']).toContain('自 2026-03-10 11:00 提出解决方案起');
    // A second offer does not move the start.
    t.clock.set('2026-03-11T03:00:00Z');
    await ok(await reply(engineer, r.id, { body: '补充：也可先清洁定影器', offersSolution: true }));
    const again = await ok(await agent.get(api(`/tickets/${r.id}`)), 200);
    expect(again.sla.resolution.dueAt).toBe(after.sla.resolution.dueAt);
  });

  it('refuses an offer in an internal note or from the customer, by reason key', async () => {
    const r = await newRequest();
    const note = await reply(engineer, r.id, { body: '内部：疑似硒鼓问题', visibility: 'internal', offersSolution: true });
    expect(note.statusCode).toBe(422);
    expect(note.json().error).toMatchObject({ reason: 'tickets.solutionOfferNotPublic', ruleId: 'SLA-2' });
    const customer = await reply(portal, r.id, { body: '我们自己换了硒鼓', offersSolution: true });
    expect(customer.statusCode).toBe(422);
  });
});
