import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { actionItemsDueBetween } from './meetings.repository';

// MTG-1: meeting minutes and action items through the API, on SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
let portal: Agent;
let meeting: Json;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'mt');
  await createUser(w.admin, { username: 'mt.portal', roleKey: 'customer_contact', customerId: w.ids.customer });
  portal = await t.login('mt.portal', 'password-123');
});
afterAll(async () => t?.close());

const body = (extra: Json = {}) => ({
  kind: 'department',
  title: '三月第一周部门例会',
  heldAt: '2026-03-02T08:00:00Z',
  location: '会议室',
  attendeeIds: [w.ids.engineer, w.ids.engineer2],
  minutes: '1. 通报上周服务情况 2. 讨论 DS300 升级方案',
  actions: [
    { title: '整理 DS300 升级手册', ownerId: w.ids.engineer, dueOn: '2026-03-06' },
    { title: '回访市一医院', ownerId: w.ids.engineer2 },
  ],
  ...extra,
});

describe('meetings and their action items (MTG-1)', () => {
  it('lets staff read minutes but only a meeting manager record them; a customer contact sees none', async () => {
    expect((await w.engineer.post(api('/meetings'), body())).statusCode).toBe(403);
    expect((await portal.get(api('/meetings'))).statusCode).toBe(403);
    expect((await w.sales.get(api('/meetings'))).statusCode).toBe(200);
  });

  it('minutes a meeting with attendees and action items, and tells each owner', async () => {
    const bad = await w.supervisor.post(api('/meetings'), body({ actions: [{ title: 'x', ownerId: 999999 }] }));
    expect(bad.json().error).toMatchObject({ reason: 'meetings.noSuchUser', ruleId: 'MTG-1' });
    expect((await w.supervisor.get(api('/meetings'))).json().items).toEqual([]);
    meeting = await expectStatus(await w.supervisor.post(api('/meetings'), body()), 201);
    expect(meeting).toMatchObject({ chairId: w.ids.supervisor, openActions: 2, overdueActions: 0 });
    expect(meeting.attendees.map((a: Json) => a.id).sort()).toEqual([w.ids.engineer, w.ids.engineer2].sort());
    const told = await t.database.db.selectFrom('notifications').select('user_id').where('kind', '=', 'meeting_action').execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([w.ids.engineer, w.ids.engineer2].sort());
  });

  it('follows the items up: open on the due date, overdue the day after, done late when finished after it', async () => {
    t.clock.set('2026-03-06T02:00:00Z');
    let mine = await expectStatus(await w.engineer.get(api('/meeting-actions')), 200);
    expect(mine.items.map((a: Json) => [a.title, a.state])).toEqual([['整理 DS300 升级手册', 'open']]);
    t.clock.set('2026-03-07T02:00:00Z');
    mine = await expectStatus(await w.engineer.get(api('/meeting-actions?state=overdue')), 200);
    expect(mine.items[0]).toMatchObject({ state: 'overdue', explanation: { ruleId: 'MTG-1' } });
    const other = await w.engineer2.patch(api(`/meeting-actions/${mine.items[0].id}`), { version: mine.items[0].version, status: 'done' });
    expect(other.json().error.reason).toBe('meetings.notYourAction');
    const done = await expectStatus(
      await w.engineer.patch(api(`/meeting-actions/${mine.items[0].id}`), {
        version: mine.items[0].version,
        status: 'done',
        note: '已发布到知识库',
      }),
      200,
    );
    expect(done).toMatchObject({ status: 'done', state: 'doneLate' });
    const all = await expectStatus(await w.supervisor.get(api('/meeting-actions?view=all&state=open')), 200);
    expect(all.items.map((a: Json) => a.title)).toEqual(['回访市一医院']);
  });

  it('minutes the FS-11 stand-up with its date, and offers the items due in a month for many owners', async () => {
    const standup = await expectStatus(
      await w.supervisor.post(api('/meetings'), body({ kind: 'standup', title: '站会', heldAt: '2026-03-09T10:00:00Z', actions: [] })),
      201,
    );
    expect(standup.standupDate).toBe('2026-03-09');
    const due = await actionItemsDueBetween(t.database.db, {
      from: '2026-03-01',
      to: '2026-03-31',
      userIds: [w.ids.engineer, w.ids.engineer2],
    });
    expect(due.map((d) => [d.ownerId, d.status])).toEqual([[w.ids.engineer, 'done']]);
  });
});
