import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';
import { draftLetterFixture, fieldWorld } from '../field/letters.fixtures';

// Issue 12 item 8 (SEC-1, ORG-2): the global search shows only what the user may open — a group with its read
// permission, a row inside the data scope — on SQLite and PostgreSQL alike.

let t: TestApp;
let admin: Agent;
let agent: Agent;
let engineer: Agent;
let portalA: Agent;
let hr: Agent;
const ids: Record<string, number> = {};
const numbers: Record<string, string> = {};

const find = async (who: Agent, q: string): Promise<Json> => ok(await who.get(api(`/search?q=${encodeURIComponent(q)}`)), 200);
const group = (r: Json, kind: string): Json[] | undefined => r.groups.find((g: Json) => g.kind === kind)?.items;
const labels = (r: Json, kind: string) => (group(r, kind) ?? []).map((h: Json) => h.label as string);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  admin = await t.login('admin');
  const region = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  ids.agent = await createUser(admin, { username: 'agent1', roleKey: 'agent', name: '柳坐席' });
  await createUser(admin, { username: 'hr1', roleKey: 'hr' });
  agent = await t.login('agent1', 'password-123');
  hr = await t.login('hr1', 'password-123');
  ids.custA = (await ok(await agent.post(api('/customers'), { name: '甲医院', regionId: region, code: 'JYY' }))).id;
  ids.contactA = (await ok(await agent.post(api('/contacts'), { customerId: ids.custA, name: '钱主任', phone: '13800000001' }))).id;
  ids.custB = (await ok(await agent.post(api('/customers'), { name: '乙工厂', regionId: region }))).id;
  ids.contactB = (await ok(await agent.post(api('/contacts'), { customerId: ids.custB, name: '孙工', phone: '13911112222' }))).id;
  const ticket = (customerId: number, contactId: number, title: string) =>
    agent.post(api('/tickets'), { customerId, contactId, title, description: '现场告警', urgency: 'low', impact: 'singleUser' });
  const a = await ok(await ticket(ids.custA, ids.contactA, '打印机卡纸'));
  const b = await ok(await ticket(ids.custB, ids.contactB, '交换机掉线'));
  Object.assign(ids, { ticketA: a.id, ticketB: b.id });
  Object.assign(numbers, { a: a.number, b: b.number });
  // Created after the requests, so SR-4's automatic assignment cannot have chosen them.
  ids.eng = await createUser(admin, { username: 'eng.own', roleKey: 'engineer', regionIds: [region], phone: '13700000009' });
  engineer = await t.login('eng.own', 'password-123');
  await createUser(admin, { username: 'portal.a', roleKey: 'customer_contact', customerId: ids.custA });
  portalA = await t.login('portal.a', 'password-123');
});
afterAll(async () => t.close());

describe('permissions and data scopes (SEC-1)', () => {
  it('answers 401 without a session and 400 to an empty or overlong text', async () => {
    expect((await t.app.inject({ method: 'GET', url: api('/search?q=SR') })).statusCode).toBe(401);
    expect((await agent.get(api('/search?q='))).statusCode).toBe(400);
    expect((await agent.get(api(`/search?q=${'x'.repeat(101)}`))).statusCode).toBe(400);
    expect((await agent.get(api('/search?q=x&limit=21'))).statusCode).toBe(400);
  });

  it('gives a customer contact only its own company’s requests and no other group', async () => {
    const r = await find(portalA, 'SR-2026');
    expect(r.groups.map((g: Json) => g.kind)).toEqual(['tickets']);
    expect(group(r, 'tickets')?.map((h) => h.id)).toEqual([ids.ticketA]);
    // The other company's contact and number find nothing, not even a hint of the row.
    expect(group(await find(portalA, '孙工'), 'tickets')).toEqual([]);
    expect(group(await find(portalA, numbers.b), 'tickets')).toEqual([]);
  });

  it('gives a role without tickets.read no requests group at all', async () => {
    const r = await find(hr, numbers.a);
    expect(r.groups.map((g: Json) => g.kind)).not.toContain('tickets');
    expect(r.groups.map((g: Json) => g.kind)).toContain('users');
  });

  it('gives an engineer of the own scope only the requests assigned to them and only their own user row', async () => {
    expect(group(await find(engineer, 'SR-2026'), 'tickets')).toEqual([]);
    await ok(
      await agent.post(api(`/tickets/${ids.ticketB}/transitions`), {
        action: 'assign',
        version: (await ok(await agent.get(api(`/tickets/${ids.ticketB}`)), 200)).version,
        assigneeId: ids.eng,
      }),
      200,
    );
    expect(group(await find(engineer, 'SR-2026'), 'tickets')?.map((h) => h.id)).toEqual([ids.ticketB]);
    expect(group(await find(engineer, 'agent'), 'users')).toEqual([]);
    expect(group(await find(engineer, 'eng'), 'users')?.map((h) => h.id)).toEqual([ids.eng]);
  });
});

describe('what matches (indexed prefixes and equality)', () => {
  it('finds a request by the start of its number, by a word of its title, by its contact’s name or phone', async () => {
    expect(group(await find(agent, numbers.a), 'tickets')?.map((h) => h.id)).toEqual([ids.ticketA]);
    expect(group(await find(agent, numbers.a.toLowerCase()), 'tickets')?.map((h) => h.id)).toEqual([ids.ticketA]);
    expect(group(await find(agent, 'SR-2026'), 'tickets')?.map((h) => h.id)).toEqual([ids.ticketB, ids.ticketA]);
    expect(labels(await find(agent, '打印机'), 'tickets')).toEqual([`${numbers.a} 打印机卡纸`]);
    expect(group(await find(agent, '钱'), 'tickets')?.map((h) => h.id)).toEqual([ids.ticketA]);
    expect(group(await find(agent, '139 1111'), 'tickets')?.map((h) => h.id)).toEqual([ids.ticketB]);
    const hit = group(await find(agent, '孙工'), 'tickets')?.[0];
    expect(hit).toEqual({ id: ids.ticketB, label: `${numbers.b} 交换机掉线`, detail: '乙工厂' });
  });

  it('finds customers by the start of their name and users by user name, name or phone', async () => {
    expect(group(await find(agent, '甲'), 'customers')).toEqual([{ id: ids.custA, label: '甲医院', detail: 'JYY' }]);
    expect(group(await find(agent, '医院'), 'customers')).toEqual([]);
    expect(group(await find(agent, 'AGENT1'), 'users')?.map((h) => h.id)).toEqual([ids.agent]);
    expect(group(await find(agent, '柳'), 'users')?.map((h) => h.id)).toEqual([ids.agent]);
    expect(group(await find(agent, '1370000'), 'users')?.map((h) => h.id)).toEqual([ids.eng]);
  });

  it('keeps LIKE wildcards literal', async () => {
    const r = await find(agent, '%');
    for (const g of r.groups) expect(g.items).toEqual([]);
  });
});

describe('letters (FS-2 numbers)', () => {
  it('finds a letter by its ZR number for whoever may see it, and not for an engineer outside it', async () => {
    const w = await fieldWorld(t, 'sx');
    const { letter } = await draftLetterFixture(w);
    const zr = `ZR-${String(letter.id).padStart(6, '0')}`;
    expect(group(await find(w.supervisor, zr), 'letters')?.map((h) => h.id)).toEqual([letter.id]);
    expect(labels(await find(w.supervisor, `zr${letter.id}`), 'letters')[0]).toMatch(/^ZR-\d{6} /);
    expect(group(await find(engineer, zr), 'letters')).toEqual([]);
    expect(group(await find(hr, zr), 'letters')).toBeUndefined();
  });
});
