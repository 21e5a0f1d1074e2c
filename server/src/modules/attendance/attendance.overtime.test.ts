import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld } from '../field/letters.fixtures';
import { api } from '../travel/travel.fixtures';
import { overtimeForMonth } from './attendance.overtime';

// AT-5/AT-5b (issue 14 item 13) through the API on SQLite and PostgreSQL, on the company's China 2026 calendar:
// Saturday 2026-02-14 is a 调休 working day, 2026-02-17 (初一) a statutory holiday day, 2026-02-20 a bridged rest day
// of the Spring Festival block. Shift 08:00–12:00 + 14:00–18:00 (default policy); Shanghai is UTC+8.

let t: TestApp;
let w: FieldWorld;
const ot: Record<string, Json> = {};

const at = (local: string) => t.clock.set(new Date(Date.parse(`${local.replace(' ', 'T')}+08:00`)).toISOString());
const punchAt = async (local: string) => {
  at(local);
  return expectStatus(await w.engineer.post(api('/attendance/punches'), { device: 'phone' }), 201);
};
const request = (as: Agent, body: Json) => as.post(api('/attendance/overtime'), { reason: '项目上线前赶进度', ...body });
const approve = async (o: Json) =>
  expectStatus(await w.supervisor.post(api(`/attendance/overtime/${o.id}/decision`), { version: o.version, approve: true }), 200);

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'ot');
  at('2026-02-10 09:00');
});
afterAll(async () => t?.close());

