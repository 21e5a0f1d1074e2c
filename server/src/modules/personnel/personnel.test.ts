import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { grantedLeave } from '../leave/leave.repository';
import { PDF } from '../projects/projects.fixtures';
import { api } from '../travel/travel.fixtures';

// Issue 14 item 12 (RS-6/RS-7) and the client's second approvals (RS-4b, item 3) through the API on both databases.
// The site's own calendar: Saturday 2026-03-07 is a 调休 working day, Monday 2026-03-09 a holiday (院庆). A change on
// Friday 2026-03-20 needs its request 12 working days before: by 2026-03-04 (03-05 leaves 11).

let t: TestApp;
let w: FieldWorld;
let resident: Agent;
let resident2: Agent;
let newcomer: Agent;
let clientIt: Agent;
let ids: { resident: number; resident2: number; newcomer: number; clientIt: number };

// A real 1×1 PNG, as a phone's signature pad sends (the form's PDF draws it).
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const at = (local: string) => t.clock.set(new Date(Date.parse(`${local.replace(' ', 'T')}+08:00`)).toISOString());

function cvUpload(as: Agent, id: number, data: Buffer, fileName = '简历.pdf') {
  const boundary = '----techserve-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return as.request('POST', api(`/personnel-changes/${id}/cv`), body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const refusal = (res: { statusCode: number; json: () => Json }, status: number) => {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  return res.json().error as Json;
};

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'pc');
  const calendar = await expectStatus(
    await w.admin.post(api('/calendars'), {
      name: '医院现场日历',
      definition: { holidays: [{ date: '2026-03-09', name: '院庆' }], makeupWorkdays: [{ date: '2026-03-07', name: '调休上班' }] },
    }),
    201,
  );
  const site = await expectStatus(await w.admin.get(api(`/sites/${w.ids.site}`)), 200);
  await expectStatus(await w.admin.patch(api(`/sites/${w.ids.site}`), { version: site.version, calendarId: calendar.id }), 200);
  const staff = { roleKey: 'engineer', departmentId: w.ids.department, teamId: w.ids.team, siteId: w.ids.site };
  ids = {
    resident: await createUser(w.admin, { username: 'pc.res', ...staff }),
    resident2: await createUser(w.admin, { username: 'pc.res2', ...staff }),
    newcomer: await createUser(w.admin, { username: 'pc.new', roleKey: 'engineer', departmentId: w.ids.department, teamId: w.ids.team }),
    clientIt: await createUser(w.admin, { username: 'pc.it', roleKey: 'client_it', customerId: w.ids.customer, siteId: w.ids.site }),
  };
  resident = await t.login('pc.res', 'password-123');
  resident2 = await t.login('pc.res2', 'password-123');
  newcomer = await t.login('pc.new', 'password-123');
  clientIt = await t.login('pc.it', 'password-123');
});
afterAll(async () => t?.close());

