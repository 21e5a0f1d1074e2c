// Business calendar engine (SLA-3, RS-1, RS-6): pure, deterministic, time is always an argument.
export * from './schema';
export { CompiledCalendar, compileCalendar, type CalendarDay } from './compileCalendar';
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
export { CN_HOLIDAY_YEARS, chinaHqCalendar, cnHolidaySet, cnMakeupName } from './builtin-cn';
export { foldIcsLine, holidaysToIcs, parseHolidayIcs, type TIcsParseError, type TIcsParseResult } from './ics';
export { isIsoDate } from './dates';
export { isValidTimeZone } from './timeZone';
