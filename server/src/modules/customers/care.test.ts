import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';

// CU-1 visits and CU-2 inspections as region tasks, CU-6 custody and the device log, CU-3 fees for finance.
let t: TestApp;
let admin: Agent;
let agent: Agent;
let engA: Agent;
let engB: Agent;
let sales: Agent;
let finance: Agent;
const ids = { regionA: 0, regionB: 0, custA: 0, custB: 0, inWarranty: 0, expired: 0, sales: 0, head: 0, contact: 0 };
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

type Res = { statusCode: number; body: string; json: () => { error?: { reason?: string } } & Record<string, unknown> };
const refused = (res: Res, status: number, reason: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error?.reason).toBe(reason);
};
type Task = { id: number; version: number; kind: string; customerId: number; dueDate: string; state: string; period: string };
const tasks = async (who: Agent, q = '') => (await expectStatus(await who.get(api(`/care-tasks${q}`)), 200)) as unknown as Task[];
const audits = async (entity: string) =>
  (await t.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', entity).execute()).map((a) => a.action);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  ids.regionA = (await expectStatus(await admin.post(api('/regions'), { name: '华东' }))).id as number;
  ids.regionB = (await expectStatus(await admin.post(api('/regions'), { name: '华北' }))).id as number;
  await createUser(admin, { username: 'agent1', roleKey: 'agent' });
  await createUser(admin, { username: 'engA', roleKey: 'engineer', regionIds: [ids.regionA] });
  await createUser(admin, { username: 'engB', roleKey: 'engineer', regionIds: [ids.regionB] });
  ids.sales = await createUser(admin, { username: 'sales1', roleKey: 'sales', regionIds: [ids.regionA] });
  ids.head = await createUser(admin, { username: 'head1', roleKey: 'supervisor' });
  await createUser(admin, { username: 'fin1', roleKey: 'finance' });
  ids.contact = await createUser(admin, { username: 'contact1', roleKey: 'customer_contact' });
  agent = await t.login('agent1', 'password-123');
  engA = await t.login('engA', 'password-123');
  engB = await t.login('engB', 'password-123');
  sales = await t.login('sales1', 'password-123');
  finance = await t.login('fin1', 'password-123');
  const lineId = (await expectStatus(await admin.post(api('/product-lines'), { name: '服务器' }))).id;
  const productId = (await expectStatus(await admin.post(api('/products'), { name: 'X9 存储', productLineId: lineId }))).id;
  ids.custA = (await expectStatus(await agent.post(api('/customers'), { name: '甲医院', regionId: ids.regionA }))).id as number;
  ids.custB = (await expectStatus(await agent.post(api('/customers'), { name: '乙医院', regionId: ids.regionB }))).id as number;
  // Today is 2026-03-02: accepted 2025-03-10 → in warranty until 2028-03-09; accepted 2023-01-10 → expired 2026-01-09.
  const p1 = { customerId: ids.custA, productId, serialNumber: 'SN-A', acceptedOn: '2025-03-10' };
  ids.inWarranty = (await expectStatus(await agent.post(api('/installed-products'), p1))).id as number;
  const p2 = { customerId: ids.custB, productId, serialNumber: 'SN-B', acceptedOn: '2023-01-10' };
  ids.expired = (await expectStatus(await agent.post(api('/installed-products'), p2))).id as number;
});
afterAll(async () => t.close());

