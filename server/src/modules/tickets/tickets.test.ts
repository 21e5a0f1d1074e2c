import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';
import { scanSla } from './tickets.sla';

// SR-1..13, SLA-1..4, ORG-3/4, CU-2..4 through the API, on SQLite and PostgreSQL.

let t: TestApp;
let admin: Agent;
let agent: Agent;
let supervisor: Agent;
let gm: Agent;
let portalA: Agent;
let portalB: Agent;
const ids: Record<string, number> = {};
const engineers: Record<string, Agent> = {};
const count = async (table: 'tickets' | 'ticket_entries' | 'ticket_followups' | 'notifications' | 'part_replacements') =>
  (
    await t.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  // The clock jumps between days; sessions must outlive that.
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  admin = await t.login('admin');
  ids.east = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  ids.north = (await ok(await admin.post(api('/regions'), { name: '华北' }))).id;
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  const line = (await ok(await admin.post(api('/product-lines'), { name: '存储' }))).id;
  ids.product = (await ok(await admin.post(api('/products'), { name: 'X9 存储', productLineId: line }))).id;
  ids.other = (await ok(await admin.post(api('/products'), { name: 'Z1 网关', productLineId: line, model: 'Z1' }))).id;
  const user = (username: string, roleKey: string, extra: Json = {}) =>
    createUser(admin, { username, roleKey, departmentId: dept, ...extra });
  ids.agent = await user('agent1', 'agent');
  ids.sup = await user('sup1', 'supervisor');
  ids.gm = await user('gm1', 'gm');
  // ORG-3/4: an expert outside the region, an engineer with the skill in the region, an idle engineer in the region.
  ids.expertNorth = await user('expert.north', 'product_expert', { regionIds: [ids.north] });
  ids.expertEast = await user('expert.east', 'product_expert', { regionIds: [ids.east] });
  ids.skilled = await user('eng.skilled', 'engineer', { regionIds: [ids.east], skills: ['Z1'] });
  ids.idle = await user('eng.idle', 'engineer', { regionIds: [ids.east] });
  ids.l2 = await user('eng.l2', 'engineer', { tier: 2 });
  await ok(await admin.put(api(`/products/${ids.product}/experts`), { userIds: [ids.expertEast, ids.expertNorth] }), 200);
  agent = await t.login('agent1', 'password-123');
  supervisor = await t.login('sup1', 'password-123');
  gm = await t.login('gm1', 'password-123');
  for (const u of ['expert.north', 'expert.east', 'eng.skilled', 'eng.idle', 'eng.l2']) engineers[u] = await t.login(u, 'password-123');

  // Customer A: site in the east, equipment under warranty (accepted 2025-06-01) and out of warranty (2020).
  ids.custA = (await ok(await agent.post(api('/customers'), { name: '甲医院', regionId: ids.east }))).id;
  ids.contactA = (await ok(await agent.post(api('/contacts'), { customerId: ids.custA, name: '钱主任', phone: '13800000001' }))).id;
  ids.siteA = (await ok(await agent.post(api('/sites'), { customerId: ids.custA, name: '门诊楼', regionId: ids.east }))).id;
  ids.ipNew = (
    await ok(
      await agent.post(api('/installed-products'), {
        customerId: ids.custA,
        siteId: ids.siteA,
        productId: ids.product,
        serialNumber: 'SN-1',
        acceptedOn: '2025-06-01',
      }),
    )
  ).id;
  ids.ipOld = (
    await ok(
      await agent.post(api('/installed-products'), {
        customerId: ids.custA,
        siteId: ids.siteA,
        productId: ids.other,
        serialNumber: 'SN-2',
        acceptedOn: '2020-01-10',
      }),
    )
  ).id;
  ids.custB = (await ok(await agent.post(api('/customers'), { name: '乙工厂', regionId: ids.north }))).id;
  ids.contactB = (await ok(await agent.post(api('/contacts'), { customerId: ids.custB, name: '孙工' }))).id;
  await createUser(admin, { username: 'portal.a', roleKey: 'customer_contact', customerId: ids.custA });
  await createUser(admin, { username: 'portal.b', roleKey: 'customer_contact', customerId: ids.custB });
  portalA = await t.login('portal.a', 'password-123');
  portalB = await t.login('portal.b', 'password-123');
});
afterAll(async () => t.close());

const fault = (extra: Json = {}) => ({
  customerId: ids.custA,
  contactId: ids.contactA,
  installedProductId: ids.ipNew,
  title: '存储阵列告警',
  description: '控制器 A 告警灯常亮',
  urgency: 'high',
  impact: 'wide',
  ...extra,
});
const act = (who: Agent, id: number, body: Json) => who.post(api(`/tickets/${id}/transitions`), body);
async function fresh(id: number): Promise<Json> {
  return ok(await admin.get(api(`/tickets/${id}`)), 200);
}