describe('requests and approval (AT-5, AT-5b)', () => {
  it('takes the employee’s requests in advance, ordered ones from the superior, and refuses others', async () => {
    const cases: [string, Json][] = [
      ['makeup', { date: '2026-02-14', start: '18:00', end: '20:00' }],
      ['holiday', { date: '2026-02-17', start: '09:00', end: '12:00' }],
      ['bridged', { date: '2026-02-20', start: '09:00', end: '11:00' }],
      ['shiftEnd', { date: '2026-02-12', start: '18:00', end: '20:00' }],
      ['midnight', { date: '2026-02-13', start: '20:00', end: '02:00' }],
    ];
    for (const [key, body] of cases) ot[key] = await expectStatus(await request(w.engineer, body), 201);
    expect(ot.midnight).toMatchObject({
      kind: 'voluntary',
      status: 'submitted',
      startAt: '2026-02-13T12:00:00.000Z',
      endAt: '2026-02-13T18:00:00.000Z',
    });
    ot.ordered = await expectStatus(
      await request(w.supervisor, { kind: 'ordered', userId: w.ids.engineer, date: '2026-02-27', start: '18:00', end: '19:00' }),
      201,
    );
    expect(ot.ordered).toMatchObject({ kind: 'ordered', userId: w.ids.engineer, requestedByName: expect.any(String) });

    const late = await request(w.engineer, { date: '2026-02-10', start: '08:00', end: '10:00' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ reason: 'attendance.overtimeNotInAdvance', ruleId: 'AT-5' });
    const overlap = await request(w.engineer, { date: '2026-02-14', start: '19:30', end: '21:00' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.reason).toBe('attendance.overtimeOverlap');
    const notHis = await request(w.engineer2, {
      kind: 'ordered',
      userId: w.ids.engineer,
      date: '2026-02-26',
      start: '18:00',
      end: '19:00',
    });
    expect(notHis.statusCode).toBe(403);
    expect(notHis.json().error.reason).toBe('attendance.overtimeOrderNotAllowed');
  });

  it('lets only the superior decide: the employee gets 403, a stale version 409', async () => {
    expect((await w.engineer.post(api(`/attendance/overtime/${ot.makeup.id}/decision`), { version: 1, approve: true })).statusCode).toBe(
      403,
    );
    expect((await w.supervisor.post(api(`/attendance/overtime/${ot.makeup.id}/decision`), { version: 9, approve: true })).statusCode).toBe(
      409,
    );
    const inbox = await expectStatus(await w.supervisor.get(api('/attendance/overtime?view=inbox')), 200);
    expect(inbox.items.map((o: Json) => o.id)).toEqual(expect.arrayContaining([ot.makeup.id, ot.ordered.id]));
    for (const key of ['makeup', 'holiday', 'bridged', 'shiftEnd', 'midnight']) ot[key] = await approve(ot[key]);
    expect(ot.makeup).toMatchObject({ status: 'approved', version: 2 });
    const mine = await expectStatus(await w.engineer.get(api('/attendance/overtime?view=mine&status=approved')), 200);
    expect(mine.items).toHaveLength(5);
  });
});

describe('hours from the punches and the rate by the day kind (boundaries)', () => {
  it('computes each line from the punches outside the shift, with the day kind’s rate, explained', async () => {
    for (const time of ['07:59', '12:00', '13:59', '18:00']) await punchAt(`2026-02-12 ${time}`); // leaves exactly at the shift end
    for (const time of ['07:58', '12:01', '13:58']) await punchAt(`2026-02-13 ${time}`);
    await punchAt('2026-02-14 02:10'); // past midnight
    for (const time of ['07:58', '12:01', '13:59', '20:04']) await punchAt(`2026-02-14 ${time}`);
    for (const time of ['08:55', '12:10']) await punchAt(`2026-02-17 ${time}`);
    for (const time of ['08:50', '11:20']) await punchAt(`2026-02-20 ${time}`);
    at('2026-03-02 09:00');
    const m = await expectStatus(await w.engineer.get(api('/attendance/overtime/month?month=2026-02')), 200);
    const line = (o: Json) => (m.lines as Json[]).find((l) => l.overtimeId === o.id)!;
    expect(line(ot.shiftEnd)).toMatchObject({ dayKind: 'workday', workedMinutes: 0, paidMinutes: 0, ratePercent: 150 });
    expect(line(ot.midnight)).toMatchObject({ dayKind: 'workday', workedMinutes: 360, paidMinutes: 360, paidHours: 6, ratePercent: 150 });
    expect(line(ot.makeup)).toMatchObject({ dayKind: 'workday', workedMinutes: 120, paidMinutes: 120, ratePercent: 150 });
    expect(line(ot.holiday)).toMatchObject({ dayKind: 'statutoryHoliday', workedMinutes: 180, paidMinutes: 180, ratePercent: 300 });
    expect(line(ot.bridged)).toMatchObject({
      dayKind: 'restDay',
      workedMinutes: 120,
      paidMinutes: 120,
      ratePercent: 200,
      compensation: 'pay',
    });
    expect(line(ot.makeup).explanations.map((e: Json) => e.ruleId)).toEqual(['AT-5', 'AT-5', 'AT-5b']);
    expect(line(ot.makeup).explanations[2].text['zh-CN']).toContain('调休上班日按工作日计');
    expect(line(ot.bridged).explanations[2].text.en).toContain('bridged rest day');
    expect(line(ot.holiday).explanations[1].text['zh-CN']).toContain('按批准与实际较少者计');
    expect(m.totals).toEqual({
      byRate: [
        { ratePercent: 150, paidMinutes: 480 },
        { ratePercent: 200, paidMinutes: 120 },
        { ratePercent: 300, paidMinutes: 180 },
      ],
      timeOffMinutes: 0,
    });
  });

  it('gives the payroll the same lines set-based, and the lines of everyone in scope to the supervisor', async () => {
    const lines = await overtimeForMonth(t.database.db, '2026-02');
    expect(lines.map((l) => [l.date, l.paidHours, l.ratePercent])).toEqual([
      ['2026-02-12', 0, 150],
      ['2026-02-13', 6, 150],
      ['2026-02-14', 2, 150],
      ['2026-02-17', 3, 300],
      ['2026-02-20', 2, 200],
    ]);
    const inScope = await expectStatus(await w.supervisor.get(api('/attendance/overtime/lines?month=2026-02')), 200);
    expect(inScope.items).toHaveLength(5);
    expect((await w.engineer.get(api('/attendance/overtime/lines?month=2026-02'))).statusCode).toBe(403);
  });

  it('pays overtime approved on the month’s last day in that month, no adjustment (AT-5b, the month boundary)', async () => {
    at('2026-02-10 10:00');
    ot.lastDay = await expectStatus(await request(w.engineer, { date: '2026-02-28', start: '18:00', end: '20:00' }), 201);
    for (const time of ['07:58', '12:01', '13:59', '19:03']) await punchAt(`2026-02-27 ${time}`);
    for (const time of ['07:58', '12:01', '13:59', '20:05']) await punchAt(`2026-02-28 ${time}`); // a 调休 Saturday
    at('2026-02-28 23:59');
    ot.lastDay = await approve(ot.lastDay);
    const feb = await expectStatus(await w.supervisor.get(api('/attendance/overtime/lines?month=2026-02')), 200);
    expect(feb.items.find((l: Json) => l.overtimeId === ot.lastDay.id)).toMatchObject({
      paidMinutes: 120,
      ratePercent: 150,
      bookedFrom: null,
    });
    at('2026-03-02 09:00');
    const adjustments = await expectStatus(await w.supervisor.get(api('/month-adjustments?month=2026-03')), 200);
    expect(adjustments.items).toEqual([]);
  });

  it('books overtime approved after the close as an adjustment of the next open month; the closed month is unchanged', async () => {
    await expectStatus(await w.supervisor.post(api('/months/2026-02/close'), {}), 200);
    const before = await overtimeForMonth(t.database.db, '2026-02');
    expect(before.map((l) => l.overtimeId)).not.toContain(ot.ordered.id);
    const decided = await expectStatus(
      await w.supervisor.post(api(`/attendance/overtime/${ot.ordered.id}/decision`), { version: ot.ordered.version, approve: true }),
      200,
    );
    expect(decided).toMatchObject({ status: 'approved', version: 2 });
    expect(await overtimeForMonth(t.database.db, '2026-02')).toEqual(before);
    const march = await expectStatus(await w.supervisor.get(api('/attendance/overtime/lines?month=2026-03')), 200);
    const line = march.items.find((l: Json) => l.overtimeId === ot.ordered.id);
    expect(line).toMatchObject({ date: '2026-02-27', paidMinutes: 60, ratePercent: 150, bookedFrom: '2026-02' });
    expect(line.explanations.at(-1)).toMatchObject({ ruleId: 'AT-5b', result: { paidIn: '2026-03' } });
    const adjustments = await expectStatus(await w.supervisor.get(api('/month-adjustments?month=2026-03')), 200);
    expect(adjustments.items).toEqual([
      expect.objectContaining({
        kind: 'attendance_overtime',
        ruleId: 'AT-5b',
        factType: 'attendance_overtime',
        factId: ot.ordered.id,
        factMonth: '2026-02',
        delta: expect.objectContaining({ paidMinutes: 60, ratePercent: 150, dayKind: 'workday' }),
      }),
    ]);
    expect(adjustments.items[0].explanation['zh-CN']).toContain('结账后批准');
    const requested = await request(w.engineer, { date: '2026-02-27', start: '20:00', end: '21:00' });
    expect(requested.statusCode).toBe(409);
    expect(requested.json().error.reason).toBe('months.closed');
  });
});