describe('CU-1/CU-2 care plan', () => {
  it('CU-2/CU-1: opens the in-warranty product’s inspection due in the horizon and one visit per regional customer, once', async () => {
    expect((await engA.post(api('/care-tasks/plan'))).statusCode).toBe(403);
    expect(await expectStatus(await agent.post(api('/care-tasks/plan')), 200)).toMatchObject({ opened: 3, missed: 0, asOf: '2026-03-02' });
    expect(await expectStatus(await agent.post(api('/care-tasks/plan')), 200)).toMatchObject({ opened: 0, missed: 0 });
    const all = await tasks(agent);
    expect(all.map((x) => [x.kind, x.customerId, x.period, x.dueDate])).toEqual([
      ['inspection', ids.custA, 'Y1-1', '2026-03-09'],
      ['visit', ids.custA, '2026-05-31', '2026-05-31'],
      ['visit', ids.custB, '2026-05-31', '2026-05-31'],
    ]);
    expect(all[0]).toMatchObject({ installedProductId: ids.inWarranty, serialNumber: 'SN-A', state: 'open', overdue: false });
    expect((all[0] as unknown as { explanation: { ruleId: string } }).explanation.ruleId).toBe('CU-2');
    expect((all[1] as unknown as { explanation: { ruleId: string } }).explanation.ruleId).toBe('CU-1');
  });

  it('CU-2: an engineer sees the tasks of their own region only', async () => {
    expect((await tasks(engA)).map((x) => x.customerId)).toEqual([ids.custA, ids.custA]);
    expect((await tasks(engB)).map((x) => [x.kind, x.customerId])).toEqual([['visit', ids.custB]]);
    expect((await tasks(engA, '?kind=inspection')).map((x) => x.kind)).toEqual(['inspection']);
  });

  it('CU-2: the inspection is recorded done today, not tomorrow; a second record is refused; audited', async () => {
    const [inspection] = await tasks(engA, '?kind=inspection');
    const path = api(`/care-tasks/${inspection.id}`);
    refused(await engA.patch(path, { version: inspection.version, state: 'done', doneOn: '2026-03-03' }), 422, 'customers.futureDate');
    expect((await engB.patch(path, { version: inspection.version, state: 'done' })).statusCode).toBe(404);
    expect((await sales.patch(path, { version: inspection.version, state: 'done' })).statusCode).toBe(403);
    const done = await expectStatus(
      await engA.patch(path, { version: inspection.version, state: 'done', doneOn: '2026-03-02', note: '运行正常' }),
      200,
    );
    expect(done).toMatchObject({ state: 'done', doneOn: '2026-03-02', note: '运行正常', version: inspection.version + 1 });
    refused(await engA.patch(path, { version: done.version, state: 'missed' }), 409, 'customers.taskClosed');
    expect((await engA.patch(path, { version: inspection.version, state: 'done' })).statusCode).toBe(409);
    expect(await audits('customer_care_task')).toEqual(expect.arrayContaining(['care_plan.run', 'care_task.done']));
  });
});

describe('CU-6 custody log and the device log', () => {
  const sign = (signerName: string) => ({ signerName, dataUrl: PNG });
  it('CU-6: logs a device in with condition and signature, and out again once; audited', async () => {
    const body = {
      customerId: ids.custA,
      installedProductId: ids.inWarranty,
      kind: 'device',
      item: 'X9 控制器',
      condition: '外壳完好',
      signature: sign('张三'),
    };
    expect((await sales.post(api('/custody'), body)).statusCode).toBe(403);
    refused(await engA.post(api('/custody'), { ...body, installedProductId: ids.expired }), 422, 'customers.productOfOtherCustomer');
    expect((await engA.post(api('/custody'), { ...body, signature: { signerName: '张三', dataUrl: 'x' } })).statusCode).toBe(400);
    const rec = await expectStatus(await engA.post(api('/custody'), body), 201);
    expect(rec).toMatchObject({ held: true, handedInBy: '张三', conditionIn: '外壳完好', receivedByName: 'engA', returnedAt: null });
    expect(
      (await expectStatus(await agent.get(api(`/custody?customerId=${ids.custA}&held=true`)), 200)) as unknown as unknown[],
    ).toHaveLength(1);
    const out = await expectStatus(
      await engA.post(api(`/custody/${rec.id}/return`), { version: rec.version, condition: '已修复，外壳完好', signature: sign('李四') }),
      200,
    );
    expect(out).toMatchObject({ held: false, takenBackBy: '李四', conditionOut: '已修复，外壳完好' });
    refused(
      await engA.post(api(`/custody/${rec.id}/return`), { version: out.version, condition: 'x', signature: sign('李四') }),
      409,
      'customers.alreadyReturned',
    );
    expect(await expectStatus(await agent.get(api(`/custody/${rec.id}/signatures`)), 200)).toEqual({ signatureIn: PNG, signatureOut: PNG });
    expect(await audits('custody_record')).toEqual(['custody.in', 'custody.out']);
  });

  it('CU-2/CU-6: the device log lists acceptance, the custody in and out and the inspection, oldest first', async () => {
    const log = await expectStatus(await engA.get(api(`/installed-products/${ids.inWarranty}/log`)), 200);
    expect((log.entries as { kind: string }[]).map((e) => e.kind)).toEqual(['accepted', 'inspection', 'custody_in', 'custody_out']);
    expect((await engA.get(api('/installed-products/999999/log'))).statusCode).toBe(404);
  });
});

