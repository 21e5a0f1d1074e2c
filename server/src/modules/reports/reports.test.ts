import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { onSiteLetterFixture } from '../field/visits.fixtures';
import { openDueReports } from './reports.obligations';

// WR-1 weekly plans, WR-2/RS-10 daily logs, WR-4/WR-3 weekly reports through the API, on SQLite and PostgreSQL.
// The clock starts on Monday 2026-03-02 09:00 Shanghai; the week's reports are due Saturday 2026-03-07 18:00 (10:00Z).

let t: TestApp;
let w: FieldWorld;
let hr: Agent;
let ticketId: number;

const at = (iso: string) => t.clock.set(iso);
const count = async (table: 'daily_logs' | 'weekly_reports' | 'weekly_plans') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  at('2026-03-02T01:00:00Z');
  w = await fieldWorld(t, 'rp');
  await createUser(w.admin, { username: 'rp.hr', roleKey: 'hr' });
  hr = await t.login('rp.hr', 'password-123');
  ticketId = (
    await expectStatus(
      await w.supervisor.post(api('/tickets'), {
        customerId: w.ids.customer,
        title: '监护仪黑屏',
        description: '开机后黑屏',
        urgency: 'medium',
        impact: 'singleUser',
        assigneeId: w.ids.engineer,
        autoAssign: false,
      }),
    )
  ).id;
  at('2026-03-03T02:00:00Z'); // Tuesday 10:00
  await expectStatus(await w.engineer.post(api(`/tickets/${ticketId}/records`), { kind: 'time', minutes: 90, note: '更换电源板' }));
  await expectStatus(
    await w.engineer.post(api(`/tickets/${ticketId}/records`), {
      kind: 'market_info',
      category: 'competitor',
      content: '客户在比较某品牌新款监护仪',
    }),
  );
});
afterAll(async () => t?.close());

describe('permissions first', () => {
  it('an engineer cannot see the team’s plans, file the supervisor’s report or decide plans', async () => {
    expect((await w.engineer.get(api('/weekly-plans?view=team'))).statusCode).toBe(403);
    const sup = await w.engineer.post(api('/weekly-reports'), { weekStart: '2026-03-02', kind: 'supervisor', summary: '本周' });
    expect(sup.statusCode).toBe(403);
    expect(sup.json().error.reason).toBe('reports.supervisorOnly');
    expect((await w.engineer.post(api('/weekly-plans/1/decision'), { version: 1, approve: true })).statusCode).toBe(403);
  });

  it('the GM writes no daily log', async () => {
    expect((await w.gm.post(api('/daily-logs'), { date: '2026-03-02' })).statusCode).toBe(403);
  });
});

