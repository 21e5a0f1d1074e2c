import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, dayNumberOf } from '../calendar/dates';
import { dayBefore, logWindowDeadline, logWindowEndingOn, logWindows, minutesOfDayIn } from './logWindows';

describe('AT-2 reporting windows', () => {
  it('makes every day its own window when the policy says every day', () => {
    expect(logWindows('2026-03-02', '2026-03-04', 1)).toEqual([
      { startDate: '2026-03-02', endDate: '2026-03-02' },
      { startDate: '2026-03-03', endDate: '2026-03-03' },
      { startDate: '2026-03-04', endDate: '2026-03-04' },
    ]);
  });

  it('makes two-day windows for every-2-days, the last cut at the trip’s end', () => {
    expect(logWindows('2026-03-02', '2026-03-06', 2)).toEqual([
      { startDate: '2026-03-02', endDate: '2026-03-03' },
      { startDate: '2026-03-04', endDate: '2026-03-05' },
      { startDate: '2026-03-06', endDate: '2026-03-06' },
    ]);
  });

  it('finds the window ending on a day, and none mid-window or outside the trip', () => {
    expect(logWindowEndingOn('2026-03-02', '2026-03-06', 2, '2026-03-03')).toEqual({ startDate: '2026-03-02', endDate: '2026-03-03' });
    expect(logWindowEndingOn('2026-03-02', '2026-03-06', 2, '2026-03-04')).toBeNull();
    expect(logWindowEndingOn('2026-03-02', '2026-03-06', 2, '2026-03-06')).toEqual({ startDate: '2026-03-06', endDate: '2026-03-06' });
    expect(logWindowEndingOn('2026-03-02', '2026-03-06', 2, '2026-03-07')).toBeNull();
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
  });

  it('AT-3: a window is overdue at the start of the next working day, company-local (08:00 Shanghai = 00:00 UTC)', () => {
    expect(new Date(logWindowDeadline('2026-03-03', '08:00')).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(new Date(logWindowDeadline('2026-02-28', '08:30')).toISOString()).toBe('2026-03-01T00:30:00.000Z');
    expect(new Date(logWindowDeadline('2026-03-31', '09:00', 'UTC')).toISOString()).toBe('2026-04-01T09:00:00.000Z');
  });

  it('reads the company-local time of day (Shanghai is UTC+8)', () => {
    expect(minutesOfDayIn(Date.parse('2026-03-02T00:30:00Z'))).toBe(8 * 60 + 30);
    expect(minutesOfDayIn(Date.parse('2026-03-02T16:00:00Z'))).toBe(0);
  });

  it('covers every trip day exactly once, and a window ends on exactly each window’s last day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 7 }), (offset, days, n) => {
        const start = dateOfDayNumber(dayNumberOf('2026-01-01') + offset);
        const end = dateOfDayNumber(dayNumberOf(start) + days - 1);
        const windows = logWindows(start, end, n);
        expect(windows.reduce((s, w) => s + dayNumberOf(w.endDate) - dayNumberOf(w.startDate) + 1, 0)).toBe(days);
        for (let d = 0; d < days; d++) {
          const date = dateOfDayNumber(dayNumberOf(start) + d);
          expect(logWindowEndingOn(start, end, n, date)).toEqual(windows.find((w) => w.endDate === date) ?? null);
        }
      }),
      { numRuns: 200 },
    );
  });
});
