import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { TEST_PASSWORD_COST, type TestApp, createTestApp } from '../../test/harness';
import { seedTravelDemo } from './travel.demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.clock, TEST_PASSWORD_COST, 'demo-password-1');
});
afterAll(async () => t.close());

describe('travel demo data', () => {
  it('seeds an approved trip for eng.zhao with travel logs, once', async () => {
    expect(await seedTravelDemo(t.database, t.clock)).toBe(true);
    expect(await seedTravelDemo(t.database, t.clock)).toBe(false);
    const zhao = await t.login('eng.zhao', 'demo-password-1');
    const mine = (await zhao.get('/api/v1/travel-requests?view=mine')).json();
    expect(mine.items).toEqual([expect.objectContaining({ status: 'approved', startDate: '2026-02-28', endDate: '2026-03-04' })]);
    const days = (await zhao.get(`/api/v1/travel-requests/${mine.items[0].id}/logs`)).json();
    expect(days.days.filter((d: { log: unknown }) => d.log).map((d: { date: string }) => d.date)).toEqual(['2026-02-28', '2026-03-02']);
    expect(days.days.find((d: { date: string }) => d.date === '2026-03-01').missing).toBe(true);
  });
});
