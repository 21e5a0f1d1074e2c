import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { addCalendarDays, scheduleFollowUp } from './followups.service';

const api = (p: string) => `/api/v1${p}`;
const NOW = '2026-03-02T01:00:00.000Z';

let t: TestApp;
let admin: Agent;
let agent: Agent;
let lead: Agent;
let engineer: Agent;
let contact: Agent;
let leadId: number;
let hospital: number;
let school: number;

let ticketSeq = 0;
/** A closed request row straight in the table (the tickets API is built separately); only the not-null columns. */
async function insertTicket(customerId: number, extra: { assignee_id?: number } = {}): Promise<{ id: number; number: string }> {
  const number = `SR-20260302-${String(++ticketSeq).padStart(4, '0')}`;
  const row = await t.database.db
    .insertInto('tickets')
    .values({
      number,
      type: 'fault',
      channel: 'phone',
      title: `打印机故障 ${ticketSeq}`,
      description: '无法打印',
      customer_id: customerId,
      urgency: 'medium',
      impact: 'singleUser',
      priority: 'P3',
      priority_explanation: '{}',
      eligibility: 'chargeable',
      eligibility_explanation: '{}',
      sla_level_id: 'standard',
      state: 'closed',
      created_at: NOW,
      updated_at: NOW,
      ...extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, number };
}

async function followUpFor(customerId: number, closedOn: string, days = 7, extra: { assignee_id?: number } = {}) {
  const ticket = await insertTicket(customerId, extra);
  const f = await scheduleFollowUp(t.database.db, { ticketId: ticket.id, customerId, closedOn, days, now: NOW });
  return { ...f, ticket };
}

type FollowUp = { id: number; dueOn: string; state: string; version: number } & Record<string, unknown>;
const list = async (as: Agent, query = '') => {
  const res = await as.get(api(`/followups${query}`));
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { items: FollowUp[]; nextCursor: string | null };
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  hospital = (await admin.post(api('/customers'), { name: '杭州市中医院' })).json().id;
  school = (await admin.post(api('/customers'), { name: '浙江大学' })).json().id;
  await createUser(admin, { username: 'agent1', roleKey: 'agent' });
  leadId = await createUser(admin, { username: 'lead1', roleKey: 'team_lead' });
  await createUser(admin, { username: 'eng1', roleKey: 'engineer' });
  await createUser(admin, { username: 'contact1', roleKey: 'customer_contact', customerId: hospital });
  agent = await t.login('agent1', 'password-123');
  lead = await t.login('lead1', 'password-123');
  engineer = await t.login('eng1', 'password-123');
  contact = await t.login('contact1', 'password-123');
});
afterAll(async () => t.close());

describe('addCalendarDays', () => {
  it('adds days across month and year ends and leap days', () => {
    expect(addCalendarDays('2026-02-25', 7)).toBe('2026-03-04');
    expect(addCalendarDays('2028-02-25', 7)).toBe('2028-03-03');
    expect(addCalendarDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-03-01', 0)).toBe('2026-03-01');
  });
  it('refuses a date that does not exist', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-3-1', 1)).toThrow(RangeError);
  });
});

describe('permissions', () => {
  it('answers 403 to an engineer and a customer contact, who lack tickets.assign', async () => {
    for (const who of [engineer, contact]) {
      expect((await who.get(api('/followups'))).statusCode).toBe(403);
      expect((await who.post(api('/followups/1/complete'), { version: 1, satisfaction: 'good' })).statusCode).toBe(403);
    }
  });
});

describe('scheduleFollowUp', () => {
  it('inserts an open follow-up due the given number of days after closing', async () => {
    const f = await followUpFor(hospital, '2026-02-25', 7);
    expect(f.dueOn).toBe('2026-03-04');
    const row = await t.database.db.selectFrom('ticket_followups').selectAll().where('id', '=', f.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      ticket_id: f.ticket.id,
      customer_id: hospital,
      due_on: '2026-03-04',
      state: 'open',
      version: 1,
      created_at: NOW,
    });
  });

  it('moves the open follow-up of a request closed again, and leaves a done one alone', async () => {
    const f = await followUpFor(hospital, '2026-02-01', 7);
    const again = await scheduleFollowUp(t.database.db, {
      ticketId: f.ticket.id,
      customerId: hospital,
      closedOn: '2026-02-10',
      days: 7,
      now: NOW,
    });
    expect(again).toEqual({ id: f.id, dueOn: '2026-02-17' });
    const done = await admin.post(api(`/followups/${f.id}/complete`), { version: 2, satisfaction: 'good' });
    expect(done.statusCode).toBe(200);
    const third = await scheduleFollowUp(t.database.db, {
      ticketId: f.ticket.id,
      customerId: hospital,
      closedOn: '2026-02-20',
      days: 7,
      now: NOW,
    });
    expect(third).toEqual({ id: f.id, dueOn: '2026-02-17' });
    const rows = await t.database.db
      .selectFrom('ticket_followups')
      .select(['state', 'due_on'])
      .where('ticket_id', '=', f.ticket.id)
      .execute();
    expect(rows).toEqual([{ state: 'done', due_on: '2026-02-17' }]);
  });
});

