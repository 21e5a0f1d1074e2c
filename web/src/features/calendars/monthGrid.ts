import type { TMonthDay } from './calendarTypes';

/** A 'YYYY-MM' month `delta` months away. */
export function shiftMonth(month: string, delta: number): string {
  const [year, mon] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a 'YYYY-MM-DD' date. */
export function isoWeekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const sunday0 = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/**
 * The month as weeks of seven cells, Monday first; cells before the 1st and after the last day are null.
 * 2026-02-01 is a Sunday, so the first week is six nulls and then that day.
 */
export function monthGrid(days: TMonthDay[]): (TMonthDay | null)[][] {
  if (days.length === 0) return [];
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const cells: (TMonthDay | null)[] = Array.from({ length: isoWeekdayOf(sorted[0].date) - 1 }, () => null);
  cells.push(...sorted);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (TMonthDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
