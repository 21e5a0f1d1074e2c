import type { CompiledCalendar } from '../calendar/compileCalendar';
import { dayNumberOf, weekdayIndexOf } from '../calendar/dates';
import { addWorkingDays, isWorkingDay, nextWorkingInstant } from '../calendar/engine';
import { zoneOffsetAt } from '../calendar/timeZone';
import { type TExplanation, explain } from '../explanation';
import type { TPolicy } from '../policy/schema';
import type { TWeeklyDeadline } from '../policy/reportsPolicy';
import { localDateOf } from '../policy/versioning';
import { OBLIGATION_KIND_INFO, type TObligationKind } from './kinds';
import { dayOfMonthClamped, isMonth, isWeekStart, localInstant, nextMonth, plusDays } from './month';

/*
 * Due instants (design: "Obligations"), computed from the policy in force and the owner's calendar (the company's,
 * or a site's own for its residents, POL-1). Conventions, stated once:
 * - A submission is judged by the instant it was RECEIVED (WR-4 「以收到时间为准」): on time when received at or
 *   before the due instant, late from one millisecond after. Saturday 18:00:00.000 is on time, 18:00:00.001 late.
 * - A deadline named by a weekday and time (Saturday 18:00) falls in the week of the report (weeks run Monday to
 *   Sunday); a plain weekend never moves it. When its day is a public holiday of the calendar, the policy's
 *   `reports.holidayDeadlineRule` decides: 'keep' it, or move it to the first working day after the holiday at the
 *   same time ('nextWorkingDay', the default). A 调休 make-up Saturday is a working day and keeps its deadline.
 * - The same holiday rule applies to a day-of-month deadline (WR-7 "by the 3rd"); a day beyond the month's end is
 *   its last day.
 * - A deadline named by a day ("by the 3rd", "the 3rd working day of the next month", "3 working days after the
 *   resolution") falls at `reports.dayDeadlineTime` of that day, 24:00 (the end of the day) by default.
 * - "The Nth working day of the next month" counts the calendar's working days from the 1st (make-up days count,
 *   holidays and weekends do not).
 * - A missing daily log (WR-2) is due when the next working day starts (its first working instant), so it is
 *   flagged that morning.
 * - A weekly plan (WR-1) is due at the policy's weekday and time of the week BEFORE the planned week, and its
 *   approval by the lead at the planned week's start (Monday 00:00, company-local).
 */

/** What an obligation's due instant is computed from, by kind. */
export type TDueFacts =
  | { kind: 'daily_log'; date: string }
  | { kind: 'weekly_plan' | 'weekly_plan_approval' | 'weekly_report' | 'supervisor_weekly_report'; weekStart: string }
  | { kind: 'monthly_service_report' | 'work_volume' | 'absence_explanation' | 'appraisal_sheet'; month: string }
  | { kind: 'reflection' | 'incident_review' | 'incident_notice'; eventAt: number }
  /** RS-6/RS-7: a date core's personnel rules computed on the site's calendar (personnel/changes.ts); `event` names the period. */
  | { kind: 'personnel_change_request' | 'resident_replacement'; event: string; dueDate: string }
  /** AP-16: a KPI review of a month 'YYYY-MM' (due in the next month's first days) or a year 'YYYY' (due in January). */
  | { kind: 'kpi_self_review' | 'kpi_superior_review'; period: string };

/** The calendar a due time was computed on, as explanations name it (a site's own calendar is an override, POL-1). */
export type TCalendarRef = { id: number | null; name: string; siteName?: string | null };

export type TDueContext = {
  policy: TPolicy;
  policyVersion: number | null;
  calendar: CompiledCalendar;
  calendarRef: TCalendarRef;
};

export type TDue = {
  kind: TObligationKind;
  ruleId: string;
  /** The period the obligation belongs to: a date (day, event), a week's Monday, or a month 'YYYY-MM'. */
  period: string;
  dueAt: number;
  /** The company-local date of the due instant. */
  dueDate: string;
  explanation: TExplanation;
};