describe('CU-3 repair fees for finance', () => {
  const fee = (over: Record<string, unknown>) =>
    Object.assign(
      { customerId: ids.custA, installedProductId: ids.inWarranty, description: '更换损坏接口', causedByPeople: true, feeFen: 20000 },
      { partsFen: 5000, agreedOn: '2026-03-02', salesUserId: ids.sales, headUserId: ids.head },
      over,
    );
  it('CU-2: a fault not caused by people in warranty is free: no fee is recorded', async () => {
    refused(await agent.post(api('/repair-fees'), fee({ causedByPeople: false })), 422, 'customers.repairCovered');
  });
  it('CU-3: the minimum cost fee is accepted, a fen less refused; sales and head must be staff', async () => {
    refused(await agent.post(api('/repair-fees'), fee({ feeFen: 19999 })), 422, 'customers.feeBelowMinimum');
    refused(await agent.post(api('/repair-fees'), fee({ headUserId: ids.contact })), 422, 'customers.notStaffUser');
    expect((await engA.post(api('/repair-fees'), fee({}))).statusCode).toBe(403);
    const f = await expectStatus(await agent.post(api('/repair-fees'), fee({})), 201);
    expect(f).toMatchObject({
      basis: 'caused_by_people',
      feeFen: 20000,
      partsFen: 5000,
      totalFen: 25000,
      month: '2026-03',
      headName: 'head1',
    });
    expect((f.explanation as { ruleId: string }).ruleId).toBe('CU-3');
    expect(await audits('repair_fee')).toEqual(['create']);
  });
  it('CU-2: a replaced part under its own warranty is free though the device expired; out of warranty is charged', async () => {
    await expectStatus(
      await agent.post(api(`/installed-products/${ids.expired}/part-replacements`), { part: 'PSU', replacedOn: '2025-06-01' }),
    );
    const onB = { customerId: ids.custB, installedProductId: ids.expired, causedByPeople: false, feeFen: 30000, partsFen: 0 };
    refused(await agent.post(api('/repair-fees'), fee(Object.assign({ part: 'PSU' }, onB))), 422, 'customers.repairCovered');
    const f = await expectStatus(await agent.post(api('/repair-fees'), fee(Object.assign({ agreedOn: '2026-03-31' }, onB))), 201);
    expect(f).toMatchObject({ basis: 'out_of_warranty', totalFen: 30000, month: '2026-03' });
  });
  it('CU-3: finance lists and exports the month; the travel finance export carries the sheet', async () => {
    expect((await engA.get(api('/repair-fees?month=2026-03'))).statusCode).toBe(403);
    const month = await expectStatus(await finance.get(api('/repair-fees?month=2026-03')), 200);
    expect(month).toMatchObject({ month: '2026-03', totalFen: 55000 });
    expect((await expectStatus(await finance.get(api('/repair-fees?month=2026-04')), 200)).items).toEqual([]);
    const res = await finance.get(api('/repair-fees/export?month=2026-03'));
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('维修收费')?.rowCount).toBe(4);
    const travel = await finance.get(api('/travel/finance-export?month=2026-03'));
    expect(travel.statusCode).toBe(200);
    const tb = new ExcelJS.Workbook();
    await tb.xlsx.load(travel.rawPayload as unknown as ArrayBuffer);
    expect(tb.getWorksheet('维修收费')?.rowCount).toBe(4);
  });
});

describe('CU-1 missed visits', () => {
  it('CU-1: a visit open on its due day stays open; the day after it is recorded missed and the next one opens', async () => {
    // Today is 2026-03-02: customer A's visit was due yesterday, customer B's is due today.
    const due = (customerId: number, date: string) =>
      t.database.db
        .updateTable('customer_care_tasks')
        .set({ due_date: date, task_key: `visit:${customerId}:${date}` })
        .where('kind', '=', 'visit')
        .where('customer_id', '=', customerId)
        .execute();
    await due(ids.custA, '2026-03-01');
    await due(ids.custB, '2026-03-02');
    expect(await expectStatus(await agent.post(api('/care-tasks/plan')), 200)).toMatchObject({ missed: 1, opened: 1 });
    expect((await tasks(engB, '?kind=visit')).map((x) => [x.dueDate, x.state])).toEqual([['2026-03-02', 'open']]);
    const visitsA = await tasks(engA, '?kind=visit');
    expect(visitsA.map((x) => [x.dueDate, x.state])).toEqual([
      ['2026-03-01', 'missed'],
      ['2026-05-30', 'open'],
    ]);
    const next = visitsA[1];
    const done = await expectStatus(await engA.patch(api(`/care-tasks/${next.id}`), { version: next.version, state: 'done' }), 200);
    expect(done).toMatchObject({ state: 'done', doneOn: '2026-03-02' });
    await expectStatus(await agent.post(api('/care-tasks/plan')), 200);
    expect((await tasks(engA, '?kind=visit&state=open')).map((x) => x.dueDate)).toEqual(['2026-05-31']);
  });
});
