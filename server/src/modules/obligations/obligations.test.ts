import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { api } from '../travel/travel.fixtures';
import { adjustmentsForMonth, assertMonthOpen } from '../months/months.service';
import {
  cancelObligationsOf,
  fulfilObligation,
  obligationsForMonth,
  openObligation,
  openObligations,
  remindAndFlag,
  reopenObligation,
  systemActing,
} from './obligations.service';

// Obligations and the month through the service API and the routes, on SQLite and PostgreSQL. Weekly reports of the
// week of Monday 2026-03-02 are due Saturday 2026-03-07 18:00 Shanghai (10:00Z) by the default policy (WR-4).

let t: TestApp;
let w: FieldWorld;
let hr: Agent;
const acting = () => systemActing(t.clock);
const weekly = (ownerId: number, weekStart = '2026-03-02') => ({ facts: { kind: 'weekly_report' as const, weekStart }, ownerId });

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T01:00:00Z');
  w = await fieldWorld(t, 'ob');
  await createUser(w.admin, { username: 'ob.hr', roleKey: 'hr' });
  hr = await t.login('ob.hr', 'password-123');
});
afterAll(async () => t?.close());

describe('permissions first', () => {
  it('an engineer sees only their own obligations: the department view and excusing are refused', async () => {
    expect((await w.engineer.get(api('/obligations?view=department'))).statusCode).toBe(403);
    expect((await w.engineer.get(api('/obligations/summary?month=2026-03'))).statusCode).toBe(403);
    const o = await t.database.db.transaction().execute((db) => openObligation(db, acting(), weekly(w.ids.engineer2)));
    expect((await w.engineer.get(api(`/obligations/${o.id}`))).statusCode).toBe(404);
    expect((await w.engineer.post(api(`/obligations/${o.id}/excuse`), { version: o.version, reason: '出差' })).statusCode).toBe(403);
  });

  it('only months.close may close a month or book an adjustment', async () => {
    expect((await w.engineer.post(api('/months/2026-01/close'), {})).statusCode).toBe(403);
    expect((await w.supervisor.post(api('/month-adjustments'), {})).statusCode).not.toBe(403);
    expect(
      (await w.gm.post(api('/month-adjustments'), { userId: w.ids.engineer, factType: 'x', factMonth: '2026-01', reason: 'r' })).statusCode,
    ).toBe(403);
  });
});