const WEEKDAY_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 'YYYY-MM-DD HH:MM' (':SS' and '.mmm' only when not zero) of an instant in a time zone. */
export function localTimeText(ms: number, timeZone: string): string {
  const iso = new Date(ms + zoneOffsetAt(timeZone, ms)).toISOString();
  const seconds =
    iso.slice(16, 19) === ':00' && iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23) === '.000' ? iso.slice(16, 19) : iso.slice(16, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds}`;
}

/** A deadline at 24:00 reads as the end of its day: "2026-10-10 24:00", not the next day's 00:00. */
function deadlineText(date: string, time: string): string {
  return `${date} ${time}`;
}

const weekdayOf = (date: string) => weekdayIndexOf(dayNumberOf(date));

type Placed = { date: string; movedFrom: string | null; holidayName: string | null };

/** Applies the policy's holiday rule to a date-named deadline. */
function placeOnCalendar(date: string, ctx: TDueContext): Placed {
  const day = ctx.calendar.day(dayNumberOf(date));
  if (day.kind !== 'holiday' || ctx.policy.reports.holidayDeadlineRule === 'keep') return { date, movedFrom: null, holidayName: null };
  return { date: addWorkingDays(ctx.calendar, date, 1), movedFrom: date, holidayName: day.name ?? null };
}

function calendarText(ref: TCalendarRef): { zh: string; en: string } {
  if (ref.siteName)
    return {
      zh: `日历：${ref.name}（现场 ${ref.siteName} 的规定，POL-1）`,
      en: `calendar: ${ref.name} (site ${ref.siteName}'s own, POL-1)`,
    };
  return { zh: `日历：${ref.name}`, en: `calendar: ${ref.name}` };
}

function holidayText(placed: Placed, time: string, ctx: TDueContext): { zh: string; en: string } {
  if (placed.movedFrom) {
    return {
      zh: `；${placed.movedFrom}（${WEEKDAY_ZH[weekdayOf(placed.movedFrom)]}）为法定节假日，按政策顺延至节后第一个工作日 ${deadlineText(placed.date, time)}`,
      en: `; ${placed.movedFrom} (${WEEKDAY_EN[weekdayOf(placed.movedFrom)]}) is a public holiday, so by the policy it moves to the first working day after it, ${deadlineText(placed.date, time)}`,
    };
  }
  const kind = ctx.calendar.day(dayNumberOf(placed.date)).kind;
  if (kind === 'holiday')
    return { zh: '；该日为法定节假日，按政策截止时间不变', en: '; that day is a public holiday and by the policy the deadline stays' };
  if (kind === 'makeup') return { zh: '；该日为调休上班日', en: '; that day is a 调休 make-up working day' };
  return { zh: '', en: '' };
}

/** The date of a weekly deadline in the week starting `weekStart` (weekOffset -1: the week before). */
const weeklyDate = (weekStart: string, deadline: TWeeklyDeadline, weekOffset: number) =>
  plusDays(weekStart, weekOffset * 7 + deadline.weekday - 1);

function assertWeekStart(weekStart: string): void {
  if (!isWeekStart(weekStart)) throw new RangeError(`'${weekStart}' is not a Monday`);
}

function assertMonth(month: string): void {
  if (!isMonth(month)) throw new RangeError(`'${month}' is not a month 'YYYY-MM'`);
}

/**
 * The due instant of an obligation with its explanation (rule id, policy version, calendar, the rule's values).
 * Pure: the policy in force, the owner's compiled calendar and the facts are arguments.
 */
