import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZDateInRange, ZId, ZListQuery, ZRef, ZVersion, zInt } from './common';
import { ZObligation } from './obligations';

// Daily work logs (WR-2, RS-10), weekly plans (WR-1) and weekly reports (WR-4, WR-3), issue 15 items 2–4.
//
// API (under /api/v1):
//   GET  /daily-logs/draft?date=                 reports.write   the day pre-filled: requests worked, visits, travel log, time
//   POST /daily-logs                             reports.write   file the day's log (fulfils WR-2's obligation by the time received)
//   PUT  /daily-logs/:id                         reports.write   correct it (its month open)
//   GET  /daily-logs?view=mine|team&from=&to=    reports.write | reports.review   logs in scope
//   GET  /daily-logs/:id                         own or in scope
//   GET  /weekly-plans/draft?weekStart=          reports.write   suggestions: appointments and open requests of that week
//   POST /weekly-plans                           reports.write   next week's plan (WR-1), before the week starts
//   PUT  /weekly-plans/:id                       reports.write   change a submitted or rejected plan
//   POST /weekly-plans/:id/decision              reports.review  the lead approves or rejects it (not one's own)
//   GET  /weekly-plans?view=mine|team            …               plans in scope; GET /weekly-plans/:id
//   GET  /weekly-reports/draft?weekStart=&kind=  reports.write | reports.supervise   the week compiled (SR-13 market feedback)
//   POST /weekly-reports                         reports.write | reports.supervise   file it; judged by the time received (WR-4)
//   GET  /weekly-reports?view=mine|team|department&weekStart=   reports in scope; GET /weekly-reports/:id
//   GET  /weekly-reports/:id/export              own or in scope  PDF named by the policy's pattern `<name>周报<MM-DD>`

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const minutes = z
  .int()
  .min(0)
  .max(24 * 60);
const ZMonday = ZDateInRange.describe("a week's Monday 'YYYY-MM-DD'");

/** What the obligation behind a report says: due, state, late mark and both explanations. */
export const ZReportObligation = ZObligation.pick({
  id: true,
  state: true,
  overdue: true,
  dueAt: true,
  dueDate: true,
  doneAt: true,
  lateMinutes: true,
  explanation: true,
  judgement: true,
  excusedBy: true,
  excusedReason: true,
});
export type TReportObligation = z.infer<typeof ZReportObligation>;

/** A due instant a form shows before filing. */
export const ZDuePreview = z.strictObject({ dueAt: z.string(), dueDate: z.string(), explanation: ZExplanation });
export type TDuePreview = z.infer<typeof ZDuePreview>;

// Daily work log (WR-2, RS-10) ---------------------------------------------------------------------------------------

export const DAILY_LOG_SOURCES = ['ticket', 'visit', 'travel', 'other'] as const;
export const ZDailyLogItem = z.strictObject({
  /** Where the line came from: a request worked, a visit, the travel log, or typed by hand. */
  source: z.enum(DAILY_LOG_SOURCES),
  refId: ZRef.nullable().default(null),
  /** e.g. the request's number and title, the customer of a visit. */
  refLabel: z.string().trim().max(200).default(''),
  content: text(2000),
  minutes: minutes.default(0),
});
export type TDailyLogItem = z.infer<typeof ZDailyLogItem>;

/** RS-10: residents report daily with tasks broken down per person. */
export const ZDailyLogTask = z.strictObject({
  personId: ZRef.nullable().default(null),
  personName: text(60),
  task: text(1000),
  status: z.enum(['done', 'in_progress', 'planned']),
  minutes: minutes.default(0),
});
export type TDailyLogTask = z.infer<typeof ZDailyLogTask>;

export const ZDailyLogCreate = z.strictObject({
  date: ZDateInRange,
  summary: optionalText(5000),
  items: z.array(ZDailyLogItem).max(60).default([]),
  tasks: z.array(ZDailyLogTask).max(60).default([]),
  problems: optionalText(3000),
  tomorrow: optionalText(3000),
});
export type TDailyLogCreate = z.input<typeof ZDailyLogCreate>;

