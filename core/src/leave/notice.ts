import { type CompiledCalendar, isWorkingDay } from '../calendar';
import { dayNumberOf, dateOfDayNumber } from '../calendar/dates';
import { type TExplanation, explain } from '../explanation';
import type { TLeavePolicy, TLeaveType } from '../policy/leavePolicy';
import { REASONS, type TReasonKey, type TReasonParams, renderTemplate } from '../reasons';
import { annualLeaveEntitlement } from './seniority';

/** A leave lasts at most a year (bounds every per-day count). */
export const MAX_LEAVE_DAYS = 366;

export type TLeaveFacts = {
  typeId: string;
  startDate: string;
  endDate: string;
  /** The company-local date the request is filed on. */
  filedOn: string;
  /** RS-4: an emergency — the lead was told at once and the form is filed afterwards. */
  emergency: boolean;
  /** AT-4b: the applicant's hire date (annual leave by years of service); null when not recorded. */
  hireDate?: string | null;
  /** AT-4b: annual leave days the applicant already asked for (submitted or approved) in the first day's year. */
  annualUsedDays?: number;
  /** RS-4: an extension of an approved leave of one's own. */
  extension?: boolean;
};

/** Why a leave request cannot be filed as it is: the rule, the field at fault, the sentence and its reason key. */
export type TLeaveRefusal = { ruleId: string; path: string; message: string; reason?: TReasonKey; params?: TReasonParams };

const byReason = (ruleId: string, path: string, reason: TReasonKey, params: TReasonParams): TLeaveRefusal => ({
  ruleId,
  path,
  message: renderTemplate(REASONS[reason].en, params, 'en'),
  reason,
  params,
});

export type TLeaveAssessment = {
  type: TLeaveType;
  /** Working days of the period on the applicant's calendar (holidays and weekends are not leave days). */
  days: number;
  calendarDays: number;
  /** RS-4/AT-4: the notice this leave needs, in days before its first day (0 when the type needs none). */
  requiredNoticeDays: number;
  noticeRuleId: string | null;
  /** Days between filing and the first day (negative when filed after the leave began). */
  daysAhead: number;
  /** RS-4/AT-4: filed later than the notice asks (and not as an emergency filed afterwards). */
  late: boolean;
  /** AT-4: a sick leave of this length needs a medical certificate (handed in on the first day back). */
  certificateRequired: boolean;
  /**
   * RS-4/AT-4b: the request waits for a decision; false only for an on-time extension when the policy's
   * "extension needs approval" is off and its type is not one the superior must approve.
   */
  approvalNeeded: boolean;
  explanation: TExplanation;
  /** Set when the policy refuses the request as filed; nothing may be saved then. */
  refusal: TLeaveRefusal | null;
};

const diffDays = (from: string, to: string) => dayNumberOf(to) - dayNumberOf(from);

/** Working days in [startDate, endDate] on the calendar. */
export function leaveWorkingDays(cal: CompiledCalendar, startDate: string, endDate: string): number {
  let n = 0;
  for (let d = dayNumberOf(startDate); d <= dayNumberOf(endDate); d++) if (isWorkingDay(cal, dateOfDayNumber(d))) n++;
  return n;
}

/** RS-4: the notice rule for a leave of `days` days (the first whose range holds it). */
export function noticeRuleFor(policy: TLeavePolicy, days: number) {
  return policy.noticeRules.find((r) => days >= r.minDays && (r.maxDays == null || days <= r.maxDays)) ?? null;
}

/**
 * RS-4/AT-4: checks a leave request against the policy — its type, length in working days on the applicant's
 * calendar, the notice it needs (1–2 days: a day ahead; 3 or more: two days ahead, by default) and whether it was
 * filed that early; an emergency may be filed afterwards when the policy allows; a late request is valid only with a
 * superior's approval (else refused when the policy does not allow that); a sick leave from N days needs a medical
 * certificate (AT-4, emergencies exempt when the policy says so). Pure: the caller supplies the filing date.
 */
