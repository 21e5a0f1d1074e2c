import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FieldWorld, draftLetterFixture, expectStatus, fieldWorld } from '../modules/field/letters.fixtures';
import { segment, tripBody } from '../modules/travel/travel.fixtures';
import { type Agent, type TestApp, api, createTestApp, createUser } from '../test/harness';

// Issue 12 item 9: lists exported to Excel with their filters (files/list-workbook.ts) — the same permission and data
// scope as reading the list, only the filtered rows, headers in the user's language. SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const letters: number[] = [];
let portal: Agent;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-03T01:00:00Z');
  w = await fieldWorld(t, 'lx');
  for (const name of ['Alpha Export Hospital', 'Beta Export School'])
    await expectStatus(await w.supervisor.post(api('/customers'), { name }), 201);
  // Two draft letters; the engineer is on the first only.
  for (let i = 0; i < 2; i++) letters.push((await draftLetterFixture(w)).letter.id);
  const first = await expectStatus(await w.supervisor.get(api(`/field/letters/${letters[0]}`)), 200);
  await expectStatus(
    await w.supervisor.put(api(`/field/letters/${first.id}/engineers`), {
      version: first.version,
      engineerIds: [w.ids.engineer],
      leadId: w.ids.engineer,
    }),
    200,
  );
  // A leave each for the two engineers.
  for (const [who, standInId] of [
    [w.engineer, w.ids.engineer2],
    [w.engineer2, w.ids.engineer],
  ] as const)
    await expectStatus(
      await who.post(api('/leave-requests'), {
        typeId: 'personal',
        startDate: '2026-03-05',
        endDate: '2026-03-05',
        reason: '办理证件',
        standInId,
      }),
      201,
    );
  // A trip each; a complaint and an incident about the first engineer.
  const trip = tripBody({ segments: [segment({ startDate: '2026-03-10', endDate: '2026-03-12' })] });
  for (const who of [w.engineer, w.engineer2]) await expectStatus(await who.post(api('/travel-requests'), trip), 201);
  const complaint = {
    customerId: w.ids.customer,
    complainantName: '钱主任',
    level: 'salesAdmin',
    recipientName: '冯雪',
    receivedAt: '2026-03-02T00:30:00Z',
    aboutUserId: w.ids.engineer,
    subject: '工程师未按约定时间到场',
    description: '约定 9 点到场，10 点半才到',
  };
  await expectStatus(await w.salesAdmin.post(api('/complaints'), complaint), 201);
  const incident = {
    classId: 'II',
    basis: 'lateReport',
    engineerId: w.ids.engineer,
    letterId: letters[0],
    title: '现场问题未及时反馈',
    description: '存储告警未上报',
    occurredAt: '2026-03-02T00:00:00Z',
  };
  await expectStatus(await w.supervisor.post(api('/incidents'), incident), 201);
  await createUser(w.admin, { username: 'lx.portal', roleKey: 'customer_contact', customerId: w.ids.customer });
  portal = await t.login('lx.portal', 'password-123');
});
afterAll(async () => t.close());

/** The export's two sheets as rows of values (header first); fails unless the answer is a workbook. */
async function workbook(who: Agent, path: string, headers: Record<string, string> = {}) {
  const res = await who.withHeaders(headers).get(api(path));
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const [list, filters] = book.worksheets.map((sheet) =>
    (sheet.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1)),
  );
  return { names: book.worksheets.map((s) => s.name), list, rows: list.slice(1), filters };
}

