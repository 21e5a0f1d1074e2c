import { DAY_MS, dateOfDayNumber, dayNumberOf, weekdayIndexOf } from '../calendar/dates';
import { wallClockToUtc } from '../calendar/timeZone';

/** A month 'YYYY-MM'. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isMonth = (month: string) => MONTH_PATTERN.test(month);

/** The month 'YYYY-MM' a date 'YYYY-MM-DD' lies in. */
export const monthOfDate = (date: string) => date.slice(0, 7);

function assertMonth(month: string): void {
  if (!isMonth(month)) throw new RangeError(`'${month}' is not a month 'YYYY-MM'`);
}

/** The month `n` months after `month` (before it for n < 0). */
export function addMonths(month: string, n: number): string {
  assertMonth(month);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const nextMonth = (month: string) => addMonths(month, 1);
export const previousMonth = (month: string) => addMonths(month, -1);

/** The first and last dates of a month. */
export function monthDates(month: string): { first: string; last: string } {
  assertMonth(month);
  const first = `${month}-01`;
  return { first, last: dateOfDayNumber(dayNumberOf(`${nextMonth(month)}-01`) - 1) };
}

/** The local date `day` of a month, clamped to its last day (the 31st of a 30-day month is the 30th). */
export function dayOfMonthClamped(month: string, day: number): string {
  const { last } = monthDates(month);
  return `${month}-${String(Math.min(day, Number(last.slice(8, 10)))).padStart(2, '0')}`;
}

/** The UTC instant of a company-local date at 'HH:MM' ('24:00' is the next midnight). */
export function localInstant(timeZone: string, date: string, time = '00:00'): number {
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return wallClockToUtc(timeZone, dayNumberOf(date) * DAY_MS + minutes * 60_000);
}

/** A month's instants: [start, end) as UTC ms, company-local midnights. */
export function monthInstants(month: string, timeZone: string): { start: number; end: number } {
  return { start: localInstant(timeZone, `${month}-01`), end: localInstant(timeZone, `${nextMonth(month)}-01`) };
}

/** The Monday of the ISO week a date lies in (weeks run Monday to Sunday). */
export function weekStartOf(date: string): string {
  const d = dayNumberOf(date);
  return dateOfDayNumber(d - weekdayIndexOf(d));
}

/** True for a Monday. */
export const isWeekStart = (date: string) => weekStartOf(date) === date;

/** The date `days` days after a date. */
export const plusDays = (date: string, days: number) => dateOfDayNumber(dayNumberOf(date) + days);
