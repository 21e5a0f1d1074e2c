import cnDays from 'chinese-days/dist/chinese-days.json';
import { DEFAULT_WEEKLY_HOURS, type TCalendarDefinition, type THolidaySet, type TNamedDate } from './schema';

// Issue 17 item 18: China's official arrangements (State Council notices, 全国年节放假调休安排) come from the
// maintained `chinese-days` package, so a new year arrives with a package update rather than an edit here. Its
// entries read 'Spring Festival,春节,4' (English name, Chinese name, length); `workdays` are the 调休 working days.
type CnDays = { holidays: Record<string, string>; workdays: Record<string, string> };
const CN_DAYS = cnDays as CnDays;

/** '春节 Spring Festival' from 'Spring Festival,春节,4'. */
const holidayName = (entry: string) => {
  const [en, zh] = entry.split(',');
  return zh ? `${zh} ${en}` : en;
};

/** Years for which China's official arrangements are built in. */
export const CN_HOLIDAY_YEARS: readonly number[] = [...new Set(Object.keys(CN_DAYS.holidays).map((d) => Number(d.slice(0, 4))))].sort(
  (a, b) => a - b,
);

/** What a new calendar starts with: the two latest years the package knows (2025–2026 with chinese-days 1.5.7). */
export const CN_DEFAULT_YEARS: readonly number[] = CN_HOLIDAY_YEARS.slice(-2);

/** Name given to a make-up working day of a holiday, e.g. '春节 Spring Festival 调休上班'. */
export function cnMakeupName(holidayName: string): string {
  return `${holidayName} 调休上班`;
}

/**
 * SLA-3: China's public holidays (days off, weekend days inside a block included) and make-up working days
 * (调休上班) for the given years (default: CN_DEFAULT_YEARS), sorted by date. Throws RangeError for a year that
 * is not built in rather than silently treating it as a plain Monday–Friday year.
 */
export function cnHolidaySet(years: readonly number[] = CN_DEFAULT_YEARS): THolidaySet {
  const holidays: TNamedDate[] = [];
  const makeupWorkdays: TNamedDate[] = [];
  for (const year of years) {
    if (!CN_HOLIDAY_YEARS.includes(year)) {
      throw new RangeError(`no built-in China holiday arrangement for ${year} (have ${CN_HOLIDAY_YEARS[0]}–${CN_HOLIDAY_YEARS.at(-1)})`);
    }
    const prefix = `${year}-`;
    for (const [date, entry] of Object.entries(CN_DAYS.holidays))
      if (date.startsWith(prefix)) holidays.push({ date, name: holidayName(entry) });
    for (const [date, entry] of Object.entries(CN_DAYS.workdays))
      if (date.startsWith(prefix)) makeupWorkdays.push({ date, name: cnMakeupName(holidayName(entry)) });
  }
  const byDate = (a: TNamedDate, b: TNamedDate) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return { holidays: holidays.sort(byDate), makeupWorkdays: makeupWorkdays.sort(byDate) };
}

/** The default head-office calendar: Asia/Shanghai, Mon–Fri 08:30–12:00 + 13:00–17:30, CN holidays. */
export function chinaHqCalendar(options: { years?: readonly number[] } = {}): TCalendarDefinition {
  return {
    timeZone: 'Asia/Shanghai',
    mode: 'business',
    weeklyHours: DEFAULT_WEEKLY_HOURS,
    ...cnHolidaySet(options.years),
  };
}
