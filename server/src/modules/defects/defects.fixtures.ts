import { type Agent, type Json, type TestApp, api, createUser, expectStatus as ok } from '../../test/harness';

// SR-15 test set-up shared by the defect-report and team-discussion tests: a department with its supervisor, three
// engineers, a product expert (R&D) and HR, and a customer's request assigned to the first engineer. Monday
// 2026-03-02 09:00 Shanghai.

export type DefectsWorld = {
  supervisor: Agent;
  engA: Agent;
  engB: Agent;
  engC: Agent;
  expert: Agent;
  hr: Agent;
  ids: Record<'engA' | 'engB' | 'engC' | 'expert' | 'hr' | 'cust' | 'ticket', number>;
};

export async function defectsWorld(t: TestApp, request: { title: string; description: string }): Promise<DefectsWorld> {
  t.clock.set('2026-03-02T01:00:00Z');
  const admin = await t.login('admin');
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  const user = (username: string, roleKey: string, extra: Json = {}) =>
    createUser(admin, { username, roleKey, departmentId: dept, ...extra });
  await user('sup', 'supervisor');
  const engA = await user('eng.a', 'engineer', { name: '刘工' });
  const engB = await user('eng.b', 'engineer', { name: '陈工' });
  const engC = await user('eng.c', 'engineer');
  const expert = await user('expert', 'product_expert', { name: '研发王工' });
  const hr = await user('hr1', 'hr');
  const [supervisor, ...agents] = await Promise.all(
    ['sup', 'eng.a', 'eng.b', 'eng.c', 'expert', 'hr1'].map((u) => t.login(u, 'password-123')),
  );
  const cust = (await ok(await supervisor.post(api('/customers'), { name: '甲医院' }))).id;
  const ticket = await ok(await supervisor.post(api('/tickets'), { customerId: cust, ...request, urgency: 'low', impact: 'singleUser' }));
  await ok(
    await supervisor.post(api(`/tickets/${ticket.id}/transitions`), { action: 'assign', version: ticket.version, assigneeId: engA }),
    200,
  );
  const [a, b, c, e, h] = agents;
  return { supervisor, engA: a, engB: b, engC: c, expert: e, hr: h, ids: { engA, engB, engC, expert, hr, cust, ticket: ticket.id } };
}
