import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterNumber } from '@techserve/core';
import { type TestApp, createTestApp } from '../../test/harness';
import { approvedLetterFixture } from '../field/letters.fixtures';
import { type Json, type TravelWorld, api, expectStatus, submitTrip, travelWorld } from './travel.fixtures';

let t: TestApp;
let w: TravelWorld;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await travelWorld(t, 'tl');
});
afterAll(async () => t?.close());

describe('FS-3: a trip links to its letter or request by the number people see', () => {
  it('finds the traveller’s letter and request by typed number; another engineer sees neither', async () => {
    const { letter, ticketId } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const ticket = await expectStatus(await w.engineer.get(api(`/tickets/${ticketId}`)), 200);
    const zr = letterNumber(letter.id);

    const found = await expectStatus(await w.engineer.get(api(`/travel-links?q=${encodeURIComponent(zr.slice(0, 6))}`)), 200);
    expect(found.items).toContainEqual({ kind: 'letter', id: letter.id, number: zr, title: letter.title });
    const byTicket = await expectStatus(
      await w.engineer.get(api(`/travel-links?q=${encodeURIComponent(ticket.number.toLowerCase())}`)),
      200,
    );
    expect(byTicket.items).toContainEqual(expect.objectContaining({ kind: 'ticket', id: ticketId, number: ticket.number }));

    expect(await expectStatus(await w.engineer.get(api(`/travel-links/${zr}`)), 200)).toMatchObject({ kind: 'letter', id: letter.id });
    expect(await expectStatus(await w.engineer.get(api(`/travel-links/${ticket.number}`)), 200)).toMatchObject({
      kind: 'ticket',
      id: ticketId,
    });

    // Out of scope is the same as unknown: 404 with its reason, never a silent empty link.
    const others = await expectStatus(await w.engineer2.get(api(`/travel-links?q=${zr}`)), 200);
    expect(others.items.filter((i: Json) => i.kind === 'letter')).toEqual([]);
    const hidden = await w.engineer2.get(api(`/travel-links/${zr}`));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toMatchObject({ reason: 'travel.linkUnknown', params: { number: zr } });
    const unknown = await w.engineer.get(api('/travel-links/ZR-999999'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.reason).toBe('travel.linkUnknown');
    expect((await w.engineer.get(api('/travel-links/SR-19990101-0001'))).statusCode).toBe(404);
    expect((await w.sales.get(api('/travel-links?q=ZR'))).statusCode).toBe(403);
  });

  it('stores the link found by number on the trip; an id the traveller may not use is refused with the reason', async () => {
    const { letter, ticketId } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const link = await expectStatus(await w.engineer.get(api(`/travel-links/${letterNumber(letter.id)}`)), 200);
    const trip = await submitTrip(w.engineer, { letterId: link.id });
    expect(trip).toMatchObject({ letterId: letter.id, ticketId });
    const refused = await w.engineer2.post(api('/travel-requests'), {
      purpose: 'x',
      workType: 'technicalGuidance',
      letterId: letter.id,
      segments: [
        { from: 'a', to: 'b', destinationLevel: 'outOfProvince', startDate: '2026-03-02', endDate: '2026-03-03', transport: 'train' },
      ],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      reason: 'travel.linkUnknown',
      details: [{ path: 'body.letterId', reason: 'travel.linkUnknown' }],
    });
  });
});
