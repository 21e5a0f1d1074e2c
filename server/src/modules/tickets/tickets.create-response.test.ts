import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';

// createTicket builds its response from what it wrote (bench/README.md, create throughput) instead of re-reading
// the request through getTicket: the response must stay exactly what GET /tickets/:id returns (SR-1..4, SLA-1..4).

let t: TestApp;
let admin: Agent;
let agent: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const region = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  await createUser(admin, { username: 'agent1', roleKey: 'agent', departmentId: dept });
  ids.engineer = await createUser(admin, { username: 'eng1', roleKey: 'engineer', departmentId: dept, regionIds: [region] });
  agent = await t.login('agent1', 'password-123');
  ids.customer = (await ok(await agent.post(api('/customers'), { name: '甲医院', regionId: region }))).id;
  ids.contact = (await ok(await agent.post(api('/contacts'), { customerId: ids.customer, name: '钱主任', phone: '13800000001' }))).id;
  ids.site = (await ok(await agent.post(api('/sites'), { customerId: ids.customer, name: '门诊楼', regionId: region }))).id;
});
afterAll(() => t.close());

describe('create response built from the written values', () => {
  const base = () => ({
    customerId: ids.customer,
    contactId: ids.contact,
    siteId: ids.site,
    title: '硬盘告警',
    description: '客户来电称硬盘告警',
    urgency: 'high',
    impact: 'department',
  });

  it('equals the detail GET returns right after (fault, no assignee; SR-1..3, SLA-1..4)', async () => {
    const created = await ok(await agent.post(api('/tickets'), base()));
    expect(created.sla.firstResponse.dueAt).toBeTruthy();
    expect(created).toEqual(await ok(await agent.get(api(`/tickets/${created.id}`)), 200));
  });

  it('equals the detail GET returns for a change request (its pending decision) and an assigned request', async () => {
    const change = await ok(await agent.post(api('/tickets'), { ...base(), type: 'change_request' }));
    expect(change.changeRequest).toMatchObject({ decision: 'pending', decidedBy: null });
    expect(change).toEqual(await ok(await agent.get(api(`/tickets/${change.id}`)), 200));
    const assigned = await ok(await admin.post(api('/tickets'), { ...base(), assigneeId: ids.engineer, needsVisit: true }));
    expect(assigned).toMatchObject({ state: 'assigned', assigneeId: ids.engineer });
    expect(assigned.sla.onsite).toBeTruthy();
    expect(assigned).toEqual(await ok(await admin.get(api(`/tickets/${assigned.id}`)), 200));
  });

  it('does not save a request refused at validation (422 naming the field)', async () => {
    const before = (await ok(await agent.get(api('/tickets?limit=100')), 200)).items.length;
    const res = await agent.post(api('/tickets'), { ...base(), contactId: 999_999 });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('body.contactId');
    expect((await ok(await agent.get(api('/tickets?limit=100')), 200)).items.length).toBe(before);
  });
});
