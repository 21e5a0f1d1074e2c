import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, approvedLetterFixture, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { api, publishPolicy } from '../travel/travel.fixtures';

// RS-4/AT-4: leave requests (请假申请) through the API, on SQLite and PostgreSQL. The clock starts on Monday
// 2026-03-02, 09:00 in Shanghai.

let t: TestApp;
let w: FieldWorld;
let agent: Agent;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'lv');
  await createUser(w.admin, { username: 'lv.agent', roleKey: 'agent' });
  agent = await t.login('lv.agent', 'password-123');
});
afterAll(async () => t?.close());

const leaveBody = (extra: Json = {}) => ({
  typeId: 'personal',
  startDate: '2026-03-04',
  endDate: '2026-03-04',
  reason: '办理证件',
  standInId: w.ids.engineer2,
  ...extra,
});
const file = async (as: Agent, extra: Json = {}) => expectStatus(await as.post(api('/leave-requests'), leaveBody(extra)), 201);
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('leave_requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const notes = async (userId: number, id: number) =>
  (
    await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'title_zh'])
      .where('user_id', '=', userId)
      .where('link', '=', `/leave/${id}`)
      .execute()
  ).map((n) => `${n.kind} ${n.title_zh}`);
const withdraw = async (as: Agent, l: Json) =>
  expectStatus(await as.post(api(`/leave-requests/${l.id}/cancel`), { version: l.version }), 200);