export const ZDailyLogUpdate = ZDailyLogCreate.omit({ date: true }).extend({ version: ZVersion });
export type TDailyLogUpdate = z.input<typeof ZDailyLogUpdate>;

export const ZDailyLog = z.strictObject({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  date: z.string(),
  summary: z.string(),
  items: z.array(ZDailyLogItem),
  tasks: z.array(ZDailyLogTask),
  problems: z.string(),
  tomorrow: z.string(),
  totalMinutes: zInt(),
  /** RS-10: a resident's site (the log goes to headquarters). */
  siteName: z.string().nullable(),
  submittedAt: z.string(),
  obligation: ZReportObligation.nullable(),
  version: zInt(),
});
export type TDailyLog = z.infer<typeof ZDailyLog>;

export const ZDailyLogDraft = z.strictObject({
  date: z.string(),
  items: z.array(ZDailyLogItem),
  totalMinutes: zInt(),
  resident: z.boolean(),
  siteName: z.string().nullable(),
  /** Whether a log is due for this day (a working day of the owner's calendar). */
  due: ZDuePreview.nullable(),
  existingId: zInt().nullable(),
});
export type TDailyLogDraft = z.infer<typeof ZDailyLogDraft>;

export const ZDailyLogDraftQuery = z.strictObject({ date: ZDateInRange });

export const ZDailyLogListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'team']).default('mine'),
  from: ZDateInRange.optional(),
  to: ZDateInRange.optional(),
  userId: ZId.optional(),
});
export type TDailyLogListQuery = z.infer<typeof ZDailyLogListQuery>;

// Weekly plan (WR-1) -------------------------------------------------------------------------------------------------

export const PLAN_SOURCES = ['regional_feedback', 'company_need', 'carry_over', 'other'] as const;
export const ZWeeklyPlanItem = z.strictObject({
  /** ISO weekday 1–7 of the planned day, or null for the whole week. */
  day: zInt().min(1).max(7).nullable().default(null),
  content: text(1000),
  /** WR-1: from regional feedback or company needs. */
  source: z.enum(PLAN_SOURCES),
  customerId: ZRef.nullable().default(null),
});
export type TWeeklyPlanItem = z.infer<typeof ZWeeklyPlanItem>;

export const ZWeeklyPlanCreate = z.strictObject({
  weekStart: ZMonday,
  items: z.array(ZWeeklyPlanItem).min(1).max(60),
  note: optionalText(2000),
});
export type TWeeklyPlanCreate = z.input<typeof ZWeeklyPlanCreate>;

export const ZWeeklyPlanUpdate = ZWeeklyPlanCreate.omit({ weekStart: true }).extend({ version: ZVersion });
export type TWeeklyPlanUpdate = z.input<typeof ZWeeklyPlanUpdate>;

export const ZWeeklyPlanDecision = z.strictObject({
  version: ZVersion,
  approve: z.boolean(),
  comment: optionalText(1000),
});
export type TWeeklyPlanDecision = z.infer<typeof ZWeeklyPlanDecision>;

export const ZWeeklyPlan = z.strictObject({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  weekStart: z.string(),
  items: z.array(ZWeeklyPlanItem),
  note: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected']),
  submittedAt: z.string(),
  decidedBy: z.strictObject({ id: zInt(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  obligation: ZReportObligation.nullable(),
  approval: ZReportObligation.nullable(),
  version: zInt(),
});
export type TWeeklyPlan = z.infer<typeof ZWeeklyPlan>;

export const ZWeeklyPlanDraft = z.strictObject({
  weekStart: z.string(),
  suggestions: z.array(ZWeeklyPlanItem.extend({ refLabel: z.string() })),
  due: ZDuePreview,
  existingId: zInt().nullable(),
});
export type TWeeklyPlanDraft = z.infer<typeof ZWeeklyPlanDraft>;

export const ZWeekQuery = z.strictObject({ weekStart: ZMonday });
export const ZWeeklyPlanListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'team']).default('mine'),
  weekStart: ZMonday.optional(),
  status: z.enum(['submitted', 'approved', 'rejected']).optional(),
});
export type TWeeklyPlanListQuery = z.infer<typeof ZWeeklyPlanListQuery>;

