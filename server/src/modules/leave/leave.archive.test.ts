import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { api } from '../travel/travel.fixtures';

// RS-4b through the API on both databases: the client IT office of the resident's site signs and archives the
// emergency leave form filed afterwards as a PDF (the signed-form path the handover confirmation form uses).

let t: TestApp;
let w: FieldWorld;
let resident: Agent;
let clientIt: Agent;
let otherClient: Agent;
let emergency: Json;
let ordinary: Json;

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const at = (local: string) => t.clock.set(new Date(Date.parse(`${local.replace(' ', 'T')}+08:00`)).toISOString());

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'lfa');
  const staff = { roleKey: 'engineer', departmentId: w.ids.department, teamId: w.ids.team, siteId: w.ids.site };
  const standIn = await createUser(w.admin, { username: 'lfa.res2', ...staff });
  await createUser(w.admin, { username: 'lfa.res', ...staff });
  await createUser(w.admin, { username: 'lfa.it', roleKey: 'client_it', customerId: w.ids.customer, siteId: w.ids.site });
  const site2 = await expectStatus(await w.admin.post(api('/sites'), { customerId: w.ids.customer, name: '二号院区' }), 201);
  await createUser(w.admin, { username: 'lfa.it2', roleKey: 'client_it', customerId: w.ids.customer, siteId: site2.id });
  resident = await t.login('lfa.res', 'password-123');
  clientIt = await t.login('lfa.it', 'password-123');
  otherClient = await t.login('lfa.it2', 'password-123');
  at('2026-03-25 08:00');
  const leave = { typeId: 'personal', reason: '家人急病', standInId: standIn, startDate: '2026-03-25', endDate: '2026-03-25' };
  emergency = await expectStatus(await resident.post(api('/leave-requests'), { ...leave, emergency: true }), 201);
  ordinary = await expectStatus(
    await resident.post(api('/leave-requests'), { ...leave, startDate: '2026-04-08', endDate: '2026-04-08' }),
    201,
  );
});
afterAll(async () => t?.close());

describe('RS-4b: the client archives the emergency leave form', () => {
  it('lists the site’s emergency forms to the client IT office only', async () => {
    const list = await expectStatus(await clientIt.get(api('/client-emergency-leave')), 200);
    expect(list.items.map((l: Json) => [l.id, l.formArchive])).toEqual([[emergency.id, null]]);
    expect((await otherClient.get(api('/client-emergency-leave'))).json().items).toEqual([]);
    expect((await resident.get(api('/client-emergency-leave'))).statusCode).toBe(403);
  });

  it('refuses another site’s client (404), an ordinary leave (422 RS-4b) and the resident (403)', async () => {
    const body = { version: emergency.version };
    expect((await otherClient.post(api(`/leave-requests/${emergency.id}/form-archive`), body)).statusCode).toBe(404);
    const notEmergency = await clientIt.post(api(`/leave-requests/${ordinary.id}/form-archive`), { version: ordinary.version });
    expect(notEmergency.statusCode).toBe(422);
    expect(notEmergency.json().error).toMatchObject({ reason: 'leave.notEmergency', ruleId: 'RS-4b' });
    expect((await resident.post(api(`/leave-requests/${emergency.id}/form-archive`), body)).statusCode).toBe(403);
    expect((await clientIt.get(api(`/leave-requests/${emergency.id}/form.pdf`))).statusCode).toBe(404);
  });

  it('signs on the device and archives the PDF once: audited, readable by the client and the applicant, then 409', async () => {
    at('2026-03-26 10:00');
    const archived = await expectStatus(
      await clientIt.post(api(`/leave-requests/${emergency.id}/form-archive`), { version: emergency.version, signature: SIGNATURE }),
      200,
    );
    expect(archived.formArchive).toMatchObject({ byName: expect.any(String), at: '2026-03-26T02:00:00.000Z' });
    for (const as of [clientIt, resident]) {
      const pdf = await as.get(api(`/leave-requests/${emergency.id}/form.pdf`));
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const again = await clientIt.post(api(`/leave-requests/${emergency.id}/form-archive`), { version: archived.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe('leave.formArchived');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'leave_request')
      .where('entity_id', '=', String(emergency.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('leave.emergency_form.archive');
  });
});
