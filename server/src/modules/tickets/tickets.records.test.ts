import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, expectStatus as ok } from '../../test/harness';
import { type CountedTable, act, countRows, faultOf, ticketsWorld } from './tickets.fixtures';
import { scanSla } from './tickets.sla';

// SR-6, SR-8, SR-10, SR-12, SR-13, SLA-2/4: escalation, change requests, records, search and SLA alerts through the API, on SQLite and PostgreSQL.

let t: TestApp;
let admin: Agent;
let agent: Agent;
let supervisor: Agent;
let gm: Agent;
let portalA: Agent;
let portalB: Agent;
const ids: Record<string, number> = {};
const engineers: Record<string, Agent> = {};
const count = (table: CountedTable) => countRows(t, table);

beforeAll(async () => {
  // The clock jumps between days; sessions must outlive that.
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  ({ admin, agent, supervisor, gm, portalA, portalB } = await ticketsWorld(t, ids, engineers));
});
afterAll(async () => t.close());

const fault = faultOf(ids);
async function fresh(id: number): Promise<Json> {
  return ok(await admin.get(api(`/tickets/${id}`)), 200);
}

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