describe('filing a leave (RS-4, AT-4)', () => {
  it('files a one-day personal leave a day ahead: counted in working days, on time, explained, audited, and the supervisor is asked', async () => {
    t.clock.set('2026-03-03T01:00:00Z'); // Tuesday: exactly one day ahead of Wednesday
    const l = await file(w.engineer);
    expect(l).toMatchObject({
      status: 'submitted',
      userId: w.ids.engineer,
      days: 1,
      late: false,
      requiredNoticeDays: 1,
      daysAhead: 1,
      standInId: w.ids.engineer2,
      typeName: { 'zh-CN': '事假', en: 'Personal leave' },
    });
    expect(l.explanation).toMatchObject({ ruleId: 'RS-4', policyVersion: 1 });
    // RS-4/AT-4: what each reader may do now, computed once by core (leaveAllowedActions) and shown by the web as is.
    expect(l.allowedActions).toEqual(['cancel']);
    expect((await expectStatus(await w.supervisor.get(api(`/leave-requests/${l.id}`)), 200)).allowedActions).toEqual(['decide']);
    expect((await expectStatus(await w.engineer2.get(api(`/leave-requests/${l.id}`)), 200)).allowedActions).toEqual([]);
    expect(await notes(w.ids.supervisor, l.id)).toEqual([
      expect.stringMatching(/^leave_approval .*申请请假 事假 2026-03-04～2026-03-04（1 天）$/),
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'leave_request')
      .where('entity_id', '=', String(l.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['leave.request.create']);
    await withdraw(w.engineer, l);
  });

  it('flags a leave filed with less notice than its length needs (3 working days, one day ahead) for the superior', async () => {
    t.clock.set('2026-03-03T01:00:00Z');
    const l = await file(w.engineer, { startDate: '2026-03-04', endDate: '2026-03-06' });
    expect(l).toMatchObject({ days: 3, requiredNoticeDays: 2, daysAhead: 1, late: true });
    expect((await notes(w.ids.supervisor, l.id))[0]).toContain('逾期申请（AT-4）');
    await withdraw(w.engineer, l);
  });

  it('takes an emergency filed afterwards without flagging it late (RS-4), and asks for a medical certificate for sick leave (AT-4)', async () => {
    t.clock.set('2026-03-05T01:00:00Z');
    const emergency = await file(w.engineer, { startDate: '2026-03-04', endDate: '2026-03-04', emergency: true, typeId: 'personal' });
    expect(emergency).toMatchObject({ emergency: true, late: false, daysAhead: -1 });
    const sick = await file(w.engineer, { typeId: 'sick', startDate: '2026-03-05', endDate: '2026-03-05' });
    expect(sick).toMatchObject({ late: false, requiredNoticeDays: 0, certificateRequired: true, certificateReceivedAt: null });
    expect((await w.engineer.post(api(`/leave-requests/${sick.id}/certificate`), { version: sick.version })).statusCode).toBe(403);
    const recorded = await expectStatus(
      await w.supervisor.post(api(`/leave-requests/${sick.id}/certificate`), { version: sick.version }),
      200,
    );
    expect(recorded.certificateReceivedAt).toBe('2026-03-05T01:00:00.000Z');
    expect((await w.supervisor.post(api(`/leave-requests/${sick.id}/certificate`), { version: recorded.version })).statusCode).toBe(409);
    for (const l of [emergency, recorded]) await withdraw(w.engineer, l);
  });

  it('refuses bad input with the rule and the field at fault, and saves nothing', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const before = await count();
    const cases: Array<[Json, number, string, string | undefined]> = [
      [{ standInId: null }, 422, 'body.standInId', 'RS-4'],
      [{ standInId: w.ids.engineer }, 422, 'body.standInId', 'RS-4'],
      [{ standInId: 999999 }, 422, 'body.standInId', 'RS-4'],
      [{ typeId: 'sabbatical' }, 422, 'body.typeId', 'AT-4'],
      [{ startDate: '2026-03-05', endDate: '2026-03-04' }, 422, 'body.endDate', undefined],
      [{ startDate: '2026-03-07', endDate: '2026-03-08' }, 422, 'body.endDate', 'AT-4'], // a weekend: no working day
      [{ startDate: '2026-13-01' }, 400, 'body.startDate', undefined],
      [{ extendsId: 999999 }, 422, 'body.extendsId', undefined],
    ];
    for (const [extra, status, path, ruleId] of cases) {
      const res = await w.engineer.post(api('/leave-requests'), leaveBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      const error = res.json().error;
      expect(JSON.stringify(error.details), JSON.stringify(extra)).toContain(path);
      if (ruleId) expect(error.ruleId, JSON.stringify(extra)).toBe(ruleId);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a second leave on days already asked for (409) and leave to a role without leave.request (customer contact: 403)', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const l = await file(w.engineer, { startDate: '2026-03-10', endDate: '2026-03-11' });
    const res = await w.engineer.post(api('/leave-requests'), leaveBody({ startDate: '2026-03-11', endDate: '2026-03-12' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(`#${l.id}`);
    await createUser(w.admin, { username: 'lv.portal', roleKey: 'customer_contact', customerId: w.ids.customer });
    const portal = await t.login('lv.portal', 'password-123');
    expect((await portal.post(api('/leave-requests'), leaveBody())).statusCode).toBe(403);
    expect((await portal.get(api('/leave-requests'))).statusCode).toBe(403);
    await withdraw(w.engineer, l);
  });
});

describe('choosing a stand-in (RS-4)', () => {
  it('offers an engineer (own data scope) the active colleagues of the department, the own team first; not oneself, other departments or customer contacts', async () => {
    const otherDept = (await expectStatus(await w.admin.post(api('/departments'), { name: 'lv-销售部' }), 201)).id;
    await createUser(w.admin, { username: 'lv.outsider', roleKey: 'engineer', departmentId: otherDept });
    const list = await expectStatus(await w.engineer.get(api('/leave/stand-ins')), 200);
    const ids = list.items.map((i: Json) => i.id);
    expect(list.items[0]).toMatchObject({ id: w.ids.engineer2, sameTeam: true });
    expect(ids).toContain(w.ids.supervisor);
    expect(ids).not.toContain(w.ids.engineer);
    const names = list.items.map((i: Json) => i.name);
    expect(names).not.toContain('lv.outsider');
    expect(names).not.toContain('lv.portal');
    const found = await expectStatus(await w.engineer.get(api('/leave/stand-ins?q=LV.ENG2')), 200);
    expect(found.items.map((i: Json) => i.id)).toEqual([w.ids.engineer2]);
    expect((await w.engineer.get(api(`/leave/stand-ins?q=${'x'.repeat(51)}`))).statusCode).toBe(400);
  });
});

describe('who sees and decides a leave', () => {
  it('shows it to the applicant, the stand-in and the supervisor; not to a colleague nor to an all-scope agent without leave.approve', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const l = await file(w.engineer, { startDate: '2026-03-16', endDate: '2026-03-16' });
    for (const who of [w.engineer, w.engineer2, w.supervisor]) expect((await who.get(api(`/leave-requests/${l.id}`))).statusCode).toBe(200);
    for (const who of [w.sales, agent]) expect((await who.get(api(`/leave-requests/${l.id}`))).statusCode).toBe(404);
    const agentList = await expectStatus(await agent.get(api('/leave-requests')), 200);
    expect(agentList.items.map((i: Json) => i.id)).not.toContain(l.id);
    const approvals = await expectStatus(await w.supervisor.get(api('/leave-requests?view=approvals&status=submitted')), 200);
    expect(approvals.items.map((i: Json) => i.id)).toContain(l.id);
    await withdraw(w.engineer, l);
  });

  it('lets the supervisor approve (not the applicant, not an engineer, not with a stale version); the applicant and the stand-in are told', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const own = await file(w.supervisor, { standInId: w.ids.engineer });
    expect((await w.supervisor.post(api(`/leave-requests/${own.id}/decision`), { version: own.version, approve: true })).statusCode).toBe(
      403,
    );
    await withdraw(w.supervisor, own);
    const l = await file(w.engineer, { startDate: '2026-03-17', endDate: '2026-03-17' });
    expect((await w.engineer2.post(api(`/leave-requests/${l.id}/decision`), { version: l.version, approve: true })).statusCode).toBe(403);
    expect((await w.supervisor.post(api(`/leave-requests/${l.id}/decision`), { version: l.version + 1, approve: true })).statusCode).toBe(
      409,
    );
    const approved = await expectStatus(
      await w.supervisor.post(api(`/leave-requests/${l.id}/decision`), { version: l.version, approve: true, comment: '同意' }),
      200,
    );
    expect(approved).toMatchObject({ status: 'approved', decisionComment: '同意', decidedAt: '2026-03-02T01:00:00.000Z' });
    expect(await notes(w.ids.engineer, l.id)).toEqual([expect.stringContaining('已批准：同意')]);
    expect(await notes(w.ids.engineer2, l.id)).toEqual([expect.stringContaining('由你代为处理')]);
    const again = await w.supervisor.post(api(`/leave-requests/${l.id}/decision`), { version: approved.version, approve: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('illegal_transition');
  });

  it('RS-4: an extension continues an approved leave from the next day and needs approval too; an approved leave is withdrawn only before it starts', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const l = await file(w.engineer, { startDate: '2026-03-18', endDate: '2026-03-18' });
    expect(
      (await w.engineer.post(api('/leave-requests'), leaveBody({ startDate: '2026-03-19', endDate: '2026-03-19', extendsId: l.id })))
        .statusCode,
    ).toBe(422); // not approved yet
    const approved = await expectStatus(
      await w.supervisor.post(api(`/leave-requests/${l.id}/decision`), { version: l.version, approve: true }),
      200,
    );
    const gap = await w.engineer.post(
      api('/leave-requests'),
      leaveBody({ startDate: '2026-03-20', endDate: '2026-03-20', extendsId: l.id }),
    );
    expect(gap.statusCode).toBe(422);
    expect(gap.json().error.details[0]).toMatchObject({ path: 'body.startDate' });
    expect(
      (
        await w.engineer2.post(
          api('/leave-requests'),
          leaveBody({ startDate: '2026-03-19', endDate: '2026-03-19', standInId: w.ids.engineer, extendsId: l.id }),
        )
      ).statusCode,
    ).toBe(422);
    const ext = await file(w.engineer, { startDate: '2026-03-19', endDate: '2026-03-19', extendsId: l.id });
    expect(ext).toMatchObject({ status: 'submitted', extendsId: l.id });
    expect((await notes(w.ids.supervisor, ext.id))[0]).toContain('申请续假');
    t.clock.set('2026-03-18T01:00:00Z'); // the leave has begun
    const late = await w.engineer.post(api(`/leave-requests/${l.id}/cancel`), { version: approved.version });
    expect(late.statusCode).toBe(409);
    await withdraw(w.engineer, ext);
  });

  it('pages with a cursor and refuses a forged one with 400', async () => {
    const first = await expectStatus(await w.engineer.get(api('/leave-requests?view=mine&limit=1')), 200);
    const next = await expectStatus(await w.engineer.get(api(`/leave-requests?view=mine&limit=1&cursor=${first.nextCursor}`)), 200);
    expect(next.items[0].id).toBeLessThan(first.items[0].id);
    const forged = Buffer.from(JSON.stringify(['abc'])).toString('base64url');
    expect((await w.engineer.get(api(`/leave-requests?cursor=${forged}`))).statusCode).toBe(400);
  });
});

describe('approved leave on the dispatch board (FS-10)', () => {
  it('shows as a leave conflict on its days, even next to the engineer’s own visit', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const { letter } = await approvedLetterFixture(w, '2026-03-24T01:00:00Z');
    const l = await file(w.engineer, { startDate: '2026-03-24', endDate: '2026-03-25' });
    const dayOf = (board: Json, date: string) =>
      board.engineers.find((e: Json) => e.userId === w.ids.engineer).days.find((d: Json) => d.date === date);
    let board = await expectStatus(await w.supervisor.get(api('/field/board?from=2026-03-23&to=2026-03-25')), 200);
    expect(board.leaveKnown).toBe(true);
    expect(dayOf(board, '2026-03-24').conflicts).toEqual([]); // not approved yet
    await expectStatus(await w.supervisor.post(api(`/leave-requests/${l.id}/decision`), { version: l.version, approve: true }), 200);
    board = await expectStatus(await w.supervisor.get(api('/field/board?from=2026-03-23&to=2026-03-25')), 200);
    expect(dayOf(board, '2026-03-23').conflicts).toEqual([]);
    expect(dayOf(board, '2026-03-24').items.map((i: Json) => i.letterId)).toEqual([letter.id]);
    expect(dayOf(board, '2026-03-24').conflicts).toEqual([
      expect.objectContaining({ kind: 'leave', from: '2026-03-24', to: '2026-03-25', refId: l.id }),
    ]);
    expect(dayOf(board, '2026-03-25').conflicts).toEqual([expect.objectContaining({ kind: 'leave' })]);
  });
});

describe('AT-4b: own calendar, own requests, personal leave length, annual leave, the superior’s types', () => {
  const member = async (username: string, extra: Json = {}) => {
    const id = await createUser(w.admin, { username, roleKey: 'engineer', departmentId: w.ids.department, teamId: w.ids.team, ...extra });
    return { id, agent: await t.login(username, 'password-123') };
  };

  it('counts a resident’s leave on the client site’s calendar: its 调休 Saturday is a leave day, at headquarters it is not', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const calendar = await expectStatus(
      await w.admin.post(api('/calendars'), {
        name: '医院现场日历',
        definition: { holidays: [{ date: '2026-03-09', name: '院庆' }], makeupWorkdays: [{ date: '2026-03-07', name: '调休上班' }] },
      }),
      201,
    );
    const site = await expectStatus(await w.admin.get(api(`/sites/${w.ids.site}`)), 200);
    await expectStatus(await w.admin.patch(api(`/sites/${w.ids.site}`), { version: site.version, calendarId: calendar.id }), 200);
    const resident = await member('lv.res', { siteId: w.ids.site });
    const weekend = { typeId: 'sick', startDate: '2026-03-07', endDate: '2026-03-08' };
    const atSite = await file(resident.agent, weekend);
    expect(atSite.days).toBe(1);
    expect(atSite.explanation.text['zh-CN']).toContain('1 个工作日');
    const hq = await w.engineer.post(api('/leave-requests'), leaveBody(weekend));
    expect(hq.statusCode).toBe(422);
    expect(hq.json().error.details[0].path).toBe('body.endDate');
    // The site's holiday (Monday 9th) is no leave day for the resident; Friday 6th and the 调休 Saturday are.
    await withdraw(resident.agent, atSite);
    expect((await file(resident.agent, { typeId: 'sick', startDate: '2026-03-06', endDate: '2026-03-09' })).days).toBe(2);
  });

  it('files only one’s own leave: no applicant in the body (proxy), no extension of another’s leave (cross)', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const before = await count();
    const proxy = await w.supervisor.post(api('/leave-requests'), leaveBody({ userId: w.ids.engineer }));
    expect(proxy.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const own = await file(w.engineer, { startDate: '2026-03-26', endDate: '2026-03-26' });
    const approved = await expectStatus(
      await w.supervisor.post(api(`/leave-requests/${own.id}/decision`), { version: own.version, approve: true }),
      200,
    );
    const cross = await w.engineer2.post(
      api('/leave-requests'),
      leaveBody({ startDate: '2026-03-27', endDate: '2026-03-27', standInId: w.ids.engineer, extendsId: own.id }),
    );
    expect(cross.statusCode).toBe(422);
    expect(cross.json().error).toMatchObject({ ruleId: 'AT-4b', reason: 'leave.ownOnly', details: [{ path: 'body.extendsId' }] });
    expect(await count()).toBe(before + 1);
    await withdraw(w.engineer, approved);
  });

  it('takes personal leave of exactly the policy’s 30 calendar days and refuses 31 with the reason', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const { agent: long } = await member('lv.long');
    const over = await long.post(api('/leave-requests'), leaveBody({ startDate: '2026-03-10', endDate: '2026-04-09' }));
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({
      ruleId: 'AT-4b',
      reason: 'leave.personalTooLong',
      params: { max: 30, calendarDays: 31 },
      details: [{ path: 'body.endDate', reason: 'leave.personalTooLong' }],
    });
    const exactly = await file(long, { startDate: '2026-03-10', endDate: '2026-04-08' });
    expect(exactly).toMatchObject({ status: 'submitted', startDate: '2026-03-10', endDate: '2026-04-08' });
  });

  it('grants annual leave by years of service from the hire date: 5 days from the first anniversary, not the day before', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const annual = (extra: Json = {}) => leaveBody({ typeId: 'annual', startDate: '2026-03-16', endDate: '2026-03-20', ...extra });
    const unknown = await w.engineer.post(api('/leave-requests'), annual());
    expect(unknown.json().error).toMatchObject({ ruleId: 'AT-4b', reason: 'leave.hireDateUnknown' });
    const { agent: dayBefore } = await member('lv.hired17', { hireDate: '2025-03-17' });
    const early = await dayBefore.post(api('/leave-requests'), annual({ endDate: '2026-03-16' }));
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ reason: 'leave.annualExceeded', params: { years: 0, entitlement: 0 } });
    const { id, agent: anniversary } = await member('lv.hired16', { hireDate: '2025-03-16' });
    expect((await expectStatus(await w.admin.get(api(`/users/${id}`)), 200)).hireDate).toBe('2025-03-16');
    const five = await file(anniversary, annual());
    expect(five).toMatchObject({ days: 5, typeName: { 'zh-CN': '带薪年假', en: 'Annual leave' } });
    expect(five.explanation.text['zh-CN']).toContain('工龄满 1 年');
    const sixth = await anniversary.post(api('/leave-requests'), annual({ startDate: '2026-03-23', endDate: '2026-03-23' }));
    expect(sixth.statusCode).toBe(422);
    expect(sixth.json().error).toMatchObject({ reason: 'leave.annualExceeded', params: { used: 5, entitlement: 5, days: 1 } });
  });

  it('lets only the applicant’s own superior decide a business absence or outside study', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const { agent: learner } = await member('lv.study');
    const study = await file(learner, { typeId: 'study', startDate: '2026-03-12', endDate: '2026-03-12' });
    expect(study.explanation.text.en).toContain('decided by the applicant’s own superior (AT-4b)');
    const outsider = await w.admin.post(api(`/leave-requests/${study.id}/decision`), { version: study.version, approve: true });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error).toMatchObject({ ruleId: 'AT-4b', reason: 'leave.superiorOnly' });
    const decided = await expectStatus(
      await w.supervisor.post(api(`/leave-requests/${study.id}/decision`), { version: study.version, approve: true }),
      200,
    );
    expect(decided.status).toBe('approved');
  });
});

