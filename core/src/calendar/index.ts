// Business calendar engine (SLA-3, RS-1, RS-6): pure, deterministic, time is always an argument.

export { CN_DEFAULT_YEARS, CN_HOLIDAY_YEARS, chinaHqCalendar, cnHolidaySet, cnMakeupName } from './builtin-cn';
export { type CalendarDay, CompiledCalendar, compileCalendar } from './compileCalendar';
export { isIsoDate } from './dates';
export {
  addWorkingDays,
  addWorkingMinutes,
  dayKind,
  isWorkingDay,
  isWorkingTime,
  monthView,
  nextWorkingInstant,
  type TInstant,
  type TMonthViewDay,
  workingDaysBetween,
  workingIntervalsOn,
  workingMinutesBetween,
} from './engine';
export { foldIcsLine, holidaysToIcs, parseHolidayIcs, type TIcsParseError, type TIcsParseResult } from './ics';
export * from './schema';
export { statutoryHoliday, statutoryHolidaysOf } from './statutoryHolidays';
export { isValidTimeZone, localDateInZone, wallClockToUtc, zoneOffsetAt } from './timeZone';
