import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';

// SR-8: a customer without a portal account hears of progress and the committed time by e-mail to the request's
// contact, in zh-CN and en, in customer words (no rule ids). On SQLite and PostgreSQL.

let t: TestApp;
let agent: Agent;
let engineer: Agent;
let customerId: number;
let contactId: number;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  const admin = await t.login('admin');
  const region = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  customerId = (await ok(await admin.post(api('/customers'), { name: '丙学校', regionId: region }))).id;
  contactId = (await ok(await admin.post(api('/contacts'), { customerId, name: '李老师', email: 'li@school.example' }))).id;
  await createUser(admin, { username: 'agent1', roleKey: 'agent', departmentId: dept });
  await createUser(admin, { username: 'eng1', roleKey: 'engineer', departmentId: dept, regionIds: [region] });
  agent = await t.login('agent1', 'password-123');
  engineer = await t.login('eng1', 'password-123');
});
afterAll(() => t?.close());

const mailTo = async (address: string) =>
  t.database.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', address).orderBy('id').execute();

describe('progress by e-mail to a contact without a portal account (SR-8)', () => {
  it('mails the first response with the expected fix time and the committed time; internal notes are not mailed', async () => {
    t.clock.set('2026-03-10T02:00:00Z'); // Tuesday 10:00 Shanghai
    const body = {
      customerId,
      contactId,
      title: '机房空调告警',
      description: '空调 2 号机高温告警',
      urgency: 'medium',
      impact: 'singleUser',
    };
    const r = await ok(await agent.post(api('/tickets'), body));
    await ok(await engineer.post(api(`/tickets/${r.id}/replies`), { body: '已收到，明天上午到场检查' }));
    await ok(await engineer.post(api(`/tickets/${r.id}/replies`), { body: '内部：可能是压缩机', visibility: 'internal' }));
    await ok(
      await engineer.post(api(`/tickets/${r.id}/records`), {
        kind: 'commitment',
        committedAt: '2026-03-20T08:00:00.000Z',
        reason: '等待压缩机到货',
      }),
    );
    const mails = await mailTo('li@school.example');
    expect(mails).toHaveLength(2);
    const [first, committed] = mails as Json[];
    expect(first.subject).toContain(`服务请求 ${r.number}：已响应，预计修复时间`);
    expect(first.subject).toContain(`Service request ${r.number}: responded; expected fix by`);
    expect(first.text_body).toContain('李老师 您好');
    expect(first.text_body).toContain('已收到，明天上午到场检查');
    expect(first.text_body).not.toContain('可能是压缩机');
    expect(committed.subject).toContain('承诺解决时间 2026-03-20 16:00');
    expect(committed.text_body).toContain('committed resolution time 2026-03-20 16:00');
    for (const m of mails) expect(`${m.subject}\n${m.text_body}`).not.toMatch(/\b(SR|SLA|CU|FS)-\d{1,2}[a-z]?\b/);
  });

  it('mails nobody when the contact has no e-mail', async () => {
    const admin = await t.login('admin');
    const other = (await ok(await admin.post(api('/customers'), { name: '丁工厂' }))).id;
    const silent = (await ok(await admin.post(api('/contacts'), { customerId: other, name: '周工' }))).id;
    const before = (await t.database.db.selectFrom('mail_outbox').select('id').execute()).length;
    const r = await ok(
      await agent.post(api('/tickets'), {
        customerId: other,
        contactId: silent,
        title: '网络中断',
        description: '全厂断网',
        urgency: 'high',
        impact: 'wide',
      }),
    );
    await ok(await agent.post(api(`/tickets/${r.id}/replies`), { body: '正在处理' }));
    expect((await t.database.db.selectFrom('mail_outbox').select('id').execute()).length).toBe(before);
  });
});
