import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { TEST_PASSWORD_COST, type TestApp, createTestApp } from '../../test/harness';
import { seedLeaveDemo } from './leave.demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.clock, TEST_PASSWORD_COST, 'demo-password-1');
});
afterAll(async () => t.close());

describe('leave demo data', () => {
  it('seeds an approved and a waiting leave a week or more ahead, once, visible to the supervisor', async () => {
    expect(await seedLeaveDemo(t.database, t.clock)).toBe(true);
    expect(await seedLeaveDemo(t.database, t.clock)).toBe(false);
    const supervisor = await t.login('supervisor', 'demo-password-1');
    const all = (await supervisor.get('/api/v1/leave-requests?view=approvals')).json();
    expect(all.items.map((i: { status: string; late: boolean }) => [i.status, i.late])).toEqual([
      ['submitted', false],
      ['approved', false],
    ]);
    expect(all.items.every((i: { startDate: string }) => i.startDate >= '2026-03-09')).toBe(true);
  });
});
