import type { TLocalizedText } from '../policy/primitives';

/**
 * What can be due (design: "Obligations"): each kind names the rule that makes it due, what it is called and what
 * its period is — a day (the daily log), a week (identified by its Monday), a month ('YYYY-MM', the month the
 * report covers) or an event (the incident's resolution, identified by the event's local date).
 */
export const OBLIGATION_KINDS = [
  'daily_log',
  'weekly_plan',
  'weekly_plan_approval',
  'weekly_report',
  'supervisor_weekly_report',
  'monthly_service_report',
  'work_volume',
  'reflection',
  'incident_review',
  'incident_notice',
  'absence_explanation',
  'appraisal_sheet',
  'personnel_change_request',
  'resident_replacement',
  'kpi_self_review',
  'kpi_superior_review',
] as const;
export type TObligationKind = (typeof OBLIGATION_KINDS)[number];

export type TObligationPeriodKind = 'day' | 'week' | 'month' | 'event';

export type TObligationKindInfo = { ruleId: string; period: TObligationPeriodKind; name: TLocalizedText };

export const OBLIGATION_KIND_INFO: Record<TObligationKind, TObligationKindInfo> = {
  daily_log: { ruleId: 'WR-2', period: 'day', name: { 'zh-CN': '工作日志', en: 'Daily work log' } },
  weekly_plan: { ruleId: 'WR-1', period: 'week', name: { 'zh-CN': '下周工作计划', en: 'Weekly plan' } },
  weekly_plan_approval: { ruleId: 'WR-1', period: 'week', name: { 'zh-CN': '周计划审批', en: 'Weekly plan approval' } },
  weekly_report: { ruleId: 'WR-4', period: 'week', name: { 'zh-CN': '技术服务周报', en: 'Weekly report' } },
  supervisor_weekly_report: {
    ruleId: 'WR-4',
    period: 'week',
    name: { 'zh-CN': '主管周报（报总经理）', en: "Supervisor's weekly report to the GM" },
  },
  monthly_service_report: { ruleId: 'WR-5', period: 'month', name: { 'zh-CN': '技术服务月度报表', en: 'Monthly service report' } },
  work_volume: { ruleId: 'WR-7', period: 'month', name: { 'zh-CN': '完成工程量统计表', en: 'Completed work volume' } },
  reflection: { ruleId: 'IN-1', period: 'event', name: { 'zh-CN': '事故反思', en: 'Incident reflection' } },
  incident_review: { ruleId: 'IN-3', period: 'event', name: { 'zh-CN': '事故总结', en: 'Incident review' } },
  incident_notice: { ruleId: 'IN-3', period: 'event', name: { 'zh-CN': '事故通报', en: 'Incident notice' } },
  absence_explanation: { ruleId: 'RS-5', period: 'month', name: { 'zh-CN': '缺勤情况说明', en: 'Absence explanation' } },
  appraisal_sheet: { ruleId: 'AP-15', period: 'month', name: { 'zh-CN': '月度考核表', en: 'Appraisal sheet' } },
  personnel_change_request: { ruleId: 'RS-6', period: 'event', name: { 'zh-CN': '项目人员变更申请', en: 'Personnel change request' } },
  resident_replacement: { ruleId: 'RS-7', period: 'event', name: { 'zh-CN': '驻场人员更换', en: 'Resident replacement' } },
  kpi_self_review: { ruleId: 'AP-16', period: 'month', name: { 'zh-CN': '绩效自评', en: 'KPI self-review' } },
  kpi_superior_review: { ruleId: 'AP-16', period: 'month', name: { 'zh-CN': '上级绩效评分', en: "Superior's KPI review" } },
};

/** The states of an obligation: open until fulfilled (on time or late, judged by core), excused, or cancelled. */
export const OBLIGATION_STATES = ['open', 'on_time', 'late', 'excused', 'cancelled'] as const;
export type TObligationState = (typeof OBLIGATION_STATES)[number];
