import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZCount, ZDays, ZHours, ZItemId, ZLocalizedText, ZMinutes, ZMonths, ZPoints, ZTimeOfDay } from './primitives';

/** RS-1: one working interval of the day. */
export const ZWorkInterval = z.strictObject({ start: ZTimeOfDay, end: ZTimeOfDay });
export type TWorkInterval = z.infer<typeof ZWorkInterval>;

/** RS-9: one conduct offence and the points it costs. */
export const ZConductItem = z.strictObject({ id: ZItemId, name: ZLocalizedText, points: ZPoints });
export type TConductItem = z.infer<typeof ZConductItem>;

/** AT-5b: how overtime is counted and paid (national rules: 150 % on working days, 200 % rest days, 300 % statutory holidays). */
export const OVERTIME_PAID_BASES = ['lesserOfApprovedAndActual', 'actual', 'approved'] as const;
export const ZOvertimePolicy = z.strictObject({
  /** AT-5b: rate on a working day (a 调休 make-up day included), percent of the hourly wage. */
  workdayRatePercent: zInt().min(100).max(1000),
  /** AT-5b: rate on a rest day (weekend, a bridged day of a holiday block). */
  restDayRatePercent: zInt().min(100).max(1000),
  /** AT-5b: rate on a statutory holiday day (法定节假日). */
  holidayRatePercent: zInt().min(100).max(1000),
  /** AT-5b: rest-day overtime is compensated by pay, or by the same time off (补休) instead. */
  restDayCompensation: z.enum(['pay', 'timeOff']),
  /** AT-5: worked overtime counts in whole units of this many minutes, rounded down (0 or 1: to the minute). */
  roundingMinutes: ZMinutes.max(240),
  /** AT-5: punches up to this many minutes before the approved start or after its end bound the time worked. */
  punchWindowMinutes: ZMinutes.max(720),
  /** AT-5: the hours paid — the lesser of approved and worked, the worked hours, or the approved hours. */
  paidBasis: z.enum(OVERTIME_PAID_BASES),
});
export type TOvertimePolicy = z.infer<typeof ZOvertimePolicy>;

export const ZAttendancePolicy = z.strictObject({
  /** RS-1: working intervals of a working day (public holidays excepted). */
  workIntervals: z.array(ZWorkInterval).min(1),
  /** RS-2: arriving more than this many minutes after the start is late. */
  lateThresholdMinutes: ZMinutes,
  /** RS-2: leaving more than this many minutes before the end is early leave. */
  earlyLeaveThresholdMinutes: ZMinutes,
  /** RS-9: arriving more than this many minutes after the start is seriously late (严重迟到). */
  seriouslyLateMinutes: ZMinutes,
  /** RS-9: leaving more than this many minutes before the end is serious early leave (严重早退). */
  seriouslyEarlyLeaveMinutes: ZMinutes,
  /** RS-5: above these monthly counts an absence explanation (缺勤情况说明) is due. */
  monthlyLimits: z.strictObject({
    absencesAbove: ZCount,
    cumulativeLateMinutesAbove: ZMinutes,
    /** RS-5: the explanation is due this many working days after the month it explains. */
    explanationDueWorkingDays: ZDays,
  }),
  /** RS-9: conduct points table; the ids 'late' and 'seriouslyLate' are scored automatically. */
  conductPoints: z.array(ZConductItem),
  /** AT-3: phone off or out of service longer than this without contacting the manager counts as absence. */
  phoneOffHours: ZHours,
  /** AT-3: this many days of absence count as resignation. */
  absenceDaysAsResignation: ZDays,
  /** RS-6: change of personnel. */
  personnelChange: z.strictObject({
    noticeMonths: ZMonths,
    requestWorkingDaysBefore: ZDays,
    handoverMinWorkingDays: ZDays,
  }),
  /** AT-5/AT-5b: overtime. */
  overtime: ZOvertimePolicy,
  /** RS-7: replacement required by the client. */
  replacement: z.strictObject({
    withinWorkingDays: ZDays,
    handoverMinWorkingDays: ZDays,
  }),
});
export type TAttendancePolicy = z.infer<typeof ZAttendancePolicy>;
