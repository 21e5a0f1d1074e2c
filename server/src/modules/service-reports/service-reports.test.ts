import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { spreadsheetAsCsv } from '../../test/libreoffice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { dataUrl, onSiteLetterFixture, recordBody, tinyPng } from '../field/visits.fixtures';

// WR-5 monthly service report through the API, on SQLite and PostgreSQL: March 2026 of one department, with three
// requests needing a visit (arrived on time, arrived late, never arrived), ratings and weekly reports.

let t: TestApp;
let w: FieldWorld;
let tickets: Json[] = [];

const newRequest = async () =>
  expectStatus(
    await w.supervisor.post(api('/tickets'), {
      customerId: w.ids.customer,
      title: '呼吸机报警',
      description: '开机报警',
      urgency: 'high',
      impact: 'department',
      needsVisit: true,
      assigneeId: w.ids.engineer,
      autoAssign: false,
    }),
  );
const rate = (ticketId: number, attitude: string, skill: string, result: string) =>
  t.database.db
    .insertInto('ticket_ratings')
    .values({
      ticket_id: ticketId,
      attitude,
      skill,
      result,
      comment: null,
      via: 'portal',
      signed_by: null,
      signature: null,
      rated_by: null,
      created_at: '2026-03-20T02:00:00.000Z',
    })
    .execute();

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T01:00:00Z');
  w = await fieldWorld(t, 'sr');
  tickets = [await newRequest(), await newRequest(), await newRequest()];
  t.clock.advance(30);
  await expectStatus(await w.engineer.post(api(`/tickets/${tickets[0].id}/records`), { kind: 'arrival' }));
  t.clock.set('2026-03-09T01:00:00Z'); // a week later: the second arrives late, the third never
  await expectStatus(await w.engineer.post(api(`/tickets/${tickets[1].id}/records`), { kind: 'arrival' }));
  await rate(tickets[0].id, 'excellent', 'good', 'excellent');
  await rate(tickets[1].id, 'fair', 'good', 'poor');
  t.clock.set('2026-03-07T09:59:00Z');
  await expectStatus(await w.engineer.post(api('/weekly-reports'), { weekStart: '2026-03-02', summary: '本周维修' }));
  t.clock.set('2026-03-07T10:01:00Z');
  await expectStatus(await w.engineer2.post(api('/weekly-reports'), { weekStart: '2026-03-02', summary: '本周培训' }));
  t.clock.set('2026-04-02T02:00:00Z');
});
afterAll(async () => t?.close());

describe('permissions first', () => {
  it('an engineer cannot generate the department’s report; another department is not found', async () => {
    expect((await w.engineer.get(api(`/monthly-reports/preview?departmentId=${w.ids.department}&month=2026-03`))).statusCode).toBe(403);
    const other = (await expectStatus(await w.admin.post(api('/departments'), { name: 'sr-销售部' }))).id;
    const res = await w.supervisor.get(api(`/monthly-reports/preview?departmentId=${other}&month=2026-03`));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.reason).toBe('reports.noDepartment');
  });
});

describe('WR-5: the month’s figures', () => {
  it('counts timeliness, resolution, ratings on three dimensions and weekly reports, each explained', async () => {
    const d = await expectStatus(
      await w.supervisor.get(api(`/monthly-reports/preview?departmentId=${w.ids.department}&month=2026-03`)),
      200,
    );
    expect(d.requests).toEqual({ total: 3, resolved: 0 });
    expect(d.onsite).toEqual({ met: 1, late: 1, missed: 1, pending: 0 });
    expect(d.rates.timeliness).toMatchObject({ numerator: 1, denominator: 3 });
    expect(d.rates.timeliness.explanation.text['zh-CN']).toContain('按时 1、迟到 1、超时未到 1');
    expect(d.ratings).toEqual({
      attitude: { excellent: 1, good: 0, fair: 1, poor: 0 },
      skill: { excellent: 0, good: 2, fair: 0, poor: 0 },
      result: { excellent: 1, good: 0, fair: 0, poor: 1 },
    });
    expect(d.rates.satisfaction.skill).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(d.weeklyReports).toMatchObject({ onTime: 1, late: 1 });
    expect(d.rates.signatures).toMatchObject({ value: null, denominator: 0 });
    expect(d.rates.signatures.explanation.text['zh-CN']).toContain('0 / 0 = —');
    expect(d.engineers.find((e: Json) => e.userId === w.ids.engineer)).toMatchObject({
      requests: 3,
      onsiteMet: 1,
      onsiteDecided: 3,
      ratings: 2,
      ratingsGoodOrBetter: 1,
      reportsOnTime: 1,
    });
    // WR-5 reads the incidents module's month: none happened in this department.
    expect(d.sections.map((s: Json) => `${s.key} ${s.status}`)).toEqual(['incidents ready', 'complaints ready', 'surveys ready']);
    expect(d.sections[0].rows.map((r: Json) => `${r.label['zh-CN']} ${r.value}`)).toEqual([
      'I 类事故 0',
      'II 类事故 0',
      '已解决 0',
      '已交事故反思 0',
      '已发事故通报 0',
    ]);
  });
});

