import { describe, expect, it } from 'vitest';
import { chinaHqCalendar } from './builtin-cn';
import {
  addWorkingDays,
  addWorkingMinutes,
  compileCalendar,
  dayKind,
  isWorkingDay,
  isWorkingTime,
  monthView,
  nextWorkingInstant,
  workingDaysBetween,
  workingIntervalsOn,
  workingMinutesBetween,
} from './engine';
import { sh, shText } from './testing';

const cal = compileCalendar(chinaHqCalendar());
const add = (from: string, minutes: number) => shText(addWorkingMinutes(cal, sh(from), minutes));
const between = (a: string, b: string) => workingMinutesBetween(cal, sh(a), sh(b));

describe('addWorkingMinutes at interval boundaries', () => {
  it('returns 17:30 unchanged when adding 0 minutes at the end of the day', () => {
    expect(add('2026-03-10 17:30', 0)).toBe('2026-03-10 17:30');
  });

  it('returns the instant unchanged when adding 0 minutes outside working hours', () => {
    expect(add('2026-03-14 10:00', 0)).toBe('2026-03-14 10:00');
  });

  it('ends at 17:30, not the next morning, when the span ends exactly at the end of the day', () => {
    expect(add('2026-03-10 16:30', 60)).toBe('2026-03-10 17:30');
    expect(add('2026-03-10 08:30', 480)).toBe('2026-03-10 17:30');
  });

  it('ends at 12:00 when the morning is used up exactly', () => {
    expect(add('2026-03-10 11:00', 60)).toBe('2026-03-10 12:00');
  });

  it('continues after lunch at 13:00 when starting at the 12:00 lunch boundary', () => {
    expect(add('2026-03-10 12:00', 1)).toBe('2026-03-10 13:01');
  });

  it('moves to the next morning when starting at 17:30 with one minute', () => {
    expect(add('2026-03-10 17:30', 1)).toBe('2026-03-11 08:31');
  });

  it('keeps seconds and milliseconds of a start inside working time', () => {
    expect(addWorkingMinutes(cal, sh('2026-03-10 09:00:12.345'), 30)).toBe(sh('2026-03-10 09:30:12.345'));
  });
});

