import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, approvedLetterFixture, draftLetterFixture, expectStatus, fieldWorld } from './letters.fixtures';

// FS-5 check-in/out and the engineer's jobs, on SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
const arrive = { kind: 'in', lat: 31.23, lng: 121.47, accuracy: 12, confirmedWith: '钱主任', note: '服务时间确认 10:00-16:00' };
const checkInsOf = (letterId: number) => t.database.db.selectFrom('visit_checkins').selectAll().where('letter_id', '=', letterId).execute();

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
  w = await fieldWorld(t, 'vs');
});
afterAll(async () => t.close());

describe('FS-5 check-in', () => {
  it('FS-5: refuses a check-in on someone else’s visit (404 outside the engineer’s scope, 403 for a supervisor not on it), and saves nothing', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const res = await w.engineer2.post(api(`/field/letters/${letter.id}/check-ins`), arrive);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/Responsibility letter not found/);
    const sup = await w.supervisor.post(api(`/field/letters/${letter.id}/check-ins`), arrive);
    expect(sup.statusCode).toBe(403);
    expect(sup.json().error).toMatchObject({ ruleId: 'FS-5', message: expect.stringMatching(/engineers on this responsibility letter/) });
    expect((await w.sales.post(api(`/field/letters/${letter.id}/check-ins`), arrive)).statusCode).toBe(403);
    expect(await checkInsOf(letter.id)).toHaveLength(0);
    expect((await expectStatus(await w.supervisor.get(api(`/field/letters/${letter.id}`)), 200)).status).toBe('approved');
    expect((await w.engineer2.get(api(`/field/letters/${letter.id}/visit`))).statusCode).toBe(404);
    expect((await expectStatus(await w.supervisor.get(api(`/field/letters/${letter.id}/visit`)), 200)).allowed).not.toContain('check_in');
  });

  it('FS-3: refuses a check-in before the letter is approved (422 FS-3), and saves nothing', async () => {
    const { letter } = await draftLetterFixture(w);
    await expectStatus(
      await w.supervisor.put(api(`/field/letters/${letter.id}/engineers`), {
        version: letter.version,
        engineerIds: [w.ids.engineer],
        leadId: w.ids.engineer,
      }),
      200,
    );
    const res = await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), arrive);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-3');
    expect(await checkInsOf(letter.id)).toHaveLength(0);
  });

  it('FS-5: an arrival must say with whom the service time was confirmed (422 FS-5)', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    const { confirmedWith: _omit, ...withoutConfirmation } = arrive;
    const res = await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), withoutConfirmation);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ ruleId: 'FS-5', details: [{ path: 'body.confirmedWith' }] });
    expect(await checkInsOf(letter.id)).toHaveLength(0);
  });

  it('FS-5/SLA-2: the first arrival records server time and position, puts the letter on site and meets the request’s on-site target', async () => {
    const { letter, ticketId } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z', { withSecondEngineer: true });
    t.clock.set('2026-03-02T03:00:00Z');
    const v = await expectStatus(await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { ...arrive, at: undefined }), 201);
    expect(v).toMatchObject({ status: 'on_site', onSiteNow: true, firstArrivalAt: '2026-03-02T03:00:00.000Z' });
    expect(v.checkIns).toEqual([
      expect.objectContaining({
        kind: 'in',
        userId: w.ids.engineer,
        at: '2026-03-02T03:00:00.000Z',
        lat: 31.23,
        lng: 121.47,
        accuracy: 12,
        confirmedWith: '钱主任',
      }),
    ]);
    expect(v.allowed).toEqual(expect.arrayContaining(['check_out', 'edit_record']));
    const ticket = await expectStatus(await w.supervisor.get(api(`/tickets/${ticketId}`)), 200);
    expect(ticket.sla.onsite.state).toBe('met');

    // The second engineer's arrival is their own check-in; the request keeps one arrival.
    t.clock.advance(10);
    await expectStatus(await w.engineer2.post(api(`/field/letters/${letter.id}/check-ins`), arrive), 201);
    const arrivals = await t.database.db
      .selectFrom('ticket_entries')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', 'arrival')
      .execute();
    expect(arrivals).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'responsibility_letter')
      .where('entity_id', '=', String(letter.id))
      .execute();
    expect(audit.filter((a) => a.action === 'visit.check_in')).toHaveLength(2);
  });

  it('FS-5: checks out only after checking in, and not twice in a row', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    t.clock.set('2026-03-02T04:00:00Z');
    const early = await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { kind: 'out' }); // approved, not on site yet
    expect(early.statusCode).toBe(422);
    expect(early.json().error.ruleId).toBe('FS-5');
    await expectStatus(await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), arrive), 201);
    expect((await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), arrive)).statusCode).toBe(409);
    t.clock.advance(180);
    const v = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { kind: 'out', lat: 31.2, lng: 121.4 }),
      201,
    );
    expect(v.onSiteNow).toBe(false);
    expect(v.checkIns.map((c: Json) => [c.kind, c.at])).toEqual([
      ['in', '2026-03-02T04:00:00.000Z'],
      ['out', '2026-03-02T07:00:00.000Z'],
    ]);
    const second = await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { kind: 'out' });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.ruleId).toBe('FS-5');
  });

  it('refuses bad positions and unknown fields with 400, and a letter id beyond 32 bits with 400', async () => {
    const { letter } = await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
    expect((await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { ...arrive, lat: 91 })).statusCode).toBe(400);
    expect(
      (await w.engineer.post(api(`/field/letters/${letter.id}/check-ins`), { ...arrive, at: '2020-01-01T00:00:00Z' })).statusCode,
    ).toBe(400);
    expect((await w.engineer.post(api('/field/letters/99999999999/check-ins'), arrive)).statusCode).toBe(400);
    expect(await checkInsOf(letter.id)).toHaveLength(0);
  });

  it('check-in rows are append-only', async () => {
    const rows = await t.database.db.selectFrom('visit_checkins').select('id').limit(1).execute();
    await expect(
      t.database.db.updateTable('visit_checkins').set({ at: '2020-01-01T00:00:00.000Z' }).where('id', '=', rows[0].id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('visit_checkins').where('id', '=', rows[0].id).execute()).rejects.toThrow(/append-only/);
  });
});

