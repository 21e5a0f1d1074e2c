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
});