describe('the policy decides (no rule value is a constant)', () => {
  it('refuses a late request outright when the policy does not accept one with a superior’s approval, and follows new notice days', async () => {
    await publishPolicy(t, w.admin, '2026-04-01', (doc) => {
      doc.leave.lateRequestNeedsSuperiorApproval = false;
      doc.leave.noticeRules = [{ id: 'week', minDays: 1, maxDays: null, noticeDays: 7 }];
    });
    const before = await count();
    const res = await w.engineer.post(api('/leave-requests'), leaveBody({ startDate: '2026-04-07', endDate: '2026-04-07' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ ruleId: 'RS-4', reason: 'leave.mustFileAhead', details: [{ path: 'body.startDate' }] });
    expect(res.json().error.message).toContain('must be filed 7 day(s) ahead; the earliest first day is 2026-04-08');
    expect(await count()).toBe(before);
    const ok = await file(w.engineer, { startDate: '2026-04-08', endDate: '2026-04-08' });
    expect(ok).toMatchObject({ late: false, requiredNoticeDays: 7, policyVersion: 2 });
  });

  it('RS-4: with "extension needs approval" off an on-time extension is granted as filed; outside study still waits', async () => {
    await publishPolicy(t, w.admin, '2026-05-04', (doc) => {
      doc.leave.extensionNeedsApproval = false;
    });
    const l = await file(w.engineer, { startDate: '2026-05-20', endDate: '2026-05-20' });
    await expectStatus(await w.supervisor.post(api(`/leave-requests/${l.id}/decision`), { version: l.version, approve: true }), 200);
    const ext = await file(w.engineer, { startDate: '2026-05-21', endDate: '2026-05-21', extendsId: l.id });
    expect(ext).toMatchObject({ status: 'approved', extendsId: l.id });
    expect(ext.explanation.text['zh-CN']).toContain('续假无需审批');
    expect((await notes(w.ids.supervisor, ext.id))[0]).toContain('无需审批');
    const study = await file(w.engineer, { typeId: 'study', startDate: '2026-05-22', endDate: '2026-05-22', extendsId: ext.id });
    expect(study.status).toBe('submitted');
  });
});