// Weekly report (WR-4, WR-3) ---------------------------------------------------------------------------------------------

export const WEEKLY_REPORT_KINDS = ['engineer', 'supervisor'] as const;
export const ZWeeklyReportKind = z.enum(WEEKLY_REPORT_KINDS);

/** SR-13/WR-3: market information categories (the same as a request's market information record). */
export const MARKET_CATEGORIES = ['quality_feedback', 'competitor', 'peer_news', 'new_product', 'customer_inventory', 'other'] as const;
export const ZMarketFeedback = z.strictObject({
  category: z.enum(MARKET_CATEGORIES),
  content: text(5000),
  /** The request it was recorded on (SR-13), when compiled from one. */
  ticketId: ZRef.nullable().default(null),
  ticketNumber: z.string().max(40).nullable().default(null),
});
export type TMarketFeedback = z.infer<typeof ZMarketFeedback>;

/** The week in numbers, as compiled when the report was filed. */
export const ZWeeklyStats = z.strictObject({
  requestsWorked: zInt(),
  requestsResolved: zInt(),
  visits: zInt(),
  onSiteMinutes: zInt(),
  timeSpentMinutes: zInt(),
  dailyLogs: zInt(),
  travelDays: zInt(),
  /** Supervisor's report: the department's weekly reports of the week, by state. */
  teamReports: z.strictObject({ onTime: zInt(), late: zInt(), open: zInt(), excused: zInt() }).nullable(),
});
export type TWeeklyStats = z.infer<typeof ZWeeklyStats>;

export const ZWeeklyReportCreate = z.strictObject({
  weekStart: ZMonday,
  kind: ZWeeklyReportKind.default('engineer'),
  summary: text(10_000),
  problems: optionalText(5000),
  nextWeek: optionalText(5000),
  /** WR-3: product quality, competitors, peers, new products, customer inventory (compiled from SR-13, editable). */
  marketFeedback: z.array(ZMarketFeedback).max(100).default([]),
});
export type TWeeklyReportCreate = z.input<typeof ZWeeklyReportCreate>;

export const ZWeeklyReport = z.strictObject({
  id: zInt(),
  userId: zInt(),
  userName: z.string(),
  kind: ZWeeklyReportKind,
  weekStart: z.string(),
  summary: z.string(),
  problems: z.string(),
  nextWeek: z.string(),
  marketFeedback: z.array(ZMarketFeedback),
  stats: ZWeeklyStats,
  /** WR-4: the export's file name by the policy's pattern, e.g. 张伟周报03-07. */
  fileName: z.string(),
  submittedAt: z.string(),
  obligation: ZReportObligation.nullable(),
});
export type TWeeklyReport = z.infer<typeof ZWeeklyReport>;

export const ZWeeklyReportDraftQuery = z.strictObject({ weekStart: ZMonday, kind: ZWeeklyReportKind.default('engineer') });
export const ZWeeklyReportDraft = z.strictObject({
  weekStart: z.string(),
  kind: ZWeeklyReportKind,
  stats: ZWeeklyStats,
  marketFeedback: z.array(ZMarketFeedback),
  /** The week's daily log summaries, to write the report from. */
  dailyLogs: z.array(z.strictObject({ date: z.string(), summary: z.string() })),
  due: ZDuePreview,
  existingId: zInt().nullable(),
  fileName: z.string(),
});
export type TWeeklyReportDraft = z.infer<typeof ZWeeklyReportDraft>;

export const ZWeeklyReportListQuery = ZListQuery.extend({
  view: z.enum(['mine', 'team', 'department']).default('mine'),
  weekStart: ZMonday.optional(),
  kind: ZWeeklyReportKind.optional(),
});
export type TWeeklyReportListQuery = z.infer<typeof ZWeeklyReportListQuery>;
