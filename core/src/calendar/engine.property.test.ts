import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaHqCalendar } from './builtin-cn';
import {
  addWorkingDays,
  addWorkingMinutes,
  compileCalendar,
  isWorkingTime,
  nextWorkingInstant,
  workingDaysBetween,
  workingMinutesBetween,
} from './engine';
import { WEEKDAY_KEYS } from './schema';
import { sh } from './testing';

const def = chinaHqCalendar();
const cal = compileCalendar(def);

const FROM = sh('2025-01-01 00:00');
const TO = sh('2026-12-01 00:00');
const BOUNDARIES = ['08:30', '12:00', '13:00', '17:30', '00:00'];

// Any ms in 2025–2026, or an instant at (or 1 ms around) an interval boundary, where bugs live.
const anyInstant = fc.integer({ min: FROM, max: TO });
const boundaryInstant = fc
  .tuple(fc.integer({ min: 0, max: 690 }), fc.constantFrom(...BOUNDARIES), fc.constantFrom(-1, 0, 1))
  .map(([day, time, jitter]) => {
    const date = new Date(FROM + day * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    return sh(`${date} ${time}`) + jitter;
  });
const instant = fc.oneof(anyInstant, boundaryInstant);
const minutes = fc.oneof(fc.integer({ min: 0, max: 30 * 480 }), fc.integer({ min: 0, max: 600 }));

// An independent oracle: walk minute by minute over Shanghai wall-clock (UTC+8) using the raw definition.
function oracleIsWorkingMinute(t: number): boolean {
  const local = new Date(t + 8 * 3_600_000);
  const date = local.toISOString().slice(0, 10);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  if (def.holidays.some((h) => h.date === date)) return false;
  const hours = def.makeupWorkdays.some((m) => m.date === date)
    ? def.weeklyHours.mon
    : def.weeklyHours[WEEKDAY_KEYS[(local.getUTCDay() + 6) % 7]];
  return hours.some((iv) => {
    const [sh_, sm] = iv.start.split(':').map(Number);
    const [eh, em] = iv.end.split(':').map(Number);
    return minute >= sh_ * 60 + sm && minute < eh * 60 + em;
  });
}

function oracleAdd(from: number, n: number): number {
  let t = from;
  let left = n;
  while (left > 0) {
    if (oracleIsWorkingMinute(t)) left--;
    t += 60_000;
  }
  return t;
}

describe('calendar engine laws (fast-check)', () => {
  it('between(a, add(a, n)) equals n', () => {
    fc.assert(
      fc.property(instant, minutes, (a, n) => {
        expect(workingMinutesBetween(cal, a, addWorkingMinutes(cal, a, n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('add is monotonic in n', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (a, n, m) => {
        const [lo, hi] = n <= m ? [n, m] : [m, n];
        expect(addWorkingMinutes(cal, a, lo)).toBeLessThanOrEqual(addWorkingMinutes(cal, a, hi));
      }),
      { numRuns: 1000 },
    );
  });

  it('add(add(a, n), m) equals add(a, n + m)', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (a, n, m) => {
        expect(addWorkingMinutes(cal, addWorkingMinutes(cal, a, n), m)).toBe(addWorkingMinutes(cal, a, n + m));
      }),
      { numRuns: 2000 },
    );
  });

  it('add(a, n) for n > 0 lands inside or at the end of a working interval', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 * 480 }), (a, n) => {
        const r = addWorkingMinutes(cal, a, n);
        expect(isWorkingTime(cal, r) || isWorkingTime(cal, r - 1)).toBe(true);
        expect(r).toBeGreaterThan(a);
      }),
      { numRuns: 1000 },
    );
  });

  it('nextWorkingInstant is idempotent, working, and skips no working time', () => {
    fc.assert(
      fc.property(instant, (a) => {
        const next = nextWorkingInstant(cal, a);
        expect(nextWorkingInstant(cal, next)).toBe(next);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(workingMinutesBetween(cal, a, next)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('between is antisymmetric and additive', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(workingMinutesBetween(cal, b, a)).toBe(-workingMinutesBetween(cal, a, b) || 0);
        const sum = workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c);
        expect(workingMinutesBetween(cal, a, c)).toBeCloseTo(sum, 9);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a minute-by-minute oracle on minute-aligned starts', () => {
    const minuteInstant = instant.map((t) => Math.floor(t / 60_000) * 60_000);
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 1, max: 2000 }), (a, n) => {
        // The oracle returns the minute after the last one counted, i.e. the earliest instant (convention).
        expect(addWorkingMinutes(cal, a, n)).toBe(oracleAdd(a, n));
      }),
      { numRuns: 200 },
    );
  });

  const date = fc.integer({ min: 0, max: 680 }).map((d) => new Date(FROM + d * 86_400_000).toISOString().slice(0, 10));

  it('workingDaysBetween(d, addWorkingDays(d, n)) equals n for n >= 0', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (d, n) => {
        expect(workingDaysBetween(cal, d, addWorkingDays(cal, d, n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('going back n working days from a working day leaves exactly n working days up to it (RS-6)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const workday = addWorkingDays(cal, d, 1);
        expect(workingDaysBetween(cal, addWorkingDays(cal, workday, -n), workday)).toBe(n);
        expect(workingDaysBetween(cal, workday, addWorkingDays(cal, workday, -n))).toBe(-n);
      }),
      { numRuns: 500 },
    );
  });
});
