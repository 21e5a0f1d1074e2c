import { TICKET_SORTS, TICKET_STATES, type TTicketSort, type TTicketSummary } from '@techserve/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';

// Issue 12 item 9: GET /tickets?sort=&order= — each sortable column both ways, keyset-paged on (key, id) so pages
// are stable across ties, inside the actor's scope. SQLite and PostgreSQL.

let t: TestApp;
let sup: Agent;
let eng: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  const admin = await t.login('admin');
  const dept = (await ok(await admin.post(api('/departments'), { name: 'Service' }))).id;
  await createUser(admin, { username: 'sup', roleKey: 'supervisor', departmentId: dept });
  sup = await t.login('sup', 'password-123');
  const alpha = (await ok(await sup.post(api('/customers'), { name: 'Alpha' }))).id;
  const beta = (await ok(await sup.post(api('/customers'), { name: 'Beta' }))).id;
  // Pairs created at the same instant tie on createdAt; repeated urgencies tie on priority.
  const specs: [number, string, string][] = [
    [alpha, 'high', 'wide'],
    [beta, 'low', 'singleUser'],
    [alpha, 'low', 'singleUser'],
    [beta, 'medium', 'department'],
    [alpha, 'high', 'wide'],
    [beta, 'low', 'singleUser'],
    [alpha, 'medium', 'department'],
  ];
  const created: number[] = [];
  for (const [i, [customerId, urgency, impact]] of specs.entries()) {
    t.clock.set(`2026-03-02T0${1 + Math.floor(i / 2)}:00:00Z`);
    const body = { customerId, title: `Request ${i}`, description: 'fault', urgency, impact };
    created.push((await ok(await sup.post(api('/tickets'), body))).id);
  }
  // Engineers after the requests, so SR-4's automatic assignment could not have chosen them.
  ids.one = await createUser(admin, { username: 'eng.one', roleKey: 'engineer', departmentId: dept, name: 'Eng One' });
  ids.two = await createUser(admin, { username: 'eng.two', roleKey: 'engineer', departmentId: dept, name: 'Eng Two' });
  eng = await t.login('eng.one', 'password-123');
  t.clock.set('2026-03-02T06:00:00Z');
  const assign = async (id: number, assigneeId: number) => {
    const { version } = await ok(await sup.get(api(`/tickets/${id}`)), 200);
    await ok(await sup.post(api(`/tickets/${id}/transitions`), { action: 'assign', version, assigneeId }), 200);
  };
  await assign(created[0], ids.one);
  await assign(created[1], ids.one);
  await assign(created[3], ids.two);
  t.clock.set('2026-03-02T07:00:00Z');
  await assign(created[4], ids.one);
  const { version } = await ok(await sup.get(api(`/tickets/${created[5]}`)), 200);
  await ok(await sup.post(api(`/tickets/${created[5]}/transitions`), { action: 'cancel', version, reason: 'duplicate' }), 200);
});
afterAll(async () => t.close());

/** Every page of the list at `limit` 2, following nextCursor. */
async function walk(who: Agent, query: string): Promise<TTicketSummary[]> {
  const rows: TTicketSummary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page = await ok(await who.get(api(`/tickets?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`)), 200);
    rows.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error('the pages did not end');
}

const keyOf: Record<TTicketSort, (r: TTicketSummary) => string | number> = {
  number: (r) => r.number,
  createdAt: (r) => r.createdAt,
  updatedAt: (r) => r.updatedAt,
  priority: (r) => r.priority,
  state: (r) => TICKET_STATES.indexOf(r.state),
  dueAt: (r) => r.nextDueAt ?? '9999',
  customer: (r) => r.customerName,
  assignee: (r) => r.assigneeName ?? '',
};

/** The order the server must give: the key, then the id, both in the direction asked. */
function expected(rows: TTicketSummary[], sort: TTicketSort, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  const key = keyOf[sort];
  return [...rows].sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id)).map((r) => r.id);
}

describe('sorting the request list', () => {
  it('answers 400 naming the parameter for an unknown sort or order, and for a cursor of another sort', async () => {
    for (const q of ['sort=title', 'sort=id;drop', 'sort=number&order=up']) {
      const res = await sup.get(api(`/tickets?${q}`));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details[0].path).toMatch(/^querystring\.(sort|order)$/);
    }
    const first = await ok(await sup.get(api('/tickets?limit=2&sort=priority&order=asc')), 200);
    for (const q of ['sort=priority&order=desc', 'sort=number&order=asc', '']) {
      const res = await sup.get(api(`/tickets?limit=2&${q}&cursor=${first.nextCursor}`));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('querystring.cursor');
    }
    const plain = await ok(await sup.get(api('/tickets?limit=2')), 200);
    expect((await sup.get(api(`/tickets?limit=2&sort=number&cursor=${plain.nextCursor}`))).statusCode).toBe(400);
  });

  it('orders by every column both ways across pages, ties broken by id the same way', async () => {
    const all = await walk(sup, '');
    expect(all).toHaveLength(7);
    // The fixture has ties where they matter.
    expect(new Set(all.map((r) => r.createdAt)).size).toBeLessThan(all.length);
    expect(new Set(all.map((r) => r.priority)).size).toBeLessThan(all.length);
    for (const sort of TICKET_SORTS)
      for (const order of ['asc', 'desc'] as const) {
        const got = (await walk(sup, `&sort=${sort}&order=${order}`)).map((r) => r.id);
        expect(got, `${sort} ${order}`).toEqual(expected(all, sort, order));
      }
  });

  it('sorts descending when no order is given, and keeps the default list newest first', async () => {
    const all = await walk(sup, '');
    expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
    expect((await walk(sup, '&sort=customer')).map((r) => r.id)).toEqual(expected(all, 'customer', 'desc'));
  });

  it('applies the filters and the search with a sort', async () => {
    const all = await walk(sup, '');
    const open = all.filter((r) => r.state !== 'cancelled' && r.customerName === 'Beta');
    expect((await walk(sup, '&customerId=' + open[0].customerId + '&state=new,assigned&sort=assignee&order=asc')).map((r) => r.id)).toEqual(
      expected(open, 'assignee', 'asc'),
    );
    const matches = await walk(sup, '&q=fault&sort=number&order=asc');
    expect(matches.map((r) => r.id)).toEqual(expected(all, 'number', 'asc'));
    expect(await walk(sup, '&q=nothingmatcheshere&sort=number')).toEqual([]);
  });

  it('keeps the engineer to their own requests in every sort', async () => {
    const mine = await walk(eng, '');
    expect(mine.map((r) => r.assigneeId)).toEqual([ids.one, ids.one, ids.one]);
    for (const sort of TICKET_SORTS)
      for (const order of ['asc', 'desc'] as const)
        expect(
          (await walk(eng, `&sort=${sort}&order=${order}`)).map((r) => r.id),
          `${sort} ${order}`,
        ).toEqual(expected(mine, sort, order));
  });
});
