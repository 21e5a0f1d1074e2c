import { z } from 'zod';
import { ZDayOfMonth, ZDays, ZIsoWeekday, ZTimeOfDay } from './primitives';

/** A weekly deadline: ISO weekday (6 = Saturday) and time of day. */
export const ZWeeklyDeadline = z.strictObject({ weekday: ZIsoWeekday, time: ZTimeOfDay });
export type TWeeklyDeadline = z.infer<typeof ZWeeklyDeadline>;

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
  supervisorMonthlyDueWorkingDay: z.int().min(1).max(23),
  /** WR-6: technical visits. */
  technicalVisit: z.strictObject({
    siteRecordDays: ZDays,
    proposalDays: ZDays,
    fullPlanDays: ZDays,
  }),
  /** WR-7: last month's completed work volume by this day of the month. */
  monthlyVolumeDueDay: ZDayOfMonth,
});
export type TReportsPolicy = z.infer<typeof ZReportsPolicy>;
