import { z } from 'zod';
import { ZTimeOfDay } from '../policy/primitives';
import { dayNumberOf, isIsoDate, minutesOfTime, weekdayIndexOf } from './dates';
import { isValidTimeZone } from './timeZone';

// Re-exported so calendar consumers (and core's barrel) keep importing the one shared 'HH:MM' schema from here.
export { ZTimeOfDay };

/** Weekday keys in ISO order (index 0 = Monday). */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type TWeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** A working interval within one local day, start inclusive, end exclusive ('24:00' ends at midnight). */
export const ZTimeInterval = z.strictObject({ start: ZTimeOfDay, end: ZTimeOfDay });
export type TTimeInterval = z.infer<typeof ZTimeInterval>;

// Shape only; existence (2026-02-30) is checked in superRefine so every bad date is reported at once.
const ZDateShape = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date 'YYYY-MM-DD'");

/** A named calendar date: a public holiday or a make-up working day (调休上班). */
export const ZNamedDate = z.strictObject({ date: ZDateShape, name: z.string().min(1, 'a name is required') });
export type TNamedDate = z.infer<typeof ZNamedDate>;

/** A set of days off and make-up working days, e.g. one country's official arrangements. */
export interface THolidaySet {
  holidays: TNamedDate[];
  makeupWorkdays: TNamedDate[];
}

const ZDayHours = z.array(ZTimeInterval);
export const ZWeeklyHours = z.strictObject({
  mon: ZDayHours,
  tue: ZDayHours,
  wed: ZDayHours,
  thu: ZDayHours,
  fri: ZDayHours,
  sat: ZDayHours,
  sun: ZDayHours,
});
export type TWeeklyHours = z.infer<typeof ZWeeklyHours>;

const WORKDAY_HOURS: TTimeInterval[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:00', end: '17:30' },
];

/** SLA-3: the company's default week, Mon–Fri 08:30–12:00 + 13:00–17:30 (480 working minutes a day). */
export const DEFAULT_WEEKLY_HOURS: TWeeklyHours = {
  mon: WORKDAY_HOURS,
  tue: WORKDAY_HOURS,
  wed: WORKDAY_HOURS,
  thu: WORKDAY_HOURS,
  fri: WORKDAY_HOURS,
  sat: [],
  sun: [],
};

export const DEFAULT_CALENDAR_TIME_ZONE = 'Asia/Shanghai';

type Ctx = z.core.$RefinementCtx<unknown>;

// Reversed and overlapping intervals within one day's list; `path` points at that list.
function checkIntervals(intervals: TTimeInterval[], path: (string | number)[], ctx: Ctx): void {
  const valid: { start: number; end: number; index: number }[] = [];
  intervals.forEach((iv, index) => {
    const start = minutesOfTime(iv.start);
    const end = minutesOfTime(iv.end);
    if (start >= end) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'end'],
        message: `interval end ${iv.end} must be after its start ${iv.start}`,
      });
    } else valid.push({ start, end, index });
  });
  valid.sort((a, b) => a.start - b.start);
  for (let i = 1; i < valid.length; i++) {
    const prev = valid[i - 1];
    const cur = valid[i];
    if (cur.start < prev.end) {
      const p = intervals[prev.index];
      ctx.addIssue({
        code: 'custom',
        path: [...path, cur.index, 'start'],
        message: `interval ${intervals[cur.index].start}–${intervals[cur.index].end} overlaps ${p.start}–${p.end}`,
      });
    }
  }
}

// Invalid and duplicate dates in a list; returns the valid dates with their index.
function checkDates(list: TNamedDate[], field: string, ctx: Ctx): Map<string, number> {
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    if (!isIsoDate(entry.date)) {
      ctx.addIssue({ code: 'custom', path: [field, index, 'date'], message: `${entry.date} is not an existing date` });
    } else if (seen.has(entry.date)) {
      ctx.addIssue({ code: 'custom', path: [field, index, 'date'], message: `${entry.date} is listed twice` });
    } else seen.set(entry.date, index);
  });
  return seen;
}

/**
 * A business calendar (SLA-3, RS-1): weekly working hours in a time zone, public holidays (days off) and
 * make-up working days (调休: a Saturday/Sunday worked with `makeupHours`, else Monday's hours).
 * Mode '24x7' runs on wall-clock time and ignores hours and holidays.
 */
export const ZCalendarDefinition = z
  .strictObject({
    timeZone: z.string().default(DEFAULT_CALENDAR_TIME_ZONE),
    mode: z.enum(['business', '24x7']).default('business'),
    weeklyHours: ZWeeklyHours.default(DEFAULT_WEEKLY_HOURS),
    holidays: z.array(ZNamedDate).default([]),
    makeupWorkdays: z.array(ZNamedDate).default([]),
    makeupHours: z.array(ZTimeInterval).optional(),
  })
  .superRefine((def, ctx) => {
    if (!isValidTimeZone(def.timeZone)) {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: `unknown IANA time zone '${def.timeZone}'` });
    }
    for (const key of WEEKDAY_KEYS) checkIntervals(def.weeklyHours[key], ['weeklyHours', key], ctx);
    if (def.makeupHours) checkIntervals(def.makeupHours, ['makeupHours'], ctx);

    const holidayDates = checkDates(def.holidays, 'holidays', ctx);
    const makeupDates = checkDates(def.makeupWorkdays, 'makeupWorkdays', ctx);
    for (const [date, index] of makeupDates) {
      const weekday = weekdayIndexOf(dayNumberOf(date));
      if (weekday < 5) {
        ctx.addIssue({
          code: 'custom',
          path: ['makeupWorkdays', index, 'date'],
          message: `make-up working day ${date} must be a Saturday or Sunday`,
        });
      }
      if (holidayDates.has(date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['makeupWorkdays', index, 'date'],
          message: `${date} cannot be both a holiday and a make-up working day`,
        });
      }
    }

    if (def.mode === 'business') {
      if (WEEKDAY_KEYS.every((key) => def.weeklyHours[key].length === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['weeklyHours'],
          message: 'a business calendar needs working hours on at least one weekday',
        });
      }
      if (def.makeupWorkdays.length > 0 && (def.makeupHours ?? def.weeklyHours.mon).length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['makeupHours'],
          message: 'make-up working days need hours: set makeupHours or give Monday working hours',
        });
      }
    }
  });
export type TCalendarDefinition = z.infer<typeof ZCalendarDefinition>;
export type TCalendarDefinitionInput = z.input<typeof ZCalendarDefinition>;

/** Kinds of local day shown in a month view and used by working-day counts (RS-6). */
export type TDayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';
