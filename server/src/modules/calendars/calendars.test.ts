import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';

// Calendar arithmetic through the API on the calendars stored in SQLite / PostgreSQL (SLA-3, RS-6).

let t: TestApp;
let admin: Agent;
let hq: { id: number; version: number };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  hq = (await admin.get('/api/v1/calendars')).json().items.find((c: { isDefault: boolean }) => c.isDefault);
});
afterAll(async () => t.close());

const due = async (id: number, from: string, minutes: number) => {
  const res = await admin.get(`/api/v1/calendars/${id}/due?from=${encodeURIComponent(from)}&minutes=${minutes}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const list = async (): Promise<{ id: number; name: string }[]> => (await admin.get('/api/v1/calendars')).json().items;
const countCalendars = async () => (await t.database.db.selectFrom('calendars').select('id').execute()).length;

describe('the built-in head-office calendar (SLA-3)', () => {
  it('is the default in a fresh install with China 2025–2026 holidays and make-up days', async () => {
    const cal = (await admin.get(`/api/v1/calendars/${hq.id}`)).json();
    expect(cal.definition.timeZone).toBe('Asia/Shanghai');
    expect(cal.definition.holidays.map((h: { date: string }) => h.date)).toContain('2026-02-17');
    expect(cal.definition.makeupWorkdays.map((h: { date: string }) => h.date)).toEqual(
      expect.arrayContaining(['2026-02-14', '2026-02-28', '2025-09-28', '2025-10-11']),
    );
  });

  it('counts a make-up Saturday as a working day with a normal day’s hours', async () => {
    // Fri 16:00 + 480: 90 min on Friday, then 390 on make-up Saturday 2026-02-14 (08:30–12:00, 13:00–16:00)
    const r = await due(hq.id, '2026-02-13T16:00:00+08:00', 480);
    expect(r.due).toBe('2026-02-14T08:00:00.000Z');
    expect(r.explanation.ruleId).toBe('SLA-3');
    expect(r.explanation.text['zh-CN']).toContain('2026-02-14 16:00');
  });

  it('jumps the whole Spring Festival block', async () => {
    // Sat 02-14 17:00 + 60: 30 min until 17:30, then 02-15..02-23 are off, so 30 min into Tue 02-24
    expect((await due(hq.id, '2026-02-14T17:00:00+08:00', 60)).due).toBe('2026-02-24T01:00:00.000Z');
  });

  it('ends exactly at 17:30 rather than the next morning', async () => {
    expect((await due(hq.id, '2026-03-02T16:30:00+08:00', 60)).due).toBe('2026-03-02T09:30:00.000Z');
  });

  it('starts counting after lunch when created during the lunch break', async () => {
    expect((await due(hq.id, '2026-03-02T12:15:00+08:00', 30)).due).toBe('2026-03-02T05:30:00.000Z');
  });

  it('counts working days across National Day with the make-up Saturday (RS-6)', async () => {
    const res = await admin.get(`/api/v1/calendars/${hq.id}/working-days?from=2026-09-30&to=2026-10-12`);
    expect(res.json().workingDays).toBe(4); // 10-08, 10-09, 10-10 (make-up Saturday), 10-12
  });

  it('shows a month with holiday, make-up and weekend days', async () => {
    const days = (await admin.get(`/api/v1/calendars/${hq.id}/month?month=2026-02`)).json().items as {
      date: string;
      kind: string;
      minutes: number;
    }[];
    const kind = (d: string) => days.find((x) => x.date === d)?.kind;
    expect(days).toHaveLength(28);
    expect(kind('2026-02-14')).toBe('makeup');
    expect(kind('2026-02-17')).toBe('holiday');
    expect(kind('2026-02-07')).toBe('weekend');
    expect(days.find((x) => x.date === '2026-02-13')?.minutes).toBe(480);
  });

  it('satisfies between(a, add(a, n)) = n on the stored calendar', async () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const span = Date.parse('2026-11-30T00:00:00Z') - start;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: span / 60_000 }), fc.integer({ min: 0, max: 30 * 480 }), async (offset, n) => {
        const from = new Date(start + offset * 60_000).toISOString();
        const { due: end } = await due(hq.id, from, n);
        const between = await admin.get(`/api/v1/calendars/${hq.id}/working-minutes?from=${from}&to=${end}`);
        expect(between.json().minutes).toBe(n);
      }),
      { numRuns: 40 },
    );
  });
});

describe('calendar administration', () => {
  // Issue 17 item 18: a new calendar starts from China's built-in holidays, another calendar's, or none.
  it('starts a new calendar from the built-in holidays, another calendar’s, or none, as the admin chooses', async () => {
    const create = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/calendars', body);
      expect(res.statusCode, res.body).toBe(201);
      return (await admin.get(`/api/v1/calendars/${res.json().id}`)).json().definition;
    };
    const site = { weeklyHours: { mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    const builtin = await create({ name: '起始-内置', definition: site, startFrom: 'builtin' });
    expect(builtin.holidays.map((h: { date: string }) => h.date)).toContain('2026-02-17');
    expect(builtin.makeupWorkdays.map((h: { date: string }) => h.date)).toContain('2026-02-14');
    expect(builtin.weeklyHours.mon).toEqual([{ start: '09:00', end: '17:00' }]);
    const own = await create({ name: '起始-自有', definition: { ...site, holidays: [{ date: '2026-03-03', name: '院庆' }] } });
    const copy = await create({
      name: '起始-复制',
      definition: site,
      startFrom: 'calendar',
      fromCalendarId: (await list()).find((c) => c.name === '起始-自有')?.id,
    });
    expect(copy.holidays).toEqual(own.holidays);
    const none = await create({ name: '起始-无', startFrom: 'none' });
    expect([none.holidays, none.makeupWorkdays]).toEqual([[], []]);
    expect(none.weeklyHours.mon).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
  });

  it('refuses a copy from a calendar that does not exist, or without one, and saves nothing', async () => {
    const before = await countCalendars();
    const missing = await admin.post('/api/v1/calendars', { name: '起始-缺', startFrom: 'calendar', fromCalendarId: 999999 });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details[0].path).toBe('body.fromCalendarId');
    const unnamed = await admin.post('/api/v1/calendars', { name: '起始-缺', startFrom: 'calendar' });
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json().error.details[0].path).toBe('body.fromCalendarId');
    expect(await countCalendars()).toBe(before);
  });

  it('runs a 24×7 calendar on wall-clock time', async () => {
    const res = await admin.post('/api/v1/calendars', { name: '7×24 合同', definition: { mode: '24x7' } });
    expect(res.statusCode).toBe(201);
    expect((await due(res.json().id, '2026-02-14T16:00:00+08:00', 600)).due).toBe('2026-02-14T18:00:00.000Z');
  });

  it('keeps a resident site’s own split hours', async () => {
    const day = [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ];
    const res = await admin.post('/api/v1/calendars', {
      name: '甲方医院驻场',
      definition: {
        weeklyHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
        holidays: [{ date: '2026-03-03', name: '院庆' }],
      },
    });
    expect(res.statusCode).toBe(201);
    // Mon 2026-03-02 17:00 + 120: 60 min to 18:00, Tue is the site's holiday, Wed 08:00 + 60
    expect((await due(res.json().id, '2026-03-02T17:00:00+08:00', 120)).due).toBe('2026-03-04T01:00:00.000Z');
  });

  it.each([
    [
      'overlapping intervals',
      {
        weeklyHours: {
          mon: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
          tue: [],
          wed: [],
          thu: [],
          fri: [],
          sat: [],
          sun: [],
        },
      },
      'body.definition.weeklyHours.mon.1',
    ],
    [
      'a reversed interval',
      { weeklyHours: { mon: [{ start: '12:00', end: '08:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } },
      'body.definition.weeklyHours.mon.0',
    ],
    ['a make-up day that is a weekday', { makeupWorkdays: [{ date: '2026-03-04', name: 'x' }] }, 'body.definition.makeupWorkdays.0.date'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'body.definition.timeZone'],
    ['an invalid date', { holidays: [{ date: '2026-02-30', name: 'x' }] }, 'body.definition.holidays.0.date'],
  ])('rejects %s with 422 naming the field, saving nothing', async (_name, definition, path) => {
    const before = await countCalendars();
    const res = await admin.post('/api/v1/calendars', { name: `bad ${_name}`, definition });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .join(' '),
    ).toContain(path);
    expect(await countCalendars()).toBe(before);
  });

  it('edits with the version and refuses a stale one', async () => {
    const c = (await admin.post('/api/v1/calendars', { name: '分公司' })).json();
    const ok = await admin.patch(`/api/v1/calendars/${c.id}`, {
      version: c.version,
      definition: { ...c.definition, holidays: [{ date: '2026-03-04', name: '司庆' }] },
    });
    expect(ok.statusCode).toBe(200);
    const month = (await admin.get(`/api/v1/calendars/${c.id}/month?month=2026-03`)).json().items;
    expect(month.find((d: { date: string }) => d.date === '2026-03-04').kind).toBe('holiday');
    expect((await admin.patch(`/api/v1/calendars/${c.id}`, { version: c.version, name: 'x' })).statusCode).toBe(409);
  });

  it('exports holidays as iCalendar and imports them into another calendar', async () => {
    const ics = await admin.get(`/api/v1/calendars/${hq.id}/holidays.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    const empty = (await admin.post('/api/v1/calendars', { name: '导入测试', definition: {} })).json();
    expect(empty.definition.holidays).toEqual([]);
    const imported = await admin.post(`/api/v1/calendars/${empty.id}/holidays/import`, { ics: ics.body });
    expect(imported.statusCode, imported.body).toBe(200);
    const source = (await admin.get(`/api/v1/calendars/${hq.id}`)).json().definition;
    expect(imported.json().definition.holidays).toEqual(source.holidays);
    expect(imported.json().definition.makeupWorkdays).toEqual(source.makeupWorkdays);
    expect((await admin.post(`/api/v1/calendars/${empty.id}/holidays/import`, { ics: 'not a calendar' })).statusCode).toBe(422);
  });

  it('refuses to delete the default calendar', async () => {
    expect((await admin.delete(`/api/v1/calendars/${hq.id}`)).statusCode).toBe(409);
  });

  it('lets an engineer preview due times but not edit calendars', async () => {
    await createUser(admin, { username: 'eng', roleKey: 'engineer' });
    const eng = await t.login('eng', 'password-123');
    expect((await eng.get(`/api/v1/calendars/${hq.id}/due?from=2026-03-02T08:30:00%2B08:00&minutes=1`)).statusCode).toBe(200);
    expect((await eng.post('/api/v1/calendars', { name: 'x' })).statusCode).toBe(403);
  });

  it('refuses instants and dates outside 1970–2199 with 422', async () => {
    const far = await admin.get(`/api/v1/calendars/${hq.id}/due?from=9999-12-31T23:59:00Z&minutes=5`);
    expect(far.statusCode).toBe(422);
    expect(far.json().error.details[0].path).toBe('querystring.from');
    expect((await admin.get(`/api/v1/calendars/${hq.id}/working-days?from=1900-01-01&to=2026-01-01`)).statusCode).toBe(422);
    expect((await admin.get(`/api/v1/calendars/${hq.id}/month?month=1800-01`)).statusCode).toBe(422);
  });

  it('rejects a malformed due query with 400', async () => {
    expect((await admin.get(`/api/v1/calendars/${hq.id}/due?from=yesterday&minutes=5`)).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/calendars/${hq.id}/due?from=2026-03-02T08:30:00Z&minutes=-5`)).statusCode).toBe(400);
  });
});
