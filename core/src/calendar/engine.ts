import { type CalendarDay, CHUNK_DAYS, type CompiledCalendar } from './compileCalendar';
import { dateOfDayNumber, dayNumberOf, MINUTE_MS, weekdayIndexOf } from './dates';
import type { TDayKind } from './schema';

export { CompiledCalendar, compileCalendar } from './compileCalendar';

/** An instant: epoch milliseconds, or a Date. */
export type TInstant = number | Date;

/*
 * Boundary conventions (SLA-3), used consistently by every operation:
 * - Working intervals are half-open [start, end): 08:30 is working time, 12:00 and 17:30 are not.
 * - addWorkingMinutes(from, 0) === from, always (even outside working hours).
 * - For n > 0 the result is the EARLIEST instant by which n working minutes have elapsed, so a span ending
 *   exactly at an interval end returns that end (17:30), never the next morning's 08:30.
 * - A start outside working time starts counting at the next working instant.
 * - workingMinutesBetween is exact to the ms (ms / 60000, may be fractional) and negative when b < a;
 *   between(a, add(a, n)) === n for every n ≥ 0.
 * - Working days: workingDaysBetween(from, to) counts working days in (from, to]; addWorkingDays(d, n) is the
 *   n-th working day after d (before d for n < 0), so workingDaysBetween(d, addWorkingDays(d, n)) === n for
 *   n >= 0, and for n < 0 when d is itself a working day (from a weekend the half-open count differs by one).
 *   workingDaysBetween is antisymmetric: between(a, b) === -between(b, a).
 * - 24×7 calendars are wall-clock: every instant works, every day is a working day.
 */

// Searching further than this without finding working time means the calendar has none left.
const MAX_SCAN_DAYS = 366 * 100;

function toMs(instant: TInstant): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('instant must be a finite epoch-ms number or a valid Date');
  return ms;
}

/**
 * The instant at which `rem` (> 0) working ms have elapsed, counting from the local midnight that starts
 * day `dayNumber`. Whole chunks are skipped by their totals and the day is found by binary search on the
 * prefix sums, so a 200-working-day span costs about as much as a 1-day span.
 */
function locate(cal: CompiledCalendar, dayNumber: number, rem: number): number {
  let index = Math.floor(dayNumber / CHUNK_DAYS);
  let i = dayNumber - index * CHUNK_DAYS;
  for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned += CHUNK_DAYS) {
    const { cumMs, days } = cal.chunk(index);
    const base = cumMs[i];
    const available = cumMs[CHUNK_DAYS] - base;
    if (rem <= available) {
      let lo = i;
      let hi = CHUNK_DAYS - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumMs[mid + 1] - base >= rem) hi = mid;
        else lo = mid + 1;
      }
      let left = rem - (cumMs[lo] - base);
      const { starts, ends } = days[lo];
      for (let k = 0; k < starts.length; k++) {
        const length = ends[k] - starts[k];
        if (left <= length) return starts[k] + left;
        left -= length;
      }
      throw new Error('calendar prefix sums out of step with day intervals');
    }
    rem -= available;
    index++;
    i = 0;
  }
  throw new RangeError('the calendar has no working time left within 100 years');
}

/** Working ms of one day that fall in [from, to). */
function workedWithin(day: CalendarDay, from: number, to: number): number {
  let sum = 0;
  for (let k = 0; k < day.starts.length; k++) {
    const s = Math.max(day.starts[k], from);
    const e = Math.min(day.ends[k], to);
    if (e > s) sum += e - s;
  }
  return sum;
}

/** Sum of per-day working ms (or working-day counts) over day numbers [from, to). */
function sumDays(cal: CompiledCalendar, from: number, to: number, what: 'ms' | 'days'): number {
  let sum = 0;
  let d = from;
  while (d < to) {
    const index = Math.floor(d / CHUNK_DAYS);
    const first = index * CHUNK_DAYS;
    const i = d - first;
    const j = Math.min(to - first, CHUNK_DAYS);
    const chunk = cal.chunk(index);
    const cum = what === 'ms' ? chunk.cumMs : chunk.cumDays;
    sum += cum[j] - cum[i];
    d = first + j;
  }
  return sum;
}

/**
 * SLA-3: the earliest instant at which `minutes` working minutes have elapsed since `from`
 * (see the boundary conventions above). Throws RangeError for negative or non-finite minutes.
 */
