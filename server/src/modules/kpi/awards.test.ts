import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';

// AP-6 the monthly best employee through the API, on SQLite and PostgreSQL: anonymous votes (the tables are inspected),
// one a month, never for oneself; the most voted reviewed by the manager and the VP, confirmed by the GM; a veto on a
// fact of the month passes the place to the next. The clock starts Monday 2026-03-02 09:00 Shanghai.

let t: TestApp;
let w: FieldWorld;
let vp: Agent;
let ids: Record<string, number>;

const round = async (agent: Agent, month = '2026-03') => expectStatus(await agent.get(api(`/awards?month=${month}`)), 200);
const vote = (agent: Agent, nomineeId: number, month = '2026-03') => agent.post(api('/awards/vote'), { month, nomineeId });
const candidate = (r: Json, userId: number): Json => (r.candidates as Json[]).find((c) => c.nomineeId === userId)!;
const decide = (agent: Agent, c: Json, body: Json = { decision: 'approve' }) =>
  agent.post(api(`/award-candidates/${c.id}/decision`), { version: c.version, ...body });

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'aw');
  const vpId = await createUser(w.admin, { username: 'aw.vp', roleKey: 'vp' });
  vp = await t.login('aw.vp', 'password-123');
  ids = { ...w.ids, vp: vpId };
});
afterAll(async () => t?.close());

describe('the vote (AP-6)', () => {
  it('refuses a vote for oneself (422) and for a month other than this one or the last', async () => {
    const self = await vote(w.engineer, ids.engineer);
    expect(self.statusCode).toBe(422);
    expect(self.json().error).toMatchObject({ reason: 'awards.selfVote', ruleId: 'AP-6' });
    expect((await vote(w.engineer, ids.engineer2, '2026-04')).json().error).toMatchObject({ reason: 'awards.votingNotOpen' });
    expect((await vote(w.engineer, ids.engineer2, '2026-01')).statusCode).toBe(422);
  });

  it('lists the nominees without oneself, takes one vote, and refuses a second one (409)', async () => {
    const before = await round(w.engineer);
    expect(before).toMatchObject({ state: 'none', perMonth: 2, bonusFen: 20000, voted: false });
    expect((before.nominees as Json[]).map((n) => n.id)).not.toContain(ids.engineer);
    const after = await expectStatus(await vote(w.engineer, ids.engineer2), 201);
    expect(after).toMatchObject({ state: 'voting', voted: true, voters: 1, candidates: [] });
    const again = await vote(w.engineer, ids.sales);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ reason: 'awards.alreadyVoted' });
  });

  it('stores who voted and the counts in tables that cannot be linked: no ballot, no time, no order, no voter on a count', async () => {
    await expectStatus(await vote(w.supervisor, ids.engineer2), 201);
    await expectStatus(await vote(w.sales, ids.engineer2), 201);
    await expectStatus(await vote(w.gm, ids.engineer), 201);
    await expectStatus(await vote(w.salesAdmin, ids.engineer), 201);
    await expectStatus(await vote(vp, ids.sales), 201);
    const db = t.database.db;
    const voters = await db.selectFrom('award_voters').selectAll().execute();
    const tallies = await db.selectFrom('award_tallies').selectAll().execute();
    expect(Object.keys(voters[0]).sort()).toEqual(['round_id', 'voter_id']);
    expect(Object.keys(tallies[0]).sort()).toEqual(['nominee_id', 'round_id', 'votes']);
    expect(voters).toHaveLength(6);
    expect(tallies.reduce((n, r) => n + Number(r.votes), 0)).toBe(6);
    // Every member of staff has a tally row (zeros included), so a row's existence says nothing either.
    expect(tallies.length).toBeGreaterThanOrEqual(8);
    // The audit says who voted, never for whom.
    const audit = await db.selectFrom('audit_log').select(['after']).where('action', '=', 'awards.vote').execute();
    expect(audit).toHaveLength(6);
    for (const a of audit) expect(JSON.parse(String(a.after))).toEqual({ month: '2026-03' });
    // While voting, nobody sees the counts.
    expect((await round(w.gm)).candidates).toEqual([]);
  });
});

