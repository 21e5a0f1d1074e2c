import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { TEST_PASSWORD_COST, type Agent, type Json, type TestApp, api, createTestApp, expectStatus } from '../../test/harness';
import { seedProjectsDemo } from '../projects/projects.demo';
import { seedReportsDemo } from '../reports/reports.demo';

// Issue 12 item 6: the executive dashboard through the API on SQLite and PostgreSQL, over the demo's February
// (a dozen requests worked, resolved and rated through the services), seen on Monday 2026-03-09 09:00 Shanghai.
let t: TestApp;
let gm: Agent;
const FEB = '/dashboard/executive?from=2026-02-01&to=2026-02-28';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-09T01:00:00Z');
  await seedDemo(t.database.db, t.clock, TEST_PASSWORD_COST, 'demo-password-1');
  await seedProjectsDemo(t.database, t.clock);
  await seedReportsDemo(t.database, t.clock);
  gm = await t.login('gm', 'demo-password-1');
});
afterAll(async () => t?.close());

describe('the executive dashboard (SLA-4, SR-10, SR-11)', () => {
  it('needs dashboard.read: the GM and the supervisor yes, an engineer and finance 403', async () => {
    for (const username of ['eng.liu', 'finance']) {
      const agent = await t.login(username, 'demo-password-1');
      expect((await agent.get(api(FEB))).statusCode, username).toBe(403);
    }
    const supervisor = await t.login('supervisor', 'demo-password-1');
    await expectStatus(await supervisor.get(api(FEB)), 200);
  });

  it('counts the month’s volumes, SLA compliance, resolution time and satisfaction, with explanations', async () => {
    const d = await expectStatus(await gm.get(api(FEB)), 200);
    expect(d).toMatchObject({ from: '2026-02-01', to: '2026-02-28', bucket: 'day' });
    expect(d.series).toHaveLength(28);
    const sum = (key: string) => (d.series as Json[]).reduce((n, p) => n + (p[key] as number), 0);
    expect(sum('created')).toBe(d.totals.created);
    expect(sum('resolved')).toBe(d.totals.resolved);
    expect(d.totals.created).toBeGreaterThanOrEqual(10);
    // One request stays open in the demo; every other is resolved in February.
    expect(d.totals.resolved).toBe(d.totals.created - 1);
    expect(d.totals.avgResolutionMinutes).toBeGreaterThan(30 * 60);
    expect(d.slaCompliance.denominator).toBe(d.totals.resolved + d.totals.openBreached);
    expect(d.slaCompliance.explanation).toMatchObject({ ruleId: 'SLA-4', policyVersion: 1 });
    expect(d.slaCompliance.explanation.text['zh-CN']).toContain('2026-02-01 ~ 2026-02-28');
    expect((d.satisfaction as Json[]).map((s) => s.dimension)).toEqual(['attitude', 'skill', 'result']);
    const attitude = (d.satisfaction as Json[])[0];
    expect(attitude.rate.denominator).toBe(d.totals.resolved);
    expect(attitude.rate.numerator).toBe((attitude.excellent as number) + (attitude.good as number));
    expect(attitude.rate.explanation.ruleId).toBe('SR-11');
    expect((d.byRegion as Json[]).map((r) => r.name)).toContain('上海');
    const teams = d.byTeam as Json[];
    expect(teams.reduce((n, r) => n + (r.created as number), 0)).toBe(d.totals.created);
  });

  it('filters by team and drills to the same rows the request list gives', async () => {
    const all = await expectStatus(await gm.get(api(FEB)), 200);
    const team = (all.byTeam as Json[]).find((r) => r.id !== null)!;
    const one = await expectStatus(await gm.get(api(`${FEB}&teamId=${team.id}`)), 200);
    expect(one.totals.created).toBe(team.created);
    expect((one.byTeam as Json[]).map((r) => r.id)).toEqual([team.id]);
    const list = await expectStatus(
      await gm.get(api(`/tickets?teamId=${team.id}&createdFrom=2026-02-01&createdTo=2026-02-28&limit=200`)),
      200,
    );
    expect(list.items).toHaveLength(team.created as number);
  });

  it('an empty range gives null rates, never 0 %; weeks for a quarter, months for a year', async () => {
    const empty = await expectStatus(await gm.get(api('/dashboard/executive?from=2025-06-01&to=2025-06-30')), 200);
    expect(empty.slaCompliance).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(empty.satisfaction[0].rate.value).toBeNull();
    const quarter = await expectStatus(await gm.get(api('/dashboard/executive?from=2026-01-01&to=2026-03-31')), 200);
    expect(quarter.bucket).toBe('week');
    expect(quarter.series[0].period).toBe('2025-12-29');
    const year = await expectStatus(await gm.get(api('/dashboard/executive?from=2025-04-01&to=2026-03-31')), 200);
    expect(year.bucket).toBe('month');
    expect(year.series).toHaveLength(12);
    const byDefault = await expectStatus(await gm.get(api('/dashboard/executive')), 200);
    expect(byDefault).toMatchObject({ from: '2026-02-08', to: '2026-03-09' });
    const fromOnly = await expectStatus(await gm.get(api('/dashboard/executive?from=2026-02-01')), 200);
    expect(fromOnly).toMatchObject({ from: '2026-02-01', to: '2026-03-02' });
    const ahead = await expectStatus(await gm.get(api('/dashboard/executive?from=2026-04-01')), 200);
    expect(ahead).toMatchObject({ from: '2026-04-01', to: '2026-04-30' });
  });

  it('refuses a range over a year or backwards with a reason (422)', async () => {
    const long = await gm.get(api('/dashboard/executive?from=2024-01-01&to=2026-03-01'));
    expect(long.statusCode).toBe(422);
    expect(long.json().error).toMatchObject({ reason: 'dashboard.rangeTooLong', ruleId: 'SLA-4' });
    expect((await gm.get(api('/dashboard/executive?from=2026-03-01&to=2026-02-01'))).statusCode).toBe(422);
    expect((await gm.get(api('/dashboard/executive?from=2026-02-30'))).statusCode).toBe(400);
  });
});
