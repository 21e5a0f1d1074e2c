import { describe, expect, it } from 'vitest';
import { CN_DEFAULT_YEARS, CN_HOLIDAY_YEARS, chinaHqCalendar, cnHolidaySet } from './builtin-cn';
import fixture from './fixtures/cn-public-holidays-2025-2026.json';
import { compileCalendar, dayKind } from './engine';
import { ZCalendarDefinition } from './schema';

// The fixture read independently of builtin-cn: every 'off' date and every make-up date.
const fixtureBlocks = Object.values(fixture.years).flatMap((y) => y.holidays as { name: string; off: string[]; workdays?: string[] }[]);
const fixtureOff = fixtureBlocks.flatMap((b) => b.off).sort();
const fixtureWork = fixtureBlocks.flatMap((b) => b.workdays ?? []).sort();

describe('cnHolidaySet', () => {
  // Issue 17 item 18: the years come from the chinese-days package; a new calendar starts on the latest two.
  it('covers every year the package knows, and starts new calendars on the latest two', () => {
    expect(CN_HOLIDAY_YEARS[0]).toBe(2004);
    expect(CN_HOLIDAY_YEARS).toEqual(expect.arrayContaining([2025, 2026]));
    expect(CN_DEFAULT_YEARS).toEqual(CN_HOLIDAY_YEARS.slice(-2));
    expect(cnHolidaySet([2025, 2026])).toEqual(cnHolidaySet([2025, 2026]));
  });

  it('agrees with the official fixture on all 72 dates', () => {
    const set = cnHolidaySet([2025, 2026]);
    expect(fixtureOff.length + fixtureWork.length).toBe(72);
    expect(set.holidays.map((h) => h.date)).toEqual(fixtureOff);
    expect(set.makeupWorkdays.map((h) => h.date)).toEqual(fixtureWork);
  });

  it('classifies every fixture date the same way in the HQ calendar', () => {
    const cal = compileCalendar(chinaHqCalendar());
    for (const date of fixtureOff) expect(dayKind(cal, date), date).toBe('holiday');
    for (const date of fixtureWork) expect(dayKind(cal, date), date).toBe('makeup');
  });

  it('names days after their holiday', () => {
    const set = cnHolidaySet([2026]);
    expect(set.holidays.find((h) => h.date === '2026-02-17')?.name).toBe('春节 Spring Festival');
    expect(set.makeupWorkdays.find((h) => h.date === '2026-02-28')?.name).toBe('春节 Spring Festival 调休上班');
  });

  it('selects single years', () => {
    expect(cnHolidaySet([2025]).holidays.every((h) => h.date.startsWith('2025'))).toBe(true);
  });

  it('refuses a year that is not built in rather than guessing', () => {
    expect(() => cnHolidaySet([2003])).toThrow(/2003/);
    expect(() => cnHolidaySet([2199])).toThrow(/2199/);
  });
});

describe('chinaHqCalendar', () => {
  it('is a valid definition in Asia/Shanghai with the default week', () => {
    const def = ZCalendarDefinition.parse(chinaHqCalendar());
    expect(def.timeZone).toBe('Asia/Shanghai');
    expect(def.weeklyHours.mon).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    expect(def.makeupWorkdays.every((d) => [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()))).toBe(true);
  });
});
