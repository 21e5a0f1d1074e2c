import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, expectStatus as ok } from '../../test/harness';
import { type ReplyDesk, printerRequest, replyDesk } from './tickets.fixtures';

// SLA-5: the first response states the expected fix time, which becomes the committed time of SR-8. On both databases.

let t: TestApp;
let desk: ReplyDesk;
let agent: Agent;
let engineer: Agent;
let portal: Agent;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  desk = await replyDesk(t);
  ({ agent, engineer, portal } = desk);
});
afterAll(() => t?.close());

const newRequest = () => printerRequest(t, desk);
const reply = (id: number, body: Json) => engineer.post(api(`/tickets/${id}/replies`), body);
const customerNotices = async () => (await ok(await portal.get(api('/notifications?limit=50')), 200)).items as Json[];

describe('the first response states the expected fix time (SLA-5, SR-8)', () => {
  it('states the resolution target when the engineer names no time, and commits to it', async () => {
    const r = await newRequest();
    t.clock.set('2026-03-10T02:20:00Z');
    const entry = await ok(await reply(r.id, { body: '您好，已收到，正在安排' }));
    expect(entry.data.expectedFixAt).toBe(r.sla.resolution.dueAt);
    expect(entry.data.explanation.ruleId).toBe('SLA-5');
    expect(entry.data.explanation.text['zh-CN']).toContain('按解决时限');
    const after = await ok(await agent.get(api(`/tickets/${r.id}`)), 200);
    expect(after.committedAt).toBe(r.sla.resolution.dueAt);
    expect(after.sla.firstResponse.state).toBe('met');
    const notice = (await customerNotices()).find((n) => n.ticketId === r.id);
    // Shanghai time of the due instant, without rule ids (customers never see internal words).
    expect(notice?.body).toEqual({ zh: '已响应，预计修复时间 2026-03-18 10:00', en: 'responded; expected fix by 2026-03-18 10:00' });
    expect(r.sla.resolution.dueAt).toBe('2026-03-18T02:00:00.000Z');
  });

  it('commits to the time the engineer states, even past the target, and says so', async () => {
    const r = await newRequest();
    const stated = '2026-03-20T08:00:00.000Z';
    const entry = await ok(await reply(r.id, { body: '需要更换配件，预计下周完成', expectedFixAt: stated }));
    expect(entry.data.expectedFixAt).toBe(stated);
    expect(entry.data.explanation.result.source).toBe('stated');
    expect(entry.data.explanation.text.en).toContain('later than the resolution target');
    expect((await ok(await agent.get(api(`/tickets/${r.id}`)), 200)).committedAt).toBe(stated);
  });

  it('refuses a stated time that is not in the future (exactly now included) and changes nothing', async () => {
    const r = await newRequest();
    for (const at of ['2026-03-10T02:00:00.000Z', '2026-03-09T02:00:00.000Z']) {
      const res = await reply(r.id, { body: '已收到', expectedFixAt: at });
      expect(res.statusCode, at).toBe(422);
      expect(res.json().error).toMatchObject({ ruleId: 'SLA-5', reason: 'tickets.expectedFixInPast' });
      expect(res.json().error.details[0].path).toBe('body.expectedFixAt');
    }
    const after = await ok(await agent.get(api(`/tickets/${r.id}`)), 200);
    expect(after.committedAt).toBeNull();
    expect(after.sla.firstResponse.metAt).toBeNull();
  });

  it('takes the expected fix time only with the first public response; later changes are SR-8 commitments', async () => {
    const r = await newRequest();
    const note = await reply(r.id, { body: '内部备注', visibility: 'internal', expectedFixAt: '2026-03-12T02:00:00.000Z' });
    expect(note.statusCode).toBe(422);
    await ok(await reply(r.id, { body: '已收到' }));
    const again = await reply(r.id, { body: '进展', expectedFixAt: '2026-03-12T02:00:00.000Z' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.reason).toBe('tickets.expectedFixNotFirst');
    // A second public reply states nothing new and keeps the commitment.
    const plain = await ok(await reply(r.id, { body: '进展：配件已到' }));
    expect(plain.data).toBeNull();
    expect((await ok(await agent.get(api(`/tickets/${r.id}`)), 200)).committedAt).toBe(r.sla.resolution.dueAt);
  });
});
