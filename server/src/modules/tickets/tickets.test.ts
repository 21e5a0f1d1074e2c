import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, expectStatus as ok } from '../../test/harness';
import { type CountedTable, act, countRows, faultOf, ticketsWorld } from './tickets.fixtures';

// SR-1..9, SLA-1..3, ORG-3/4, CU-2..4: intake, the flow and the portal through the API, on SQLite and PostgreSQL.

let t: TestApp;
let admin: Agent;
let agent: Agent;
let supervisor: Agent;
let portalA: Agent;
let portalB: Agent;
const ids: Record<string, number> = {};
const engineers: Record<string, Agent> = {};
const count = (table: CountedTable) => countRows(t, table);

beforeAll(async () => {
  // The clock jumps between days; sessions must outlive that.
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  ({ admin, agent, supervisor, portalA, portalB } = await ticketsWorld(t, ids, engineers));
});
afterAll(async () => t.close());

const fault = faultOf(ids);
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
