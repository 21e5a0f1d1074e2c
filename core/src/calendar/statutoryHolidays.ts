import chineseDays from 'chinese-days';
import { dateOfDayNumber, dayNumberOf } from './dates';

/**
 * AT-5b: the statutory holiday days (法定节假日) of a year by the national rules (全国年节及纪念日放假办法), which set
 * the 300 % overtime rate. A holiday block on a calendar (e.g. 春节 2026-02-15..23) also holds bridged rest days —
 * weekend days inside the block and weekdays swapped for a 调休 Saturday (in the calendar data these are all just
 * "off" days, `chinese-days` keeps only the block's length) — which are rest days (200 %). The statutory days are
 * fixed by date: 元旦 1 January; 春节 除夕 to 初三 (from 2025; 初一 to 初三 before); 清明 the Qingming solar term;
 * 劳动节 1–2 May (from 2025; 1 May before); 端午 lunar 5/5; 中秋 lunar 8/15; 国庆 1–3 October.
 */
const lunar = (y: number, md: string) => chineseDays.getSolarDateFromLunar(`${y}-${md}`).date;
const REFORM_YEAR = 2025; // the State Council's 2024 revision took effect on 2025-01-01

const cache = new Map<number, Map<string, { zh: string; en: string }>>();

/** The statutory holiday days of a Gregorian year, by date, with the festival's name. */
export function statutoryHolidaysOf(year: number): ReadonlyMap<string, { zh: string; en: string }> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = new Map<string, { zh: string; en: string }>();
  const add = (date: string, zh: string, en: string) => days.set(date, { zh, en });
  const y = String(year);
  add(`${y}-01-01`, '元旦', "New Year's Day");
  const newYear = lunar(year, '01-01');
  const springFirst = year >= REFORM_YEAR ? -1 : 0;
  for (let k = springFirst; k <= 2; k++) add(dateOfDayNumber(dayNumberOf(newYear) + k), '春节', 'Spring Festival');
  add(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), '清明节', 'Qingming Festival');
  add(`${y}-05-01`, '劳动节', 'Labour Day');
  if (year >= REFORM_YEAR) add(`${y}-05-02`, '劳动节', 'Labour Day');
  add(lunar(year, '05-05'), '端午节', 'Dragon Boat Festival');
  add(lunar(year, '08-15'), '中秋节', 'Mid-Autumn Festival');
  for (const d of ['01', '02', '03']) add(`${y}-10-${d}`, '国庆节', 'National Day');
  cache.set(year, days);
  return days;
}

/** The festival when the date is a statutory holiday day (法定节假日), else null. */
export function statutoryHoliday(date: string): { zh: string; en: string } | null {
  return statutoryHolidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}
