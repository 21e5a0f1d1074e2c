import { DEFAULT_TIME_ZONE, localDateOf } from '@techserve/core';

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from..to inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export const localDateOfIso = (iso: string) => localDateOf(Date.parse(iso));

export const endOf = (startIso: string, minutes: number | null) => new Date(Date.parse(startIso) + (minutes ?? 60) * 60_000).toISOString();

/** The UTC instant at which a company-local date begins (the zone's offset at that date, found with Intl). */
export function localMidnightIso(date: string, timeZone = DEFAULT_TIME_ZONE): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(guess);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const wall = Date.parse(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}Z`);
  return new Date(guess - (wall - guess)).toISOString();
}

/** [start, end) instants of the company-local dates from..to inclusive. */
export function localRange(from: string, to: string): { start: string; end: string } {
  return { start: localMidnightIso(from), end: localMidnightIso(addDays(to, 1)) };
}
