import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../test/harness';
import { type FieldWorld, type Json, completeFill, draftLetterFixture, expectStatus, fieldWorld } from './letters.fixtures';
import { approvedLetterFixture } from './letters.fixtures';
import { dataUrl, recordBody, tinyPng } from './visits.fixtures';

// FS-5b: the customer's confirmation when the appointment is agreed (the plan approved, or an approved appointment
// re-booked) and when the service is completed (the sign-off) — and at no other step. SQLite and PostgreSQL.

let t: TestApp;
const api = (p: string) => `/api/v1${p}`;
const APPOINTMENT = '2026-03-03T01:00:00Z';
const AGREED_ZH = '上门服务时间已确认';
const DONE_ZH = '上门服务已完成';

async function addContact(w: FieldWorld, email: string) {
  await expectStatus(
    await w.supervisor.post(api('/contacts'), { customerId: w.ids.customer, name: '钱主任', phone: '13800000001', email, isPrimary: true }),
    201,
  );
}
const mailsTo = (to: string) =>
  t.database.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();
const confirmationsOf = (userId: number) =>
  t.database.db
    .selectFrom('notifications')
    .select(['title_zh', 'title_en', 'body_zh', 'body_en', 'link'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'visit_confirmation')
    .orderBy('id')
    .execute();
const internalWords = /FS-|SR-|ZR-|letter|责任书/;

async function reschedule(w: FieldWorld, letter: Json, appointmentAt: string) {
  return expectStatus(
    await w.engineer.patch(api(`/field/letters/${letter.id}/appointment`), {
      version: letter.version,
      appointmentAt,
      calledAt: '2026-03-02T01:00:00Z',
      calledWhom: '钱主任',
      reason: '客户临时有会',
    }),
    200,
  );
}

async function signOff(w: FieldWorld, letterId: number) {
  await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/check-ins`), { kind: 'in', confirmedWith: '钱主任' }), 201);
  await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
  await expectStatus(
    await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), {
      attitude: 'excellent',
      skill: 'good',
      result: 'excellent',
      signerName: '钱主任',
      signature: dataUrl(tinyPng(16, 6)),
    }),
    201,
  );
}

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T02:00:00Z');
});
afterAll(async () => t.close());

describe('FS-5b customer confirmations', () => {
  it('FS-5b: a contact without a portal account is mailed when the appointment is agreed and re-booked; not on fill, submit, reject or draft re-booking', async () => {
    const w = await fieldWorld(t, 'c1');
    const email = 'c1.qian@hospital.example.cn';
    await addContact(w, email);
    const { letter: draft } = await draftLetterFixture(w);
    let l = await expectStatus(
      await w.supervisor.put(api(`/field/letters/${draft.id}/engineers`), {
        version: draft.version,
        engineerIds: [w.ids.engineer],
        leadId: w.ids.engineer,
      }),
      200,
    );
    l = await expectStatus(await w.engineer.patch(api(`/field/letters/${l.id}`), completeFill(l.version, APPOINTMENT)), 200);
    // A re-booking before approval is not yet an agreed appointment.
    l = await reschedule(w, l, '2026-03-03T02:00:00Z');
    l = await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
    l = await expectStatus(await w.supervisor.post(api(`/field/letters/${l.id}/reject`), { version: l.version, reason: '补充方案' }), 200);
    l = await expectStatus(await w.engineer.post(api(`/field/letters/${l.id}/submit`), { version: l.version }), 200);
    expect(await mailsTo(email)).toHaveLength(0);

    l = await expectStatus(await w.supervisor.post(api(`/field/letters/${l.id}/approve`), { version: l.version }), 200);
    let mail = await mailsTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain(AGREED_ZH);
    expect(mail[0].subject).toContain('On-site service');
    // 10:00 Shanghai, the customer's local time.
    expect(mail[0].text_body).toContain('10:00');
    expect(mail[0].text_body).toContain('钱主任');
    expect(`${mail[0].subject}${mail[0].text_body}`).not.toMatch(internalWords);

    await reschedule(w, l, '2026-03-03T06:00:00Z');
    mail = await mailsTo(email);
    expect(mail).toHaveLength(2);
    expect(mail[1].text_body).toContain('14:00');
  });

  it('FS-5b: the completion is confirmed once, at the sign-off — the contact’s service record mail opens with it; check-in and record send nothing', async () => {
    const w = await fieldWorld(t, 'c2');
    const email = 'c2.qian@hospital.example.cn';
    await addContact(w, email);
    const { letter } = await approvedLetterFixture(w, APPOINTMENT);
    expect(await mailsTo(email)).toHaveLength(1);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { kind: 'in', confirmedWith: '钱主任' }), 201);
    await expectStatus(await w.engineer.put(api(`/field/letters/${letter.id}/service-record`), recordBody()), 200);
    expect(await mailsTo(email)).toHaveLength(1);
    await expectStatus(
      await w.engineer.post(api(`/field/letters/${letter.id}/sign-off`), {
        attitude: 'excellent',
        skill: 'good',
        result: 'excellent',
        signerName: '钱主任',
        signature: dataUrl(tinyPng(16, 6)),
      }),
      201,
    );
    const mail = await mailsTo(email);
    expect(mail).toHaveLength(2);
    expect(mail[1].text_body).toContain(DONE_ZH);
    expect(mail[1].text_body).toContain('the on-site service is completed');
  });

  it('FS-5b: portal users hear both confirmations in the app, with the request’s link, and the contact gets no second mail', async () => {
    const w = await fieldWorld(t, 'c3');
    const email = 'c3.qian@hospital.example.cn';
    await addContact(w, email);
    const portal = await createUser(w.admin, { username: 'c3.portal', roleKey: 'customer_contact', customerId: w.ids.customer });
    const { letter, ticketId } = await approvedLetterFixture(w, APPOINTMENT);
    let seen = await confirmationsOf(portal);
    expect(seen).toHaveLength(1);
    expect(seen[0].title_zh).toContain(AGREED_ZH);
    expect(seen[0].title_en).toContain('appointment confirmed');
    expect(seen[0].link).toBe(`/tickets/${ticketId}`);
    expect(`${seen[0].title_zh}${seen[0].title_en}${seen[0].body_zh}${seen[0].body_en}`).not.toMatch(internalWords);
    expect(await mailsTo(email)).toHaveLength(0);

    await signOff(w, letter.id);
    seen = await confirmationsOf(portal);
    expect(seen).toHaveLength(2);
    expect(seen[1].title_zh).toContain(DONE_ZH);
    // Only the service record mail reaches the contact.
    expect(await mailsTo(email)).toHaveLength(1);
  });
});
