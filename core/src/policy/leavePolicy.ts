import { z } from 'zod';
import { zInt } from '../schemas/common';
import { ZDays, ZItemId, ZLocalizedText, ZMinutes } from './primitives';

/** AT-4: a leave type. */
export const ZLeaveType = z.strictObject({
  id: ZItemId,
  name: ZLocalizedText,
  /** AT-4: statutory types follow national rules. */
  statutory: z.boolean(),
  /** RS-4/AT-4: whether the notice rules apply (sick and bereavement leave are taken as they arise). */
  requiresAdvanceNotice: z.boolean(),
});
export type TLeaveType = z.infer<typeof ZLeaveType>;

/** RS-4: leave of minDays..maxDays days (maxDays null: no upper bound) is filed noticeDays ahead. */
export const ZLeaveNoticeRule = z.strictObject({
  id: ZItemId,
  minDays: zInt().min(1),
  maxDays: zInt().min(1).nullable(),
  noticeDays: ZDays,
});
export type TLeaveNoticeRule = z.infer<typeof ZLeaveNoticeRule>;

/** AT-4b: annual paid leave of this many days a year from this many completed years of service. */
export const ZAnnualLeaveStep = z.strictObject({ id: ZItemId, fromYears: zInt().min(0).max(60), days: ZDays.max(366) });
export type TAnnualLeaveStep = z.infer<typeof ZAnnualLeaveStep>;

export const ZLeavePolicy = z.strictObject({
  types: z.array(ZLeaveType).min(1),
  noticeRules: z.array(ZLeaveNoticeRule),
  /** AT-4b: personal leave (type `personal`) lasts at most this many calendar days per request (one month). */
  personalMaxDaysPerRequest: zInt().min(1).max(366),
  /** AT-4b: annual paid leave (type `annual`) by years of service from the hire date (statutory 5/10/15 at 1/10/20). */
  annualLeaveBySeniority: z.array(ZAnnualLeaveStep),
  /** AT-4b: types (business absence, outside study) decided only by the applicant's own superiors, never passed without. */
  superiorApprovalTypes: z.array(ZItemId),
  /** AT-4: special personal leave (特殊事假) is filed this many minutes before the shift. */
  specialNoticeMinutesBeforeShift: ZMinutes,
  /** RS-4: in an emergency the lead is told at once and the form is filed afterwards. */
  emergencyFileAfterwards: z.boolean(),
  /** AT-4: a late request is valid only with a superior's approval, else absence. */
  lateRequestNeedsSuperiorApproval: z.boolean(),
  /** RS-4: an extension needs approval, else absence. */
  extensionNeedsApproval: z.boolean(),
  /** RS-4: a stand-in covers the duties while on leave. */
  standInRequired: z.boolean(),
  /** AT-4: apply level by level, no skipping. */
  levelByLevel: z.boolean(),
  /** AT-4: apply in person, except sick leave. */
  inPersonExceptSick: z.boolean(),
  /** AT-4: sick leave certificates. */
  sick: z.strictObject({
    /** A sick leave of at least this many full days needs a medical certificate. */
    certificateFromDays: zInt().min(1),
    emergencyExempt: z.boolean(),
    certificateDueFirstDayBack: z.boolean(),
  }),
});
export type TLeavePolicy = z.infer<typeof ZLeavePolicy>;