describe('opening and fulfilling (WR-4 by the time received)', () => {
  it('opening is idempotent: the same kind, owner, period and subject is one obligation, with its due explanation', async () => {
    const db = t.database.db;
    const a = await openObligation(db, acting(), weekly(w.ids.engineer));
    const b = await openObligation(db, acting(), weekly(w.ids.engineer));
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({
      kind: 'weekly_report',
      ruleId: 'WR-4',
      state: 'open',
      period: '2026-03-02',
      dueAt: '2026-03-07T10:00:00.000Z',
      dueDate: '2026-03-07',
      month: '2026-03',
      policyVersion: 1,
    });
    expect(a.explanation.text['zh-CN']).toContain('周六 2026-03-07 18:00，以收到时间为准');
  });

  it('received Saturday 17:59 is on time', async () => {
    const o = await fulfilObligation(t.database.db, acting(), {
      ...weekly(w.ids.engineer),
      receivedAt: '2026-03-07T09:59:00.000Z',
      evidence: { type: 'weekly_report', id: 1 },
    });
    expect(o).toMatchObject({
      state: 'on_time',
      lateMinutes: 0,
      doneAt: '2026-03-07T09:59:00.000Z',
      evidenceType: 'weekly_report',
      evidenceId: 1,
    });
    expect(o.judgement?.text.en).toContain('on time');
  });

  it('received Saturday 18:01 is late by one minute, with the explanation', async () => {
    const o = await fulfilObligation(t.database.db, acting(), { ...weekly(w.ids.engineer2), receivedAt: '2026-03-07T10:01:00.000Z' });
    expect(o).toMatchObject({ state: 'late', lateMinutes: 1 });
    expect(o.judgement?.text['zh-CN']).toBe(
      'WR-4：技术服务周报于 2026-03-07 18:01 收到，晚于截止时间 2026-03-07 18:00，逾期 1 分钟（以收到时间为准）',
    );
  });

  it('received exactly at 18:00:00 is on time', async () => {
    const o = await fulfilObligation(t.database.db, acting(), {
      facts: { kind: 'supervisor_weekly_report', weekStart: '2026-02-23' },
      ownerId: w.ids.supervisor,
      receivedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(o).toMatchObject({ state: 'on_time', dueAt: '2026-03-01T10:00:00.000Z' });
  });

  it('a second fulfilment keeps the first judgement', async () => {
    const o = await fulfilObligation(t.database.db, acting(), { ...weekly(w.ids.engineer2), receivedAt: '2026-03-07T09:00:00.000Z' });
    expect(o).toMatchObject({ state: 'late', lateMinutes: 1 });
  });

  it('reopening a fulfilled one makes it open again; cancelling by subject cancels it; every change is audited', async () => {
    const db = t.database.db;
    const spec = {
      facts: { kind: 'reflection' as const, eventAt: Date.parse('2026-03-03T06:00:00Z') },
      ownerId: w.ids.engineer,
      subject: { type: 'incident', id: 77 },
    };
    const opened = await openObligation(db, acting(), spec);
    expect(opened).toMatchObject({ ruleId: 'IN-1', subjectType: 'incident', subjectId: 77, dueDate: '2026-03-06' });
    await fulfilObligation(db, acting(), { ...spec, receivedAt: '2026-03-04T01:00:00Z' });
    expect(await reopenObligation(db, acting(), spec, 'sent back')).toMatchObject({ state: 'open', doneAt: null });
    expect(await cancelObligationsOf(db, acting(), { type: 'incident', id: 77 }, 'incident withdrawn')).toBe(1);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'obligation')
      .where('entity_id', '=', String(opened.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['obligation.fulfil', 'obligation.reopen', 'obligation.cancel']));
  });
});

describe('lists and the department view', () => {
  it('lists my obligations due this week, and what is overdue', async () => {
    t.clock.set('2026-03-07T11:00:00Z'); // Saturday 19:00
    await openObligation(t.database.db, acting(), { facts: { kind: 'daily_log', date: '2026-03-06' }, ownerId: w.ids.engineer });
    const week = await expectStatus(await w.engineer.get(api('/obligations?range=week')), 200);
    expect(week.items.map((o: Json) => o.kind)).toEqual(['weekly_report']);
    await openObligation(t.database.db, acting(), { facts: { kind: 'daily_log', date: '2026-03-05' }, ownerId: w.ids.engineer });
    const overdue = await expectStatus(await w.engineer.get(api('/obligations?range=overdue')), 200);
    expect(overdue.items.map((o: Json) => `${o.kind} ${o.period} ${o.overdue}`)).toEqual(['daily_log 2026-03-05 true']);
  });

  it('the supervisor sees the department’s month per person and kind', async () => {
    const s = await expectStatus(await w.supervisor.get(api('/obligations/summary?month=2026-03')), 200);
    const eng = s.people.find((p: Json) => p.userId === w.ids.engineer);
    expect(eng.totals).toMatchObject({ onTime: 1, open: 2, overdue: 1 });
    const eng2 = s.people.find((p: Json) => p.userId === w.ids.engineer2);
    expect(eng2.byKind).toEqual([{ kind: 'weekly_report', counts: { open: 0, overdue: 0, onTime: 0, late: 1, excused: 0 } }]);
    expect(s.totals.late).toBe(1);
  });

  it('reads a month’s obligations for many people in one call (the appraisal’s read)', async () => {
    const rows = await obligationsForMonth(t.database.db, '2026-03', [w.ids.engineer, w.ids.engineer2]);
    expect(rows.map((r) => `${r.ownerId === w.ids.engineer ? 'e1' : 'e2'} ${r.kind} ${r.state}`).sort()).toEqual([
      'e1 daily_log open',
      'e1 daily_log open',
      'e1 weekly_report on_time',
      'e2 weekly_report late',
    ]);
  });
});

describe('reminders and flags', () => {
  it('reminds before the due time and flags an overdue daily log to the owner and the managers, once', async () => {
    t.clock.set('2026-03-09T00:00:00Z'); // Monday 08:00: the daily log of Friday 03-06 is due at 08:30
    const first = await remindAndFlag(t.database.db, t.clock);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    t.clock.set('2026-03-09T00:31:00Z');
    const flagged = await remindAndFlag(t.database.db, t.clock);
    expect(flagged.flagged).toBeGreaterThanOrEqual(1);
    expect((await remindAndFlag(t.database.db, t.clock)).flagged).toBe(0);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'title_zh'])
      .where('kind', '=', 'obligation_overdue')
      .where('title_zh', 'like', '%2026-03-06%')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([w.ids.engineer, w.ids.supervisor].sort());
  });
});

