import cnData from './data/cn-public-holidays-2025-2026.json';
import { DEFAULT_WEEKLY_HOURS, type TCalendarDefinition, type THolidaySet, type TNamedDate } from './schema';

interface CnYear {
  holidays: { name: string; off: string[]; workdays?: string[] }[];
}

// Source: State Council notices (全国年节放假调休安排), shipped as data/cn-public-holidays-2025-2026.json.
const CN_YEARS = cnData.years as Record<string, CnYear>;

/** Years for which China's official arrangements are built in. */
export const CN_HOLIDAY_YEARS: readonly number[] = Object.keys(CN_YEARS).map(Number);

/** Name given to a make-up working day of a holiday, e.g. '春节 Spring Festival 调休上班'. */
export function cnMakeupName(holidayName: string): string {
  return `${holidayName} 调休上班`;
}

/**
 * SLA-3: China's public holidays (days off, weekend days inside a block included) and make-up working days
 * (调休上班) for the given years (default: all built in), sorted by date. Throws RangeError for a year that
 * is not built in rather than silently treating it as a plain Monday–Friday year.
 */
export function cnHolidaySet(years: readonly number[] = CN_HOLIDAY_YEARS): THolidaySet {
  const holidays: TNamedDate[] = [];
  const makeupWorkdays: TNamedDate[] = [];
  for (const year of years) {
    const data = CN_YEARS[String(year)];
    if (!data) {
      throw new RangeError(`no built-in China holiday arrangement for ${year} (have ${CN_HOLIDAY_YEARS.join(', ')})`);
    }
    for (const block of data.holidays) {
      for (const date of block.off) holidays.push({ date, name: block.name });
      for (const date of block.workdays ?? []) makeupWorkdays.push({ date, name: cnMakeupName(block.name) });
    }
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
