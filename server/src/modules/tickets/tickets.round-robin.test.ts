import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';

// SR-4 round robin among more equals than an explanation names (core's EXPLAINED_CANDIDATES = 10): the server
// reads the last assignment of the engineers tying with the leader only, so the whole tied group must be read.

let t: TestApp;
let agent: Agent;
let supervisor: Agent;
const ids: Record<string, number> = {};
const engineers: number[] = [];

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  const admin = await t.login('admin');
  ids.east = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  await createUser(admin, { username: 'agent1', roleKey: 'agent', departmentId: dept });
  await createUser(admin, { username: 'sup1', roleKey: 'supervisor', departmentId: dept });
  for (let i = 1; i <= 14; i++)
    engineers.push(await createUser(admin, { username: `eng${i}`, roleKey: 'engineer', departmentId: dept, regionIds: [ids.east] }));
  agent = await t.login('agent1', 'password-123');
  supervisor = await t.login('sup1', 'password-123');
  ids.customer = (await ok(await agent.post(api('/customers'), { name: '甲医院', regionId: ids.east }))).id;
});
afterAll(() => t.close());

const body = (extra: Json = {}) => ({
  customerId: ids.customer,
  title: '打印机卡纸',
  description: '三楼打印机卡纸',
  urgency: 'low',
  impact: 'singleUser',
  ...extra,
});

describe('SR-4 round robin with many equal engineers', () => {
  it('gives the request to the engineer assigned longest ago, even when more than ten tie', async () => {
    // Each engineer receives one request, the last engineer first, a minute apart; all are cancelled again, so
    // every engineer is in the region with no open load and only the time of the last assignment differs.
    for (const [i, userId] of [...engineers].reverse().entries()) {
      t.clock.set(new Date(Date.UTC(2026, 2, 2, 1, i)).toISOString());
      const r = await ok(await supervisor.post(api('/tickets'), body({ assigneeId: userId })));
      await ok(await supervisor.post(api(`/tickets/${r.id}/transitions`), { action: 'cancel', version: r.version, reason: '测试' }), 200);
    }
    t.clock.set('2026-03-02T02:00:00Z');
    const first = await ok(await agent.post(api('/tickets'), body({ autoAssign: true })));
    expect(first.assigneeId).toBe(engineers[13]); // assigned at 01:00, before the other thirteen
    const second = await ok(await agent.post(api('/tickets'), body({ autoAssign: true })));
    expect(second.assigneeId).toBe(engineers[12]);

    const timeline = await ok(await supervisor.get(api(`/tickets/${second.id}/timeline`)), 200);
    const why = timeline.find((e: Json) => e.kind === 'assignment').data.explanation;
    expect(why.ruleId).toBe('SR-4');
    // The fourteen and the department's other workers (the seeded admin and supervisor may work requests too).
    expect(why.inputs.candidateCount).toBeGreaterThanOrEqual(14);
    expect(why.inputs.availableCount).toBe(why.inputs.candidateCount);
    expect(why.inputs.candidates).toHaveLength(10);
    expect(why.result.ranked).toHaveLength(10);
    expect(why.text.en).toContain('round robin: assigned longer ago than');
  });
});
