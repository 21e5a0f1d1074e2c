import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, expectStatus, fieldWorld } from './letters.fixtures';
import { dataUrl, onSiteLetterFixture, recordBody, tinyPng } from './visits.fixtures';

// Issue 12 item 1: a field visit moves its service request (SR-4, SR-9, SLA-2, FS-5..8) — the letter's lead
// becomes the assignee, the check-in starts the work and meets the on-site target, a solved record resolves it
// with the record's cause and solution, the customer's signed sign-off confirms it; each step on the timeline.
// SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
const signed = {
  attitude: 'excellent',
  skill: 'good',
  result: 'excellent',
  comment: '满意',
  signerName: '钱主任',
  signature: dataUrl(tinyPng(16, 6)),
};
const ticket = async (id: number) => expectStatus(await w.supervisor.get(api(`/tickets/${id}`)), 200);
const timeline = async (id: number) =>
  (await expectStatus(await w.supervisor.get(api(`/tickets/${id}/timeline`)), 200)) as unknown as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T02:00:00Z');
  w = await fieldWorld(t, 'vr');
});
afterAll(async () => t.close());

describe('issue 12 item 1: the visit moves its service request', () => {
  it('assigned with the letter, in progress on arrival, resolved by the solved record, confirmed by the signed sign-off', async () => {
    t.clock.set('2026-03-03T01:00:00Z');
    const { letterId, ticketId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    let tk = await ticket(ticketId);
    expect(tk.assigneeId).toBe(w.ids.engineer);
    expect(tk.state).toBe('in_progress');
    // SLA-2: the check-in met the on-site target and the first response.
    expect(tk.sla.firstResponse.metAt).not.toBeNull();
    if (tk.sla.onsite) expect(tk.sla.onsite.metAt).not.toBeNull();

    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    tk = await ticket(ticketId);
    expect(tk).toMatchObject({ state: 'resolved', cause: '电源模块损坏', solution: '更换电源模块并测试' });

    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), signed), 201);
    tk = await ticket(ticketId);
    expect(tk.state).toBe('confirmed');

    const steps = (await timeline(ticketId)).filter((e) => e.kind === 'state' || e.kind === 'assignment').map((e) => e.data.action);
    expect(steps).toEqual(expect.arrayContaining(['assign', 'start', 'resolve', 'confirm']));
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'ticket')
      .where('entity_id', '=', String(ticketId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['ticket.assign', 'ticket.start', 'ticket.resolve', 'ticket.confirm']),
    );
  });

  it('a record taken back to unsolved before the sign-off reopens the request; an unsigned sign-off does not confirm it', async () => {
    const { letterId, ticketId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
    const rec = await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    expect((await ticket(ticketId)).state).toBe('resolved');
    await expectStatus(
      await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody({ solved: null, version: rec.record.version })),
      200,
    );
    expect((await ticket(ticketId)).state).toBe('in_progress');
    const again = await expectStatus(await w.engineer.get(api(`/field/letters/${letterId}/visit`)), 200);
    await expectStatus(
      await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody({ version: again.record.version })),
      200,
    );
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '客户负责人不在现场' }), 201);
    expect((await ticket(ticketId)).state).toBe('resolved');
  });
});
