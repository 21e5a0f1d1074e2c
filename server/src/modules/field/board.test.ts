import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, approvedLetterFixture, expectStatus, fieldWorld } from './letters.fixtures';

// Dispatch board, FS-11 stand-up and the iCalendar feed, on SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'bd');
  t.clock.set('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
});
afterAll(async () => t.close());

const dayOf = (board: Json, userId: number, date: string) =>
  board.engineers.find((e: Json) => e.userId === userId).days.find((d: Json) => d.date === date);

describe('dispatch board', () => {
  let letterA: Json;
  let letterB: Json;

  it('shows engineers × company-local days with their appointments', async () => {
    // 2026-03-03T17:00Z is already March 4th in Shanghai.
    letterA = (await approvedLetterFixture(w, '2026-03-03T01:00:00Z')).letter;
    letterB = (await approvedLetterFixture(w, '2026-03-03T17:00:00Z', { withSecondEngineer: true })).letter;
    const board = await expectStatus(await w.supervisor.get(api(`/field/board?from=2026-03-02&to=2026-03-05&teamId=${w.ids.team}`)), 200);
    expect(board.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(board.leaveKnown).toBe(true);
    expect(board.engineers.map((e: Json) => e.userId).sort()).toEqual([w.ids.engineer, w.ids.engineer2].sort());
    expect(dayOf(board, w.ids.engineer, '2026-03-03').items).toEqual([
      expect.objectContaining({
        letterId: letterA.id,
        appointmentAt: '2026-03-03T01:00:00.000Z',
        endAt: '2026-03-03T05:00:00.000Z',
        version: letterA.version,
      }),
    ]);
    expect(dayOf(board, w.ids.engineer, '2026-03-04').items.map((i: Json) => i.letterId)).toEqual([letterB.id]);
    expect(dayOf(board, w.ids.engineer2, '2026-03-04').items.map((i: Json) => i.letterId)).toEqual([letterB.id]);
    expect(dayOf(board, w.ids.engineer, '2026-03-03').conflicts).toEqual([]);
  });

  it('flags two overlapping appointments of one engineer', async () => {
    const overlapping = (await approvedLetterFixture(w, '2026-03-03T03:00:00Z')).letter; // 11:00–15:00 vs 09:00–13:00
    const board = await expectStatus(await w.supervisor.get(api(`/field/board?from=2026-03-03&to=2026-03-03`)), 200);
    expect(dayOf(board, w.ids.engineer, '2026-03-03').conflicts).toEqual([
      expect.objectContaining({
        kind: 'double_booked',
        from: '2026-03-03T03:00:00.000Z',
        to: '2026-03-03T05:00:00.000Z',
        refId: overlapping.id,
      }),
    ]);
    // Move it away with the FS-5 call record: the conflict is gone.
    const moved = await expectStatus(
      await w.supervisor.patch(api(`/field/letters/${overlapping.id}/appointment`), {
        version: overlapping.version,
        appointmentAt: '2026-03-05T01:00:00Z',
        calledAt: '2026-03-02T01:00:00Z',
        calledWhom: '钱主任',
        reason: '与另一单冲突',
      }),
      200,
    );
    expect(moved.appointmentHistory).toHaveLength(1);
    const after = await expectStatus(await w.supervisor.get(api(`/field/board?from=2026-03-03&to=2026-03-05`)), 200);
    expect(dayOf(after, w.ids.engineer, '2026-03-03').conflicts).toEqual([]);
    expect(dayOf(after, w.ids.engineer, '2026-03-05').items.map((i: Json) => i.letterId)).toEqual([overlapping.id]);
  });

  it('a drag to another engineer and day needs the current version (409 when stale) and the FS-5 reason', async () => {
    const body = {
      version: letterA.version,
      appointmentAt: '2026-03-05T06:00:00Z',
      reassign: { fromUserId: w.ids.engineer, toUserId: w.ids.engineer2 },
      calledAt: '2026-03-02T01:30:00Z',
      calledWhom: '钱主任',
      reason: '换人',
    };
    expect((await w.supervisor.patch(api(`/field/letters/${letterA.id}/appointment`), { ...body, reason: undefined })).statusCode).toBe(
      400,
    );
    // An engineer may re-book their own letter but not move it to someone else.
    expect((await w.engineer.patch(api(`/field/letters/${letterA.id}/appointment`), body)).statusCode).toBe(403);
    const moved = await expectStatus(await w.supervisor.patch(api(`/field/letters/${letterA.id}/appointment`), body), 200);
    expect(moved.engineers.map((e: Json) => e.userId)).toEqual([w.ids.engineer2]);
    expect(moved.engineers[0].isLead).toBe(true);
    expect((await w.supervisor.patch(api(`/field/letters/${letterA.id}/appointment`), body)).statusCode).toBe(409);
    const board = await expectStatus(await w.supervisor.get(api(`/field/board?from=2026-03-05&to=2026-03-05`)), 200);
    expect(dayOf(board, w.ids.engineer2, '2026-03-05').items.map((i: Json) => i.letterId)).toContain(letterA.id);
    expect(
      await t.database.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', w.ids.engineer)
        .where('kind', '=', 'letter_rebooked')
        .execute(),
    ).not.toHaveLength(0);
  });

  it('shows travel as a conflict when the travel module records it', async () => {
    const trip = (userId: number, status: string, start: string, end: string) => ({
      user_id: userId,
      status,
      start_date: start,
      end_date: end,
      purpose: '现场服务',
      work_type: 'technical_guidance',
      segments: '[]',
      created_at: '2026-03-01T00:00:00.000Z',
      updated_at: '2026-03-01T00:00:00.000Z',
    });
    const { id: tripId } = await t.database.db
      .insertInto('travel_requests')
      .values(trip(w.ids.engineer2, 'approved', '2026-03-04', '2026-03-06') as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('travel_requests')
      .values(trip(w.ids.engineer, 'rejected', '2026-03-05', '2026-03-05') as never)
      .execute();
    const board = await expectStatus(await w.supervisor.get(api(`/field/board?from=2026-03-03&to=2026-03-05`)), 200);
    expect(board.travelKnown).toBe(true);
    expect(dayOf(board, w.ids.engineer2, '2026-03-03').conflicts).toEqual([]);
    expect(dayOf(board, w.ids.engineer2, '2026-03-05').conflicts).toEqual([
      expect.objectContaining({ kind: 'travel', from: '2026-03-04', to: '2026-03-06', refId: tripId }),
    ]);
    expect(dayOf(board, w.ids.engineer, '2026-03-05').conflicts.filter((c: Json) => c.kind === 'travel')).toEqual([]); // rejected travel
    const suggestions = await expectStatus(await w.supervisor.get(api(`/field/letters/${letterA.id}/engineer-suggestions`)), 200); // appointment now March 5th
    expect(suggestions.items.find((s: Json) => s.userId === w.ids.engineer2).conflicts).toEqual([
      expect.objectContaining({ kind: 'travel' }),
    ]);
  });

  it('FS-10/TR-1: a trip made for the visit’s own letter (or its request) is no conflict; for another letter it is', async () => {
    const own = await approvedLetterFixture(w, '2026-03-10T01:00:00Z');
    const other = await approvedLetterFixture(w, '2026-03-11T01:00:00Z');
    const viaRequest = await approvedLetterFixture(w, '2026-03-17T01:00:00Z');
    const trip = (start: string, end: string, links: Json) => ({
      user_id: w.ids.engineer,
      status: 'approved',
      start_date: start,
      end_date: end,
      purpose: '现场服务',
      work_type: 'technical_guidance',
      segments: '[]',
      created_at: '2026-03-01T00:00:00.000Z',
      updated_at: '2026-03-01T00:00:00.000Z',
      ...links,
    });
    const { id: tripId } = await t.database.db
      .insertInto('travel_requests')
      .values(trip('2026-03-10', '2026-03-12', { letter_id: own.letter.id, ticket_id: own.ticketId }) as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    // A trip naming only the service request the third letter serves.
    await t.database.db
      .insertInto('travel_requests')
      .values(trip('2026-03-17', '2026-03-17', { ticket_id: viaRequest.ticketId }) as never)
      .execute();
    const board = await expectStatus(await w.supervisor.get(api(`/field/board?from=2026-03-10&to=2026-03-17`)), 200);
    expect(dayOf(board, w.ids.engineer, '2026-03-10').items.map((i: Json) => i.letterId)).toEqual([own.letter.id]);
    expect(dayOf(board, w.ids.engineer, '2026-03-10').conflicts).toEqual([]);
    expect(dayOf(board, w.ids.engineer, '2026-03-11').conflicts).toEqual([expect.objectContaining({ kind: 'travel', refId: tripId })]); // another letter’s visit
    expect(dayOf(board, w.ids.engineer, '2026-03-12').conflicts).toEqual([expect.objectContaining({ kind: 'travel', refId: tripId })]); // away, no visit
    expect(dayOf(board, w.ids.engineer, '2026-03-17').conflicts).toEqual([]);
    expect(Object.keys(dayOf(board, w.ids.engineer, '2026-03-12').conflicts[0]).sort()).toEqual(['from', 'kind', 'note', 'refId', 'to']);
    const suggestionsOf = async (letterId: number) =>
      (await expectStatus(await w.supervisor.get(api(`/field/letters/${letterId}/engineer-suggestions`)), 200)).items.find(
        (x: Json) => x.userId === w.ids.engineer,
      ).conflicts;
    expect(await suggestionsOf(own.letter.id)).toEqual([]);
    expect(await suggestionsOf(other.letter.id)).toEqual([expect.objectContaining({ kind: 'travel', refId: tripId })]);
  });

  it('refuses bad ranges and other teams; engineers have no board', async () => {
    expect((await w.supervisor.get(api('/field/board?from=2026-03-05&to=2026-03-01'))).statusCode).toBe(422);
    expect((await w.supervisor.get(api('/field/board?from=2026-03-01&to=2026-04-01'))).statusCode).toBe(422); // 32 days
    expect((await w.supervisor.get(api('/field/board?from=2026-03-01&to=2026-03-31'))).statusCode).toBe(200); // 31 days
    expect((await w.supervisor.get(api('/field/board?from=2026-02-30&to=2026-03-01'))).statusCode).toBe(400);
    expect((await w.supervisor.get(api('/field/board?from=2026-03-01&to=2026-03-02&teamId=999999'))).statusCode).toBe(404);
    expect((await w.engineer.get(api('/field/board?from=2026-03-01&to=2026-03-02'))).statusCode).toBe(403);
  });
});

describe('FS-11 stand-up', () => {
  it('FS-11: lists each engineer’s unsolved requests, letters on site, tomorrow’s appointments and plan', async () => {
    t.clock.set('2026-03-03T10:00:00Z'); // 18:00 on March 3rd
    const ticket = await expectStatus(
      await w.supervisor.post(api('/tickets'), {
        customerId: w.ids.customer,
        title: '打印机卡纸',
        description: '反复卡纸',
        urgency: 'low',
        impact: 'singleUser',
        assigneeId: w.ids.engineer,
        autoAssign: false,
      }),
      201,
    );
    const onSite = (await approvedLetterFixture(w, '2026-03-03T01:00:00Z')).letter;
    await t.database.db.updateTable('responsibility_letters').set({ status: 'on_site' }).where('id', '=', onSite.id).execute();

    const plan = await expectStatus(
      await w.engineer.put(api('/field/standup/plans'), { userId: w.ids.engineer, date: '2026-03-04', text: '上午去医院，下午回访' }),
      200,
    );
    expect(plan).toMatchObject({ userId: w.ids.engineer, updatedBy: w.ids.engineer, version: 1 });

    const s = await expectStatus(await w.supervisor.get(api(`/field/standup?teamId=${w.ids.team}`)), 200);
    expect(s).toMatchObject({ date: '2026-03-03', tomorrow: '2026-03-04', teamId: w.ids.team });
    const eng = s.engineers.find((e: Json) => e.userId === w.ids.engineer);
    expect(eng.unsolvedTickets.map((x: Json) => x.id)).toContain(ticket.id);
    expect(eng.lettersOnSite.map((x: Json) => x.id)).toEqual([onSite.id]);
    // letterB (2026-03-03T17:00Z = March 4th, 01:00 local) is tomorrow's; letters on March 5th are not.
    expect(
      eng.tomorrowAppointments.every(
        (a: Json) => a.appointmentAt >= '2026-03-03T16:00:00.000Z' && a.appointmentAt < '2026-03-04T16:00:00.000Z',
      ),
    ).toBe(true);
    expect(eng.tomorrowAppointments.length).toBeGreaterThan(0);
    expect(eng.tomorrowPlan).toMatchObject({ text: '上午去医院，下午回访' });
    // An engineer sees only their own line.
    const own = await expectStatus(await w.engineer.get(api('/field/standup')), 200);
    expect(own.engineers.map((e: Json) => e.userId)).toEqual([w.ids.engineer]);
    expect((await w.engineer2.get(api(`/field/standup?teamId=${w.ids.team + 1000}`))).statusCode).toBe(404);
  });

  it('FS-11: only the engineer, their lead or a dispatcher writes the plan; stale versions 409', async () => {
    const put = (who: FieldWorld['engineer'], body: Json) => who.put(api('/field/standup/plans'), body);
    expect((await put(w.engineer2, { userId: w.ids.engineer, date: '2026-03-04', text: 'x', version: 1 })).statusCode).toBe(403);
    expect((await put(w.supervisor, { userId: w.ids.engineer, date: '2026-03-04', text: '改为下午' })).statusCode).toBe(409); // exists: version needed
    const updated = await expectStatus(
      await put(w.supervisor, { userId: w.ids.engineer, date: '2026-03-04', text: '改为下午', version: 1 }),
      200,
    );
    expect(updated).toMatchObject({ version: 2, updatedBy: w.ids.supervisor, text: '改为下午' });
    expect((await put(w.engineer, { userId: w.ids.engineer, date: '2026-03-04', text: 'y', version: 1 })).statusCode).toBe(409);
    expect((await put(w.engineer, { userId: w.ids.engineer, date: '2026-13-04', text: 'y' })).statusCode).toBe(400);
    expect((await put(w.salesAdmin, { userId: w.ids.engineer, date: '2026-03-05', text: 'y' })).statusCode).toBe(403);
  });
});

describe('iCalendar feed', () => {
  it('serves the user’s appointments to whoever holds the secret URL; unknown, rotated or revoked tokens 404', async () => {
    expect((await expectStatus(await w.engineer2.get(api('/field/schedule/feed')), 200)).active).toBe(false);
    const { token, path } = await expectStatus(await w.engineer2.post(api('/field/schedule/feed')), 200);
    expect(path).toBe(`/api/v1/field/schedule/${token}.ics`);
    const stored = await t.database.db
      .selectFrom('schedule_feed_tokens')
      .selectAll()
      .where('user_id', '=', w.ids.engineer2)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const res = await t.anonymous().get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const mine = await t.database.db
      .selectFrom('letter_engineers')
      .innerJoin('responsibility_letters as rl', 'rl.id', 'letter_engineers.letter_id')
      .select(['rl.id', 'rl.appointment_at', 'rl.estimated_minutes', 'rl.version'])
      .where('letter_engineers.user_id', '=', w.ids.engineer2)
      .execute();
    expect(events).toHaveLength(mine.length);
    const b = mine.find((m) => m.appointment_at === '2026-03-03T17:00:00.000Z') as (typeof mine)[number];
    const ev = events.find((e) => e.uid === `letter-${b.id}@techserve`) as ICAL.Event;
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-03-03T17:00:00.000Z');
    expect(ev.endDate.toJSDate().getTime() - ev.startDate.toJSDate().getTime()).toBe((b.estimated_minutes as number) * 60_000);
    expect(ev.summary).toMatch(/^bd-市第一医院 SR-/);
    expect(ev.location).toBe('住院部 人民路 1 号');
    // FS-5: a re-booked appointment reaches subscribed phone calendars as a newer revision of the same event.
    expect(ev.sequence).toBe(b.version);
    expect(b.version).toBeGreaterThan(1);

    expect((await t.anonymous().get(api('/field/schedule/not-a-token.ics'))).statusCode).toBe(404);
    const rotated = await expectStatus(await w.engineer2.post(api('/field/schedule/feed')), 200);
    expect((await t.anonymous().get(path)).statusCode).toBe(404);
    expect((await t.anonymous().get(rotated.path)).statusCode).toBe(200);
    expect((await w.engineer2.delete(api('/field/schedule/feed'))).statusCode).toBe(204);
    expect((await t.anonymous().get(rotated.path)).statusCode).toBe(404);
    expect((await t.anonymous().post(api('/field/schedule/feed'))).statusCode).toBe(401);
  });
});
