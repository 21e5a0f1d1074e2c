import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, expectStatus as ok } from '../../test/harness';
import { defectsWorld } from './defects.fixtures';

// SR-15 「复杂故障由团队讨论后确定解决方案」: a complex fault behind a defect report is raised for team discussion with
// its participants, they comment, the conclusion is recorded and fed back to the request, and only then is the report
// answered. SQLite and PostgreSQL.

let t: TestApp;
let supervisor: Agent;
let engA: Agent;
let engB: Agent;
let engC: Agent;
let expert: Agent;
let hr: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  const w = await defectsWorld(t, { title: '监护仪反复死机', description: '死机' });
  ({ supervisor, engA, engB, engC, expert, hr } = w);
  Object.assign(ids, w.ids);
  const report = (description: string) => ({ target: 'rnd', description, ownerId: ids.expert, targetDate: '2026-03-10' });
  ids.defect = (await ok(await engA.post(api(`/tickets/${ids.ticket}/defects`), report('主板与电源模块间歇性掉电')), 201)).id;
  ids.other = (await ok(await engA.post(api(`/tickets/${ids.ticket}/defects`), report('外壳卡扣易断')), 201)).id;
});
afterAll(async () => t.close());

const path = (id = ids.defect, tail = '') => api(`/defects/${id}/discussion${tail}`);
const raise = (extra: Json = {}) => ({ topic: '掉电原因：电源模块还是主板？', participantIds: [ids.engB, ids.expert], ...extra });
const countOf = async (table: 'defect_discussions' | 'defect_discussion_comments') =>
  (await t.database.db.selectFrom(table).select('id').execute()).length;