export function assessLeave(policy: TLeavePolicy, policyVersion: number | null, cal: CompiledCalendar, f: TLeaveFacts): TLeaveAssessment {
  const type = policy.types.find((t) => t.id === f.typeId);
  const calendarDays = diffDays(f.startDate, f.endDate) + 1;
  const base = { ruleId: 'AT-4', policyVersion, inputs: { ...f } };
  const refused = (refusal: TLeaveRefusal, t: TLeaveType = policy.types[0]): TLeaveAssessment => ({
    type: t,
    days: 0,
    calendarDays,
    requiredNoticeDays: 0,
    noticeRuleId: null,
    daysAhead: diffDays(f.filedOn, f.startDate),
    late: false,
    certificateRequired: false,
    approvalNeeded: true,
    explanation: explain({ ...base, ruleId: refusal.ruleId, result: null, zh: refusal.message, en: refusal.message }),
    refusal,
  });
  if (!type)
    return refused({
      ruleId: 'AT-4',
      path: 'body.typeId',
      message: `no leave type "${f.typeId}" in the policy; use one of ${policy.types.map((t) => t.id).join(', ')}`,
    });
  if (calendarDays < 1)
    return refused({ ruleId: 'AT-4', path: 'body.endDate', message: `must not be before startDate (${f.startDate})` }, type);
  if (calendarDays > MAX_LEAVE_DAYS)
    return refused({ ruleId: 'AT-4', path: 'body.endDate', message: `a leave lasts at most ${MAX_LEAVE_DAYS} days` }, type);
  const days = leaveWorkingDays(cal, f.startDate, f.endDate);
  if (days === 0)
    return refused(
      {
        ruleId: 'AT-4',
        path: 'body.endDate',
        message: `${f.startDate}–${f.endDate} holds no working day on your calendar; no leave is needed`,
      },
      type,
    );

  // AT-4b: personal leave at most the policy's calendar days per request.
  if (type.id === 'personal' && calendarDays > policy.personalMaxDaysPerRequest)
    return refused(
      byReason('AT-4b', 'body.endDate', 'leave.personalTooLong', { max: policy.personalMaxDaysPerRequest, calendarDays }),
      type,
    );
  // AT-4b: annual leave within the entitlement of the years of service on its first day, per calendar year.
  const annual =
    type.id === 'annual' && f.hireDate
      ? annualLeaveEntitlement(policy.annualLeaveBySeniority, policyVersion, f.hireDate, f.startDate)
      : null;
  if (type.id === 'annual') {
    if (!annual) return refused(byReason('AT-4b', 'body.typeId', 'leave.hireDateUnknown', {}), type);
    const used = f.annualUsedDays ?? 0;
    if (used + days > annual.days)
      return refused(
        byReason('AT-4b', 'body.endDate', 'leave.annualExceeded', {
          years: annual.years,
          year: f.startDate.slice(0, 4),
          entitlement: annual.days,
          used,
          days,
        }),
        type,
      );
  }

  const daysAhead = diffDays(f.filedOn, f.startDate);
  const rule = type.requiresAdvanceNotice ? noticeRuleFor(policy, days) : null;
  const requiredNoticeDays = rule?.noticeDays ?? 0;
  const excusedEmergency = f.emergency && policy.emergencyFileAfterwards;
  const short = daysAhead < requiredNoticeDays;
  const late = short && !excusedEmergency;
  const certificateRequired =
    type.id === 'sick' && days >= policy.sick.certificateFromDays && !(f.emergency && policy.sick.emergencyExempt);

  const name = type.name;
  let zh = `${name['zh-CN']} ${f.startDate}～${f.endDate}，${days} 个工作日`;
  let en = `${name.en} ${f.startDate}–${f.endDate}, ${days} working day${days === 1 ? '' : 's'}`;
  if (rule) {
    zh += `；须提前 ${requiredNoticeDays} 天申请（RS-4），实际提前 ${daysAhead} 天`;
    en += `; needs ${requiredNoticeDays} day${requiredNoticeDays === 1 ? '' : 's'} notice (RS-4), filed ${daysAhead} day${Math.abs(daysAhead) === 1 ? '' : 's'} ahead`;
  } else {
    zh += '；此假别无需提前申请';
    en += '; this leave type needs no advance notice';
  }
  if (short && excusedEmergency) {
    zh += '；紧急情况，已先告知负责人、事后补办（RS-4）';
    en += '; an emergency: the lead was told at once and the form is filed afterwards (RS-4)';
  } else if (late) {
    zh += policy.lateRequestNeedsSuperiorApproval ? '；逾期申请，须上级批准，否则按旷工处理（AT-4）' : '；逾期申请，政策不予受理（AT-4）';
    en += policy.lateRequestNeedsSuperiorApproval
      ? '; filed late: valid only with a superior’s approval, else absence (AT-4)'
      : '; filed late, which the policy does not accept (AT-4)';
  }
  const approvalNeeded = !(f.extension && !policy.extensionNeedsApproval && !late && !policy.superiorApprovalTypes.includes(type.id));
  if (f.extension) {
    zh += approvalNeeded ? '；续假须经批准，否则按旷工处理（RS-4）' : '；按政策续假无需审批（RS-4）';
    en += approvalNeeded
      ? '; an extension needs approval, else absence (RS-4)'
      : '; the policy lets an extension pass without approval (RS-4)';
  }
  if (policy.superiorApprovalTypes.includes(type.id)) {
    zh += '；须经直属上级批准（AT-4b）';
    en += '; decided by the applicant’s own superior (AT-4b)';
  }
  if (annual) {
    zh += `；${annual.explanation.text['zh-CN']}，本年已申请 ${f.annualUsedDays ?? 0} 天`;
    en += `; ${annual.explanation.text.en}, ${f.annualUsedDays ?? 0} already asked for this year`;
  }
  if (certificateRequired) {
    zh += `；病假 ${policy.sick.certificateFromDays} 天起须交医院证明${policy.sick.certificateDueFirstDayBack ? '，返岗首日交' : ''}`;
    en += `; sick leave from ${policy.sick.certificateFromDays} day${policy.sick.certificateFromDays === 1 ? '' : 's'} needs a medical certificate${policy.sick.certificateDueFirstDayBack ? ', due on the first day back' : ''}`;
  }
  const result = { days, requiredNoticeDays, daysAhead, late, certificateRequired, approvalNeeded };
  const explanation = explain({
    ...base,
    ruleId: rule ? 'RS-4' : 'AT-4',
    inputs: { ...f, noticeRuleId: rule?.id ?? null },
    result,
    zh,
    en,
  });
  const refusal: TLeaveRefusal | null =
    late && !policy.lateRequestNeedsSuperiorApproval
      ? byReason('RS-4', 'body.startDate', 'leave.mustFileAhead', {
          type: type.name,
          days,
          noticeDays: requiredNoticeDays,
          firstDay: dateOfDayNumber(dayNumberOf(f.filedOn) + requiredNoticeDays),
        })
      : null;
  return {
    type,
    days,
    calendarDays,
    requiredNoticeDays,
    noticeRuleId: rule?.id ?? null,
    daysAhead,
    late,
    certificateRequired,
    approvalNeeded,
    explanation,
    refusal,
  };
}
