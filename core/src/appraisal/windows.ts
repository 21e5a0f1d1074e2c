import { daysFromCivil } from '../calendar/dates';

/** The same day N months earlier (negative N: later), clamped to the month's last day: 05-31 − 3 months = 02-28. */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
  const day = Math.min(d, last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYY-MM' shifted by N months. */
export function addMonthsToMonth(month: string, months: number): string {
  return addMonthsToDate(`${month}-01`, months).slice(0, 7);
}

/**
 * "Within N months" of an event on `date`: the events dated after the same day N months earlier, up to `date`
 * (inclusive). For 04-14 and 3 months the window is 01-15 … 04-14: its first day is the day after 01-14, so two
 * incidents on 01-15 and 04-14 are within 3 months and two on 01-14 and 04-14 are not. Windows cross month and
 * year ends like any other day.
 */
export function inWindowEndingOn<T extends { date: string }>(events: readonly T[], date: string, months: number): T[] {
  const after = addMonthsToDate(date, -months);
  return events.filter((e) => e.date > after && e.date <= date);
}

/**
 * The first event of the month at which `count` events of the list fall within `months` months ending on it, or
 * null. A proposal is raised once, in the month of the event that completes the count.
 */
export function windowTrigger<T extends { date: string }>(
  events: readonly T[],
  month: string,
  count: number,
  months: number,
): { at: T; within: T[] } | null {
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of sorted) {
    if (!e.date.startsWith(month)) continue;
    const within = inWindowEndingOn(sorted, e.date, months).filter((x) => sorted.indexOf(x) <= sorted.indexOf(e));
    if (within.length >= count) return { at: e, within };
  }
  return null;
}