describe('my jobs', () => {
  it('lists the signed-in engineer’s approved and on-site visits with contact, plan, kit and request number, today’s first', async () => {
    t.clock.set('2026-03-10T02:00:00Z'); // Tuesday 10:00 in Shanghai
    const tomorrow = await approvedLetterFixture(w, '2026-03-11T01:00:00Z');
    const today = await approvedLetterFixture(w, '2026-03-10T06:00:00Z');
    const jobs = await expectStatus(await w.engineer.get(api('/field/my-jobs')), 200);
    const ids = jobs.items.map((j: Json) => j.letterId);
    expect(ids.indexOf(today.letter.id)).toBeLessThan(ids.indexOf(tomorrow.letter.id));
    const job = jobs.items.find((j: Json) => j.letterId === today.letter.id);
    expect(job).toMatchObject({
      status: 'approved',
      today: true,
      contactName: '钱主任',
      contactPhone: '13800000001',
      address: '人民路 1 号',
      plannedSolution: '上架、接电、调试、培训',
      ticketId: today.ticketId,
      onSiteNow: false,
      customerSigned: false,
    });
    expect(job.ticketNumber).toMatch(/\S/);
    expect(job.kit.length).toBeGreaterThan(0);
    expect(jobs.items.find((j: Json) => j.letterId === tomorrow.letter.id).today).toBe(false);
    // Past approved appointments that never started are not "upcoming"; other engineers see none of these.
    const other = await expectStatus(await w.engineer2.get(api('/field/my-jobs')), 200);
    expect(other.items.map((j: Json) => j.letterId)).not.toContain(today.letter.id);
  });

  it('needs field.work (403 for sales)', async () => {
    expect((await w.sales.get(api('/field/my-jobs'))).statusCode).toBe(403);
  });
});