describe('SR-15 team discussion of a complex fault', () => {
  it('SR-15: refuses to raise a discussion without defects.report (403), outside the report’s scope (404), with a participant who cannot reach defect reports (422) and with bad input (400); nothing is saved', async () => {
    expect((await hr.post(path(), raise())).statusCode).toBe(403);
    expect((await engB.post(path(), raise())).statusCode).toBe(404);
    const stranger = await engA.post(path(), raise({ participantIds: [ids.engB, ids.hr] }));
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.reason).toBe('defects.participantCannotJoin');
    expect(stranger.json().error.details[0].path).toBe('body.participantIds.1');
    for (const bad of [{ participantIds: [] }, { topic: '  ' }, { topic: 'x'.repeat(2001) }, { extra: 1 }])
      expect((await engA.post(path(), raise(bad))).statusCode).toBe(400);
    // A participant named twice is a rule refusal (422), not malformed input.
    expect((await engA.post(path(), raise({ participantIds: [ids.engB, ids.engB] }))).statusCode).toBe(422);
    expect((await engA.post(path(999_999), raise())).statusCode).toBe(404);
    expect(await countOf('defect_discussions')).toBe(0);
    expect(await ok(await engA.get(path()), 200)).toEqual({ discussion: null });
  });

  it('SR-15: raises the discussion (the raiser takes part), tells the participants, lets them see the report, and refuses a second one (409)', async () => {
    const { discussion: d } = await ok(await engA.post(path(), raise()), 201);
    expect(d).toMatchObject({
      status: 'open',
      topic: '掉电原因：电源模块还是主板？',
      createdByName: '刘工',
      conclusion: null,
      comments: [],
    });
    expect(d.participants.map((p: { id: number }) => p.id).sort((a: number, b: number) => a - b)).toEqual(
      [ids.engA, ids.engB, ids.expert].sort((a, b) => a - b),
    );
    const again = await engA.post(path(), raise());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('defects.discussionExists');
    // A participant now sees the report and its discussion; someone outside it still does not.
    expect((await ok(await engB.get(api('/defects')), 200)).items.map((x: { id: number }) => x.id)).toEqual([ids.defect]);
    expect((await ok(await engB.get(path()), 200)).discussion.id).toBe(d.id);
    expect((await engC.get(path())).statusCode).toBe(404);
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('kind', '=', 'defect_discussion')
      .execute();
    expect(told.map((n) => n.user_id).sort((a, b) => a - b)).toEqual([ids.engB, ids.expert].sort((a, b) => a - b));
  });

  it('SR-15: participants comment (others get 403 or 404); the report cannot be answered while the discussion is open (409)', async () => {
    const c = await ok(await engB.post(path(ids.defect, '/comments'), { body: '更换电源模块后仍掉电，倾向主板' }), 200);
    expect(c.discussion.comments).toMatchObject([{ authorName: '陈工', body: '更换电源模块后仍掉电，倾向主板' }]);
    const outsider = await supervisor.post(path(ids.defect, '/comments'), { body: '我也来说两句' });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.reason).toBe('defects.notParticipant');
    expect((await engC.post(path(ids.defect, '/comments'), { body: '旁观' })).statusCode).toBe(404);
    expect((await engB.post(path(ids.defect, '/comments'), { body: ' ' })).statusCode).toBe(400);
    const noTalk = await engB.post(path(ids.other, '/comments'), { body: '没有讨论' });
    expect(noTalk.statusCode).toBe(404);
    expect(await countOf('defect_discussion_comments')).toBe(1);

    const report = await ok(await expert.get(api('/defects')), 200);
    const open = report.items.find((x: { id: number }) => x.id === ids.defect);
    const early = await expert.post(api(`/defects/${ids.defect}/answer`), { version: open.version, answer: '更换主板' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.reason).toBe('defects.discussionOpen');
  });

  it('SR-15: only the raiser, the owner or an answerer concludes, at the version read (409 when a comment came since); the conclusion is fed back, audited, and the report can then be answered', async () => {
    const { discussion: before } = await ok(await engB.get(path()), 200);
    const notMine = await engB.post(path(ids.defect, '/conclude'), { version: before.version, conclusion: '主板缺陷' });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.reason).toBe('defects.cannotConclude');
    await ok(await expert.post(path(ids.defect, '/comments'), { body: '同批次主板电容虚焊' }), 200);
    expect((await engA.post(path(ids.defect, '/conclude'), { version: before.version, conclusion: '主板缺陷' })).statusCode).toBe(409);
    const { discussion: now } = await ok(await engA.get(path()), 200);
    expect(now.version).toBe(before.version + 1);
    const done = await ok(
      await engA.post(path(ids.defect, '/conclude'), { version: now.version, conclusion: '主板电容虚焊，召回同批次主板' }),
      200,
    );
    expect(done.discussion).toMatchObject({ status: 'concluded', conclusion: '主板电容虚焊，召回同批次主板', concludedByName: '刘工' });

    const late = await engB.post(path(ids.defect, '/comments'), { body: '补充' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.reason).toBe('defects.discussionConcluded');
    expect((await engA.post(path(ids.defect, '/conclude'), { version: done.discussion.version, conclusion: '再次' })).statusCode).toBe(409);

    const entries = await t.database.db
      .selectFrom('ticket_entries')
      .select(['visibility', 'body'])
      .where('ticket_id', '=', ids.ticket)
      .orderBy('id')
      .execute();
    expect(entries.at(-1)).toMatchObject({ visibility: 'internal' });
    expect(entries.at(-1)?.body).toContain('主板电容虚焊，召回同批次主板');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'defect_discussion').execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'defect.discussion.comment',
      'defect.discussion.comment',
      'defect.discussion.conclude',
      'defect.discussion.open',
    ]);
    const told = await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'defect_discussion_concluded')
      .execute();
    expect(told.map((n) => n.user_id).sort((a, b) => a - b)).toEqual([ids.engB, ids.expert].sort((a, b) => a - b));

    const report = await ok(await expert.get(api('/defects')), 200);
    const open = report.items.find((x: { id: number }) => x.id === ids.defect);
    await ok(await expert.post(api(`/defects/${ids.defect}/answer`), { version: open.version, answer: '召回同批次主板' }), 200);
    // An answered report takes no new discussion.
    const other = report.items.find((x: { id: number }) => x.id === ids.other);
    await ok(await expert.post(api(`/defects/${ids.other}/answer`), { version: other.version, answer: '更换卡扣模具' }), 200);
    const closed = await engA.post(path(ids.other), raise());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.reason).toBe('defects.alreadyAnswered');
  });
});
