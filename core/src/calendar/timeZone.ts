import { DAY_MS, daysFromCivil } from './dates';

// Formatters are costly to build; one per zone, reused (pure memo, no observable state).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const HOUR_MS = 3_600_000;
const MEMO_SIZE = 4096;
const dateMemo = new Map<string, string>();

/**
 * `read(utcMs)` through a memo of whole UTC hours: an hour whose first and last millisecond read the same is
 * remembered for all its instants (a local date or a zone offset changes at most once within an hour, so equal
 * ends mean no change between them). Bounded; the oldest hour goes first.
 */
function perHour<V>(memo: Map<string, V>, timeZone: string, utcMs: number, read: (ms: number) => V): V {
  const hourStart = Math.floor(utcMs / HOUR_MS) * HOUR_MS;
  const key = `${timeZone}|${hourStart}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = read(utcMs);
  if (read(hourStart) === value && read(hourStart + HOUR_MS - 1) === value) {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(key, value);
  }
  return value;
}

/**
 * The calendar date 'YYYY-MM-DD' of an instant in a zone — the same result as policy's localDateOf, with the
 * formatter built once per zone (building one cost a tenth of a service-request create, bench/README.md) and
 * the answer remembered per hour (every create asks).
 */
export function localDateInZone(timeZone: string, utcMs: number): string {
  return perHour(dateMemo, timeZone, utcMs, (ms) => dateFromIntl(timeZone, ms));
}

function dateFromIntl(timeZone: string, utcMs: number): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, f);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const p of f.formatToParts(utcMs)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
  }
  return `${year}-${month}-${day}`;
}

/** True when Intl knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const offsetMemo = new Map<string, number>();

/**
 * Offset (local − UTC, in ms) of a zone at a UTC instant, read from Intl so no zone is hard-coded; remembered
 * per hour, as asking Intl is slow and every SLA explanation asks.
 */
export function zoneOffsetAt(timeZone: string, utcMs: number): number {
  return perHour(offsetMemo, timeZone, utcMs, (ms) => offsetFromIntl(timeZone, ms));
}

function offsetFromIntl(timeZone: string, utcMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const p of formatterFor(timeZone).formatToParts(utcMs)) {
    const v = Number(p.value);
    if (p.type === 'year') year = v;
    else if (p.type === 'month') month = v;
    else if (p.type === 'day') day = v;
    else if (p.type === 'hour') hour = v;
    else if (p.type === 'minute') minute = v;
    else if (p.type === 'second') second = v;
  }
  const local = daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000;
  return local - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/**
 * UTC instant of a local wall-clock time given as "ms since 1970-01-01T00:00 local".
 * Like Temporal's 'compatible': a time repeated by a DST fold takes the earlier instant, a time skipped by a
 * DST gap is shifted forward by the gap.
 */
export function wallClockToUtc(timeZone: string, localMs: number): number {
  const before = zoneOffsetAt(timeZone, localMs - DAY_MS);
  const after = zoneOffsetAt(timeZone, localMs + DAY_MS);
  if (before === after) return localMs - before;
  const c1 = localMs - before;
  const c2 = localMs - after;
  const ok1 = zoneOffsetAt(timeZone, c1) === before;
  const ok2 = zoneOffsetAt(timeZone, c2) === after;
  if (ok1 && ok2) return Math.min(c1, c2);
  if (ok2 && !ok1) return c2;
  return c1;
}
