/** Milliseconds in a minute and in a (wall-clock) day. */
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm: exact for every year, no Date quirks). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The [year, month, day] of a day number (inverse of daysFromCivil). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** True for an existing calendar date 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isIsoDate(date: string): boolean {
  const m = DATE_SHAPE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const [y2, mo2, d2] = civilFromDays(daysFromCivil(y, mo, d));
  return y2 === y && mo2 === mo && d2 === d;
}

/** Day number of 'YYYY-MM-DD'; throws RangeError on a malformed or non-existent date. */
export function dayNumberOf(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`'${date}' is not a calendar date 'YYYY-MM-DD'`);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDayNumber(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
export function weekdayIndexOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Minutes since midnight of 'HH:MM' ('24:00' → 1440). */
export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