export function addWorkingMinutes(cal: CompiledCalendar, from: TInstant, minutes: number): number {
  const t = toMs(from);
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number ≥ 0');
  let rem = Math.round(minutes * MINUTE_MS);
  if (rem === 0) return t;
  if (cal.mode === '24x7') return t + rem;
  const day = cal.dayOf(t);
  const { starts, ends } = day;
  for (let k = 0; k < starts.length; k++) {
    if (ends[k] <= t) continue;
    const s = Math.max(starts[k], t);
    const available = ends[k] - s;
    if (rem <= available) return s + rem;
    rem -= available;
  }
  return locate(cal, day.day + 1, rem);
}

/** SLA-3: working minutes from `a` to `b`, exact to the ms; negative when b < a. */
export function workingMinutesBetween(cal: CompiledCalendar, a: TInstant, b: TInstant): number {
  const from = toMs(a);
  const to = toMs(b);
  if (to < from) return -workingMinutesBetween(cal, to, from) || 0; // || 0: never -0
  if (cal.mode === '24x7') return (to - from) / MINUTE_MS;
  const da = cal.dayOf(from);
  const db = cal.dayOf(to);
  if (da.day === db.day) return workedWithin(da, from, to) / MINUTE_MS;
  const ms = workedWithin(da, from, da.end) + sumDays(cal, da.day + 1, db.day, 'ms') + workedWithin(db, db.start, to);
  return ms / MINUTE_MS;
}

/** True inside a working interval (start inclusive, end exclusive). */
export function isWorkingTime(cal: CompiledCalendar, instant: TInstant): boolean {
  const t = toMs(instant);
  if (cal.mode === '24x7') return true;
  const { starts, ends } = cal.dayOf(t);
  for (let k = 0; k < starts.length; k++) if (t >= starts[k] && t < ends[k]) return true;
  return false;
}

/** The instant itself when it is working time, else the start of the next working interval. */
export function nextWorkingInstant(cal: CompiledCalendar, instant: TInstant): number {
  const t = toMs(instant);
  if (cal.mode === '24x7') return t;
  const day = cal.dayOf(t);
  for (let k = 0; k < day.starts.length; k++) if (day.ends[k] > t) return Math.max(day.starts[k], t);
  // Intervals are non-empty, so the first working ms after midnight ends 1 ms after an interval start.
  return locate(cal, day.day + 1, 1) - 1;
}

/** The kind of a local date: 'workday' | 'weekend' | 'holiday' | 'makeup' (调休上班). */
export function dayKind(cal: CompiledCalendar, date: string): TDayKind {
  return cal.day(dayNumberOf(date)).kind;
}

/** True when the date has working time (a workday or a make-up day; every day in 24×7). */
export function isWorkingDay(cal: CompiledCalendar, date: string): boolean {
  return cal.day(dayNumberOf(date)).total > 0;
}

/**
 * RS-6/RS-7: working days in (fromDate, toDate] — e.g. a change request on D is "12 working days before the
 * change" when workingDaysBetween(D, change) >= 12. Negative when toDate < fromDate.
 */
export function workingDaysBetween(cal: CompiledCalendar, fromDate: string, toDate: string): number {
  const a = dayNumberOf(fromDate);
  const b = dayNumberOf(toDate);
  if (b < a) return -sumDays(cal, b + 1, a + 1, 'days');
  return sumDays(cal, a + 1, b + 1, 'days');
}

/** The n-th working day after `date` (before it for n < 0); `date` itself for n = 0. */
export function addWorkingDays(cal: CompiledCalendar, date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
  let d = dayNumberOf(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError('the calendar has no working days left within 100 years');
    d += step;
    if (cal.day(d).total > 0) left--;
  }
  return dateOfDayNumber(d);
}

/** The working intervals of a local date as UTC ms ranges (for attendance, RS-1). */
export function workingIntervalsOn(cal: CompiledCalendar, date: string): { start: number; end: number }[] {
  const { starts, ends } = cal.day(dayNumberOf(date));
  return starts.map((start, k) => ({ start, end: ends[k] }));
}

export interface TMonthViewDay {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  kind: TDayKind;
  name?: string;
  /** Working minutes in the day. */
  minutes: number;
}

/** One entry per day of 'YYYY-MM', for the calendar UI. */
export function monthView(cal: CompiledCalendar, month: string): TMonthViewDay[] {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`'${month}' is not a month 'YYYY-MM'`);
  const first = dayNumberOf(`${month}-01`);
  const view: TMonthViewDay[] = [];
  for (let d = first; dateOfDayNumber(d).startsWith(month); d++) {
    const day = cal.day(d);
    const entry: TMonthViewDay = {
      date: day.date,
      weekday: weekdayIndexOf(d) + 1,
      kind: day.kind,
      minutes: day.total / MINUTE_MS,
    };
    if (day.name !== undefined) entry.name = day.name;
    view.push(entry);
  }
  return view;
}