describe('addWorkingMinutes from outside working hours', () => {
  it('starts counting at 08:30 when starting before work', () => {
    expect(add('2026-03-10 07:00', 30)).toBe('2026-03-10 09:00');
  });

  it('starts counting at 13:00 when starting during lunch', () => {
    expect(add('2026-03-10 12:30', 30)).toBe('2026-03-10 13:30');
  });

  it('starts counting the next morning when starting after work', () => {
    expect(add('2026-03-10 19:00', 30)).toBe('2026-03-11 09:00');
  });

  it('starts counting on Monday when starting on a Saturday', () => {
    expect(add('2026-03-14 10:00', 30)).toBe('2026-03-16 09:00');
  });

  it('accepts a Date as the start', () => {
    expect(addWorkingMinutes(cal, new Date(sh('2026-03-10 07:00')), 30)).toBe(sh('2026-03-10 09:00'));
  });

  it('rejects negative and non-finite minutes', () => {
    expect(() => addWorkingMinutes(cal, sh('2026-03-10 09:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cal, sh('2026-03-10 09:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('addWorkingMinutes across holidays and make-up working days', () => {
  it('works the make-up Saturday 2026-02-14 before the Spring Festival', () => {
    expect(add('2026-02-13 17:00', 60)).toBe('2026-02-14 09:00');
  });

  it('skips the whole 2026 Spring Festival block (02-15 to 02-23)', () => {
    expect(add('2026-02-14 17:00', 60)).toBe('2026-02-24 09:00');
  });

  it('skips the 8-day National Day block of 2025', () => {
    expect(add('2025-09-30 17:00', 60)).toBe('2025-10-09 09:00');
  });

  it('works the make-up Sunday 2025-09-28', () => {
    expect(add('2025-09-26 17:30', 1)).toBe('2025-09-28 08:31');
  });

  it('works the make-up Saturday 2025-10-11', () => {
    expect(add('2025-10-10 17:00', 60)).toBe('2025-10-11 09:00');
  });

  it('skips a plain Saturday when the holiday week has no make-up day there', () => {
    expect(add('2025-10-17 17:00', 60)).toBe('2025-10-20 09:00');
  });

  it('counts the 248 working days of 2025 exactly (261 weekdays − 18 weekday holidays + 5 make-up days)', () => {
    const start = sh('2025-01-01 00:00');
    const end = sh('2026-01-01 00:00');
    expect(workingMinutesBetween(cal, start, end)).toBe(248 * 480);
    expect(addWorkingMinutes(cal, start, 248 * 480)).toBe(sh('2025-12-31 17:30'));
  });
});

describe('workingMinutesBetween', () => {
  it('counts both halves of a split day', () => {
    expect(between('2026-03-10 08:00', '2026-03-10 18:00')).toBe(480);
  });

  it('counts Friday and the make-up Saturday across the Spring Festival', () => {
    expect(between('2026-02-13 08:30', '2026-02-24 08:30')).toBe(960);
  });

  it('is negative when the second instant is earlier', () => {
    expect(between('2026-03-10 10:00', '2026-03-10 09:00')).toBe(-60);
  });

  it('is zero, not minus zero, for a reversed span without working time', () => {
    expect(Object.is(between('2026-03-14 10:00', '2026-03-14 09:00'), 0)).toBe(true);
  });

  it('returns fractional minutes for spans with seconds', () => {
    expect(between('2026-03-10 09:00', '2026-03-10 09:00:30')).toBe(0.5);
  });
});

describe('isWorkingTime and nextWorkingInstant', () => {
  it('treats 08:30 as working and 08:29:59.999 as not', () => {
    expect(isWorkingTime(cal, sh('2026-03-10 08:29:59.999'))).toBe(false);
    expect(isWorkingTime(cal, sh('2026-03-10 08:30'))).toBe(true);
  });

  it('treats 11:59 as working and 12:00 (lunch) as not', () => {
    expect(isWorkingTime(cal, sh('2026-03-10 11:59'))).toBe(true);
    expect(isWorkingTime(cal, sh('2026-03-10 11:59:59.999'))).toBe(true);
    expect(isWorkingTime(cal, sh('2026-03-10 12:00'))).toBe(false);
  });

  it('treats 17:30 as the end of work', () => {
    expect(isWorkingTime(cal, sh('2026-03-10 17:29:59.999'))).toBe(true);
    expect(isWorkingTime(cal, sh('2026-03-10 17:30'))).toBe(false);
  });

  it('treats a make-up Saturday as working and a holiday Monday as not', () => {
    expect(isWorkingTime(cal, sh('2025-10-11 10:00'))).toBe(true);
    expect(isWorkingTime(cal, sh('2025-10-06 10:00'))).toBe(false);
  });

  it('returns the instant itself when it is working time', () => {
    expect(nextWorkingInstant(cal, sh('2026-03-10 09:15'))).toBe(sh('2026-03-10 09:15'));
  });

  it('returns 13:00 from 12:00 and the next workday 08:30 from the evening', () => {
    expect(shText(nextWorkingInstant(cal, sh('2026-03-10 12:00')))).toBe('2026-03-10 13:00');
    expect(shText(nextWorkingInstant(cal, sh('2026-03-13 17:30')))).toBe('2026-03-16 08:30');
  });

  it('jumps over the Spring Festival to 2026-02-24 08:30', () => {
    expect(shText(nextWorkingInstant(cal, sh('2026-02-15 09:00')))).toBe('2026-02-24 08:30');
  });
});

describe('working days (RS-6)', () => {
  it('classifies workdays, weekends, holidays and make-up days', () => {
    expect(dayKind(cal, '2025-10-10')).toBe('workday');
    expect(dayKind(cal, '2025-10-12')).toBe('weekend');
    expect(dayKind(cal, '2025-10-04')).toBe('holiday');
    expect(dayKind(cal, '2025-10-11')).toBe('makeup');
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-04')).toBe(false);
  });

  it('counts working days in (from, to] across the National Day holiday week', () => {
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-10')).toBe(2);
    // 09-28 (Sun, make-up), 09-29, 09-30, 10-09, 10-10, 10-11 (Sat, make-up)
    expect(workingDaysBetween(cal, '2025-09-26', '2025-10-12')).toBe(6);
    expect(workingDaysBetween(cal, '2025-10-10', '2025-09-30')).toBe(-2);
    expect(workingDaysBetween(cal, '2025-10-10', '2025-10-10')).toBe(0);
  });

  it('finds the date a change request is due 12 working days before a change', () => {
    // Back over 02-28 and 02-14 (make-up Saturdays) and the Spring Festival block.
    const due = addWorkingDays(cal, '2026-03-02', -12);
    expect(due).toBe('2026-02-06');
    expect(workingDaysBetween(cal, due, '2026-03-02')).toBe(12);
  });

  it('ends a 10-working-day handover after the Spring Festival, counting both make-up Saturdays', () => {
    // 02-13, 02-14 (Sat), 02-24 … 02-27, 02-28 (Sat), 03-02, 03-03, 03-04
    expect(addWorkingDays(cal, '2026-02-12', 10)).toBe('2026-03-04');
  });

  it('returns the date itself for 0 working days', () => {
    expect(addWorkingDays(cal, '2026-02-15', 0)).toBe('2026-02-15');
  });

  it('rejects a non-existent date', () => {
    expect(() => dayKind(cal, '2026-02-30')).toThrow(RangeError);
  });
});

describe('monthView', () => {
  it('lists October 2025 with holidays, make-up days and working minutes', () => {
    const view = monthView(cal, '2025-10');
    expect(view).toHaveLength(31);
    expect(view[0]).toEqual({
      date: '2025-10-01',
      weekday: 3,
      kind: 'holiday',
      name: '国庆节 National Day',
      minutes: 0,
    });
    expect(view[5]).toMatchObject({ date: '2025-10-06', kind: 'holiday', name: '中秋 Mid-autumn Festival' });
    expect(view[10]).toMatchObject({ date: '2025-10-11', weekday: 6, kind: 'makeup', minutes: 480 });
    expect(view[11]).toEqual({ date: '2025-10-12', weekday: 7, kind: 'weekend', minutes: 0 });
    expect(view.filter((d) => d.minutes > 0)).toHaveLength(18);
  });

  it('handles February of a leap year', () => {
    expect(monthView(cal, '2028-02')).toHaveLength(29);
  });
});

describe('a 24×7 calendar', () => {
  const wall = compileCalendar({ mode: '24x7', holidays: [{ date: '2025-10-01', name: 'National Day' }] });

  it('adds wall-clock minutes through nights and holidays', () => {
    expect(addWorkingMinutes(wall, sh('2025-09-30 23:00'), 120)).toBe(sh('2025-10-01 01:00'));
  });

  it('counts wall-clock minutes between instants', () => {
    expect(workingMinutesBetween(wall, sh('2025-10-01 00:00'), sh('2025-10-02 00:00'))).toBe(1440);
  });

  it('is always working time and every day is a working day', () => {
    expect(isWorkingTime(wall, sh('2025-10-01 03:00'))).toBe(true);
    expect(nextWorkingInstant(wall, sh('2025-10-01 03:00'))).toBe(sh('2025-10-01 03:00'));
    expect(workingDaysBetween(wall, '2025-09-30', '2025-10-07')).toBe(7);
  });
});

describe('other time zones', () => {
  it('does not assume UTC+8: a UTC calendar works 08:30–17:30 UTC', () => {
    const utc = compileCalendar({ timeZone: 'UTC' });
    expect(isWorkingTime(utc, Date.parse('2026-03-10T08:30:00Z'))).toBe(true);
    expect(addWorkingMinutes(utc, Date.parse('2026-03-10T17:00:00Z'), 60)).toBe(Date.parse('2026-03-11T09:00:00Z'));
  });

  it('counts a 23-hour and a 25-hour day around Berlin DST changes', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const berlin = compileCalendar({
      timeZone: 'Europe/Berlin',
      weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: allDay },
    });
    expect(monthView(berlin, '2025-03').find((d) => d.date === '2025-03-30')?.minutes).toBe(23 * 60);
    expect(monthView(berlin, '2025-10').find((d) => d.date === '2025-10-26')?.minutes).toBe(25 * 60);
    // 08:30 CEST on the DST day is 06:30 UTC.
    expect(workingIntervalsOn(berlin, '2025-03-30')[0]).toEqual({
      start: Date.parse('2025-03-29T23:00:00Z'),
      end: Date.parse('2025-03-30T22:00:00Z'),
    });
  });

  it('shifts an interval starting in a DST gap forward by the gap', () => {
    const berlin = compileCalendar({
      timeZone: 'Europe/Berlin',
      weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ start: '02:30', end: '04:00' }] },
    });
    expect(workingIntervalsOn(berlin, '2025-03-30')).toEqual([
      { start: Date.parse('2025-03-30T01:30:00Z'), end: Date.parse('2025-03-30T02:00:00Z') },
    ]);
  });
});