describe('excusing', () => {
  it('the supervisor excuses a late report with the reason; audited; the owner is told', async () => {
    const [late] = await obligationsForMonth(t.database.db, '2026-03', [w.ids.engineer2]);
    expect((await w.supervisor.post(api(`/obligations/${late.id}/excuse`), { version: late.version, reason: '' })).statusCode).toBe(400);
    const o = await expectStatus(
      await w.supervisor.post(api(`/obligations/${late.id}/excuse`), { version: late.version, reason: '出差途中无网络' }),
      200,
    );
    expect(o).toMatchObject({ state: 'excused', excusedReason: '出差途中无网络', excusedBy: { id: w.ids.supervisor } });
    const again = await w.supervisor.post(api(`/obligations/${late.id}/excuse`), { version: o.version, reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('obligations.notExcusable');
  });

  it('a stale version gets 409 and nothing changes', async () => {
    const o = await openObligation(t.database.db, acting(), weekly(w.ids.engineer2, '2026-03-09'));
    expect((await w.supervisor.post(api(`/obligations/${o.id}/excuse`), { version: o.version + 5, reason: '病假' })).statusCode).toBe(409);
    expect((await expectStatus(await w.supervisor.get(api(`/obligations/${o.id}`)), 200)).state).toBe('open');
  });
});

describe('the month: closed months refuse changes; corrections become adjustments of the next open month', () => {
  it('a month that has not ended cannot be closed (422)', async () => {
    const res = await hr.post(api('/months/2026-03/close'), {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.reason).toBe('months.notEnded');
  });

  it('closes an ended month (audited); closing it again is 409', async () => {
    t.clock.set('2026-04-02T02:00:00Z');
    const m = await expectStatus(await hr.post(api('/months/2026-03/close'), { note: '三月结账' }), 200);
    expect(m).toMatchObject({ month: '2026-03', state: 'closed', note: '三月结账', ended: true });
    expect((await hr.post(api('/months/2026-03/close'), {})).statusCode).toBe(409);
    const year = await expectStatus(await w.engineer.get(api('/months?year=2026')), 200);
    expect(year.items.filter((x: Json) => x.state === 'closed').map((x: Json) => x.month)).toEqual(['2026-03']);
  });

  it('a fact of the closed month refuses changes with 409 months.closed and nothing is written', async () => {
    await expect(assertMonthOpen(t.database.db, '2026-03-15')).rejects.toMatchObject({
      status: 409,
      extra: { reason: 'months.closed', params: { month: '2026-03' } },
    });
    await expect(
      fulfilObligation(t.database.db, acting(), {
        facts: { kind: 'daily_log', date: '2026-03-05' },
        ownerId: w.ids.engineer,
        receivedAt: '2026-04-02T02:00:00Z',
      }),
    ).rejects.toMatchObject({ status: 409 });
    const [open] = (await obligationsForMonth(t.database.db, '2026-03', [w.ids.engineer])).filter((o) => o.state === 'open');
    const res = await w.supervisor.post(api(`/obligations/${open.id}/excuse`), { version: open.version, reason: '补交' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ reason: 'months.closed', params: { month: '2026-03' } });
    expect((await expectStatus(await w.supervisor.get(api(`/obligations/${open.id}`)), 200)).state).toBe('open');
  });

  it('the correction is booked as a visible adjustment of April, the next open month', async () => {
    const [open] = (await obligationsForMonth(t.database.db, '2026-03', [w.ids.engineer])).filter((o) => o.state === 'open');
    const adj = await expectStatus(
      await w.supervisor.post(api(`/obligations/${open.id}/corrections`), { reason: '当日在客户现场通宵抢修' }),
      201,
    );
    expect(adj).toMatchObject({
      month: '2026-04',
      factType: 'obligation',
      factId: open.id,
      factMonth: '2026-03',
      kind: 'obligation_excused',
      ruleId: 'WR-2',
    });
    expect(adj.explanation['zh-CN']).toContain('在 2026-03 结账后由');
    expect((await expectStatus(await w.supervisor.get(api(`/obligations/${open.id}`)), 200)).state).toBe('open');
    const list = await expectStatus(await hr.get(api('/month-adjustments?month=2026-04')), 200);
    expect(list.items.map((a: Json) => a.id)).toEqual([adj.id]);
    expect((await adjustmentsForMonth(t.database.db, '2026-04', [w.ids.engineer])).map((a) => a.id)).toEqual([adj.id]);
    expect(await adjustmentsForMonth(t.database.db, '2026-04', [w.ids.engineer2])).toEqual([]);
  });

  it('a correction of an open month is refused: change the fact directly', async () => {
    const o = await openObligation(t.database.db, acting(), weekly(w.ids.engineer, '2026-03-30'));
    expect(o.month).toBe('2026-04');
    const res = await w.supervisor.post(api(`/obligations/${o.id}/corrections`), { reason: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.reason).toBe('obligations.monthStillOpen');
  });

  it('a manual adjustment names the fact; a bad one is 4xx and nothing is written', async () => {
    const bad = await hr.post(api('/month-adjustments'), {
      userId: 2_147_483_647,
      factType: 'weekly_report',
      factMonth: '2026-03',
      reason: 'x',
    });
    expect(bad.statusCode).toBe(422);
    expect(
      (await hr.post(api('/month-adjustments'), { userId: w.ids.engineer, factType: 'weekly_report', factMonth: '2026-13', reason: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await hr.post(api('/month-adjustments'), { userId: w.ids.engineer, factType: 'weekly_report', factMonth: '2026-04', reason: 'x' })
      ).json().error.reason,
    ).toBe('months.factMonthOpen');
    const a = await expectStatus(
      await hr.post(api('/month-adjustments'), {
        userId: w.ids.engineer,
        factType: 'weekly_report',
        factId: 3,
        factMonth: '2026-03',
        ruleId: 'AP-9',
        reason: '周报实际按时，系统记录有误',
        amountFen: 2000,
      }),
      201,
    );
    expect(a).toMatchObject({ month: '2026-04', amountFen: 2000, ruleId: 'AP-9', kind: 'correction' });
    expect(await openObligations(t.database.db, acting(), [])).toEqual([]);
  });
});
