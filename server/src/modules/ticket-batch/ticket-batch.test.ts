import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';

// Issue 12 item 9 (SR-4..9): bulk actions through the single transition's rules, per-item results, each audited;
// the request list exported to Excel with its filters, inside the user's scope. SQLite and PostgreSQL.

let t: TestApp;
let admin: Agent;
let sup: Agent;
let engA: Agent;
let portal: Agent;
const ids: Record<string, number> = {};
const tickets: Json[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  admin = await t.login('admin');
  const dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  await createUser(admin, { username: 'sup', roleKey: 'supervisor', departmentId: dept });
  sup = await t.login('sup', 'password-123');
  ids.cust = (await ok(await sup.post(api('/customers'), { name: '甲医院' }))).id;
  for (const title of ['打印机卡纸', '交换机掉线', '硬盘告警'])
    tickets.push(
      await ok(await sup.post(api('/tickets'), { customerId: ids.cust, title, description: '故障', urgency: 'low', impact: 'singleUser' })),
    );
  // Created after the requests, so SR-4's automatic assignment cannot have chosen them.
  ids.engA = await createUser(admin, { username: 'eng.a', roleKey: 'engineer', departmentId: dept, name: '刘工' });
  ids.engB = await createUser(admin, { username: 'eng.b', roleKey: 'engineer', departmentId: dept });
  engA = await t.login('eng.a', 'password-123');
  await createUser(admin, { username: 'portal', roleKey: 'customer_contact', customerId: ids.cust });
  portal = await t.login('portal', 'password-123');
});
afterAll(async () => t.close());

const batch = (who: Agent, body: Json) => who.post(api('/ticket-batches'), body);
const stateOf = async (id: number) => (await ok(await sup.get(api(`/tickets/${id}`)), 200)).state;

describe('bulk actions', () => {
  it('answers 403 without tickets.work and 400 to an empty list or an unknown action', async () => {
    expect((await batch(portal, { ids: [tickets[0].id], action: 'close' })).statusCode).toBe(403);
    expect((await batch(sup, { ids: [], action: 'close' })).statusCode).toBe(400);
    expect((await batch(sup, { ids: [tickets[0].id], action: 'resolve' })).statusCode).toBe(400);
  });

  it('assigns several requests to one engineer, each audited; one that does not exist fails alone', async () => {
    const res = await ok(
      await batch(sup, { ids: [tickets[0].id, 999999, tickets[1].id], action: 'assign', assigneeId: ids.engA, reason: '集中处理' }),
      200,
    );
    expect(res).toMatchObject({ succeeded: 2, failed: 1 });
    expect(res.results.map((r: Json) => [r.id, r.ok, r.status ?? r.error.code])).toEqual([
      [tickets[0].id, true, 'assigned'],
      [999999, false, 'not_found'],
      [tickets[1].id, true, 'assigned'],
    ]);
    const detail = await ok(await sup.get(api(`/tickets/${tickets[0].id}`)), 200);
    expect(detail.assigneeId).toBe(ids.engA);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'ticket')
      .where('entity_id', '=', String(tickets[0].id))
      .where('action', 'like', 'ticket.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['ticket.batch_assign']));
  });

  it('takes each request only where the transition is legal (SR-5): the others fail with illegal_transition', async () => {
    await ok(await batch(sup, { ids: [tickets[2].id], action: 'cancel' }), 200);
    expect(await stateOf(tickets[2].id)).toBe('cancelled');
    const accepted = await ok(await batch(engA, { ids: [tickets[0].id], action: 'accept' }), 200);
    expect(accepted.results[0]).toMatchObject({ ok: true, status: 'accepted' });
    // Outside the engineer's own scope the cancelled request is not even found.
    expect((await ok(await batch(engA, { ids: [tickets[2].id], action: 'accept' }), 200)).results[0].error.code).toBe('not_found');
    const res = await ok(await batch(sup, { ids: [tickets[0].id, tickets[2].id], action: 'start' }), 200);
    expect(res.results.map((r: Json) => [r.ok, r.status ?? r.error.code])).toEqual([
      [true, 'in_progress'],
      [false, 'illegal_transition'],
    ]);
  });

  it('keeps the single transition’s permission: an engineer cannot cancel, even in a batch', async () => {
    const res = await ok(await batch(engA, { ids: [tickets[0].id], action: 'cancel' }), 200);
    expect(res.results[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stateOf(tickets[0].id)).toBe('in_progress');
  });
});

describe('export to Excel', () => {
  const workbook = async (who: Agent, query: string) => {
    const res = await who.get(api(`/ticket-exports/requests.xlsx${query}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (name: string) => (book.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    return { list: rows('服务请求'), filters: rows('筛选条件') };
  };

  it('exports the list with its filters on a second sheet', async () => {
    const { list, filters } = await workbook(sup, '?state=cancelled');
    expect(list[0]).toEqual(expect.arrayContaining(['编号', '标题', '客户', '状态']));
    expect(list.slice(1).map((r) => [r[1], r[3]])).toEqual([['硬盘告警', '已取消']]);
    expect(filters).toEqual(expect.arrayContaining([['state', 'cancelled']]));
  });

  it('holds only the rows of the user’s scope, and is refused to a customer’s portal', async () => {
    const { list } = await workbook(engA, '');
    expect(
      list
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['交换机掉线', '打印机卡纸'].sort());
    expect((await portal.get(api('/ticket-exports/requests.xlsx'))).statusCode).toBe(403);
  });
});