export function dueOf(facts: TDueFacts, ctx: TDueContext): TDue {
  const info = OBLIGATION_KIND_INFO[facts.kind];
  const tz = ctx.calendar.timeZone;
  const r = ctx.policy.reports;
  const cal = calendarText(ctx.calendarRef);
  const name = info.name;
  let period: string;
  let dueAt: number;
  // The day the deadline is named by (a 24:00 deadline is at the next midnight but belongs to this day).
  let dueDate: string;
  let zh: string;
  let en: string;
  let ruleId = info.ruleId;
  const inputs: Record<string, unknown> = { kind: facts.kind, calendar: ctx.calendarRef };

  switch (facts.kind) {
    case 'daily_log': {
      // WR-2 (RS-10 for residents): flagged when the next working day starts.
      period = facts.date;
      const endOfDay = localInstant(tz, plusDays(facts.date, 1));
      dueAt = nextWorkingInstant(ctx.calendar, endOfDay);
      dueDate = localDateOf(dueAt, tz);
      const at = localTimeText(dueAt, tz);
      zh = `${facts.date} 的${name['zh-CN']}须在下一个工作日上班时（${at}）前提交，未提交即标记为缺失`;
      en = `the daily work log of ${facts.date} is due when the next working day starts (${at}); missing by then, it is flagged`;
      inputs.date = facts.date;
      break;
    }
    case 'weekly_plan':
    case 'weekly_report':
    case 'supervisor_weekly_report': {
      assertWeekStart(facts.weekStart);
      period = facts.weekStart;
      const plan = facts.kind === 'weekly_plan';
      const deadline = plan ? r.weeklyPlan.due : facts.kind === 'weekly_report' ? r.engineerWeekly.due : r.supervisorWeekly.due;
      const placed = placeOnCalendar(weeklyDate(facts.weekStart, deadline, plan ? -1 : 0), ctx);
      dueAt = localInstant(tz, placed.date, deadline.time);
      dueDate = placed.date;
      const named = weeklyDate(facts.weekStart, deadline, plan ? -1 : 0);
      const h = holidayText(placed, deadline.time, ctx);
      const weekZh = plan ? `${facts.weekStart} 起一周的${name['zh-CN']}` : `${facts.weekStart} 那一周的${name['zh-CN']}`;
      const weekEn = plan
        ? `the plan for the week of ${facts.weekStart}`
        : `the ${name.en.toLowerCase()} of the week of ${facts.weekStart}`;
      zh = `${weekZh}截止${plan ? '上周' : ''}${WEEKDAY_ZH[deadline.weekday - 1]} ${deadlineText(named, deadline.time)}，以收到时间为准${h.zh}`;
      en = `${weekEn} is due ${plan ? 'the week before, ' : ''}${WEEKDAY_EN[deadline.weekday - 1]} ${deadlineText(named, deadline.time)}, by the time received${h.en}`;
      Object.assign(inputs, {
        weekStart: facts.weekStart,
        deadline,
        holidayDeadlineRule: r.holidayDeadlineRule,
        movedFrom: placed.movedFrom,
        holiday: placed.holidayName,
      });
      break;
    }
    case 'weekly_plan_approval': {
      assertWeekStart(facts.weekStart);
      period = facts.weekStart;
      dueAt = localInstant(tz, facts.weekStart);
      dueDate = plusDays(facts.weekStart, -1);
      zh = `${facts.weekStart} 起一周的工作计划须在该周开始前（${deadlineText(dueDate, '24:00')}）由组长审批`;
      en = `the plan for the week of ${facts.weekStart} is approved by the lead before the week starts (${deadlineText(dueDate, '24:00')})`;
      inputs.weekStart = facts.weekStart;
      break;
    }
    case 'monthly_service_report':
    case 'absence_explanation':
    case 'appraisal_sheet': {
      assertMonth(facts.month);
      period = facts.month;
      const n =
        facts.kind === 'monthly_service_report'
          ? r.supervisorMonthlyDueWorkingDay
          : facts.kind === 'absence_explanation'
            ? ctx.policy.attendance.monthlyLimits.explanationDueWorkingDays
            : ctx.policy.appraisal.sheetDueWorkingDays;
      const next = nextMonth(facts.month);
      // n = 0 (a policy may say "at once"): the month's last day.
      const date = addWorkingDays(ctx.calendar, plusDays(`${next}-01`, -1), n);
      dueAt = localInstant(tz, date, r.dayDeadlineTime);
      dueDate = date;
      const kind = ctx.calendar.day(dayNumberOf(date)).kind;
      const note = kind === 'makeup' ? { zh: '（调休上班日）', en: ' (a 调休 make-up working day)' } : { zh: '', en: '' };
      zh = `${facts.month} 的${name['zh-CN']}截止次月第 ${n} 个工作日 ${deadlineText(date, r.dayDeadlineTime)}${note.zh}，以收到时间为准`;
      en = `the ${name.en.toLowerCase()} of ${facts.month} is due on working day ${n} of the next month, ${deadlineText(date, r.dayDeadlineTime)}${note.en}, by the time received`;
      Object.assign(inputs, { month: facts.month, workingDay: n, dayDeadlineTime: r.dayDeadlineTime });
      break;
    }
    case 'work_volume': {
      assertMonth(facts.month);
      period = facts.month;
      const named = dayOfMonthClamped(nextMonth(facts.month), r.monthlyVolumeDueDay);
      const placed = placeOnCalendar(named, ctx);
      dueAt = localInstant(tz, placed.date, r.dayDeadlineTime);
      dueDate = placed.date;
      const h = holidayText(placed, r.dayDeadlineTime, ctx);
      zh = `${facts.month} 的${name['zh-CN']}截止次月 ${r.monthlyVolumeDueDay} 日（${deadlineText(named, r.dayDeadlineTime)}），以收到时间为准${h.zh}`;
      en = `the completed work volume of ${facts.month} is due by day ${r.monthlyVolumeDueDay} of the next month (${deadlineText(named, r.dayDeadlineTime)}), by the time received${h.en}`;
      Object.assign(inputs, {
        month: facts.month,
        day: r.monthlyVolumeDueDay,
        holidayDeadlineRule: r.holidayDeadlineRule,
        movedFrom: placed.movedFrom,
      });
      break;
    }
    case 'reflection':
    case 'incident_review':
    case 'incident_notice': {
      const eventDate = localDateOf(facts.eventAt, tz);
      period = eventDate;
      const n = facts.kind === 'reflection' ? ctx.policy.incidents.reflectionDueWorkingDays : ctx.policy.incidents.noticeDueWorkingDays;
      const date = addWorkingDays(ctx.calendar, eventDate, n);
      dueAt = localInstant(tz, date, r.dayDeadlineTime);
      dueDate = date;
      const resolved = localTimeText(facts.eventAt, tz);
      zh = `事故于 ${resolved} 解决，${name['zh-CN']}须在其后第 ${n} 个工作日 ${deadlineText(date, r.dayDeadlineTime)} 前完成`;
      en = `the incident was resolved at ${resolved}; the ${name.en.toLowerCase()} is due ${n} working day${n === 1 ? '' : 's'} later, ${deadlineText(date, r.dayDeadlineTime)}`;
      Object.assign(inputs, { eventAt: new Date(facts.eventAt).toISOString(), workingDays: n, dayDeadlineTime: r.dayDeadlineTime });
      if (facts.kind !== 'reflection') ruleId = 'IN-3';
      break;
    }
    case 'kpi_self_review':
    case 'kpi_superior_review': {
      // AP-16: the monthly review by the policy's day of the next month; the annual one by the end of its month of
      // the next year. A named day on a holiday follows reports.holidayDeadlineRule.
      const k = ctx.policy.appraisal.kpi;
      const annual = /^\d{4}$/.test(facts.period);
      if (!annual) assertMonth(facts.period);
      period = facts.period;
      const named = annual
        ? plusDays(`${nextMonth(`${Number(facts.period) + 1}-${String(k.annualReviewMonth).padStart(2, '0')}`)}-01`, -1)
        : dayOfMonthClamped(nextMonth(facts.period), k.monthlyReviewDueDay);
      const placed = placeOnCalendar(named, ctx);
      dueAt = localInstant(tz, placed.date, r.dayDeadlineTime);
      dueDate = placed.date;
      const h = holidayText(placed, r.dayDeadlineTime, ctx);
      const when = annual
        ? { zh: `次年 ${k.annualReviewMonth} 月底`, en: `by the end of month ${k.annualReviewMonth} of the next year` }
        : { zh: `次月 ${k.monthlyReviewDueDay} 日`, en: `by day ${k.monthlyReviewDueDay} of the next month` };
      zh = `${facts.period} 的${name['zh-CN']}截止${when.zh}（${deadlineText(named, r.dayDeadlineTime)}）${h.zh}`;
      en = `the ${name.en} of ${facts.period} is due ${when.en} (${deadlineText(named, r.dayDeadlineTime)})${h.en}`;
      Object.assign(inputs, { period: facts.period, monthlyReviewDueDay: k.monthlyReviewDueDay, annualReviewMonth: k.annualReviewMonth });
      break;
    }
    case 'personnel_change_request':
    case 'resident_replacement': {
      period = facts.event;
      dueAt = localInstant(tz, facts.dueDate, r.dayDeadlineTime);
      dueDate = facts.dueDate;
      const request = facts.kind === 'personnel_change_request';
      zh = request
        ? `${facts.event} 的人员变更须在 ${deadlineText(facts.dueDate, r.dayDeadlineTime)} 前提出变更申请（按现场日历的工作日计算）`
        : `甲方 ${facts.event} 要求的更换须在 ${deadlineText(facts.dueDate, r.dayDeadlineTime)} 前完成（按现场日历的工作日计算）`;
      en = request
        ? `the change request for the change on ${facts.event} is due ${deadlineText(facts.dueDate, r.dayDeadlineTime)} (working days of the site calendar)`
        : `the replacement the client asked for on ${facts.event} is due ${deadlineText(facts.dueDate, r.dayDeadlineTime)} (working days of the site calendar)`;
      Object.assign(inputs, { event: facts.event, dueDate: facts.dueDate, dayDeadlineTime: r.dayDeadlineTime });
      break;
    }
  }
  const result = { dueAt: new Date(dueAt).toISOString(), dueDate };
  return {
    kind: facts.kind,
    ruleId,
    period,
    dueAt,
    dueDate,
    explanation: explain({
      ruleId,
      policyVersion: ctx.policyVersion,
      inputs,
      result,
      zh: `${zh}；${cal.zh}`,
      en: `${en}; ${cal.en}`,
    }),
  };
}

