import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, approvedLetterFixture, fieldWorld, noticeBody } from './letters.fixtures';

// No user-typable input reaches the database unchecked: oversized ids, NUL characters, forged cursors (both databases).

let t: TestApp;
let w: FieldWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await fieldWorld(t, 'in');
});
afterAll(async () => t.close());

const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('field input safety', () => {
  it('answers 4xx, never 500, and saves nothing', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const notices = (await t.database.db.selectFrom('service_notices').select('id').execute()).length;
    const statuses = {
      bigId: (await w.supervisor.get('/api/v1/field/letters/99999999999')).statusCode,
      bigTicket: (await w.supervisor.post('/api/v1/field/letters', { ticketId: 99999999999 })).statusCode,
      bigTeam: (await w.supervisor.get('/api/v1/field/board?from=2026-03-01&to=2026-03-02&teamId=99999999999')).statusCode,
      nul: (await w.sales.post('/api/v1/field/notices', noticeBody(w, { title: 'a\u0000b' }))).statusCode,
      textCursor: (await w.sales.get(`/api/v1/field/notices?cursor=${forged(['x'])}`)).statusCode,
      hugeCursor: (await w.sales.get(`/api/v1/field/letters?cursor=${forged([1e300])}`)).statusCode,
      garbageCursor: (await w.sales.get('/api/v1/field/letters?cursor=%%%')).statusCode,
      ledgerCustomer: (await w.salesAdmin.get('/api/v1/field/ledger?customerId=99999999999')).statusCode,
      feed: (await t.anonymous().get(`/api/v1/field/schedule/${'x'.repeat(80)}.ics`)).statusCode,
      unknownField: (await w.engineer.patch(`/api/v1/field/letters/${letter.id}`, { version: letter.version, foo: 1 })).statusCode,
    };
    for (const [what, status] of Object.entries(statuses)) expect([what, status >= 400 && status < 500]).toEqual([what, true]);
    expect(statuses.feed).toBe(404);
    expect((await t.database.db.selectFrom('service_notices').select('id').execute()).length).toBe(notices);
  });

  it('refuses an appointment, call or travel date outside the years 1970–2199 (422 naming the field) and saves nothing', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const before = await t.database.db
      .selectFrom('responsibility_letters')
      .select(['appointment_at', 'version'])
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    const call = { calledAt: '2026-03-02T01:00:00Z', calledWhom: '钱主任', reason: '客户改期' };
    // Year 10000 (9999-12-31 at −14:00) is no ISO-8601 string: it broke "my jobs" ordering and the iCalendar feed.
    for (const appointmentAt of ['9999-12-31T23:59:59-14:00', '0001-01-01T00:00:00Z']) {
      const res = await w.engineer.patch(`/api/v1/field/letters/${letter.id}/appointment`, {
        version: letter.version,
        appointmentAt,
        ...call,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details[0]).toMatchObject({ path: 'body.appointmentAt', message: expect.stringMatching(/1970 and 2199/) });
    }
    const lateCall = await w.engineer.patch(`/api/v1/field/letters/${letter.id}/appointment`, {
      version: letter.version,
      appointmentAt: '2026-03-04T01:00:00Z',
      ...call,
      calledAt: '1900-01-01T00:00:00Z',
    });
    expect(lateCall.json().error.details[0].path).toBe('body.calledAt');
    const trip = await w.engineer.post('/api/v1/travel-requests', {
      purpose: '安装',
      workType: 'construction',
      segments: [
        {
          from: '上海',
          to: '杭州',
          destinationLevel: 'prefectureCity',
          startDate: '0001-01-01',
          endDate: '0001-01-03',
          transport: 'train',
        },
      ],
    });
    expect(trip.statusCode).toBe(422);
    expect(trip.json().error.details[0].path).toBe('body.segments.0.startDate');
    expect(
      await t.database.db
        .selectFrom('responsibility_letters')
        .select(['appointment_at', 'version'])
        .where('id', '=', letter.id)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
  });
});
