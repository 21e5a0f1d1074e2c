import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { TEST_PASSWORD_COST, type TestApp, createTestApp } from '../../test/harness';
import { seedFieldDemo } from './field.demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.clock, TEST_PASSWORD_COST, 'demo-password-1');
});
afterAll(async () => t.close());

describe('field demo data', () => {
  it('seeds a signed hospital notice and an approved letter for eng.zhao tomorrow 10:00, once', async () => {
    expect(await seedFieldDemo(t.database, t.clock)).toBe(true);
    expect(await seedFieldDemo(t.database, t.clock)).toBe(false);
    const zhao = await t.login('eng.zhao', 'demo-password-1');
    const mine = (await zhao.get('/api/v1/field/letters?box=mine')).json();
    expect(mine.items).toHaveLength(1);
    // The test clock is 2026-03-02 09:00 in Shanghai: tomorrow 10:00 local is 02:00Z.
    expect(mine.items[0]).toMatchObject({
      status: 'approved',
      customerName: '上海市第一人民医院',
      appointmentAt: '2026-03-03T02:00:00.000Z',
      estimatedMinutes: 240,
    });
    const notice = await t.database.db.selectFrom('service_notices').selectAll().executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ status: 'signed', signed_as: 'gm' });
    expect(notice.ticket_id).not.toBeNull();
  });
});
