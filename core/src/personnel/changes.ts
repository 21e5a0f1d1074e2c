import { type CompiledCalendar, addWorkingDays, isWorkingDay, workingDaysBetween } from '../calendar/engine';
import { addMonthsToDate } from '../appraisal/windows';
import { type TExplanation, explain } from '../explanation';
import type { TAttendancePolicy } from '../policy/attendancePolicy';

/**
 * RS-6/RS-7: the dates of a change of resident personnel, on the site's calendar (holidays and 调休 working days
 * count as that calendar says). Pure: the filing date and the calendar are arguments.
 */

export type TPersonnelChangeRules = Pick<TAttendancePolicy, 'personnelChange' | 'replacement'>;
export type TPersonnelChangeKind = 'change' | 'replacement';

/** A refusal: the rule, the reason key of core/src/reasons/personnel.ts and its parameters. */
export type TPersonnelRefusal = { ruleId: 'RS-6' | 'RS-7'; reason: string; params: Record<string, string | number> };

export type TDateCheck = { ok: boolean; explanation: TExplanation; refusal: TPersonnelRefusal | null };

/** RS-6: the change date must be a working day of the site (the newcomer starts, the outgoing resident hands over). */
export function checkChangeDate(cal: CompiledCalendar, changeDate: string): TPersonnelRefusal | null {
  return isWorkingDay(cal, changeDate) ? null : { ruleId: 'RS-6', reason: 'personnel.changeDateNotWorking', params: { date: changeDate } };
}

/** RS-6: the personnel change notice (人员变动通知) is given `noticeMonths` months before the change date. */
export function checkNotice(rules: TPersonnelChangeRules, policyVersion: number | null, noticeOn: string, changeDate: string): TDateCheck {
  const months = rules.personnelChange.noticeMonths;
  const latest = addMonthsToDate(changeDate, -months);
  const ok = noticeOn <= latest;
  const inputs = { noticeOn, changeDate, noticeMonths: months, latestNoticeOn: latest };
  return {
    ok,
    explanation: explain({
      ruleId: 'RS-6',
      policyVersion,
      inputs,
      result: { ok },
      zh: `${changeDate} 的人员变动须提前 ${months} 个月通知（最晚 ${latest}），通知日 ${noticeOn}${ok ? '' : '，已晚'}`,
      en: `a change on ${changeDate} is announced ${months} month${months === 1 ? '' : 's'} ahead (by ${latest}); announced ${noticeOn}${ok ? '' : ', too late'}`,
    }),
    refusal: ok ? null : { ruleId: 'RS-6', reason: 'personnel.noticeLate', params: { months, latest, noticeOn, changeDate } },
  };
}

/** RS-6: the last day a change request may be filed: `requestWorkingDaysBefore` working days before the change date. */
export const requestDeadline = (rules: TPersonnelChangeRules, cal: CompiledCalendar, changeDate: string) =>
  addWorkingDays(cal, changeDate, -rules.personnelChange.requestWorkingDaysBefore);

/**
 * RS-6: a change request (人员变更申请) filed on `filedOn` is in time when at least `requestWorkingDaysBefore` working
 * days of the site lie in (filedOn, changeDate] — exactly 12 is in time, 11 is late.
 */
export function checkRequestTiming(
  rules: TPersonnelChangeRules,
  policyVersion: number | null,
  cal: CompiledCalendar,
  filedOn: string,
  changeDate: string,
): TDateCheck & { workingDays: number; required: number; deadline: string } {
  const required = rules.personnelChange.requestWorkingDaysBefore;
  const workingDays = workingDaysBetween(cal, filedOn, changeDate);
  const deadline = requestDeadline(rules, cal, changeDate);
  const ok = workingDays >= required;
  return {
    ok,
    workingDays,
    required,
    deadline,
    explanation: explain({
      ruleId: 'RS-6',
      policyVersion,
      inputs: { filedOn, changeDate, required, workingDays, deadline, calendar: cal.timeZone },
      result: { ok },
      zh: `变更申请须在变更日 ${changeDate} 前 ${required} 个工作日（最晚 ${deadline}）提出；${filedOn} 提出，相隔 ${workingDays} 个工作日${ok ? '' : '，不足'}`,
      en: `a change request is filed ${required} working days before the change on ${changeDate} (by ${deadline}); filed ${filedOn}, ${workingDays} working day${workingDays === 1 ? '' : 's'} ahead${ok ? '' : ', too few'}`,
    }),
    refusal: ok ? null : { ruleId: 'RS-6', reason: 'personnel.requestLate', params: { required, workingDays, deadline, changeDate } },
  };
}

/** Working days of the site in [start, end] (a handover's length). */
export function workingDaysIn(cal: CompiledCalendar, start: string, end: string): number {
  if (end < start) return 0;
  return workingDaysBetween(cal, start, end) + (isWorkingDay(cal, start) ? 1 : 0);
}

/** RS-6/RS-7: a handover lasts at least `handoverMinWorkingDays` working days of the site, from its start to its end inclusive. */
export function checkHandover(
  rules: TPersonnelChangeRules,
  policyVersion: number | null,
  cal: CompiledCalendar,
  kind: TPersonnelChangeKind,
  start: string,
  end: string,
): TDateCheck & { workingDays: number; required: number } {
  const ruleId = kind === 'replacement' ? 'RS-7' : 'RS-6';
  const required = kind === 'replacement' ? rules.replacement.handoverMinWorkingDays : rules.personnelChange.handoverMinWorkingDays;
  const workingDays = workingDaysIn(cal, start, end);
  const ok = workingDays >= required;
  return {
    ok,
    workingDays,
    required,
    explanation: explain({
      ruleId,
      policyVersion,
      inputs: { start, end, required, workingDays },
      result: { ok },
      zh: `工作交接不少于 ${required} 个工作日；${start}～${end} 共 ${workingDays} 个工作日${ok ? '' : '，不足'}`,
      en: `a handover lasts at least ${required} working days; ${start}–${end} has ${workingDays}${ok ? '' : ', too few'}`,
    }),
    refusal: ok ? null : { ruleId, reason: 'personnel.handoverShort', params: { required, workingDays, start, end } },
  };
}

/** RS-7: the company completes a replacement the client asked for on `requestedOn` within `withinWorkingDays` working days. */
export function replacementDue(rules: TPersonnelChangeRules, policyVersion: number | null, cal: CompiledCalendar, requestedOn: string) {
  const n = rules.replacement.withinWorkingDays;
  const dueDate = addWorkingDays(cal, requestedOn, n);
  return {
    dueDate,
    explanation: explain({
      ruleId: 'RS-7',
      policyVersion,
      inputs: { requestedOn, withinWorkingDays: n },
      result: { dueDate },
      zh: `甲方 ${requestedOn} 要求更换驻场人员，须在 ${n} 个工作日内（${dueDate} 前）完成`,
      en: `the client asked for a replacement on ${requestedOn}; it is done within ${n} working days (by ${dueDate})`,
    }),
  };
}

/** RS-7: a replacement's change date lies on or before its due date. */
export function checkReplacementDate(dueDate: string, changeDate: string): TPersonnelRefusal | null {
  return changeDate <= dueDate ? null : { ruleId: 'RS-7', reason: 'personnel.replacementLate', params: { dueDate, changeDate } };
}

/** RS-7: overdue when not completed by the end of its due date. */
export const replacementOverdue = (dueDate: string | null, completed: boolean, today: string) =>
  dueDate !== null && !completed && today > dueDate;
