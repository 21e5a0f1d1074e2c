import { z } from 'zod';
import { ZCalendarDefinition } from '../calendar/schema';
import { ZExplanation } from '../explanation';
import { ZId, ZVersion } from './common';

// API payloads of the calendars module (SLA-3, RS-1, RS-6). The definition is validated by the core schema,
// so overlapping or reversed intervals, bad dates, weekday make-up days and unknown zones get 422 with a path.

const name = z.string().trim().min(1).max(100);

/** Issue 17 item 18: the holidays a new calendar starts with — China's built-in ones, another calendar's, or none. */
export const CALENDAR_STARTS = ['builtin', 'calendar', 'none'] as const;

export const ZCalendarCreate = z
  .strictObject({
    name,
    isDefault: z.boolean().optional(),
    definition: ZCalendarDefinition.optional().describe('omitted: the head-office week with China’s official holidays and 调休'),
    startFrom: z
      .enum(CALENDAR_STARTS)
      .optional()
      .describe(
        'the holidays and make-up days to start with: builtin (China, the latest years), calendar (a copy of fromCalendarId), none; omitted: the definition’s own, else builtin',
      ),
    fromCalendarId: ZId.optional().describe('with startFrom=calendar: the calendar whose holidays and make-up days are copied'),
  })
  .superRefine((body, ctx) => {
    if (body.startFrom === 'calendar' && body.fromCalendarId === undefined)
      ctx.addIssue({ code: 'custom', path: ['fromCalendarId'], message: 'name the calendar to copy the holidays from' });
    if (body.startFrom !== 'calendar' && body.fromCalendarId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['fromCalendarId'], message: 'only with startFrom=calendar' });
  });
export type TCalendarCreate = z.input<typeof ZCalendarCreate>;

export const ZCalendarUpdate = z.strictObject({
  version: ZVersion,
  name: name.optional(),
  isDefault: z.boolean().optional(),
  definition: ZCalendarDefinition.optional(),
});
export type TCalendarUpdate = z.input<typeof ZCalendarUpdate>;

const ZInterval = z.object({ start: z.string(), end: z.string() });
const ZNamed = z.object({ date: z.string(), name: z.string() });
export const ZCalendarDefinitionOut = z.object({
  timeZone: z.string(),
  mode: z.enum(['business', '24x7']),
  weeklyHours: z.record(z.string(), z.array(ZInterval)),
  holidays: z.array(ZNamed),
  makeupWorkdays: z.array(ZNamed),
  makeupHours: z.array(ZInterval).optional(),
});

export const ZCalendar = z.object({
  id: z.number(),
  name: z.string(),
  isDefault: z.boolean(),
  definition: ZCalendarDefinitionOut,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCalendar = z.infer<typeof ZCalendar>;

export const ZCalendarSummary = ZCalendar.omit({ definition: true }).extend({
  timeZone: z.string(),
  mode: z.enum(['business', '24x7']),
  holidayCount: z.number(),
  makeupCount: z.number(),
});

// Calendar arithmetic is offered for 1970–2199: outside that, dates are typos, and historical zone offsets (LMT)
// would give surprising answers.
const inRange = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= 1970 && year <= 2199;
};
const RANGE_MESSAGE = 'must be between the years 1970 and 2199';
const instant = z.iso.datetime({ offset: true }).refine(inRange, RANGE_MESSAGE);
const date = z.iso.date().refine(inRange, RANGE_MESSAGE);

export const ZDueQuery = z.strictObject({
  from: instant.describe('ISO 8601 instant, e.g. 2026-02-13T16:00:00+08:00'),
  minutes: z.coerce
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 366)
    .describe('working minutes to add'),
});
export const ZDueResult = z.object({ from: z.string(), minutes: z.number(), due: z.string(), explanation: ZExplanation });

export const ZBetweenQuery = z.strictObject({ from: instant, to: instant });
export const ZBetweenResult = z.object({ minutes: z.number(), explanation: ZExplanation });

export const ZWorkingDaysQuery = z.strictObject({ from: date, to: date });
export const ZWorkingDaysResult = z.object({ workingDays: z.number(), explanation: ZExplanation });

export const ZMonthQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected 'YYYY-MM'")
    .refine(inRange, RANGE_MESSAGE),
});
export const ZMonthDay = z.object({
  date: z.string(),
  weekday: z.number(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup']),
  name: z.string().optional(),
  minutes: z.number(),
});

export const ZIcsImport = z.strictObject({
  ics: z.string().min(1).max(1_000_000),
  replace: z.boolean().default(false).describe('replace all holidays and make-up days instead of merging'),
});
