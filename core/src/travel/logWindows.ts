import { DAY_MS, dateOfDayNumber, dayNumberOf, minutesOfTime } from '../calendar/dates';
import { wallClockToUtc, zoneOffsetAt } from '../calendar/timeZone';
import { DEFAULT_TIME_ZONE } from '../policy/versioning';

/** AT-2: one reporting window of a trip: at least one travel log is due between its first and last day. */
export type TLogWindow = { startDate: string; endDate: string };

/**
 * AT-2: a trip from `startDate` to `endDate` split into reporting windows of `everyDays` days (the policy's "every N
 * days"), the last one cut short at the trip's end. Every day is a window of its own when N = 1.
 */
export function logWindows(startDate: string, endDate: string, everyDays: number): TLogWindow[] {
  if (!Number.isInteger(everyDays) || everyDays < 1) throw new RangeError(`everyDays must be a positive integer, got ${everyDays}`);
  const start = dayNumberOf(startDate);
  const end = dayNumberOf(endDate);
  const windows: TLogWindow[] = [];
  for (let d = start; d <= end; d += everyDays)
    windows.push({ startDate: dateOfDayNumber(d), endDate: dateOfDayNumber(Math.min(d + everyDays - 1, end)) });
  return windows;
}

/** AT-2/AT-3: the window of the trip that ends on `date`, or null when no window ends that day. */
export function logWindowEndingOn(startDate: string, endDate: string, everyDays: number, date: string): TLogWindow | null {
  if (date < startDate || date > endDate) return null;
  const start = dayNumberOf(startDate);
  const day = dayNumberOf(date);
  const windowStart = start + Math.floor((day - start) / everyDays) * everyDays;
  const windowEnd = Math.min(windowStart + everyDays - 1, dayNumberOf(endDate));
  return windowEnd === day ? { startDate: dateOfDayNumber(windowStart), endDate: date } : null;
}

/** 'YYYY-MM-DD' moved by `days` days. */
export const addDaysToDate = (date: string, days: number) => dateOfDayNumber(dayNumberOf(date) + days);

/** The day before a 'YYYY-MM-DD'. */
export const dayBefore = (date: string) => addDaysToDate(date, -1);

/** Minutes since local midnight of an instant in a time zone (the company's by default). */
export function minutesOfDayIn(instantMs: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const local = instantMs + zoneOffsetAt(timeZone, instantMs);
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/**
 * AT-2/AT-3: the instant a reporting window ending on `windowEndDate` is overdue — the start of the next day's
 * working day (`workStart` 'HH:MM', the first working interval of the policy in force that day), company-local.
 * A log written after it does not excuse the window, whenever the scan happens to run.
 */
export function logWindowDeadline(windowEndDate: string, workStart: string, timeZone: string = DEFAULT_TIME_ZONE): number {
  return wallClockToUtc(timeZone, (dayNumberOf(windowEndDate) + 1) * DAY_MS + minutesOfTime(workStart) * 60_000);
}
