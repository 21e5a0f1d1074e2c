import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, type TestApp, api, createTestApp, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';

// AP-2: the sheets are of the staff below the chain's signers. The GM (and an administrator) sign the last step, so
// no sheet is drafted for them and they do not appraise themselves; the payroll (PAY-5) never waits for them.
// On SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'apx');
  t.clock.set('2026-03-02T01:00:00Z');
});
afterAll(async () => t?.close());

describe('who is appraised (AP-2)', () => {
  it('drafts the GM’s month for the staff, not for the GM or the administrator', async () => {
    const items = (await expectStatus(await w.gm.post(api('/appraisal-sheets/compute'), { month: '2026-02' }), 200)).items as Json[];
    const ids = items.map((s) => s.userId);
    expect(ids).toEqual(expect.arrayContaining([w.ids.engineer, w.ids.engineer2, w.ids.supervisor]));
    const me = (await expectStatus(await w.gm.get(api('/auth/session')), 200)).user.id;
    const admin = (await expectStatus(await w.admin.get(api('/auth/session')), 200)).user.id;
    expect(ids).not.toContain(me);
    expect(ids).not.toContain(admin);
  });

  it('refuses the GM a self-appraisal', async () => {
    const res = await w.gm.put(api('/appraisal-sheets/self'), { month: '2026-03', scores: { initiative: 10 } });
    expect(res.statusCode).toBe(403);
  });
});
