import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { TEST_PASSWORD_COST, type Json, type TestApp, api, createTestApp, expectStatus } from '../../test/harness';
import { seedProjectsDemo } from '../projects/projects.demo';
import { seedReportsDemo } from './reports.demo';

// The demo's reports (WR-1/2/4/5/7), seeded through the services on a Monday: 2026-03-09 09:00 Shanghai.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-09T01:00:00Z');
  await seedDemo(t.database.db, t.clock, TEST_PASSWORD_COST, 'demo-password-1');
  await seedProjectsDemo(t.database, t.clock);
});
afterAll(async () => t.close());

describe('reports demo data', () => {
  it('seeds last week’s reports on time, late and missing, plans, logs, volume and the monthly report, once', async () => {
    expect(await seedReportsDemo(t.database, t.clock)).toBe(true);
    expect(await seedReportsDemo(t.database, t.clock)).toBe(false);
    const gm = await t.login('gm', 'demo-password-1');
    const weekly = await expectStatus(await gm.get(api('/weekly-reports?view=department&weekStart=2026-03-02')), 200);
    expect(weekly.items.map((r: Json) => `${r.userName} ${r.kind} ${r.obligation.state}`).sort()).toEqual([
      '刘洋 engineer on_time',
      '张伟 supervisor on_time',
      '赵磊 engineer late',
    ]);
    const supervisor = await t.login('supervisor', 'demo-password-1');
    const overdue = await expectStatus(await supervisor.get(api('/obligations?view=department&range=overdue')), 200);
    expect(overdue.items.some((o: Json) => o.ownerName === '周强' && o.kind === 'weekly_report')).toBe(true);
    const monthly = await expectStatus(await supervisor.get(api('/monthly-reports')), 200);
    expect(monthly.items).toHaveLength(1);
    expect(monthly.items[0]).toMatchObject({ month: '2026-02' });
    const detail = await expectStatus(await supervisor.get(api(`/monthly-reports/${monthly.items[0].id}`)), 200);
    expect(detail.data.requests.total).toBeGreaterThanOrEqual(10);
    expect(detail.data.rates.timeliness.denominator).toBeGreaterThan(0);
    const plans = await expectStatus(await supervisor.get(api('/weekly-plans?view=team')), 200);
    expect(plans.items.map((p: Json) => p.status).sort()).toEqual(['approved', 'submitted']);
    const volume = await expectStatus(await supervisor.get(api('/volume-reports?view=verify')), 200);
    expect(volume.items.map((v: Json) => v.status)).toEqual(['verified']);
  });
});