describe('list exports', () => {
  it('exports the customers matching the search, in Chinese by default and in English when asked', async () => {
    const zh = await workbook(w.supervisor, '/exports/customers.xlsx?q=Export');
    expect(zh.names).toEqual(['客户', '筛选条件']);
    expect(zh.list[0]).toEqual(expect.arrayContaining(['客户名称', '地址']));
    expect(zh.rows.map((r) => r[0])).toEqual(['Alpha Export Hospital', 'Beta Export School']);
    expect(zh.filters).toEqual(expect.arrayContaining([['q', 'Export']]));
    const en = await workbook(w.supervisor, '/exports/customers.xlsx?q=Alpha&lang=en');
    expect(en.names).toEqual(['Customers', 'Filters']);
    expect(en.list[0]).toEqual(expect.arrayContaining(['Name', 'Address']));
    expect(en.rows.map((r) => r[0])).toEqual(['Alpha Export Hospital']);
    const browser = await workbook(w.supervisor, '/exports/customers.xlsx?q=Beta', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(browser.names[0]).toBe('Customers');
  });

  it('answers 400 to an unknown language or filter, and 401 without a session', async () => {
    expect((await w.supervisor.get(api('/exports/customers.xlsx?lang=fr'))).statusCode).toBe(400);
    expect((await w.supervisor.get(api('/exports/users.xlsx?colour=red'))).statusCode).toBe(400);
    expect((await t.anonymous().get(api('/exports/letters.xlsx'))).statusCode).toBe(401);
  });

  it('exports users within the reader’s scope, with the filters applied', async () => {
    expect((await workbook(w.engineer, '/exports/users.xlsx')).rows.map((r) => r[0])).toEqual(['lx.eng']);
    const { rows, filters } = await workbook(w.admin, '/exports/users.xlsx?q=lx.eng&status=active');
    expect(rows.map((r) => r[0]).sort()).toEqual(['lx.eng', 'lx.eng2'].sort());
    expect(rows.every((r) => r[4] === '在用')).toBe(true);
    expect(filters).toEqual(expect.arrayContaining([['status', 'active']]));
  });

  it('exports leave within the reader’s scope: an engineer their own, the supervisor every one filtered by status', async () => {
    const own = await workbook(w.engineer, '/exports/leave-requests.xlsx?view=mine');
    expect(own.rows.map((r) => [r[1], r[2]])).toEqual([['事假', '待审批']]);
    const all = await workbook(w.supervisor, '/exports/leave-requests.xlsx?status=submitted&lang=en');
    expect(all.list[0][0]).toBe('Applicant');
    expect(all.rows.map((r) => [r[1], r[2]])).toEqual([
      ['Personal leave', 'Submitted'],
      ['Personal leave', 'Submitted'],
    ]);
    expect((await workbook(w.supervisor, '/exports/leave-requests.xlsx?status=approved')).rows).toEqual([]);
  });

  it('exports letters within the letters’ scope, filtered by status', async () => {
    const all = await workbook(w.supervisor, '/exports/letters.xlsx?status=draft');
    expect(all.rows).toHaveLength(2);
    expect(all.rows.every((r) => r[2] === '填写中')).toBe(true);
    const own = await workbook(w.engineer, '/exports/letters.xlsx');
    expect(own.rows.map((r) => r[0])).toEqual([all.rows.find((r) => r[7] !== '')?.[0]]);
    expect((await workbook(w.supervisor, '/exports/letters.xlsx?status=booked')).rows).toEqual([]);
  });

  it('exports trips within the reader’s scope and claims in yuan', async () => {
    const own = await workbook(w.engineer, '/exports/travel-requests.xlsx?view=mine');
    expect(own.rows.map((r) => [r[1], r[3], r[4]])).toEqual([['lx.eng', '技术指导', '待审批']]);
    const all = await workbook(w.supervisor, '/exports/travel-requests.xlsx?status=submitted&lang=en');
    expect(all.rows.map((r) => r[4])).toEqual(['Waiting for approval', 'Waiting for approval']);
    const claims = await workbook(w.engineer, '/exports/travel-claims.xlsx?month=2026-03&lang=en');
    expect(claims.list[0]).toEqual(expect.arrayContaining(['Claimant', 'Payable (yuan)']));
    expect(claims.rows).toEqual([]);
    expect(claims.filters).toEqual(expect.arrayContaining([['month', '2026-03']]));
  });

  it('exports complaints and incidents to whoever reads them, never to a customer’s portal', async () => {
    const complaints = await workbook(w.supervisor, '/exports/complaints.xlsx?status=open');
    expect(complaints.rows.map((r) => [r[3], r[5], r[7]])).toEqual([['销售内勤', 'lx.eng', '待受理']]);
    expect((await workbook(w.supervisor, '/exports/complaints.xlsx?status=closed')).rows).toEqual([]);
    expect((await portal.get(api('/exports/complaints.xlsx'))).statusCode).toBe(403);
    const incidents = await workbook(w.supervisor, `/exports/incidents.xlsx?engineerId=${w.ids.engineer}&lang=en`);
    expect(incidents.rows.map((r) => [r[2], r[3], r[6]])).toEqual([['现场问题未及时反馈', 'lx.eng', 'Open']]);
    expect((await workbook(w.supervisor, `/exports/incidents.xlsx?engineerId=${w.ids.engineer2}`)).rows).toEqual([]);
    expect((await portal.get(api('/exports/incidents.xlsx'))).statusCode).toBe(403);
  });

  it('exports the request list in the order of its sort', async () => {
    const { rows, filters } = await workbook(w.supervisor, '/ticket-exports/requests.xlsx?sort=number&order=asc&lang=en');
    const numbers = rows.map((r) => String(r[0]));
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    expect(numbers).toEqual([...numbers].sort());
    expect(filters).toEqual(
      expect.arrayContaining([
        ['sort', 'number'],
        ['order', 'asc'],
      ]),
    );
  });
});
