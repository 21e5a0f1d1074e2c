import { z } from 'zod';
import { ZCount, ZDays, ZHours, ZItemId, ZLocalizedText, ZMinutes, ZMonths, ZPoints, ZTimeOfDay } from './primitives';

/** RS-1: one working interval of the day. */
export const ZWorkInterval = z.strictObject({ start: ZTimeOfDay, end: ZTimeOfDay });
export type TWorkInterval = z.infer<typeof ZWorkInterval>;

/** RS-9: one conduct offence and the points it costs. */
export const ZConductItem = z.strictObject({ id: ZItemId, name: ZLocalizedText, points: ZPoints });
export type TConductItem = z.infer<typeof ZConductItem>;

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
  /** RS-7: replacement required by the client. */
  replacement: z.strictObject({
    withinWorkingDays: ZDays,
    handoverMinWorkingDays: ZDays,
  }),
});
export type TAttendancePolicy = z.infer<typeof ZAttendancePolicy>;
