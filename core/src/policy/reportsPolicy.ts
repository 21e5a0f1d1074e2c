import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZDayOfMonth, ZDays, ZIsoWeekday, ZItemId, ZLocalizedText, ZMinutes, ZTimeOfDay } from './primitives';

/** A weekly deadline: ISO weekday (6 = Saturday) and time of day. */
export const ZWeeklyDeadline = z.strictObject({ weekday: ZIsoWeekday, time: ZTimeOfDay });
export type TWeeklyDeadline = z.infer<typeof ZWeeklyDeadline>;

/** WR-7/PAY-3: a diameter band of a pipe type (规格), e.g. Φ50–110. */
export const ZDiameterBand = z.strictObject({ id: ZItemId, name: ZLocalizedText });
export type TDiameterBand = z.infer<typeof ZDiameterBand>;

/** WR-7/PAY-3: a pipe type (给水管, 排水管…) and its diameter bands; piece rates are keyed by these ids. */
export const ZPipeType = z.strictObject({ id: ZItemId, name: ZLocalizedText, bands: z.array(ZDiameterBand).min(1) });
export type TPipeType = z.infer<typeof ZPipeType>;

/**
 * When a deadline named by a date (a weekday such as Saturday 18:00, a day of the month such as the 3rd) falls on
 * a public holiday of the calendar: 'keep' it there, or move it to the 'nextWorkingDay' at the same time. Plain
 * weekends never move a deadline (the rule names a weekend day on purpose); 调休 make-up days are working days.
 */
export const ZHolidayDeadlineRule = z.enum(['keep', 'nextWorkingDay']);
export type THolidayDeadlineRule = z.infer<typeof ZHolidayDeadlineRule>;

export const ZReportsPolicy = z.strictObject({
  /** WR-2: a daily work log every working day. */
  dailyLogRequired: z.boolean(),
  /** WR-4: the engineer's weekly report (技术服务周报), judged by the time received. */
  engineerWeekly: z.strictObject({
    due: ZWeeklyDeadline,
    /** WR-4: file name; <name> and <MM-DD> are replaced. */
    fileNamePattern: z.string().min(1),
  }),
  /** WR-4: the supervisor's weekly report to the GM. */
  supervisorWeekly: z.strictObject({ due: ZWeeklyDeadline }),
  /** WR-5/AP-14: the supervisor's monthly service report, due by this working day of the next month. */
  supervisorMonthlyDueWorkingDay: zInt().min(1).max(23),
  /** WR-6: technical visits. */
  technicalVisit: z.strictObject({
    siteRecordDays: ZDays,
    proposalDays: ZDays,
    fullPlanDays: ZDays,
  }),
  /** WR-7: last month's completed work volume by this day of the month. */
  monthlyVolumeDueDay: ZDayOfMonth,
  /** WR-7/PAY-3: the pipe types and diameter bands volume is reported in. */
  workVolume: z.strictObject({ pipeTypes: z.array(ZPipeType).min(1) }),
  /** WR-1: next week's plan is due by this weekday and time of the week before; the lead approves it before the week starts. */
  weeklyPlan: z.strictObject({ due: ZWeeklyDeadline }),
  /** WR-4/WR-5/WR-7: a date-named deadline on a public holiday (see ZHolidayDeadlineRule). */
  holidayDeadlineRule: ZHolidayDeadlineRule,
  /** The time of day a deadline named by a day ("by the 3rd", "the 3rd working day", "3 working days after") falls at; 24:00 = the end of that day. */
  dayDeadlineTime: ZTimeOfDay,
  /** Owners are reminded this many minutes before a due time (0: no reminder). */
  reminderMinutesBefore: ZMinutes,
});
export type TReportsPolicy = z.infer<typeof ZReportsPolicy>;
