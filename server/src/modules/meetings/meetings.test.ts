import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { backgroundJobs } from '../../jobs/jobs';
import { actionItemsDueBetween } from './meetings.repository';
import { followUpActions } from './meetings.service';

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

describe('action items followed up by a job, and reviewed at the next meeting of the same kind (MTG-1)', () => {
  let weekly: Json;
  const notices = async (kind: string) =>
    (await t.database.db.selectFrom('notifications').select(['user_id', 'body_zh']).where('kind', '=', kind).orderBy('id').execute()).map(
      (n) => n.user_id,
    );

  it('reminds the owner the day before the due date, once; tells owner and chair once it is overdue, once per due date', async () => {
    t.clock.set('2026-04-06T01:00:00Z'); // Monday
    weekly = await expectStatus(
      await w.supervisor.post(
        api('/meetings'),
        body({
          title: '四月第一周部门例会',
          heldAt: '2026-04-06T01:00:00Z',
          actions: [
            { title: '提交 Q1 服务总结', ownerId: w.ids.engineer, dueOn: '2026-04-09' },
            { title: '更新备件清单', ownerId: w.ids.engineer2, dueOn: '2026-04-20' },
          ],
        }),
      ),
      201,
    );
    expect(await followUpActions(t.database.db, t.clock)).toBe(0); // nothing due within a day
    t.clock.set('2026-04-08T01:00:00Z'); // the day before 04-09
    expect(await followUpActions(t.database.db, t.clock)).toBe(1);
    expect(await notices('meeting_action_reminder')).toEqual([w.ids.engineer]);
    expect(await followUpActions(t.database.db, t.clock)).toBe(0);
    t.clock.set('2026-04-09T01:00:00Z'); // the due date: already reminded
    expect(await followUpActions(t.database.db, t.clock)).toBe(0);
    t.clock.set('2026-04-10T01:00:00Z'); // overdue: the owner and the chair
    expect(await followUpActions(t.database.db, t.clock)).toBe(1);
    expect((await notices('meeting_action_overdue')).sort()).toEqual([w.ids.engineer, w.ids.supervisor].sort());
    const note = await t.database.db
      .selectFrom('notifications')
      .select(['body_zh', 'link'])
      .where('kind', '=', 'meeting_action_overdue')
      .where('user_id', '=', w.ids.engineer)
      .executeTakeFirstOrThrow();
    expect(note).toMatchObject({ link: `/meetings/${weekly.id}` });
    expect(note.body_zh).toContain('已逾期 1 天（期限 2026-04-09）');
    expect(await followUpActions(t.database.db, t.clock)).toBe(0);
    // Rescheduled to 04-13, it is reminded again the day before and, if still open, flagged overdue again.
    const item = weekly.actions.find((a: Json) => a.ownerId === w.ids.engineer);
    await expectStatus(await w.supervisor.patch(api(`/meeting-actions/${item.id}`), { version: item.version, dueOn: '2026-04-13' }), 200);
    t.clock.set('2026-04-12T01:00:00Z');
    expect(await followUpActions(t.database.db, t.clock)).toBe(1);
    expect(await notices('meeting_action_reminder')).toEqual([w.ids.engineer, w.ids.engineer]);
    t.clock.set('2026-04-14T01:00:00Z');
    expect(await followUpActions(t.database.db, t.clock)).toBe(1);
    expect(await notices('meeting_action_overdue')).toHaveLength(4);
  });

  it('the job is scheduled with the others', () => {
    const jobs = backgroundJobs({
      db: t.database.db,
      timeZone: 'Asia/Shanghai',
      clock: t.clock,
      mailer: { send: async () => {} } as never,
      logger: { info: () => {}, error: () => {} } as never,
    });
    expect(jobs.map((j) => j.name)).toContain('meetings.action-follow-up');
  });

  it('the next department meeting shows the earlier meetings’ open items for review; a stand-up does not', async () => {
    t.clock.set('2026-04-13T02:00:00Z');
    const next = await expectStatus(
      await w.supervisor.post(api('/meetings'), body({ title: '四月第二周部门例会', heldAt: '2026-04-13T01:00:00Z', actions: [] })),
      201,
    );
    // Open: the item of 03-02 without a date (回访市一医院), both items of 04-06; the done one of 03-02 is not shown.
    expect(next.carriedOver.map((a: Json) => `${a.meetingTitle} ${a.title} ${a.state}`)).toEqual([
      '三月第一周部门例会 回访市一医院 open',
      '四月第一周部门例会 提交 Q1 服务总结 open',
      '四月第一周部门例会 更新备件清单 open',
    ]);
    const standup = await expectStatus(
      await w.supervisor.post(api('/meetings'), body({ kind: 'standup', title: '站会', heldAt: '2026-04-13T00:30:00Z', actions: [] })),
      201,
    );
    expect(standup.carriedOver).toEqual([]);
    // Done in the meantime, an item no longer shows; the earlier meeting does not show items of later ones.
    const item = weekly.actions.find((a: Json) => a.ownerId === w.ids.engineer2);
    await expectStatus(await w.engineer2.patch(api(`/meeting-actions/${item.id}`), { version: item.version, status: 'done' }), 200);
    const again = await expectStatus(await w.supervisor.get(api(`/meetings/${next.id}`)), 200);
    expect(again.carriedOver.map((a: Json) => a.title)).toEqual(['回访市一医院', '提交 Q1 服务总结']);
    const earlier = await expectStatus(await w.supervisor.get(api(`/meetings/${weekly.id}`)), 200);
    expect(earlier.carriedOver.map((a: Json) => a.title)).toEqual(['回访市一医院']);
    const list = await expectStatus(await w.supervisor.get(api('/meetings?kind=department')), 200);
    expect(list.items.find((m: Json) => m.id === next.id).carriedOver).toHaveLength(2);
  });
});
