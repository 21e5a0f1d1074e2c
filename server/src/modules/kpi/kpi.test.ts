import { defaultPolicy } from '@techserve/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { bonusesOfMonth } from '../pay/pay.bonuses';
import { kpiReviewObligationsJob } from './kpi.obligations';

// AP-16/AP-16b KPIs through the API, on SQLite and PostgreSQL: rates from the month's facts (null when there is nothing
// to count), self + superior + customer consolidated by HR with the policy's weights, weak items → targeted training.
// The clock is set to 2026-04-02 (March has ended).

let t: TestApp;
let w: FieldWorld;
let hr: Agent;

const mine = async (agent: Agent, period = '2026-03') => (await expectStatus(await agent.get(api(`/kpis?period=${period}`)), 200)) as Json;
const person = (page: Json, userId: number): Json => (page.items as Json[]).find((p) => p.userId === userId)!;
const item = (p: Json, key: string): Json => (p.items as Json[]).find((i) => i.item === key)!;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'kp');
  await createUser(w.admin, { username: 'kp.hr', roleKey: 'hr' });
  hr = await t.login('kp.hr', 'password-123');
  t.clock.set('2026-04-02T02:00:00Z');
});
afterAll(async () => t?.close());

describe('who may do what (AP-16)', () => {
  it('shows an engineer only their own KPIs; the team view needs kpi.review or kpi.consolidate', async () => {
    expect((await w.engineer.get(api('/kpis?period=2026-03&view=team'))).statusCode).toBe(403);
    const page = await mine(w.engineer);
    expect((page.items as Json[]).map((p) => p.userId)).toEqual([w.ids.engineer]);
    expect(
      (await w.engineer.put(api(`/kpis/${w.ids.engineer2}/superior`), { period: '2026-03', scores: { teamwork: 80 } })).statusCode,
    ).toBe(403);
    expect((await w.supervisor.post(api(`/kpis/${w.ids.engineer}/consolidate`), { period: '2026-03', version: 1 })).statusCode).toBe(403);
  });
});