export type TReceiptJudgement = {
  state: 'on_time' | 'late';
  /** Whole minutes after the due instant, rounded up (0 when on time). */
  lateMinutes: number;
  explanation: TExplanation;
};

/**
 * Judges a submission by the time it was received (WR-4): on time when received at or before the due instant,
 * late otherwise, with how late in whole minutes (rounded up: one second late is one minute late).
 */
export function judgeReceipt(
  due: { dueAt: number; ruleId: string; kind: TObligationKind },
  receivedAt: number,
  policyVersion: number | null,
  timeZone: string,
): TReceiptJudgement {
  const late = receivedAt > due.dueAt;
  const lateMinutes = late ? Math.ceil((receivedAt - due.dueAt) / 60_000) : 0;
  const received = localTimeText(receivedAt, timeZone);
  const deadline = localTimeText(due.dueAt, timeZone);
  const name = OBLIGATION_KIND_INFO[due.kind].name;
  const zh = late
    ? `${name['zh-CN']}于 ${received} 收到，晚于截止时间 ${deadline}，逾期 ${lateMinutes} 分钟（以收到时间为准）`
    : `${name['zh-CN']}于 ${received} 收到，未晚于截止时间 ${deadline}，按时（以收到时间为准，截止时刻当时收到也算按时）`;
  const en = late
    ? `${name.en} received ${received}, after the due time ${deadline}: ${lateMinutes} minute${lateMinutes === 1 ? '' : 's'} late (by the time received)`
    : `${name.en} received ${received}, not after the due time ${deadline}: on time (by the time received; received exactly at the due time is on time)`;
  return {
    state: late ? 'late' : 'on_time',
    lateMinutes,
    explanation: explain({
      ruleId: due.ruleId,
      policyVersion,
      inputs: { dueAt: new Date(due.dueAt).toISOString(), receivedAt: new Date(receivedAt).toISOString() },
      result: { state: late ? 'late' : 'on_time', lateMinutes },
      zh,
      en,
    }),
  };
}

/** True when the date is a working day of the calendar (a daily log is due for it). */
export const dailyLogDueOn = (calendar: CompiledCalendar, date: string) => isWorkingDay(calendar, date);