describe('intake (SR-1..4, CU-2/3, SLA-1..3)', () => {
  it('numbers, prioritises, checks the warranty and assigns the product expert of the region', async () => {
    t.clock.set('2026-03-02T01:00:00Z'); // Monday 09:00 in Shanghai
    const before = await count('notifications');
    const r = await ok(await agent.post(api('/tickets'), fault()));
    expect(r.number).toBe('SR-20260302-0001');
    expect(r.state).toBe('assigned');
    expect(r.priority).toBe('P1'); // SR-3: high × wide
    expect(r.priorityExplanation.ruleId).toBe('SR-3');
    expect(r.eligibility).toBe('warranty');
    expect(r.slaLevelId).toBe('warranty24x7'); // SLA-2: 24-hour support under warranty
    expect(r.assigneeId).toBe(ids.expertEast); // SR-4 tier 1: product expert responsible for the region
    const assigned = (await ok(await agent.get(api(`/tickets/${r.id}/timeline`)), 200)).find((e: Json) => e.kind === 'assignment');
    expect(assigned.data.explanation.text['zh-CN']).toContain('专家名单第 1 位'); // the first of the list, not 第 2 位
    expect(r.sla.firstResponse.dueAt).toBe('2026-03-02T01:30:00.000Z');
    expect(r.sla.firstResponse.explanation.policyVersion).toBe(1);
    expect(r.channel).toBe('phone');
    expect(await count('notifications')).toBeGreaterThan(before); // the assignee is told at once
    const second = await ok(await agent.post(api('/tickets'), fault({ title: '第二个' })));
    expect(second.number).toBe('SR-20260302-0002');
  });

  it('SR-4: passes over the regional expert while away on an approved trip, and names why; a trip ending yesterday does not count', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const trip = async (status: string, start: string, end: string) =>
      (
        await t.database.db
          .insertInto('travel_requests')
          .values({
            user_id: ids.expertEast,
            status,
            start_date: start,
            end_date: end,
            purpose: '巡检',
            work_type: 'guidance',
            board_provided: 0,
            segments: '[]',
            created_at: '2026-02-20T00:00:00Z',
            updated_at: '2026-02-20T00:00:00Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const ended = await trip('approved', '2026-02-25', '2026-03-01');
    const draft = await trip('submitted', '2026-03-01', '2026-03-05');
    expect((await ok(await agent.post(api('/tickets'), fault({ title: '出差前' })))).assigneeId).toBe(ids.expertEast);
    const away = await trip('approved', '2026-03-02', '2026-03-04');
    const r = await ok(await agent.post(api('/tickets'), fault({ title: '出差中' })));
    expect(r.assigneeId).toBe(ids.expertNorth); // the product's other expert
    const timeline = await ok(await admin.get(api(`/tickets/${r.id}/timeline`)), 200);
    const why = timeline.find((e: Json) => e.kind === 'assignment');
    expect(JSON.stringify(why)).toContain('出差 trip 2026-03-02–2026-03-04');
    await t.database.db.updateTable('travel_requests').set({ status: 'cancelled' }).where('id', 'in', [ended, draft, away]).execute();
  });

  it('SR-4/RS-4: passes over the regional expert on approved leave, and names why; a leave still waiting for approval does not count', async () => {
    t.clock.set('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
    const expert = engineers['expert.east'];
    // RS-4: filed the same day it starts (one day's notice is due): accepted, flagged late, valid once the superior approves.
    const leave = await ok(
      await expert.post(api('/leave-requests'), {
        typeId: 'personal',
        startDate: '2026-03-02',
        endDate: '2026-03-03',
        reason: '家中有事',
        standInId: ids.expertNorth,
      }),
      201,
    );
    expect(leave).toMatchObject({ status: 'submitted', late: true, days: 2 });
    const pending = await ok(await agent.post(api('/tickets'), fault({ title: '请假待批' })));
    expect(pending.assigneeId).toBe(ids.expertEast);
    await ok(await supervisor.post(api(`/leave-requests/${leave.id}/decision`), { version: leave.version, approve: true }), 200);
    const r = await ok(await agent.post(api('/tickets'), fault({ title: '请假中' })));
    expect(r.assigneeId).toBe(ids.expertNorth);
    const timeline = await ok(await admin.get(api(`/tickets/${r.id}/timeline`)), 200);
    expect(JSON.stringify(timeline.find((e: Json) => e.kind === 'assignment'))).toContain(`请假 leave #${leave.id} 2026-03-02–2026-03-03`);
    t.clock.set('2026-03-04T01:00:00Z'); // the day after the leave: available again
    const back = await ok(await agent.post(api('/tickets'), fault({ title: '销假后' })));
    expect(back.assigneeId).toBe(ids.expertEast);
    // Out of the later tests' queues and dashboard.
    await t.database.db.updateTable('tickets').set({ state: 'cancelled' }).where('id', 'in', [pending.id, r.id, back.id]).execute();
    await t.database.db.updateTable('leave_requests').set({ status: 'cancelled' }).where('id', '=', leave.id).execute();
  });

  it('tells the customer why equipment out of warranty is chargeable (CU-3) and runs on the business calendar across a make-up Saturday', async () => {
    t.clock.set('2026-02-13T09:00:00Z'); // Friday 17:00; Saturday 2026-02-14 is a 调休 working day
    const r = await ok(await agent.post(api('/tickets'), fault({ installedProductId: ids.ipOld, urgency: 'high', impact: 'department' })));
    expect(r.eligibility).toBe('chargeable');
    expect(r.eligibilityExplanation.ruleId).toBe('CU-3');
    expect(r.eligibilityExplanation.text['zh-CN']).toContain('质保已于');
    expect(r.slaLevelId).toBe('standard');
    expect(r.priority).toBe('P2');
    // 120 working minutes: 17:00–17:30 Friday, then 08:30–10:00 on the make-up Saturday.
    expect(r.sla.firstResponse.dueAt).toBe('2026-02-14T02:00:00.000Z');
    expect(r.assigneeId).toBe(ids.skilled); // no expert of Z1; the skilled engineer of the region
    expect(r.number).toBe('SR-20260213-0001');
  });

  it('uses the active contract’s level (CU-4)', async () => {
    t.clock.set('2026-03-03T02:00:00Z');
    await ok(
      await agent.post(api('/contracts'), {
        customerId: ids.custB,
        number: 'HT-2026-01',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        feeFen: 100000,
        slaLevelId: 'premium',
        coverage: '24x7',
      }),
    );
    const r = await ok(
      await agent.post(api('/tickets'), {
        customerId: ids.custB,
        title: 'Gateway down',
        description: 'No traffic since 9am',
        urgency: 'medium',
        impact: 'singleUser',
      }),
    );
    expect(r.eligibility).toBe('contract');
    expect(r.slaLevelId).toBe('premium');
    expect(r.eligibilityExplanation.text.en).toContain('HT-2026-01');
  });

  // CU-4 at its boundary: the same level runs on wall-clock time under a 24×7 contract and on the calendar under a
  // business-hours one. Friday 2026-03-06 17:00 (Shanghai), P2 first response 120 minutes on the standard level.
  it.each([
    { coverage: '24x7', due: '2026-03-06T11:00:00.000Z', zh: '7×24 小时自然时间（合同约定，CU-4）' },
    { coverage: 'business', due: '2026-03-09T02:00:00.000Z', zh: '（合同约定，CU-4）' },
  ])('runs the SLA clock on the contract’s $coverage coverage (CU-4)', async ({ coverage, due, zh }) => {
    t.clock.set('2026-03-06T09:00:00Z');
    const customerId = (await ok(await agent.post(api('/customers'), { name: `合同客户 ${coverage}`, regionId: ids.east }))).id;
    const contract = { customerId, startsOn: '2026-03-01', endsOn: '2026-03-06', feeFen: 100000, slaLevelId: 'standard', coverage };
    await ok(await agent.post(api('/contracts'), { ...contract, number: `HT-CU4-${coverage}` }));
    const body = { customerId, title: '交换机宕机', description: '全部端口无流量', urgency: 'high', impact: 'department' };
    const r = await ok(await agent.post(api('/tickets'), body));
    expect(r.slaLevelId).toBe('standard');
    expect(r.priority).toBe('P2');
    expect(r.eligibilityExplanation.inputs.coverage).toBe(coverage);
    expect(r.sla.firstResponse.dueAt).toBe(due);
    expect(r.sla.firstResponse.explanation.text['zh-CN']).toContain(zh);
    expect(r.sla.firstResponse.explanation.inputs.calendarMode).toBe(coverage);
    // Out of the way of the later SLA-4 scans, which count the breached requests.
    await t.database.db.updateTable('tickets').set({ state: 'cancelled' }).where('id', '=', r.id).execute();
  });

  it('refuses bad references with the field at fault and writes nothing', async () => {
    const before = await count('tickets');
    const cases: Array<[Json, string]> = [
      [fault({ customerId: 999999 }), 'body.customerId'],
      [fault({ contactId: ids.contactB }), 'body.contactId'],
      [fault({ installedProductId: 999999 }), 'body.installedProductId'],
      [fault({ productId: ids.other }), 'body.productId'],
      [fault({ assigneeId: ids.agent }), 'body.assigneeId'],
    ];
    for (const [body, path] of cases) {
      const res = await agent.post(api('/tickets'), body);
      expect(res.statusCode, path).toBe(422);
      expect(res.json().error.details[0].path).toBe(path);
    }
    expect((await agent.post(api('/tickets'), fault({ urgency: 'extreme' }))).statusCode).toBe(400);
    expect(await count('tickets')).toBe(before);
  });

  it('creates once per Idempotency-Key and answers 409 to the same key with another body', async () => {
    const key = { 'idempotency-key': 'crm-123' };
    const a = await ok(await agent.post(api('/tickets'), fault({ title: '集成 A' }), key));
    const again = await agent.post(api('/tickets'), fault({ title: '集成 A' }), key);
    expect(again.json().id).toBe(a.id);
    const before = await count('tickets');
    expect((await agent.post(api('/tickets'), fault({ title: '集成 B' }), key)).statusCode).toBe(409);
    expect(await count('tickets')).toBe(before);
  });

  it('lets an override replace the computed priority only with a reason (SR-3)', async () => {
    expect((await supervisor.post(api('/tickets'), fault({ priorityOverride: { priority: 'P4', reason: '' } }))).statusCode).toBe(400);
    const r = await ok(await supervisor.post(api('/tickets'), fault({ priorityOverride: { priority: 'P4', reason: '客户要求降级' } })));
    expect(r.priority).toBe('P4');
    expect(r.priorityExplanation.inputs.computedPriority).toBe('P1');
    expect(
      (await engineers['eng.idle'].post(api('/tickets'), fault({ priorityOverride: { priority: 'P4', reason: 'x' } }))).statusCode,
    ).toBe(403);
  });
});

describe('flow (SR-4..9)', () => {
  it('goes new → assigned → accepted → in progress ⇄ waiting → resolved → confirmed → closed, with a follow-up (SR-11)', async () => {
    t.clock.set('2026-03-04T01:00:00Z');
    const r = await ok(await agent.post(api('/tickets'), fault({ autoAssign: false })));
    expect(r.state).toBe('new');
    const eng = engineers['eng.idle'];
    // Only dispatchers assign; an engineer cannot see or take an unassigned request outside its scope.
    expect((await act(eng, r.id, { action: 'assign', version: r.version, assigneeId: ids.idle })).statusCode).toBe(404);
    let cur = await ok(await act(agent, r.id, { action: 'assign', version: r.version, assigneeId: ids.idle }), 200);
    expect(cur.state).toBe('assigned');
    // Illegal transitions and stale versions: 409, nothing changes.
    expect((await act(eng, r.id, { action: 'resolve', version: cur.version, cause: 'x', solution: 'y' })).statusCode).toBe(409);
    expect((await act(eng, r.id, { action: 'accept', version: r.version })).statusCode).toBe(409);
    expect((await act(engineers['eng.skilled'], r.id, { action: 'accept', version: cur.version })).statusCode).toBe(404);
    cur = await ok(await act(eng, r.id, { action: 'accept', version: cur.version }), 200);
    cur = await ok(await act(eng, r.id, { action: 'start', version: cur.version }), 200);
    expect(cur.sla.firstResponse.state).toBe('met');
    t.clock.advance(10);
    cur = await ok(await act(eng, r.id, { action: 'wait', version: cur.version, reason: '请提供日志' }), 200);
    expect(cur.sla.resolution.state).toBe('paused');
    const dueWhilePaused = cur.sla.resolution.dueAt;
    t.clock.advance(60);
    // SR-7: the customer's reply resumes the request; the 60 paused minutes move the due time.
    await ok(await portalA.post(api(`/tickets/${r.id}/replies`), { body: '日志已上传' }));
    cur = await fresh(r.id);
    expect(cur.state).toBe('in_progress');
    expect(Date.parse(cur.sla.resolution.dueAt) - Date.parse(dueWhilePaused)).toBeGreaterThanOrEqual(0);
    expect(cur.sla.resolution.pausedMinutes).toBe(60);
    expect((await act(eng, r.id, { action: 'resolve', version: cur.version })).statusCode).toBe(400);
    cur = await ok(
      await act(eng, r.id, { action: 'resolve', version: cur.version, cause: '控制器固件缺陷', solution: '1. 升级固件 2. 重启控制器' }),
      200,
    );
    expect(cur.state).toBe('resolved');
    // SR-9: close only after the customer confirms.
    expect((await act(supervisor, r.id, { action: 'close', version: cur.version })).statusCode).toBe(409);
    cur = await ok(
      await act(portalA, r.id, {
        action: 'confirm',
        version: cur.version,
        rating: { attitude: 'excellent', skill: 'good', result: 'excellent', comment: '很及时' },
      }),
      200,
    );
    expect(cur.state).toBe('confirmed');
    expect(cur.rating).toMatchObject({ attitude: 'excellent', skill: 'good', via: 'portal' });
    cur = await ok(await act(eng, r.id, { action: 'close', version: cur.version }), 200);
    expect(cur.state).toBe('closed');
    const fu = await ok(await agent.get(api(`/followups?customerId=${ids.custA}`)), 200);
    expect(fu.items.find((f: Json) => f.ticketId === r.id).dueOn).toBe('2026-03-11'); // closed 03-04 + 7 days
  });

  it('reopens when the customer rejects the resolution (SR-9)', async () => {
    const eng = engineers['expert.east'];
    let cur = await ok(await agent.post(api('/tickets'), fault()));
    cur = await ok(await act(eng, cur.id, { action: 'accept', version: cur.version }), 200);
    cur = await ok(await act(eng, cur.id, { action: 'resolve', version: cur.version, cause: '线缆松动', solution: '重新插拔' }), 200);
    cur = await ok(await act(portalA, cur.id, { action: 'reject', version: cur.version, reason: '问题依旧' }), 200);
    expect(cur.state).toBe('in_progress');
    expect(cur.reopenCount).toBe(1);
    expect(cur.sla.resolution.metAt).toBeNull();
  });

  it('requires the customer’s signature when confirming on the engineer’s device (FS-8)', async () => {
    const eng = engineers['expert.east'];
    let cur = await ok(await agent.post(api('/tickets'), fault()));
    cur = await ok(await act(eng, cur.id, { action: 'accept', version: cur.version }), 200);
    cur = await ok(await act(eng, cur.id, { action: 'resolve', version: cur.version, cause: 'c', solution: 's' }), 200);
    const rating = { attitude: 'good', skill: 'good', result: 'fair' };
    const noSig = await act(eng, cur.id, { action: 'confirm', version: cur.version, rating });
    expect(noSig.statusCode).toBe(422);
    expect(noSig.json().error.ruleId).toBe('FS-8');
    const badSig = await act(eng, cur.id, {
      action: 'confirm',
      version: cur.version,
      rating,
      signedBy: '钱主任',
      signature: 'data:text/html;base64,PHNjcmlwdD4=',
    });
    expect(badSig.statusCode).toBe(422);
    cur = await ok(
      await act(eng, cur.id, {
        action: 'confirm',
        version: cur.version,
        rating,
        signedBy: '钱主任',
        signature: 'data:image/png;base64,iVBORw0KGgo=',
      }),
      200,
    );
    expect(cur.rating).toMatchObject({ via: 'device', signedBy: '钱主任', hasSignature: true });
  });

  it('lets a customer cancel its own request with a reason, and not another’s', async () => {
    const mine = await ok(
      await portalA.post(api('/tickets'), {
        customerId: ids.custA,
        title: '咨询',
        description: '如何导出报表',
        urgency: 'low',
        impact: 'singleUser',
        type: 'consultation',
      }),
    );
    expect(mine.channel).toBe('portal');
    const theirs = await ok(
      await agent.post(api('/tickets'), { customerId: ids.custB, title: 'B', description: 'B', urgency: 'low', impact: 'singleUser' }),
    );
    expect((await act(portalA, theirs.id, { action: 'cancel', version: theirs.version, reason: 'x' })).statusCode).toBe(404);
    const c = await ok(await act(portalA, mine.id, { action: 'cancel', version: mine.version, reason: '已自行解决' }), 200);
    expect(c.state).toBe('cancelled');
    expect(c.cancelReason).toBe('已自行解决');
  });
});

describe('customer portal', () => {
  it('shows a contact its company’s requests only (404 for others) and hides internal notes', async () => {
    const a = await ok(await agent.post(api('/tickets'), fault()));
    const b = await ok(
      await agent.post(api('/tickets'), { customerId: ids.custB, title: 'B 工单', description: 'B', urgency: 'low', impact: 'singleUser' }),
    );
    expect((await portalA.get(api(`/tickets/${b.id}`))).statusCode).toBe(404);
    expect((await portalA.get(api(`/tickets/${b.id}/timeline`))).statusCode).toBe(404);
    expect((await portalB.get(api(`/tickets/${a.id}`))).statusCode).toBe(404);
    const list = await ok(await portalA.get(api('/tickets?limit=200')), 200);
    expect(list.items.every((i: Json) => i.customerId === ids.custA)).toBe(true);
    await ok(await engineers['expert.east'].post(api(`/tickets/${a.id}/replies`), { body: '内部：怀疑固件问题', visibility: 'internal' }));
    await ok(await engineers['expert.east'].post(api(`/tickets/${a.id}/replies`), { body: '您好，我们正在处理', visibility: 'public' }));
    const seen = await ok(await portalA.get(api(`/tickets/${a.id}/timeline`)), 200);
    expect(seen.map((e: Json) => e.body)).toContain('您好，我们正在处理');
    expect(seen.map((e: Json) => e.body)).not.toContain('内部：怀疑固件问题');
    expect((await portalA.post(api(`/tickets/${a.id}/replies`), { body: 'x', visibility: 'internal' })).statusCode).toBe(403);
    // Filing for another company is refused without revealing it exists.
    expect(
      (await portalA.post(api('/tickets'), { customerId: ids.custB, title: 'x', description: 'x', urgency: 'low', impact: 'singleUser' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('escalation (SR-6, ORG-3)', () => {
  it('hands over to tier 2 with a detailed description, consults the expert, raises to R&D via the supervisor', async () => {
    const eng = engineers['eng.skilled'];
    let cur = await ok(await agent.post(api('/tickets'), fault({ installedProductId: ids.ipOld })));
    expect(cur.assigneeId).toBe(ids.skilled);
    cur = await ok(await act(eng, cur.id, { action: 'accept', version: cur.version }), 200);
    const short = await eng.post(api(`/tickets/${cur.id}/escalations`), { kind: 'l2', version: cur.version, description: '搞不定' });
    expect(short.statusCode).toBe(400);
    // ORG-3: consulting the expert of a product without experts names nobody → 422.
    expect(
      (await eng.post(api(`/tickets/${cur.id}/escalations`), { kind: 'expert', version: cur.version, description: '请教' })).statusCode,
    ).toBe(422);
    cur = await ok(
      await eng.post(api(`/tickets/${cur.id}/escalations`), {
        kind: 'l2',
        version: cur.version,
        description: '网关间歇性丢包，已更换网线和端口，客户环境：核心交换机 H3C，日志见附件',
      }),
      200,
    );
    expect(cur.tier).toBe(2);
    expect(cur.assigneeId).toBe(ids.l2);
    expect(cur.state).toBe('assigned');
    // L1 still sees it (it escalated it); L2 answers and L1 is told.
    const esc = cur.escalations[0];
    expect(esc).toMatchObject({ kind: 'l2', toUserId: ids.l2, state: 'open' });
    expect((await eng.post(api(`/tickets/${cur.id}/escalations/${esc.id}/answer`), { answer: 'x' })).statusCode).toBe(403);
    cur = await ok(
      await engineers['eng.l2'].post(api(`/tickets/${cur.id}/escalations/${esc.id}/answer`), { answer: '关闭 STP 后恢复' }),
      200,
    );
    expect(cur.escalations[0].state).toBe('answered');
    expect((await engineers['eng.l2'].post(api(`/tickets/${cur.id}/escalations/${esc.id}/answer`), { answer: 'again' })).statusCode).toBe(
      409,
    );
    // SR-6: R&D only through the supervisor, with owner, R&D person and target time.
    const rnd = {
      kind: 'rnd',
      version: cur.version,
      ownerId: ids.l2,
      rndPerson: '研发 周工',
      targetAt: '2026-03-20T10:00:00+08:00',
      description: '疑似固件缺陷，需在公司复现',
    };
    expect((await engineers['eng.l2'].post(api(`/tickets/${cur.id}/escalations`), rnd)).statusCode).toBe(403);
    cur = await ok(await supervisor.post(api(`/tickets/${cur.id}/escalations`), rnd), 200);
    expect(cur.escalations.map((e: Json) => e.kind)).toEqual(['l2', 'rnd']);
    const portalView = await ok(await portalA.get(api(`/tickets/${cur.id}`)), 200);
    expect(portalView.escalations).toEqual([]);
  });

  it('SR-6: still hands over to tier 2 when the only tier-2 engineer is away on a trip (reachable while travelling)', async () => {
    const now = t.clock.now().toISOString();
    const day = now.slice(0, 10);
    const { id: tripId } = await t.database.db
      .insertInto('travel_requests')
      .values({
        user_id: ids.l2,
        status: 'approved',
        start_date: '2000-01-01',
        end_date: '2099-12-31',
        purpose: '驻场',
        work_type: 'guidance',
        board_provided: 0,
        segments: '[]',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const eng = engineers['eng.idle'];
      let cur = await ok(await agent.post(api('/tickets'), fault({ assigneeId: ids.idle, title: `出差二线 ${day}` })));
      cur = await ok(
        await eng.post(api(`/tickets/${cur.id}/escalations`), {
          kind: 'l2',
          version: cur.version,
          description: '阵列间歇性掉盘，已更换硬盘与背板线缆，日志已上传，需二线分析',
        }),
        200,
      );
      expect(cur.assigneeId).toBe(ids.l2);
      expect(cur.tier).toBe(2);
    } finally {
      await t.database.db.updateTable('travel_requests').set({ status: 'cancelled' }).where('id', '=', tripId).execute();
    }
  });

  it('SR-6/RS-4: does not hand over to the only tier-2 engineer while on approved leave (unlike a trip) and asks to choose one', async () => {
    const now = t.clock.now().toISOString();
    const day = now.slice(0, 10);
    const { id: leaveId } = await t.database.db
      .insertInto('leave_requests')
      .values({
        user_id: ids.l2,
        status: 'approved',
        type_id: 'annual',
        start_date: day,
        end_date: day,
        days: 1,
        reason: '年假',
        explanation: '{}',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const eng = engineers['eng.idle'];
      const cur = await ok(await agent.post(api('/tickets'), fault({ assigneeId: ids.idle, title: `二线请假 ${day}` })));
      const res = await eng.post(api(`/tickets/${cur.id}/escalations`), {
        kind: 'l2',
        version: cur.version,
        description: '阵列间歇性掉盘，已更换硬盘与背板线缆，日志已上传，需二线分析',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ ruleId: 'SR-6' });
      expect((await fresh(cur.id)).assigneeId).toBe(ids.idle);
      await t.database.db.updateTable('tickets').set({ state: 'cancelled' }).where('id', '=', cur.id).execute();
    } finally {
      await t.database.db.updateTable('leave_requests').set({ status: 'cancelled' }).where('id', '=', leaveId).execute();
    }
  });

  it('lets the consulted expert see the request (own scope through the escalation)', async () => {
    const eng = engineers['eng.idle'];
    let cur = await ok(await agent.post(api('/tickets'), fault({ assigneeId: ids.idle })));
    expect((await engineers['expert.north'].get(api(`/tickets/${cur.id}`))).statusCode).toBe(404);
    cur = await ok(
      await eng.post(api(`/tickets/${cur.id}/escalations`), {
        kind: 'expert',
        version: cur.version,
        toUserId: ids.expertNorth,
        description: '阵列重建失败如何处理',
      }),
      200,
    );
    expect((await engineers['expert.north'].get(api(`/tickets/${cur.id}`))).statusCode).toBe(200);
  });
});

describe('change requests (SR-12)', () => {
  it('needs the discussion on record and the GM’s approval — and the GM’s signature without written confirmation — before work starts', async () => {
    const eng = engineers['eng.idle'];
    let cur = await ok(await agent.post(api('/tickets'), fault({ type: 'change_request', title: '增加双机热备', assigneeId: ids.idle })));
    expect(cur.changeRequest.decision).toBe('pending');
    cur = await ok(await act(eng, cur.id, { action: 'accept', version: cur.version }), 200);
    const early = await act(eng, cur.id, { action: 'start', version: cur.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.ruleId).toBe('SR-12');
    expect((await eng.post(api(`/tickets/${cur.id}/change-request/decision`), { version: cur.version, approve: true })).statusCode).toBe(
      403,
    );
    expect((await gm.post(api(`/tickets/${cur.id}/change-request/decision`), { version: cur.version, approve: true })).statusCode).toBe(
      422,
    );
    cur = await ok(
      await eng.patch(api(`/tickets/${cur.id}/change-request`), { version: cur.version, discussedWithSales: true, discussedWithRnd: true }),
      200,
    );
    const unsigned = await gm.post(api(`/tickets/${cur.id}/change-request/decision`), { version: cur.version, approve: true });
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().error.details[0].path).toBe('body.signWithoutWrittenConfirmation');
    cur = await ok(
      await gm.post(api(`/tickets/${cur.id}/change-request/decision`), {
        version: cur.version,
        approve: true,
        signWithoutWrittenConfirmation: true,
        comment: '同意',
      }),
      200,
    );
    expect(cur.changeRequest).toMatchObject({ decision: 'approved', decidedBy: 'gm1' });
    cur = await ok(await act(eng, cur.id, { action: 'start', version: cur.version }), 200);
    expect(cur.state).toBe('in_progress');
  });
});

describe('records (SR-8, SR-10, SR-13, CU-2)', () => {
  it('keeps time, parts (extending the warranty), a committed time and market information on the timeline', async () => {
    const eng = engineers['expert.east'];
    const cur = await ok(await agent.post(api('/tickets'), fault()));
    await ok(await eng.post(api(`/tickets/${cur.id}/records`), { kind: 'time', minutes: 45, note: '远程诊断' }));
    const parts = await count('part_replacements');
    await ok(
      await eng.post(api(`/tickets/${cur.id}/records`), { kind: 'part', part: '控制器电池', quantity: 1, replacesWarrantyPart: true }),
    );
    expect(await count('part_replacements')).toBe(parts + 1);
    const past = await eng.post(api(`/tickets/${cur.id}/records`), {
      kind: 'commitment',
      committedAt: '2020-01-01T00:00:00Z',
      reason: '等备件',
    });
    expect(past.statusCode).toBe(422);
    await ok(
      await eng.post(api(`/tickets/${cur.id}/records`), {
        kind: 'commitment',
        committedAt: '2027-01-01T10:00:00+08:00',
        reason: '等备件到货',
      }),
    );
    await ok(
      await eng.post(api(`/tickets/${cur.id}/records`), {
        kind: 'market_info',
        category: 'competitor',
        content: '客户在评估友商 Y 的方案',
      }),
    );
    const d = await fresh(cur.id);
    expect(d.totalMinutesSpent).toBe(45);
    expect(d.committedAt).toBe('2027-01-01T02:00:00.000Z');
    const portalTimeline = await ok(await portalA.get(api(`/tickets/${cur.id}/timeline`)), 200);
    const kinds = portalTimeline.map((e: Json) => e.kind);
    expect(kinds).toContain('commitment');
    expect(kinds).not.toContain('market_info');
    expect(kinds).not.toContain('time');
    expect((await portalA.post(api(`/tickets/${cur.id}/records`), { kind: 'time', minutes: 5 })).statusCode).toBe(403);
  });

  it('meets the on-site target on arrival, only for a request that needs a visit (SLA-2)', async () => {
    t.clock.set('2026-03-10T01:00:00Z');
    const eng = engineers['expert.east'];
    const noVisit = await ok(await agent.post(api('/tickets'), fault()));
    expect(noVisit.sla.onsite).toBeNull();
    expect((await eng.post(api(`/tickets/${noVisit.id}/records`), { kind: 'arrival' })).statusCode).toBe(422);
    const visit = await ok(await agent.post(api('/tickets'), fault({ needsVisit: true })));
    expect(visit.sla.onsite.dueAt).toBe('2026-03-10T03:00:00.000Z'); // warranty 24×7, P1: 120 minutes
    t.clock.advance(90);
    await ok(await eng.post(api(`/tickets/${visit.id}/records`), { kind: 'arrival', note: '已到达机房' }));
    const d = await fresh(visit.id);
    expect(d.sla.onsite.state).toBe('met');
    expect(d.sla.onsite.metAt).toBe('2026-03-10T02:30:00.000Z');
    expect(d.sla.firstResponse.state).toBe('met_late');
  });
});

describe('search and lists', () => {
  it('finds Chinese text by word segmentation and English by prefix, scoped and paged', async () => {
    t.clock.set('2026-03-05T02:00:00Z');
    const p = await ok(await agent.post(api('/tickets'), fault({ title: '打印机无法打印', description: '打印机频繁卡纸' })));
    const e = await ok(await agent.post(api('/tickets'), fault({ title: 'Printer jams', description: 'Paper jam on tray 2' })));
    const search = async (q: string, who: Agent = agent) =>
      (await ok(await who.get(api(`/tickets?q=${encodeURIComponent(q)}`)), 200)).items.map((i: Json) => i.id);
    expect(await search('打印')).toContain(p.id);
    expect(await search('卡纸')).toContain(p.id);
    expect(await search('打印机卡纸')).not.toContain(p.id);
    expect(await search('print')).toContain(e.id);
    expect(await search('print')).not.toContain(p.id);
    expect(await search(p.number)).toContain(p.id);
    expect(await search('打印', portalB)).toEqual([]);
    expect(await search('%_"\'')).toEqual([]);
    // A public reply becomes searchable.
    await ok(await engineers['expert.east'].post(api(`/tickets/${e.id}/replies`), { body: '已更换搓纸轮' }));
    expect(await search('搓纸轮')).toEqual([e.id]);
  });

  it('filters and pages with a stable keyset', async () => {
    const all = await ok(await agent.get(api('/tickets?limit=200')), 200);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const pg: Json = await ok(await agent.get(api(`/tickets?limit=3${cursor ? `&cursor=${cursor}` : ''}`)), 200);
      seen.push(...pg.items.map((i: Json) => i.id));
      cursor = pg.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: Json) => i.id));
    const p1 = await ok(await agent.get(api('/tickets?priority=P1&state=assigned,accepted')), 200);
    expect(p1.items.length).toBeGreaterThan(0);
    expect(p1.items.every((i: Json) => i.priority === 'P1' && ['assigned', 'accepted'].includes(i.state))).toBe(true);
    const mine = await ok(await engineers['expert.east'].get(api('/tickets?mine=true')), 200);
    expect(mine.items.every((i: Json) => i.assigneeId === ids.expertEast)).toBe(true);
    expect((await agent.get(api('/tickets?state=bogus'))).statusCode).toBe(400);
  });
});

describe('SLA alerts (SLA-4)', () => {
  it('warns at exactly 30 minutes before the due time and on breach, once each, to the assignee and the supervisor', async () => {
    t.clock.set('2026-03-09T01:00:00Z'); // Monday 09:00
    const r = await ok(await agent.post(api('/tickets'), fault({ installedProductId: ids.ipOld, urgency: 'low', impact: 'singleUser' })));
    expect(r.slaLevelId).toBe('standard');
    const due = Date.parse(r.sla.firstResponse.dueAt); // 120 working minutes → 11:00
    expect(r.sla.firstResponse.dueAt).toBe('2026-03-09T03:00:00.000Z');
    const alertsFor = async (userId: number) =>
      (
        await t.database.db.selectFrom('notifications').select('kind').where('user_id', '=', userId).where('ticket_id', '=', r.id).execute()
      ).map((n) => n.kind);
    t.clock.set(new Date(due - 31 * 60_000).toISOString());
    await scanSla(t.database.db, t.clock);
    expect(await alertsFor(r.assigneeId)).not.toContain('sla_near_breach');
    t.clock.set(new Date(due - 30 * 60_000).toISOString());
    await scanSla(t.database.db, t.clock);
    await scanSla(t.database.db, t.clock);
    expect((await alertsFor(r.assigneeId)).filter((k) => k === 'sla_near_breach')).toHaveLength(1);
    expect(await alertsFor(ids.sup)).toContain('sla_near_breach');
    const near = await ok(await agent.get(api('/tickets?sla=near_breach&limit=200')), 200);
    expect(near.items.map((i: Json) => i.id)).toContain(r.id);
    t.clock.set(new Date(due).toISOString());
    await scanSla(t.database.db, t.clock);
    expect(await alertsFor(r.assigneeId)).toContain('sla_breached');
    expect(await alertsFor(ids.sup)).toContain('sla_breached');
    const breached = await ok(await agent.get(api('/tickets?sla=breached&limit=200')), 200);
    expect(breached.items.map((i: Json) => i.id)).toContain(r.id);
    const dash = await ok(await supervisor.get(api('/tickets/dashboard')), 200);
    expect(dash.breached.map((i: Json) => i.id)).toContain(r.id);
    expect(dash.byPriority.find((p: Json) => p.priority === 'P4').count).toBeGreaterThan(0);
    expect(dash.load.length).toBeGreaterThan(0);
    expect((await engineers['eng.idle'].get(api('/tickets/dashboard'))).statusCode).toBe(403);
  });
});