describe('RS-6: a change of a resident announced by the company', () => {
  let change: Json;

  it('is announced by a manager only (an engineer and the client IT office get 403)', async () => {
    at('2026-02-10 10:00');
    const body = { outgoingUserId: ids.resident, changeDate: '2026-03-20', reason: '个人原因离职' };
    expect((await w.engineer.post(api('/personnel-changes'), body)).statusCode).toBe(403);
    expect((await clientIt.post(api('/personnel-changes'), body)).statusCode).toBe(403);
  });

  it('refuses a notice later than a month ahead (422 RS-6) and a change on the site’s holiday', async () => {
    at('2026-02-21 10:00');
    const late = refusal(
      await w.supervisor.post(api('/personnel-changes'), { outgoingUserId: ids.resident, changeDate: '2026-03-20', reason: '离职' }),
      422,
    );
    expect(late).toMatchObject({ ruleId: 'RS-6', reason: 'personnel.noticeLate', params: { latest: '2026-02-20' } });
    at('2026-02-10 10:00');
    const holiday = refusal(
      await w.supervisor.post(api('/personnel-changes'), { outgoingUserId: ids.resident, changeDate: '2026-03-09', reason: '离职' }),
      422,
    );
    expect(holiday).toMatchObject({ ruleId: 'RS-6', reason: 'personnel.changeDateNotWorking' });
    expect(
      refusal(
        await w.supervisor.post(api('/personnel-changes'), { outgoingUserId: w.ids.engineer, changeDate: '2026-03-20', reason: '离职' }),
        422,
      ),
    ).toMatchObject({
      reason: 'personnel.notResident',
    });
  });

  it('announces a month ahead: the request is due 12 working days before on the site calendar (2026-03-04), an obligation is open', async () => {
    at('2026-02-10 10:00');
    change = await expectStatus(
      await w.supervisor.post(api('/personnel-changes'), {
        outgoingUserId: ids.resident,
        changeDate: '2026-03-20',
        reason: '个人原因离职',
      }),
      201,
    );
    expect(change).toMatchObject({
      kind: 'change',
      status: 'notice',
      noticeOn: '2026-02-10',
      changeDate: '2026-03-20',
      requestDeadline: '2026-03-04',
    });
    expect(change.explanations.map((e: Json) => e.ruleId)).toEqual(['RS-6', 'RS-6']);
    const ob = await t.database.db
      .selectFrom('obligations')
      .select(['kind', 'due_date', 'state'])
      .where('subject_type', '=', 'personnel_change')
      .where('subject_id', '=', change.id)
      .executeTakeFirstOrThrow();
    expect(ob).toEqual({ kind: 'personnel_change_request', due_date: '2026-03-04', state: 'open' });
    const dup = refusal(
      await w.supervisor.post(api('/personnel-changes'), { outgoingUserId: ids.resident, changeDate: '2026-03-27', reason: '再次' }),
      409,
    );
    expect(dup.reason).toBe('personnel.openChange');
  });

  it('needs the CV before the request; refuses it 11 working days before (across the holiday and the 调休 Saturday)', async () => {
    at('2026-03-04 09:00');
    const request = {
      version: change.version,
      incomingUserId: ids.newcomer,
      incomingName: '新同事',
      qualifications: '网络工程师中级，三年医院运维',
    };
    expect(refusal(await w.supervisor.post(api(`/personnel-changes/${change.id}/request`), request), 422).reason).toBe(
      'personnel.cvMissing',
    );
    change = await expectStatus(await cvUpload(w.supervisor, change.id, PDF), 200);
    expect(change.cv).toMatchObject({ fileName: '简历.pdf', contentType: 'application/pdf' });
    at('2026-03-05 09:00');
    const late = refusal(
      await w.supervisor.post(api(`/personnel-changes/${change.id}/request`), { ...request, version: change.version }),
      422,
    );
    expect(late).toMatchObject({
      ruleId: 'RS-6',
      reason: 'personnel.requestLate',
      params: { workingDays: 11, required: 12, deadline: '2026-03-04' },
    });
    expect((await w.supervisor.get(api(`/personnel-changes/${change.id}`))).json().status).toBe('notice');
  });

  it('accepts it exactly 12 working days before; the obligation is fulfilled on time', async () => {
    at('2026-03-04 17:00');
    change = await expectStatus(
      await w.supervisor.post(api(`/personnel-changes/${change.id}/request`), {
        version: change.version,
        incomingUserId: ids.newcomer,
        incomingName: '新同事',
        qualifications: '网络工程师中级，三年医院运维',
      }),
      200,
    );
    expect(change.status).toBe('requested');
    const ob = await t.database.db
      .selectFrom('obligations')
      .select('state')
      .where('subject_type', '=', 'personnel_change')
      .where('subject_id', '=', change.id)
      .executeTakeFirstOrThrow();
    expect(ob.state).toBe('on_time');
  });

  it('the company approves first (not the client), then the client IT office of the site in its inbox', async () => {
    expect(
      (await clientIt.post(api(`/personnel-changes/${change.id}/decision`), { version: change.version, approve: true })).statusCode,
    ).toBe(403);
    change = await expectStatus(
      await w.supervisor.post(api(`/personnel-changes/${change.id}/decision`), { version: change.version, approve: true }),
      200,
    );
    expect(change.status).toBe('company_approved');
    const inbox = await expectStatus(await clientIt.get(api('/client-approvals')), 200);
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'personnel_change', id: change.id }));
    expect((await w.supervisor.get(api('/client-approvals'))).statusCode).toBe(403);
    await expectStatus(
      await clientIt.post(api(`/client-approvals/personnel_change/${change.id}`), { version: change.version, approve: true }),
      200,
    );
    change = await expectStatus(await clientIt.get(api(`/personnel-changes/${change.id}`)), 200);
    expect(change).toMatchObject({ status: 'approved', clientDecision: { byName: expect.any(String) } });
  });

  it('refuses a handover of 9 working days and takes one of exactly 10 (holiday 03-09 not counted, 调休 03-07 counted)', async () => {
    const short = refusal(
      await w.supervisor.post(api(`/personnel-changes/${change.id}/handover`), {
        version: change.version,
        start: '2026-03-05',
        end: '2026-03-17',
      }),
      422,
    );
    expect(short).toMatchObject({ ruleId: 'RS-6', reason: 'personnel.handoverShort', params: { workingDays: 9, required: 10 } });
    change = await expectStatus(
      await w.supervisor.post(api(`/personnel-changes/${change.id}/handover`), {
        version: change.version,
        start: '2026-03-05',
        end: '2026-03-18',
      }),
      200,
    );
    expect(change).toMatchObject({ status: 'handover', handoverStart: '2026-03-05', handoverEnd: '2026-03-18' });
  });

  it('the form is signed only after the handover period with the checklist complete; the client records a test', async () => {
    at('2026-03-17 10:00');
    const early = refusal(
      await resident.post(api(`/personnel-changes/${change.id}/signatures`), { version: change.version, role: 'outgoing' }),
      422,
    );
    expect(early.reason).toBe('personnel.handoverNotEnded');
    at('2026-03-18 17:00');
    const open = refusal(
      await resident.post(api(`/personnel-changes/${change.id}/signatures`), { version: change.version, role: 'outgoing' }),
      422,
    );
    expect(open).toMatchObject({ reason: 'personnel.checklistOpen', ruleId: 'RS-6' });
    for (const item of ['operations_documents', 'status_report', 'onsite_training'])
      change = await expectStatus(
        await w.supervisor.post(api(`/personnel-changes/${change.id}/checklist`), { version: change.version, item }),
        200,
      );
    expect(change.checklist.every((c: Json) => c.done)).toBe(true);
    expect(
      (await w.supervisor.post(api(`/personnel-changes/${change.id}/test`), { version: change.version, passed: true, note: '现场测试' }))
        .statusCode,
    ).toBe(403);
    change = await expectStatus(
      await clientIt.post(api(`/personnel-changes/${change.id}/test`), { version: change.version, passed: true, note: '故障排查测试通过' }),
      200,
    );
    expect(change.test).toMatchObject({ passed: true, note: '故障排查测试通过' });
  });

  it('both residents and the client sign (drawn on the phone or in the app); the last signature archives the PDF', async () => {
    const wrong = refusal(
      await resident2.post(api(`/personnel-changes/${change.id}/signatures`), { version: change.version, role: 'outgoing' }),
      404,
    );
    expect(wrong).toBeTruthy();
    expect(
      refusal(await newcomer.post(api(`/personnel-changes/${change.id}/signatures`), { version: change.version, role: 'outgoing' }), 403)
        .reason,
    ).toBe('personnel.notSigner');
    change = await expectStatus(
      await resident.post(api(`/personnel-changes/${change.id}/signatures`), {
        version: change.version,
        role: 'outgoing',
        signature: SIGNATURE,
      }),
      200,
    );
    expect(
      refusal(await resident.post(api(`/personnel-changes/${change.id}/signatures`), { version: change.version, role: 'outgoing' }), 409)
        .reason,
    ).toBe('personnel.alreadySigned');
    change = await expectStatus(
      await newcomer.post(api(`/personnel-changes/${change.id}/signatures`), {
        version: change.version,
        role: 'incoming',
        signature: SIGNATURE,
      }),
      200,
    );
    expect(change.hasPdf).toBe(false);
    change = await expectStatus(
      await clientIt.post(api(`/personnel-changes/${change.id}/signatures`), { version: change.version, role: 'client' }),
      200,
    );
    expect(change).toMatchObject({ status: 'completed', hasPdf: true });
    expect(change.signatures.map((s: Json) => [s.role, s.method])).toEqual([
      ['outgoing', 'device'],
      ['incoming', 'device'],
      ['client', 'app'],
    ]);
    expect(change.timeline.map((e: Json) => e.event)).toContain('completed');
    const pdf = await clientIt.get(api(`/personnel-changes/${change.id}/form.pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sig = await resident.get(api(`/personnel-changes/${change.id}/signatures/${change.signatures[0].signatureId}`));
    expect(sig.statusCode).toBe(200);
    const audit = await expectStatus(await w.admin.get(api(`/audit?entity=personnel_change&entityId=${change.id}&limit=50`)), 200);
    expect(audit.items.map((a: Json) => a.action)).toEqual(
      expect.arrayContaining(['personnel.change.announce', 'personnel.form.sign', 'personnel.change.complete']),
    );
  });
});

describe('RS-7: a replacement the client asks for', () => {
  let r: Json;
  it('the client IT office asks for one of its site’s residents; due 15 working days later on the site calendar', async () => {
    at('2026-03-02 10:00');
    expect(
      (await w.supervisor.post(api('/personnel-replacements'), { outgoingUserId: ids.resident2, reasonKind: 'skill', reason: '技能不足' }))
        .statusCode,
    ).toBe(403);
    r = await expectStatus(
      await clientIt.post(api('/personnel-replacements'), { outgoingUserId: ids.resident2, reasonKind: 'skill', reason: '技能不足' }),
      201,
    );
    // 03-03..03-06 (4), 03-07 调休 (5), 03-09 holiday skipped, 03-10..03-13 (9), 03-16..03-20 (14), 03-23 (15)
    expect(r).toMatchObject({
      kind: 'replacement',
      status: 'client_requested',
      dueDate: '2026-03-23',
      overdue: false,
      reasonKind: 'skill',
    });
    const ob = await t.database.db
      .selectFrom('obligations')
      .select(['kind', 'due_date'])
      .where('subject_id', '=', r.id)
      .where('subject_type', '=', 'personnel_change')
      .executeTakeFirstOrThrow();
    expect(ob).toEqual({ kind: 'resident_replacement', due_date: '2026-03-23' });
  });

  it('refuses a change date after the due date (422 RS-7); shows it overdue after the due day', async () => {
    r = await expectStatus(await cvUpload(w.supervisor, r.id, PDF), 200);
    const late = refusal(
      await w.supervisor.post(api(`/personnel-changes/${r.id}/request`), {
        version: r.version,
        incomingName: '外聘工程师',
        qualifications: '系统集成项目经理',
        changeDate: '2026-03-24',
      }),
      422,
    );
    expect(late).toMatchObject({ ruleId: 'RS-7', reason: 'personnel.replacementLate', params: { dueDate: '2026-03-23' } });
    r = await expectStatus(
      await w.supervisor.post(api(`/personnel-changes/${r.id}/request`), {
        version: r.version,
        incomingName: '外聘工程师',
        qualifications: '系统集成项目经理',
        changeDate: '2026-03-23',
      }),
      200,
    );
    expect(r.status).toBe('requested');
    at('2026-03-23 23:00');
    expect((await w.supervisor.get(api(`/personnel-changes/${r.id}`))).json().overdue).toBe(false);
    at('2026-03-24 09:00');
    expect((await w.supervisor.get(api(`/personnel-changes/${r.id}`))).json().overdue).toBe(true);
    const list = await expectStatus(await clientIt.get(api('/personnel-changes?kind=replacement')), 200);
    expect(list.items.map((i: Json) => i.id)).toEqual([r.id]);
    expect((await w.engineer.get(api('/personnel-changes'))).json().items).toEqual([]);
  });
});

describe('the client IT office’s second approval (item 3, RS-4b)', () => {
  it('a resident’s correction approved by the lead counts only after the client approved it', async () => {
    for (const time of ['07:58', '12:00', '13:58']) {
      at(`2026-03-10 ${time}`);
      await expectStatus(await resident2.post(api('/attendance/punches'), { device: 'phone' }), 201);
    }
    at('2026-03-11 09:00');
    const day = async () =>
      (
        (await expectStatus(await w.supervisor.get(api(`/attendance/month?month=2026-03&userId=${ids.resident2}`)), 200)).days as Json[]
      ).find((d) => d.date === '2026-03-10')!;
    const c = await expectStatus(
      await resident2.post(api('/attendance/corrections'), { date: '2026-03-10', time: '18:00', reason: '考勤机故障' }),
      201,
    );
    const lead = await expectStatus(
      await w.supervisor.post(api(`/attendance/corrections/${c.id}/decision`), { version: c.version, approve: true }),
      200,
    );
    expect(lead).toMatchObject({ status: 'approved', clientStatus: 'pending' });
    expect(await day()).toMatchObject({ status: 'incomplete', missingPunches: 1 });
    const inbox = await expectStatus(await clientIt.get(api('/client-approvals')), 200);
    expect(inbox.items).toContainEqual(expect.objectContaining({ kind: 'attendance_correction', id: c.id }));
    expect(
      (await w.supervisor.post(api(`/client-approvals/attendance_correction/${c.id}`), { version: lead.version, approve: true }))
        .statusCode,
    ).toBe(403);
    await expectStatus(
      await clientIt.post(api(`/client-approvals/attendance_correction/${c.id}`), { version: lead.version, approve: true }),
      200,
    );
    expect(await day()).toMatchObject({ status: 'normal', missingPunches: 0 });
    const again = refusal(
      await clientIt.post(api(`/client-approvals/attendance_correction/${c.id}`), { version: lead.version + 1, approve: true }),
      409,
    );
    expect(again.reason).toBe('personnel.noClientApproval');
  });

  it('a resident’s leave extension approved by the company is not leave until the client approves it; a rejection ends it', async () => {
    at('2026-03-11 09:00');
    const leave = { typeId: 'personal', reason: '家中有事', standInId: ids.resident };
    const base = await expectStatus(
      await resident2.post(api('/leave-requests'), { ...leave, startDate: '2026-03-16', endDate: '2026-03-16' }),
      201,
    );
    const approved = await expectStatus(
      await w.gm.post(api(`/leave-requests/${base.id}/decision`), { version: base.version, approve: true }),
      200,
    );
    expect(approved.clientStatus).toBeNull();
    const ext = await expectStatus(
      await resident2.post(api('/leave-requests'), { ...leave, startDate: '2026-03-17', endDate: '2026-03-17', extendsId: base.id }),
      201,
    );
    const company = await expectStatus(
      await w.gm.post(api(`/leave-requests/${ext.id}/decision`), { version: ext.version, approve: true }),
      200,
    );
    expect(company).toMatchObject({ status: 'approved', clientStatus: 'pending' });
    const granted = async () => (await grantedLeave(t.database.db, [ids.resident2], '2026-03-16', '2026-03-17')).map((l) => l.id);
    expect(await granted()).toEqual([base.id]);
    await expectStatus(
      await clientIt.post(api(`/client-approvals/leave_extension/${ext.id}`), { version: company.version, approve: true }),
      200,
    );
    expect(await granted()).toEqual([base.id, ext.id]);
    const ext2 = await expectStatus(
      await resident2.post(api('/leave-requests'), { ...leave, startDate: '2026-03-18', endDate: '2026-03-18', extendsId: ext.id }),
      201,
    );
    const c2 = await expectStatus(
      await w.gm.post(api(`/leave-requests/${ext2.id}/decision`), { version: ext2.version, approve: true }),
      200,
    );
    await expectStatus(
      await clientIt.post(api(`/client-approvals/leave_extension/${ext2.id}`), { version: c2.version, approve: false, comment: '不同意' }),
      200,
    );
    expect((await resident2.get(api(`/leave-requests/${ext2.id}`))).json()).toMatchObject({ status: 'rejected', clientStatus: 'rejected' });
  });

  it('RS-4b: a resident’s emergency leave is reported to the client IT office at once', async () => {
    at('2026-03-25 08:00');
    await expectStatus(
      await resident.post(api('/leave-requests'), {
        typeId: 'personal',
        reason: '家人急病',
        standInId: ids.resident2,
        startDate: '2026-03-25',
        endDate: '2026-03-25',
        emergency: true,
      }),
      201,
    );
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['title_zh', 'kind'])
      .where('user_id', '=', ids.clientIt)
      .where('title_zh', 'like', '%紧急请假%')
      .execute();
    expect(told).toEqual([{ kind: 'client_approval', title_zh: expect.stringContaining('RS-4b') }]);
  });
});
