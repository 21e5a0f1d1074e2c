import { OPEN_TICKET_STATES } from '@techserve/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD_COST, type Json, type TestApp, api, createTestApp, expectStatus } from '../test/harness';
import { seedDemoOrganisation } from './seed-demo';

// Issue 12 item 16: on the first start every demo user the README names has something to do today, on the page
// they land on. The whole demo seeded on Tuesday 2026-03-10 09:00 Shanghai.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 } });
  t.clock.set('2026-03-10T01:00:00Z');
  expect(await seedDemoOrganisation(t.database, t.clock, TEST_PASSWORD_COST, 'demo-password-1')).toBe(true);
}, 240_000);
afterAll(async () => t?.close());

const items = async (username: string, path: string) => {
  const agent = await t.login(username, 'demo-password-1');
  return (await expectStatus(await agent.get(api(path)), 200)).items as Json[];
};
const OPEN = `state=${OPEN_TICKET_STATES.join(',')}`;

describe('something to do today for every demo user (issue 12 item 16)', { timeout: 60_000 }, () => {
  it('eng.liu: a visit today on My jobs and open requests assigned to him with their SLA clocks running', async () => {
    expect((await items('eng.liu', '/field/my-jobs')).some((job) => job.today)).toBe(true);
    const mine = await items('eng.liu', `/tickets?mine=true&${OPEN}`);
    expect(mine.some((r) => r.nextDueAt !== null)).toBe(true);
  });

  it('expert.sun: a request assigned to him to accept', async () => {
    expect((await items('expert.sun', `/tickets?mine=true&${OPEN}`)).length).toBeGreaterThan(0);
  });

  it('agent and lead.east: a new request nobody is assigned to yet; the lead a plan to approve', async () => {
    expect((await items('agent', '/tickets?unassigned=true')).length).toBeGreaterThan(0);
    expect((await items('lead.east', '/tickets?unassigned=true')).length).toBeGreaterThan(0);
    expect((await items('lead.east', '/weekly-plans?view=team')).some((p) => p.status === 'submitted')).toBe(true);
  });

  it('contact.qian: a resolved request to confirm and rate (SR-9)', async () => {
    expect((await items('contact.qian', '/tickets?state=resolved')).length).toBeGreaterThan(0);
  });

  it('gm: a notice to sign (FS-1) and the dashboard’s last 30 days with requests', async () => {
    expect((await items('gm', '/field/notices?box=to_sign')).length).toBeGreaterThan(0);
    const gm = await t.login('gm', 'demo-password-1');
    const dashboard = await expectStatus(await gm.get(api('/dashboard/executive')), 200);
    expect(dashboard.totals.created).toBeGreaterThan(0);
  });

  it('supervisor: requests in the department, letters and leave to decide', async () => {
    expect((await items('supervisor', `/tickets?${OPEN}`)).length).toBeGreaterThan(0);
    expect((await items('supervisor', '/field/letters?box=all')).length).toBeGreaterThan(0);
    expect((await items('supervisor', '/leave-requests?view=approvals&status=submitted')).length).toBeGreaterThan(0);
  });

  it('finance: an approved travel claim to pay (TR-4)', async () => {
    expect((await items('finance', '/travel-claims?view=all&status=approved')).length).toBeGreaterThan(0);
  });

  it('hr: leave waiting in the approvals', async () => {
    expect((await items('hr', '/leave-requests?view=approvals&status=submitted')).length).toBeGreaterThan(0);
  });

  it('leaves SR-4 choosing the storage expert for the hospital’s storage (his request today does not tip the load)', async () => {
    const device = await t.database.db
      .selectFrom('installed_products')
      .select(['id', 'customer_id'])
      .where('serial_number', '=', 'DS300-24-0518')
      .executeTakeFirstOrThrow();
    const agent = await t.login('agent', 'demo-password-1');
    const created = await expectStatus(
      await agent.post(api('/tickets'), {
        customerId: device.customer_id,
        installedProductId: device.id,
        title: '存储阵列控制器告警',
        description: '门诊楼机房存储控制器 A 告警灯常亮',
        urgency: 'high',
        impact: 'wide',
      }),
      201,
    );
    expect(created.assigneeName).toBe('孙浩');
  });
});