describe('WR-2 daily work log, pre-filled; flagged the next working morning', () => {
  it('pre-fills the day from the request worked and the time recorded, with the due time', async () => {
    const d = await expectStatus(await w.engineer.get(api('/daily-logs/draft?date=2026-03-03')), 200);
    expect(d.items).toEqual([{ source: 'ticket', refId: ticketId, refLabel: expect.any(String), content: '监护仪黑屏', minutes: 90 }]);
    expect(d).toMatchObject({ totalMinutes: 90, resident: false, existingId: null, due: { dueAt: '2026-03-04T00:30:00.000Z' } });
    expect(d.due.explanation.text['zh-CN']).toContain('下一个工作日上班时（2026-03-04 08:30）');
  });

  it('a day that has not come is refused (422) and nothing is saved', async () => {
    const before = await count('daily_logs');
    const res = await w.engineer.post(api('/daily-logs'), { date: '2026-03-04', summary: '明天' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'reports.futureDate', ruleId: 'WR-2' });
    expect(await count('daily_logs')).toBe(before);
  });

  it('filed at 08:29 the next morning it is on time; at 08:31 it is late by a minute', async () => {
    at('2026-03-04T00:29:00Z');
    const body = {
      date: '2026-03-03',
      summary: '医院监护仪维修',
      items: [{ source: 'ticket', refId: ticketId, refLabel: 'x', content: '更换电源板', minutes: 90 }],
    };
    const mine = await expectStatus(await w.engineer.post(api('/daily-logs'), body));
    expect(mine).toMatchObject({ totalMinutes: 90, obligation: { state: 'on_time', lateMinutes: 0 } });
    at('2026-03-04T00:31:00Z');
    const late = await expectStatus(await w.engineer2.post(api('/daily-logs'), { date: '2026-03-03', summary: '培训' }));
    expect(late.obligation).toMatchObject({ state: 'late', lateMinutes: 1 });
    expect(late.obligation.judgement.text['zh-CN']).toContain('逾期 1 分钟');
  });

  it('a second log for the same day is 409; the first one can be corrected', async () => {
    const res = await w.engineer.post(api('/daily-logs'), { date: '2026-03-03' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.reason).toBe('reports.dailyLogExists');
    const [mine] = (await expectStatus(await w.engineer.get(api('/daily-logs')), 200)).items;
    const fixed = await expectStatus(
      await w.engineer.put(api(`/daily-logs/${mine.id}`), {
        version: mine.version,
        summary: '医院监护仪维修（已修复）',
        items: mine.items,
        tasks: [{ personName: '李工', task: '巡检机房', status: 'done', minutes: 60 }],
      }),
      200,
    );
    expect(fixed).toMatchObject({ summary: '医院监护仪维修（已修复）', obligation: { state: 'on_time' }, tasks: [{ personName: '李工' }] });
    expect((await w.engineer2.get(api(`/daily-logs/${mine.id}`))).statusCode).toBe(404);
    expect((await expectStatus(await w.supervisor.get(api('/daily-logs?view=team')), 200)).items).toHaveLength(2);
  });

  it('a log for a Saturday is kept but nothing was due', async () => {
    at('2026-03-08T02:00:00Z');
    const sat = await expectStatus(await w.engineer.post(api('/daily-logs'), { date: '2026-03-07', summary: '周末加班' }));
    expect(sat.obligation).toBeNull();
  });
});

describe('WR-4 weekly report: Saturday 18:00 by the time received', () => {
  it('refuses a week that has not started, and a date that is not a Monday', async () => {
    at('2026-03-04T02:00:00Z');
    const before = await count('weekly_reports');
    const early = await w.engineer.post(api('/weekly-reports'), { weekStart: '2026-03-09', summary: '下周' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ reason: 'reports.weekNotStarted', ruleId: 'WR-4' });
    const tuesday = await w.engineer.post(api('/weekly-reports'), { weekStart: '2026-03-03', summary: '本周' });
    expect(tuesday.statusCode).toBe(422);
    expect(tuesday.json().error.reason).toBe('reports.notMonday');
    expect(await count('weekly_reports')).toBe(before);
  });

  it('compiles the week with the SR-13 market feedback and the file name', async () => {
    const d = await expectStatus(await w.engineer.get(api('/weekly-reports/draft?weekStart=2026-03-02')), 200);
    expect(d.marketFeedback).toEqual([
      { category: 'competitor', content: '客户在比较某品牌新款监护仪', ticketId, ticketNumber: expect.any(String) },
    ]);
    expect(d.stats).toMatchObject({ requestsWorked: 1, timeSpentMinutes: 90, dailyLogs: 2 });
    expect(d).toMatchObject({ fileName: 'rp.eng周报03-07', due: { dueAt: '2026-03-07T10:00:00.000Z' } });
  });

  it('filed Saturday 17:59 is on time; 18:01 is late with its explanation', async () => {
    at('2026-03-07T09:59:00Z');
    const onTime = await expectStatus(
      await w.engineer.post(api('/weekly-reports'), {
        weekStart: '2026-03-02',
        summary: '维修监护仪',
        marketFeedback: [{ category: 'competitor', content: '竞品降价' }],
      }),
    );
    expect(onTime).toMatchObject({ kind: 'engineer', fileName: 'rp.eng周报03-07', obligation: { state: 'on_time', lateMinutes: 0 } });
    at('2026-03-07T10:01:00Z');
    const late = await expectStatus(await w.engineer2.post(api('/weekly-reports'), { weekStart: '2026-03-02', summary: '培训' }));
    expect(late.obligation).toMatchObject({ state: 'late', lateMinutes: 1, dueAt: '2026-03-07T10:00:00.000Z' });
    expect(late.obligation.judgement.text['zh-CN']).toBe(
      'WR-4：技术服务周报于 2026-03-07 18:01 收到，晚于截止时间 2026-03-07 18:00，逾期 1 分钟（以收到时间为准）',
    );
    expect(late.obligation.explanation.text.en).toContain('Saturday 2026-03-07 18:00, by the time received');
  });

  it('a second weekly report for the same week is refused (409) and nothing is saved', async () => {
    const before = await count('weekly_reports');
    const res = await w.engineer.post(api('/weekly-reports'), { weekStart: '2026-03-02', summary: '再交一次' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ reason: 'reports.weeklyExists', ruleId: 'WR-4' });
    expect(await count('weekly_reports')).toBe(before);
  });

  it("the supervisor's report to the GM at Sunday 18:00:00 exactly is on time and counts the department's reports", async () => {
    at('2026-03-08T10:00:00Z');
    const r = await expectStatus(
      await w.supervisor.post(api('/weekly-reports'), { weekStart: '2026-03-02', kind: 'supervisor', summary: '部门本周' }),
    );
    expect(r).toMatchObject({ kind: 'supervisor', obligation: { state: 'on_time', dueAt: '2026-03-08T10:00:00.000Z' } });
    expect(r.stats.teamReports).toEqual({ onTime: 1, late: 1, open: 0, excused: 0 });
    const gmNote = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', w.ids.gm)
      .where('kind', '=', 'weekly_report_supervisor')
      .execute();
    expect(gmNote).toHaveLength(1);
    const list = await expectStatus(await w.gm.get(api('/weekly-reports?view=department&weekStart=2026-03-02')), 200);
    expect(list.items).toHaveLength(3);
  });

  it('a Saturday in the National Day holiday: the report filed at 18:01 is on time (due moved to 10-08 18:00 by the policy)', async () => {
    at('2026-10-03T10:01:00Z');
    const r = await expectStatus(await w.engineer.post(api('/weekly-reports'), { weekStart: '2026-09-28', summary: '节前工作' }));
    expect(r.obligation).toMatchObject({ state: 'on_time', dueAt: '2026-10-08T10:00:00.000Z', dueDate: '2026-10-08' });
    expect(r.obligation.explanation.text['zh-CN']).toContain('按政策顺延至节后第一个工作日 2026-10-08 18:00');
    expect(r.fileName).toBe('rp.eng周报10-08');
  });

  it('exports the report as a PDF named <name>周报<MM-DD>', async () => {
    const [r] = (await expectStatus(await w.engineer.get(api('/weekly-reports?weekStart=2026-03-02')), 200)).items;
    const res = await w.engineer.get(api(`/weekly-reports/${r.id}/export`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('rp.eng周报03-07.pdf'));
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('WR-1 weekly plan, approved by the lead before the week starts', () => {
  let plan: Json;

  it('refuses a plan for a week that has started (422) and files next week’s plan on time', async () => {
    at('2026-03-11T02:00:00Z'); // Wednesday of the week of 03-09
    const started = await w.engineer.post(api('/weekly-plans'), {
      weekStart: '2026-03-09',
      items: [{ content: '巡检', source: 'company_need' }],
    });
    expect(started.statusCode).toBe(422);
    expect(started.json().error.reason).toBe('reports.planWeekStarted');
    plan = await expectStatus(
      await w.engineer.post(api('/weekly-plans'), {
        weekStart: '2026-03-16',
        items: [
          { day: 1, content: '市一院回访', source: 'regional_feedback', customerId: w.ids.customer },
          { content: '新产品培训', source: 'company_need' },
        ],
      }),
    );
    expect(plan).toMatchObject({
      status: 'submitted',
      obligation: { state: 'on_time', dueAt: '2026-03-14T10:00:00.000Z' },
      approval: { state: 'open', dueAt: '2026-03-15T16:00:00.000Z' },
    });
  });

  it('a second plan for the same week is 409; an unknown customer is 422', async () => {
    expect(
      (await w.engineer.post(api('/weekly-plans'), { weekStart: '2026-03-16', items: [{ content: 'x', source: 'other' }] })).json().error
        .reason,
    ).toBe('reports.planExists');
    const bad = await w.engineer2.post(api('/weekly-plans'), {
      weekStart: '2026-03-16',
      items: [{ content: 'x', source: 'other', customerId: 2_000_000_000 }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('body.items.0.customerId');
  });

  it('rejected, the plan is open again for its author; resubmitted and approved before Monday, both are on time', async () => {
    const rejected = await expectStatus(
      await w.supervisor.post(api(`/weekly-plans/${plan.id}/decision`), { version: plan.version, approve: false, comment: '补充回访内容' }),
      200,
    );
    expect(rejected).toMatchObject({ status: 'rejected', obligation: { state: 'open' }, approval: { state: 'on_time' } });
    at('2026-03-12T02:00:00Z');
    const again = await expectStatus(
      await w.engineer.put(api(`/weekly-plans/${plan.id}`), {
        version: rejected.version,
        items: [{ content: '市一院回访，检查监护仪', source: 'regional_feedback' }],
      }),
      200,
    );
    expect(again).toMatchObject({ status: 'submitted', obligation: { state: 'on_time' }, approval: { state: 'open' } });
    at('2026-03-15T15:59:00Z'); // Sunday 23:59
    const approved = await expectStatus(
      await w.supervisor.post(api(`/weekly-plans/${plan.id}/decision`), { version: again.version, approve: true }),
      200,
    );
    expect(approved).toMatchObject({ status: 'approved', approval: { state: 'on_time' } });
    expect(
      (await w.engineer.put(api(`/weekly-plans/${plan.id}`), { version: approved.version, items: [{ content: 'x', source: 'other' }] }))
        .statusCode,
    ).toBe(409);
  });

  it('approved after the week started, the lead’s approval is late', async () => {
    at('2026-03-13T02:00:00Z');
    const p = await expectStatus(
      await w.engineer2.post(api('/weekly-plans'), { weekStart: '2026-03-16', items: [{ content: '驻场支持', source: 'company_need' }] }),
    );
    at('2026-03-16T00:01:00Z'); // Monday 08:01
    const d = await expectStatus(
      await w.supervisor.post(api(`/weekly-plans/${p.id}/decision`), { version: p.version, approve: true }),
      200,
    );
    expect(d.approval).toMatchObject({ state: 'late', lateMinutes: 481 });
  });
});

describe('a closed month refuses new facts (409)', () => {
  it('a daily log of a closed month is refused and nothing is saved', async () => {
    await expectStatus(await hr.post(api('/months/2026-02/close'), {}), 200);
    const before = await count('daily_logs');
    const res = await w.engineer.post(api('/daily-logs'), { date: '2026-02-27', summary: '补记' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ reason: 'months.closed', params: { month: '2026-02' } });
    expect(await count('daily_logs')).toBe(before);
  });
});

describe('opening what is due (the daily job)', () => {
  it('opens today’s daily logs, this week’s reports, next week’s plans and last month’s report; a second run opens nothing', async () => {
    at('2026-04-06T01:00:00Z'); // Monday 2026-04-06, after Qingming (04-04..06 are off in 2026? then nothing daily is due)
    const first = await openDueReports(t.database.db, t.clock);
    expect(first).toBeGreaterThan(0);
    expect(await openDueReports(t.database.db, t.clock)).toBe(0);
    const rows = await t.database.db
      .selectFrom('obligations')
      .select(['kind', 'owner_id', 'period'])
      .where('created_at', '=', '2026-04-06T01:00:00.000Z')
      .execute();
    const kinds = (id: number) =>
      rows
        .filter((r) => r.owner_id === id)
        .map((r) => `${r.kind} ${r.period}`)
        .sort();
    expect(kinds(w.ids.engineer)).toEqual(expect.arrayContaining(['weekly_plan 2026-04-13', 'weekly_report 2026-04-06']));
    expect(kinds(w.ids.supervisor)).toEqual(
      expect.arrayContaining(['monthly_service_report 2026-03', 'supervisor_weekly_report 2026-04-06']),
    );
  });
});

describe('WR-8 workload per person and team', () => {
  it('an engineer has no workload view; a range over 366 days is refused', async () => {
    expect((await w.engineer.get(api('/workload?from=2026-03-01&to=2026-03-31'))).statusCode).toBe(403);
    expect((await w.supervisor.get(api('/workload?from=2026-01-01&to=2027-01-02'))).statusCode).toBe(422);
    expect((await w.supervisor.get(api('/workload?from=2026-03-31&to=2026-03-01'))).statusCode).toBe(422);
  });

  it('sums requests, time, daily logs per person and team for the department head', async () => {
    const res = await expectStatus(await w.supervisor.get(api('/workload?from=2026-03-01&to=2026-03-31')), 200);
    const eng = res.people.find((p: Json) => p.userId === w.ids.engineer);
    expect(eng).toMatchObject({ requestsWorked: 1, timeMinutes: 90, dailyLogs: 2, loggedMinutes: 90 });
    const team = res.teams.find((x: Json) => x.teamId === w.ids.team);
    expect(team).toMatchObject({ people: 2, requestsWorked: 1, dailyLogs: 3 });
    expect(res.people.some((p: Json) => p.userId === w.ids.gm)).toBe(true);
  });
});

describe('WR-8/WR-2 with visits and trips (week of 2026-04-13)', () => {
  // The engineer visits the customer on Tuesday 04-14 09:00–11:00 (120 minutes on site) and is on an approved trip
  // 04-13..04-15 with a travel-log line on 04-14; a resident at the customer's site reports tasks per person (RS-10).
  let letterId: number;
  let tripId: number;
  let resident: Agent;

  beforeAll(async () => {
    at('2026-04-14T01:00:00Z');
    const on = await onSiteLetterFixture(w, '2026-04-14T01:30:00Z');
    letterId = on.letterId;
    at('2026-04-14T03:00:00Z');
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/check-ins`), { kind: 'out' }));
    const stamp = '2026-04-10T02:00:00.000Z';
    tripId = (
      await t.database.db
        .insertInto('travel_requests')
        .values({
          user_id: w.ids.engineer,
          status: 'approved',
          start_date: '2026-04-13',
          end_date: '2026-04-15',
          purpose: '苏州客户巡检',
          work_type: 'guidance',
          board_provided: 0,
          letter_id: null,
          ticket_id: null,
          segments: '[]',
          team_id: w.ids.team,
          department_id: w.ids.department,
          decided_by: w.ids.supervisor,
          decided_at: stamp,
          decision_comment: null,
          special_daily_fen: null,
          special_reason: null,
          special_status: null,
          special_decided_by: null,
          special_decided_at: null,
          extension_start_date: null,
          extension_end_date: null,
          extension_reason: null,
          extension_status: null,
          extension_decided_by: null,
          extension_decided_at: null,
          policy_version: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t.database.db
      .insertInto('travel_logs')
      .values({
        request_id: tripId,
        user_id: w.ids.engineer,
        date: '2026-04-14',
        place: '苏州',
        work_done: '巡检三台监护仪',
        created_at: '2026-04-14T12:00:00.000Z',
        updated_at: '2026-04-14T12:00:00.000Z',
      })
      .execute();
    await createUser(w.admin, { username: 'rp.res', roleKey: 'engineer', siteId: w.ids.site, departmentId: w.ids.department });
    resident = await t.login('rp.res', 'password-123');
  });

  it('WR-2: the day’s draft carries the visit and the travel-log line', async () => {
    const d = await expectStatus(await w.engineer.get(api('/daily-logs/draft?date=2026-04-14')), 200);
    expect(d.items).toEqual(
      expect.arrayContaining([
        { source: 'visit', refId: letterId, refLabel: 'rp-市第一医院', content: expect.stringContaining('09:00–11:00'), minutes: 120 },
        { source: 'travel', refId: tripId, refLabel: '苏州', content: '巡检三台监护仪', minutes: 0 },
      ]),
    );
    expect(d.totalMinutes).toBeGreaterThanOrEqual(120);
    // Another day of the trip without a log line has no travel line.
    const next = await expectStatus(await w.engineer.get(api('/daily-logs/draft?date=2026-04-15')), 200);
    expect(next.items.filter((i: Json) => i.source !== 'ticket')).toEqual([]);
  });

  it('RS-10: a resident’s draft names the site; the log is filed with tasks per person and counts their minutes', async () => {
    at('2026-04-14T10:00:00Z');
    const d = await expectStatus(await resident.get(api('/daily-logs/draft?date=2026-04-14')), 200);
    expect(d).toMatchObject({ date: '2026-04-14', resident: true, siteName: '住院部', items: [], existingId: null });
    expect(d.due.dueAt).toBe('2026-04-15T00:30:00.000Z');
    const log = await expectStatus(
      await resident.post(api('/daily-logs'), {
        date: '2026-04-14',
        summary: '驻场日报',
        tasks: [
          { personName: '本人', task: '机房巡检', status: 'done', minutes: 120 },
          { personName: '王工', task: '备份核对', status: 'in_progress', minutes: 60 },
          { personName: '王工', task: '交换机升级', status: 'planned' },
        ],
      }),
    );
    expect(log).toMatchObject({ siteName: '住院部', totalMinutes: 180, obligation: { state: 'on_time' } });
    expect(log.tasks.map((x: Json) => `${x.personName} ${x.task} ${x.status} ${x.minutes}`)).toEqual([
      '本人 机房巡检 done 120',
      '王工 备份核对 in_progress 60',
      '王工 交换机升级 planned 0',
    ]);
    const again = await expectStatus(await resident.get(api('/daily-logs/draft?date=2026-04-14')), 200);
    expect(again.existingId).toBe(log.id);
  });

  it('WR-8: visits, time on site and trip days per person, with what the time went on', async () => {
    const res = await expectStatus(await w.supervisor.get(api('/workload?from=2026-04-13&to=2026-04-17')), 200);
    const eng = res.people.find((p: Json) => p.userId === w.ids.engineer);
    expect(eng).toMatchObject({ visits: 1, onSiteMinutes: 120, travelDays: 3 });
    expect(eng.content).toEqual(
      expect.arrayContaining([
        { source: 'visit', label: 'rp-市第一医院', minutes: 120, count: 1 },
        { source: 'travel', label: '苏州', minutes: 0, count: 1 },
      ]),
    );
    expect(eng.content[0]).toMatchObject({ source: 'visit', minutes: 120 });
    const team = res.teams.find((x: Json) => x.teamId === w.ids.team);
    expect(team).toMatchObject({ visits: 1, onSiteMinutes: 120, travelDays: 3 });
    // A range that ends before the trip's last day counts only its days inside the range.
    const part = await expectStatus(await w.supervisor.get(api('/workload?from=2026-04-14&to=2026-04-14')), 200);
    expect(part.people.find((p: Json) => p.userId === w.ids.engineer)).toMatchObject({ travelDays: 1, visits: 1 });
    expect(res.people.find((p: Json) => p.userId === w.ids.engineer2).content).toEqual([]);
  });
});
