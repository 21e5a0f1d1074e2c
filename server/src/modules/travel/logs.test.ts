import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundJobs } from '../../jobs/jobs';
import { type TestApp, createTestApp } from '../../test/harness';
import { scanTravelLogs } from './travel.logscan';
import { type Json, type TravelWorld, api, approvedTrip, expectStatus, publishPolicy, segment, travelWorld } from './travel.fixtures';

const at = (local: string) => new Date(Date.parse(`${local}+08:00`)).toISOString();

async function gapsOf(t: TestApp, userId: number) {
  return t.database.db
    .selectFrom('travel_log_gaps')
    .select(['date', 'rule', 'source', 'window_start'])
    .where('user_id', '=', userId)
    .orderBy('date')
    .execute();
}
async function missingNotices(t: TestApp, userId: number) {
  return t.database.db
    .selectFrom('notifications')
    .select('body_zh')
    .where('user_id', '=', userId)
    .where('kind', '=', 'travel_log_missing')
    .execute();
}

describe('AT-2 travel logs (every day, the default policy)', () => {
  let t: TestApp;
  let w: TravelWorld;
  let trip: Json;
  beforeAll(async () => {
    t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
    w = await travelWorld(t, 'tl');
    t.clock.set(at('2026-03-02T09:00:00'));
    trip = await approvedTrip(w.engineer, w.supervisor, { segments: [segment({ startDate: '2026-03-02', endDate: '2026-03-05' })] });
  });
  afterAll(async () => t?.close());

  it('takes the day’s log from the traveller only, within the trip and not ahead of today', async () => {
    const log = { requestId: trip.id, date: '2026-03-02', place: '乌鲁木齐市第一医院', workDone: '设备上架、接电' };
    expect((await w.engineer2.post(api('/travel-logs'), log)).statusCode).toBe(404);
    expect((await w.sales.post(api('/travel-logs'), log)).statusCode).toBe(403);
    const future = await w.engineer.post(api('/travel-logs'), { ...log, date: '2026-03-03' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.details[0].path).toBe('body.date');
    expect((await w.engineer.post(api('/travel-logs'), { ...log, date: '2026-03-01' })).statusCode).toBe(422);
    const saved = await expectStatus(await w.engineer.post(api('/travel-logs'), log), 201);
    expect(saved).toMatchObject({ date: '2026-03-02', place: '乌鲁木齐市第一医院' });
    expect((await w.engineer.post(api('/travel-logs'), log)).statusCode).toBe(409);
  });

  it('AT-3: flags nothing before the working day starts, nor for a logged yesterday', async () => {
    t.clock.set(at('2026-03-03T07:59:00'));
    expect(await scanTravelLogs(t.database.db, t.clock)).toEqual({ checked: 0, gaps: 0 });
    t.clock.set(at('2026-03-03T08:00:00'));
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(0);
    expect(await gapsOf(t, w.ids.engineer)).toEqual([]);
  });

  it('AT-3: records a missing log of yesterday once, as absence, and tells the managers once', async () => {
    t.clock.set(at('2026-03-04T09:00:00'));
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(1);
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(0);
    expect(await gapsOf(t, w.ids.engineer)).toEqual([
      { date: '2026-03-03', rule: 'AT-3', source: 'travel_log', window_start: '2026-03-03' },
    ]);
    const toSupervisor = await missingNotices(t, w.ids.supervisor);
    expect(toSupervisor).toHaveLength(1);
    expect(toSupervisor[0].body_zh).toContain('AT-3');
    const days = await expectStatus(await w.supervisor.get(api(`/travel-requests/${trip.id}/logs`)), 200);
    expect(days.everyDays).toBe(1);
    expect(days.days.map((d: Json) => [d.date, Boolean(d.log), d.gap, d.missing])).toEqual([
      ['2026-03-02', true, false, false],
      ['2026-03-03', false, true, true],
      ['2026-03-04', false, false, false],
      ['2026-03-05', false, false, false],
    ]);
  });

  it('AT-3: flags the days whose scan never ran (server down) when it runs again within 7 days, each once', async () => {
    // No scan ran on 03-05, 03-06 nor 03-07 (the server was down); on 03-06 the traveller back-fills 03-04.
    t.clock.set(at('2026-03-06T10:00:00'));
    await expectStatus(
      await w.engineer.post(api('/travel-logs'), { requestId: trip.id, date: '2026-03-04', place: '乌鲁木齐', workDone: '补记' }),
      201,
    );
    t.clock.set(at('2026-03-08T09:00:00'));
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(2);
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(0);
    expect((await gapsOf(t, w.ids.engineer)).map((g) => g.date)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect(await missingNotices(t, w.ids.supervisor)).toHaveLength(3);
  });

  it('AT-3: a log written after the next working day started does not excuse its day', async () => {
    const days = await expectStatus(await w.supervisor.get(api(`/travel-requests/${trip.id}/logs`)), 200);
    expect(days.days.find((d: Json) => d.date === '2026-03-04')).toMatchObject({ gap: true });
    expect(days.days.find((d: Json) => d.date === '2026-03-04').log).toMatchObject({ workDone: '补记' });
  });

  it('AT-3: looks back 7 days, no further', async () => {
    // A trip 03-20..03-22 first scanned on 03-29 09:00: the days 03-22..03-28 are looked at, so only 03-22 is flagged.
    t.clock.set(at('2026-03-19T09:00:00'));
    const late = await approvedTrip(w.engineer2, w.supervisor, { segments: [segment({ startDate: '2026-03-20', endDate: '2026-03-22' })] });
    t.clock.set(at('2026-03-29T09:00:00'));
    expect(await scanTravelLogs(t.database.db, t.clock)).toEqual({ checked: 1, gaps: 1 });
    expect(await gapsOf(t, w.ids.engineer2)).toEqual([
      { date: '2026-03-22', rule: 'AT-3', source: 'travel_log', window_start: '2026-03-22' },
    ]);
    expect(late.status).toBe('approved');
  });

  it('is scheduled as a background job', () => {
    const jobs = backgroundJobs({ db: t.database.db, clock: t.clock, timeZone: 'Asia/Shanghai', mailer: {} as never, logger: console });
    expect(jobs.map((j) => j.name)).toContain('travel.log-scan');
  });
});

describe('AT-2 travel logs every 2 days (policy)', () => {
  let t: TestApp;
  let w: TravelWorld;
  let trip: Json;
  beforeAll(async () => {
    t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
    w = await travelWorld(t, 'tm');
    await publishPolicy(t, w.admin, '2026-03-03', (doc) => (doc.travel.dailyLogEveryDays = 2));
    // Windows: 03-10..11, 03-12..13, 03-14..15.
    trip = await approvedTrip(w.engineer, w.supervisor, { segments: [segment({ startDate: '2026-03-10', endDate: '2026-03-15' })] });
  });
  afterAll(async () => t?.close());

  const log = (date: string) => w.engineer.post(api('/travel-logs'), { requestId: trip.id, date, place: '喀什', workDone: '调试' });

  it('accepts a log filed on the last day of the window (no gap)', async () => {
    t.clock.set(at('2026-03-11T20:00:00'));
    await expectStatus(await log('2026-03-11'), 201);
    t.clock.set(at('2026-03-12T09:00:00'));
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(0);
  });

  it('does not flag the middle of a window', async () => {
    t.clock.set(at('2026-03-13T09:00:00'));
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(0);
  });

  it('flags a window whose log came one day late', async () => {
    t.clock.set(at('2026-03-14T09:00:00'));
    expect((await scanTravelLogs(t.database.db, t.clock)).gaps).toBe(1);
    await expectStatus(await log('2026-03-14'), 201); // a day late for the window 03-12..13
    expect(await gapsOf(t, w.ids.engineer)).toEqual([
      { date: '2026-03-13', rule: 'AT-3', source: 'travel_log', window_start: '2026-03-12' },
    ]);
    expect(await missingNotices(t, w.ids.supervisor)).toHaveLength(1);
    const days = await expectStatus(await w.engineer.get(api(`/travel-requests/${trip.id}/logs`)), 200);
    expect(days.everyDays).toBe(2);
    expect(days.days.filter((d: Json) => d.windowEnd).map((d: Json) => d.date)).toEqual(['2026-03-11', '2026-03-13', '2026-03-15']);
  });
});