describe('the review (AP-6)', () => {
  it('lets only a reviewer close the voting, and only once the month has ended', async () => {
    expect((await w.engineer.post(api('/awards/close-voting'), { month: '2026-03' })).statusCode).toBe(403);
    const early = await w.supervisor.post(api('/awards/close-voting'), { month: '2026-03' });
    expect(early.json().error).toMatchObject({ reason: 'kpi.periodNotEnded' });
  });

  it('ranks the candidates after the month; the policy’s two places go to the most voted', async () => {
    t.clock.set('2026-04-01T02:00:00Z');
    const r = await expectStatus(await w.supervisor.post(api('/awards/close-voting'), { month: '2026-03' }), 200);
    expect(r.state).toBe('review');
    expect((r.candidates as Json[]).map((c) => [c.nomineeId, c.votes, c.rank, c.state])).toEqual([
      [ids.engineer2, 3, 1, 'in_review'],
      [ids.engineer, 2, 2, 'in_review'],
      [ids.sales, 1, 3, 'waiting'],
    ]);
    expect(candidate(r, ids.engineer2)).toMatchObject({ nextStep: 'manager', flags: { complaints: 0, incidents: 0 } });
    expect((await vote(w.engineer2, ids.engineer)).json().error).toMatchObject({ reason: 'awards.votingClosed' });
  });

  it('goes manager → VP → GM in order; the GM’s confirmation gives the bonus as a fact of the month', async () => {
    let r = await round(w.supervisor);
    const early = await decide(vp, candidate(r, ids.engineer2));
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ reason: 'awards.outOfOrder' });
    expect((await decide(w.engineer, candidate(r, ids.engineer2))).statusCode).toBe(403);
    r = await expectStatus(await decide(w.supervisor, candidate(r, ids.engineer2)), 200);
    r = await expectStatus(await decide(vp, candidate(r, ids.engineer2)), 200);
    expect(candidate(r, ids.engineer2)).toMatchObject({ nextStep: 'gm', steps: { manager: { by: 'aw.sup' }, vp: { by: 'aw.vp' } } });
    r = await expectStatus(await decide(w.gm, candidate(r, ids.engineer2)), 200);
    expect(candidate(r, ids.engineer2)).toMatchObject({
      state: 'confirmed',
      bonusFen: 20000,
      explanation: { ruleId: 'AP-6', result: 20000 },
    });
    const bonuses = await expectStatus(await w.gm.get(api('/award-bonuses?month=2026-03')), 200);
    expect(bonuses.items).toMatchObject([{ userId: ids.engineer2, bonusFen: 20000 }]);
  });

  it('refuses a veto on a complaint the nominee did not have that month, and one without a reason', async () => {
    const r = await round(w.supervisor);
    const res = await decide(w.supervisor, candidate(r, ids.engineer), { decision: 'veto', ground: 'complaint', reason: '客户投诉' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'awards.noGroundFact', params: { ground: 'complaint' } });
    expect(
      (await decide(w.supervisor, candidate(r, ids.engineer), { decision: 'veto', ground: 'slackness', reason: ' ' })).statusCode,
    ).toBe(400);
  });

  it('passes the place to the next candidate when the VP vetoes on a complaint of that month', async () => {
    await expectStatus(
      await w.supervisor.post(api('/complaints'), {
        customerId: ids.customer,
        complainantName: '钱主任',
        level: 'service',
        recipientName: '服务部',
        receivedAt: '2026-03-20T02:00:00Z',
        aboutUserId: ids.engineer,
        subject: '上门迟到',
        description: '约定 9 点，10 点才到',
      }),
      201,
    );
    let r = await round(vp);
    expect(candidate(r, ids.engineer).flags).toEqual({ complaints: 1, incidents: 0 });
    r = await expectStatus(
      await decide(vp, candidate(r, ids.engineer), { decision: 'veto', ground: 'complaint', reason: '当月有客户投诉' }),
      200,
    );
    expect(candidate(r, ids.engineer)).toMatchObject({ state: 'vetoed', veto: { step: 'vp', ground: 'complaint', by: 'aw.vp' } });
    expect(candidate(r, ids.sales)).toMatchObject({ state: 'in_review', nextStep: 'manager' });
    const audit = await t.database.db.selectFrom('audit_log').select(['after']).where('action', '=', 'awards.veto').execute();
    expect(JSON.parse(String(audit[0].after))).toMatchObject({ reason: '当月有客户投诉' });
  });
});