describe('WR-5: submitting', () => {
  it('a month that has not ended cannot be submitted (422)', async () => {
    const res = await w.supervisor.post(api('/monthly-reports'), { departmentId: w.ids.department, month: '2026-04' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'reports.monthNotEnded', ruleId: 'WR-5' });
  });

  it('submitted on the 2nd working day it is on time (due the 3rd working day); a second one is 409', async () => {
    const r = await expectStatus(
      await w.supervisor.post(api('/monthly-reports'), { departmentId: w.ids.department, month: '2026-03', comment: '本月到场及时率偏低' }),
    );
    expect(r).toMatchObject({ month: '2026-03', obligation: { state: 'on_time', dueDate: '2026-04-03' } });
    expect(r.data.rates.timeliness.numerator).toBe(1);
    const again = await w.supervisor.post(api('/monthly-reports'), { departmentId: w.ids.department, month: '2026-03' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('reports.monthlyExists');
    const list = await expectStatus(await w.gm.get(api('/monthly-reports')), 200);
    expect(list.items).toEqual([expect.objectContaining({ id: r.id, timeliness: 1 / 3, resolution: 0 })]);
  });

  it('the PDF renders the Chinese report with its charts; the Excel file has its sheets', async () => {
    const [r] = (await expectStatus(await w.supervisor.get(api('/monthly-reports')), 200)).items;
    const pdf = await w.supervisor.get(api(`/monthly-reports/${r.id}/pdf`));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const dir = mkdtempSync(join(tmpdir(), 'wr5-'));
      writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-']).toString();
      expect(text).toContain('技术服务月度报表 2026-03');
      expect(text).toContain('服务及时率');
      expect(text).toContain('客户评价分布');
      expect(text).toContain('本月到场及时率偏低');
    }
    const xlsx = await w.supervisor.get(api(`/monthly-reports/${r.id}/xlsx`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['概览', '客户评价', '工程师', '事故投诉调查']);
    expect(book.getWorksheet('客户评价')?.getRow(2).values).toEqual([undefined, '服务态度', 1, 0, 1, 0]);
    // WR-5: the Excel opens in LibreOffice with its Chinese sheets intact.
    const csv = spreadsheetAsCsv(xlsx.rawPayload);
    if (csv !== undefined) {
      expect(csv).toContain('服务态度');
      expect(csv).toContain('工程师');
    }
  }, 150_000);
});

describe('WR-5: the sections with real data (May 2026)', () => {
  // In May the department has two visits signed off (one with the customer's signature, one without), a complaint to a
  // VP raised as a Class I incident and one to sales admin closed with the customer's confirmation, a Class II incident
  // resolved with its reflection, review and notice, and a survey round answered by the customer the engineer served.
  const complaint = (level: string, recipientName: string) => ({
    customerId: w.ids.customer,
    complainantName: '钱主任',
    level,
    recipientName,
    receivedAt: '2026-05-12T01:00:00Z',
    aboutUserId: w.ids.engineer,
    subject: '到场迟到',
    description: '约定 9 点，10 点才到',
  });

  beforeAll(async () => {
    t.clock.set('2026-05-11T00:00:00Z');
    for (const signed of [true, false]) {
      const on = await onSiteLetterFixture(w, '2026-05-11T01:00:00Z');
      await expectStatus(await w.engineer.put(api(`/field/letters/${on.letterId}/service-record`), recordBody()), 200);
      const body = signed
        ? { attitude: 'excellent', skill: 'good', result: 'excellent', signerName: '钱主任', signature: dataUrl(tinyPng(16, 6)) }
        : { unsignedReason: '客户负责人外出' };
      await expectStatus(await w.engineer.post(api(`/field/letters/${on.letterId}/sign-off`), body));
    }
    t.clock.set('2026-05-12T02:00:00Z');
    const vpComplaint = await expectStatus(await w.supervisor.post(api('/complaints'), complaint('vpOrAbove', '李副总')));
    await expectStatus(await w.supervisor.post(api(`/complaints/${vpComplaint.id}/incident`), { version: vpComplaint.version }));
    let c = await expectStatus(await w.supervisor.post(api('/complaints'), complaint('salesAdmin', '王内勤')));
    c = await expectStatus(await w.supervisor.post(api(`/complaints/${c.id}/acknowledge`), { version: c.version }), 200);
    c = await expectStatus(await w.supervisor.post(api(`/complaints/${c.id}/handle`), { version: c.version, handling: '致电道歉' }), 200);
    await expectStatus(
      await w.supervisor.post(api(`/complaints/${c.id}/confirmation`), {
        version: c.version,
        satisfied: true,
        confirmedBy: '钱主任',
        channel: 'phone',
      }),
      200,
    );
    let i = await expectStatus(
      await w.supervisor.post(api('/incidents'), {
        classId: 'II',
        basis: 'lateReport',
        engineerId: w.ids.engineer,
        ticketId: tickets[0].id,
        title: '现场问题未及时反馈',
        description: '公司另派工程师到场',
        occurredAt: '2026-05-12T01:00:00Z',
      }),
    );
    i = await expectStatus(await w.supervisor.post(api(`/incidents/${i.id}/resolve`), { version: i.version, resolution: '已处理' }), 200);
    i = await expectStatus(await w.engineer.post(api(`/incidents/${i.id}/reflection`), { version: i.version, text: '今后及时上报' }), 200);
    await expectStatus(
      await w.supervisor.post(api(`/incidents/${i.id}/notice`), { version: i.version, review: '复盘', notice: '通报' }),
      200,
    );
    // SR-11b: a round for May answered in May by the contact of the customer the engineer visited.
    await expectStatus(await w.supervisor.post(api('/contacts'), { customerId: w.ids.customer, name: '钱主任', email: 'qian@sr.example' }));
    await expectStatus(
      await w.supervisor.post(api('/surveys'), {
        title: '2026 年 5 月满意度调查',
        periodStart: '2026-05-01',
        periodEnd: '2026-05-31',
        questions: [
          { id: 'attitude', kind: 'rating', text: { 'zh-CN': '服务态度', en: 'Attitude' } },
          { id: 'skill', kind: 'rating', text: { 'zh-CN': '技术水平', en: 'Skill' } },
        ],
      }),
    );
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'qian@sr.example')
      .executeTakeFirstOrThrow();
    const token = /\/survey\/(\S+)/.exec(mail.text_body)![1];
    await expectStatus(await t.anonymous().post(api(`/public/surveys/${token}`), { answers: { attitude: 'excellent', skill: 'fair' } }));
    t.clock.set('2026-06-02T02:00:00Z');
  });

  it('counts the incidents, complaints and survey answers of the month and the documentation completeness rate', async () => {
    const d = await expectStatus(
      await w.supervisor.get(api(`/monthly-reports/preview?departmentId=${w.ids.department}&month=2026-05`)),
      200,
    );
    const rows = (key: string) => d.sections.find((s: Json) => s.key === key).rows.map((r: Json) => `${r.label['zh-CN']} ${r.value}`);
    expect(rows('incidents')).toEqual(['I 类事故 1', 'II 类事故 1', '已解决 1', '已交事故反思 1', '已发事故通报 1']);
    expect(rows('complaints')).toEqual([
      '投诉总数 2',
      '投诉至副总以上 1',
      '投诉至销售经理 0',
      '投诉至销售内勤 1',
      '投诉至服务部 0',
      '已关闭（客户确认） 1',
    ]);
    expect(rows('surveys')).toEqual(['本月发出问卷 1', '本月发出已回复 1', '本月回复（本部门工程师服务的客户） 1', '满意比例（%） 50']);
    // Documentation completeness (AP-9): one of the two sign-offs carries the customer's signature.
    expect(d.rates.signatures).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(d.rates.signatures.explanation.text['zh-CN']).toContain('1 / 2');
  });
});

describe('WR-5: the due instant after a holiday, through the database', () => {
  // September 2026's report is due on working day 3 of October (supervisorMonthlyDueWorkingDay = 3): 10-01..10-07 are
  // National Day, so 10-08 (Thu) is working day 1, 10-09 (Fri) day 2 and the make-up Saturday 10-10 day 3; "by the
  // end of" that day (dayDeadlineTime 24:00) is 2026-10-10 24:00 Asia/Shanghai = 2026-10-10T16:00:00Z.
  it('submitted exactly at the due instant it is on time; one minute later it is late, with the explanation', async () => {
    const admin = await t.login('admin');
    const second = (await expectStatus(await admin.post(api('/departments'), { name: 'sr-二部' }))).id;
    await createUser(admin, { username: 'sr.sup2', roleKey: 'supervisor', departmentId: second });
    const sup2 = await t.login('sr.sup2', 'password-123');

    t.clock.set('2026-10-10T16:00:00Z');
    const onTime = await expectStatus(
      await w.supervisor.post(api('/monthly-reports'), { departmentId: w.ids.department, month: '2026-09' }),
    );
    expect(onTime.obligation).toMatchObject({
      state: 'on_time',
      dueAt: '2026-10-10T16:00:00.000Z',
      dueDate: '2026-10-10',
      lateMinutes: 0,
    });
    expect(onTime.obligation.explanation.text['zh-CN']).toContain('次月第 3 个工作日 2026-10-10 24:00（调休上班日）');
    expect(onTime.obligation.judgement.text['zh-CN']).toContain('按时');

    t.clock.set('2026-10-10T16:01:00Z');
    const late = await expectStatus(await sup2.post(api('/monthly-reports'), { departmentId: second, month: '2026-09' }));
    expect(late.obligation).toMatchObject({ state: 'late', dueAt: '2026-10-10T16:00:00.000Z', lateMinutes: 1 });
    expect(late.obligation.judgement.text['zh-CN']).toContain('逾期 1 分钟');
    expect(late.obligation.judgement.text.en).toMatch(/late/i);
  });
});