describe('the follow-up list', () => {
  let ids: { a: number; b: number; c: number; d: number };
  beforeAll(async () => {
    await t.database.db.deleteFrom('ticket_followups').execute();
    // Two due on the same day, to prove the id tie-break of the keyset.
    const a = await followUpFor(school, '2026-03-10', 7); // 03-17
    const b = await followUpFor(hospital, '2026-03-01', 7); // 03-08
    const c = await followUpFor(school, '2026-03-01', 7, { assignee_id: leadId }); // 03-08
    const d = await followUpFor(hospital, '2026-03-20', 3); // 03-23
    ids = { a: a.id, b: b.id, c: c.id, d: d.id };
  });

  it('orders by due date, then id, with the request and customer joined in', async () => {
    const page = await list(agent);
    expect(page.items.map((f) => f.id)).toEqual([ids.b, ids.c, ids.a, ids.d]);
    expect(page.items[0]).toMatchObject({
      dueOn: '2026-03-08',
      state: 'open',
      customerId: hospital,
      customerName: '杭州市中医院',
      ticketNumber: expect.stringMatching(/^SR-/),
      ticketTitle: expect.stringContaining('打印机故障'),
      satisfaction: null,
      doneAt: null,
      doneByName: null,
      version: 1,
    });
    expect(page.nextCursor).toBeNull();
  });

  it('pages with the cursor without skipping or repeating rows', async () => {
    const first = await list(agent, '?limit=2');
    expect(first.items.map((f) => f.id)).toEqual([ids.b, ids.c]);
    const second = await list(agent, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((f) => f.id)).toEqual([ids.a, ids.d]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by customer, by due date (that day included) and by state', async () => {
    expect((await list(agent, `?customerId=${school}`)).items.map((f) => f.id)).toEqual([ids.c, ids.a]);
    expect((await list(agent, '?dueBefore=2026-03-17')).items.map((f) => f.id)).toEqual([ids.b, ids.c, ids.a]);
    expect((await list(agent, '?dueBefore=2026-03-16')).items.map((f) => f.id)).toEqual([ids.b, ids.c]);
    expect((await list(agent, '?state=done')).items).toEqual([]);
    expect((await list(agent, '?state=open')).items).toHaveLength(4);
  });

  it('shows a team lead without a team only the follow-ups of its own requests', async () => {
    expect((await list(lead)).items.map((f) => f.id)).toEqual([ids.c]);
    expect((await lead.post(api(`/followups/${ids.b}/complete`), { version: 1, satisfaction: 'good' })).statusCode).toBe(404);
  });

  it('answers 400 to a malformed filter', async () => {
    expect((await agent.get(api('/followups?dueBefore=2026-13-01'))).statusCode).toBe(400);
    expect((await agent.get(api('/followups?state=closed'))).statusCode).toBe(400);
    expect((await agent.get(api('/followups?cursor=garbage'))).statusCode).toBe(400);
  });

  it('records the satisfaction, who and when, and audits it', async () => {
    t.clock.set('2026-03-02T02:30:00.000Z');
    const res = await agent.post(api(`/followups/${ids.b}/complete`), {
      version: 1,
      satisfaction: 'excellent',
      note: '客户对处理速度满意',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.b,
      state: 'done',
      satisfaction: 'excellent',
      note: '客户对处理速度满意',
      doneAt: '2026-03-02T02:30:00.000Z',
      doneByName: 'agent1',
      version: 2,
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'ticket_followup')
      .where('entity_id', '=', String(ids.b))
      .execute();
    expect(audit).toEqual([{ action: 'complete', actor_name: 'agent1' }]);
    expect((await list(agent, '?state=done')).items.map((f) => f.id)).toEqual([ids.b]);
  });

  it('answers 409 to a stale version and keeps the row unchanged', async () => {
    const res = await agent.post(api(`/followups/${ids.a}/complete`), { version: 7, satisfaction: 'poor' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('version_conflict');
    const row = await t.database.db
      .selectFrom('ticket_followups')
      .select(['state', 'satisfaction', 'version'])
      .where('id', '=', ids.a)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'open', satisfaction: null, version: 1 });
  });

  it('answers 409 to completing a follow-up twice, even with the current version', async () => {
    const res = await agent.post(api(`/followups/${ids.b}/complete`), { version: 2, satisfaction: 'poor' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'illegal_transition', ruleId: 'SR-11' });
    const row = await t.database.db
      .selectFrom('ticket_followups')
      .select(['satisfaction', 'version'])
      .where('id', '=', ids.b)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ satisfaction: 'excellent', version: 2 });
  });

  it('answers 400 to an unknown grade and 404 to an unknown follow-up', async () => {
    expect((await agent.post(api(`/followups/${ids.a}/complete`), { version: 1, satisfaction: 'great' })).statusCode).toBe(400);
    expect((await agent.post(api('/followups/999999/complete'), { version: 1, satisfaction: 'good' })).statusCode).toBe(404);
  });
});
