import { DEFAULT_TIME_ZONE } from '@techserve/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { type Agent, type TestApp, createTestApp } from '../../test/harness';
import { putPolicyInForce } from './policy.fixtures';

/**
 * Issue 13 item 7: the company time zone comes from configuration (TECHSERVE_TIME_ZONE) through buildApp onto every
 * request's ctx. 2026-03-10T17:30Z is already 2026-03-11 01:30 in Shanghai but still 2026-03-10 13:30 in New York (EDT), so
 * "tomorrow" (the earliest effective date of a policy version, GOV-1) and the version in force move with the zone.
 */
const V = '/api/v1/policy/versions';

describe('TECHSERVE_TIME_ZONE (configuration)', () => {
  it('defaults to Asia/Shanghai and takes an IANA zone', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(loadConfig({}).timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ TECHSERVE_TIME_ZONE: '  ' }).timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ TECHSERVE_TIME_ZONE: ' Europe/Berlin ' }).timeZone).toBe('Europe/Berlin');
  });

  it('refuses an unknown zone at start-up with a clear message', () => {
    for (const zone of ['Mars/Olympus_Mons', 'Shanghai', 'UTC+8'])
      expect(() => loadConfig({ TECHSERVE_TIME_ZONE: zone }), zone).toThrow(/TECHSERVE_TIME_ZONE must be an IANA time zone/);
  });
});

describe.each([
  { zone: undefined, localToday: '2026-03-11' },
  { zone: 'America/New_York', localToday: '2026-03-10' },
])('the company zone on the request ctx ($zone)', ({ zone, localToday }) => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp(zone ? { timeZone: zone } : {});
    t.clock.set('2026-03-10T17:30:00Z');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it(`takes ${localToday} as today: a version may take effect from the next local day only (GOV-1)`, async () => {
    const draft = (await admin.post(V, { note: 'time zone' })).json();
    const res = await putPolicyInForce(t, admin, draft.number, draft.version, '2026-03-11');
    // In Shanghai 2026-03-11 is already today (refused); in New York it is tomorrow (published).
    expect(res.statusCode).toBe(localToday === '2026-03-11' ? 422 : 200);
    if (res.statusCode !== 200) return;
    expect((await admin.get('/api/v1/policy/in-force')).json().number).toBe(1);
    t.clock.set('2026-03-11T03:59:00Z'); // 23:59 on 2026-03-10 in New York (UTC-4 from 8 March)
    expect((await admin.get('/api/v1/policy/in-force')).json().number).toBe(1);
    t.clock.set('2026-03-11T04:00:00Z'); // midnight: 2026-03-11 begins in New York
    expect((await admin.get('/api/v1/policy/in-force')).json().number).toBe(draft.number);
  });
});