describe('the month’s KPIs (AP-16)', () => {
  it('gives null rates, never 0 %, when the month has nothing to count, the due day and the policy’s weights', async () => {
    const page = await mine(w.engineer);
    expect(page).toMatchObject({
      kind: 'month',
      dueDate: '2026-04-10',
      weights: { self: 20, superior: 50, customer: 30 },
      weakBelowPercent: 60,
    });
    const p = person(page, w.ids.engineer);
    for (const key of ['satisfaction', 'timeliness', 'resolution', 'growth']) {
      expect(item(p, key).measured).toMatchObject({ value: null, numerator: 0, denominator: 0 });
      expect(item(p, key).percent).toBeNull();
    }
    expect(item(p, 'teamwork').measured).toBeNull();
    expect(p.consolidated.value).toBeNull();
    expect(p.training).toEqual([]);
  });

  it('refuses scores for a month not ended yet', async () => {
    const res = await w.engineer.put(api('/kpis/self'), { period: '2026-04', scores: { teamwork: 80 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ reason: 'kpi.periodNotEnded', ruleId: 'AP-16' });
    expect((await w.engineer.put(api('/kpis/self'), { period: '2026-03', scores: { teamwork: 101 } })).statusCode).toBe(400);
  });

  it('takes the self-appraisal and the superior’s scores; 60 is not weak, 59 proposes training', async () => {
    let p = person(
      await expectStatus(await w.engineer.put(api('/kpis/self'), { period: '2026-03', scores: { teamwork: 60 } }), 200),
      w.ids.engineer,
    );
    expect(item(p, 'teamwork')).toMatchObject({ self: 60, percent: 60, weak: false });
    expect(p.consolidated.value).toBe(60);
    const own = await w.supervisor.put(api(`/kpis/${w.ids.supervisor}/superior`), { period: '2026-03', scores: { teamwork: 90 } });
    expect(own.json().error).toMatchObject({ reason: 'kpi.ownReview' });
    const page = await expectStatus(
      await w.supervisor.put(api(`/kpis/${w.ids.engineer}/superior`), { period: '2026-03', scores: { teamwork: 59, growth: 100 } }),
      200,
    );
    p = person(page, w.ids.engineer);
    expect(item(p, 'teamwork')).toMatchObject({ self: 60, superior: 59, percent: 59, weak: true });
    expect(p.training).toMatchObject([{ item: 'teamwork', explanation: { ruleId: 'AP-16b' } }]);
    // (20 × 60 + 50 × 79.5) / 70, no customer ratings this month.
    expect(p.consolidated.value).toBe(73.9);
    expect(p.superiorBy).toBe('kp.sup');
  });

  it('lets HR consolidate; the result is kept and no score changes after', async () => {
    const before = person(await mine(hr, '2026-03&view=team'), w.ids.engineer);
    const res = await hr.post(api(`/kpis/${w.ids.engineer}/consolidate`), { period: '2026-03', version: before.version });
    const p = person(await expectStatus(res, 200), w.ids.engineer);
    expect(p).toMatchObject({ consolidatedBy: 'kp.hr', consolidated: { value: 73.9 } });
    const late = await w.engineer.put(api('/kpis/self'), { period: '2026-03', scores: { teamwork: 100 } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ reason: 'kpi.consolidated' });
    const nothing = await hr.post(api(`/kpis/${w.ids.engineer2}/consolidate`), { period: '2026-03', version: 1 });
    expect(nothing.json().error).toMatchObject({ reason: 'kpi.nothingToConsolidate' });
  });

  it('reviews a year in the January after it (AP-16 annual review)', async () => {
    const page = await mine(w.engineer, '2025');
    expect(page).toMatchObject({ kind: 'year', dueDate: '2026-01-31' });
  });
});

describe('AP-16 review obligations', () => {
  it('opens the ended month’s self and superior reviews due by the 10th; the scores written fulfil them on time', async () => {
    // The department's manager (部门经理) is the supervisor.
    await t.database.db.updateTable('departments').set({ manager_id: w.ids.supervisor }).where('id', '=', w.ids.department).execute();
    await kpiReviewObligationsJob({ db: t.database.db, clock: t.clock }).run();
    const rows = await t.database.db
      .selectFrom('obligations')
      .select(['kind', 'owner_id', 'subject_id', 'period', 'due_date', 'state'])
      .where('kind', 'in', ['kpi_self_review', 'kpi_superior_review'])
      .execute();
    const self = (userId: number) => rows.find((r) => r.kind === 'kpi_self_review' && r.owner_id === userId);
    // The engineer self-scored 2026-03 on 2026-04-02: done on time; engineer 2 has not yet.
    expect(self(w.ids.engineer)).toMatchObject({ period: '2026-03', due_date: '2026-04-10', state: 'on_time' });
    expect(self(w.ids.engineer2)).toMatchObject({ period: '2026-03', due_date: '2026-04-10', state: 'open' });
    const reviewed = rows.find(
      (r) => r.kind === 'kpi_superior_review' && r.subject_id === w.ids.engineer && r.owner_id === w.ids.supervisor,
    );
    expect(reviewed).toMatchObject({ period: '2026-03', state: 'on_time' });
    // Each person's department manager owes the superior review (never of themself).
    expect(rows.find((r) => r.kind === 'kpi_superior_review' && r.subject_id === w.ids.engineer2)).toMatchObject({
      owner_id: w.ids.supervisor,
      state: 'open',
    });
    expect(rows.some((r) => r.kind === 'kpi_superior_review' && r.owner_id === r.subject_id)).toBe(false);
  });
});

describe('the half-year bonus by regional ranking (PAY-2, ORG-4)', () => {
  it('is for HR and only for an ended period', async () => {
    expect((await w.engineer.get(api('/ranking-bonus?from=2026-01'))).statusCode).toBe(403);
    const early = await hr.get(api('/ranking-bonus?from=2026-01'));
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ reason: 'kpi.periodNotEnded', ruleId: 'PAY-2' });
  });

  it('ranks the regions by their engineers’ consolidated scores and pays the band’s share of the base, explained', async () => {
    t.clock.set('2026-07-02T02:00:00Z');
    const page = await expectStatus(await hr.get(api('/ranking-bonus?from=2026-01')), 200);
    expect(page).toMatchObject({ from: '2026-01', to: '2026-06', baseFen: 200000 });
    const region = (page.regions as Json[]).find((r) => r.regionId === w.ids.region)!;
    const other = (page.regions as Json[]).find((r) => r.regionId === w.ids.otherRegion)!;
    expect(region).toMatchObject({ score: 73.9, rank: 1, coefficient: 0.8 });
    // engineer2's region has no consolidated score: not ranked, no bonus.
    expect(other).toMatchObject({ score: null, rank: null, coefficient: null });
    const people = page.people as Json[];
    expect(people.find((p) => p.userId === w.ids.engineer)).toMatchObject({
      totalFen: 160000,
      lines: [{ regionId: w.ids.region, coefficient: 0.8, explanation: { ruleId: 'PAY-2' } }],
    });
    expect(people.find((p) => p.userId === w.ids.engineer2)).toMatchObject({ totalFen: 0, lines: [] });
    // A salesperson responsible for the region is no engineer: no bonus.
    expect(people.some((p) => p.userId === w.ids.sales)).toBe(false);
  });

  it('is paid with the payroll of the half-year’s last month (June), as an explained bonus line; May pays none', async () => {
    const pay = defaultPolicy().pay;
    const ids = [w.ids.engineer, w.ids.engineer2];
    const june = await bonusesOfMonth(t.database.db, pay, '2026-06', ids);
    expect(june.get(w.ids.engineer)).toMatchObject([
      { key: `PAY-2:2026-01:${w.ids.region}`, ruleId: 'PAY-2', amountFen: 160000, explanation: { ruleId: 'PAY-2' } },
    ]);
    expect(june.get(w.ids.engineer2)).toEqual([]);
    expect((await bonusesOfMonth(t.database.db, pay, '2026-05', ids)).get(w.ids.engineer)).toEqual([]);
  });
});
