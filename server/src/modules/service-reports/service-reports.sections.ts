import { COMPLAINT_LEVELS, type TMonthlyReportData, aggregateSurveyRatings, monthDates } from '@techserve/core';
import type { Db } from '../../http/context';
import { complaintFactsBetween, incidentFactsBetween } from '../incidents/incidents.repository';
import { policyOn } from '../policy/policy-in-force';
import { departmentMembers } from '../reports/reports.repository';
import { surveyRatingsBetween, surveyResponseCountsBetween } from '../surveys/surveys.repository';

/**
 * WR-5 sections other modules provide through their set-based reads (design: each module offers one read of a
 * month's facts): the department's incidents by class (IN-1/IN-2) with their reflections and notices (IN-3), its
 * complaints by level (SR-14), and the satisfaction surveys answered in the month (SR-11b) about its engineers.
 * A provider set to null shows its section as pending, never as zero.
 */
type Label = { 'zh-CN': string; en: string };
type Row = { label: Label; value: number };
export type MonthlySectionProvider = {
  key: string;
  title: Label;
  provide: ((db: Db, q: { departmentId: number; month: string; from: string; to: string }) => Promise<Row[]>) | null;
};

const LEVEL: Record<string, Label> = {
  vpOrAbove: { 'zh-CN': '投诉至副总以上', en: 'to VP level or above' },
  salesManager: { 'zh-CN': '投诉至销售经理', en: 'to a sales manager' },
  salesAdmin: { 'zh-CN': '投诉至销售内勤', en: 'to sales admin' },
  service: { 'zh-CN': '投诉至服务部', en: 'to the service department' },
};

export const MONTHLY_SECTIONS: MonthlySectionProvider[] = [
  {
    key: 'incidents',
    title: { 'zh-CN': '服务事故（IN-1/IN-2）', en: 'Incidents (IN-1/IN-2)' },
    provide: async (db, q) => {
      const facts = (await incidentFactsBetween(db, { from: q.from, to: q.to })).filter((f) => f.departmentId === q.departmentId);
      return [
        { label: { 'zh-CN': 'I 类事故', en: 'Class I' }, value: facts.filter((f) => f.classId === 'I').length },
        { label: { 'zh-CN': 'II 类事故', en: 'Class II' }, value: facts.filter((f) => f.classId === 'II').length },
        { label: { 'zh-CN': '已解决', en: 'Resolved' }, value: facts.filter((f) => f.resolvedAt != null).length },
        { label: { 'zh-CN': '已交事故反思', en: 'Reflections filed' }, value: facts.filter((f) => f.reflectionAt != null).length },
        { label: { 'zh-CN': '已发事故通报', en: 'Notices sent' }, value: facts.filter((f) => f.noticeAt != null).length },
      ];
    },
  },
  {
    key: 'complaints',
    title: { 'zh-CN': '客户投诉（SR-14）', en: 'Complaints (SR-14)' },
    provide: async (db, q) => {
      const facts = (await complaintFactsBetween(db, { from: q.from, to: q.to })).filter((f) => f.departmentId === q.departmentId);
      return [
        { label: { 'zh-CN': '投诉总数', en: 'Complaints' }, value: facts.length },
        ...COMPLAINT_LEVELS.map((level) => ({
          label: LEVEL[level] ?? { 'zh-CN': level, en: level },
          value: facts.filter((f) => f.level === level).length,
        })),
        {
          label: { 'zh-CN': '已关闭（客户确认）', en: 'Closed with the customer’s confirmation' },
          value: facts.filter((f) => f.closedAt != null).length,
        },
      ];
    },
  },
  {
    key: 'surveys',
    title: { 'zh-CN': '满意度调查（SR-11b）', en: 'Satisfaction surveys (SR-11b)' },
    provide: async (db, q) => {
      const staff = new Set(await departmentMembers(db, q.departmentId));
      const facts = (await surveyRatingsBetween(db, { from: q.from, to: q.to })).filter((f) => f.engineerIds.some((id) => staff.has(id)));
      const policy = await policyOn(db, monthDates(q.month).last);
      const [all] = aggregateSurveyRatings(facts, 'all', policy.document.incidents.surveys.satisfiedFrom, policy.number);
      const counts = await surveyResponseCountsBetween(db, { from: q.from, to: q.to });
      return [
        { label: { 'zh-CN': '本月发出问卷', en: 'Questionnaires sent this month' }, value: counts.invited },
        { label: { 'zh-CN': '本月发出已回复', en: 'of them answered' }, value: counts.answered },
        {
          label: { 'zh-CN': '本月回复（本部门工程师服务的客户）', en: 'Responses this month (customers served by the department)' },
          value: all?.responses ?? 0,
        },
        { label: { 'zh-CN': '满意比例（%）', en: 'Satisfied (%)' }, value: all?.satisfiedPercent ?? 0 },
      ];
    },
  },
];

/** The sections of a month: each provider's rows, or pending. */
export async function monthlySections(
  db: Db,
  q: { departmentId: number; month: string; from: string; to: string },
): Promise<TMonthlyReportData['sections']> {
  const out: TMonthlyReportData['sections'] = [];
  for (const s of MONTHLY_SECTIONS) {
    if (!s.provide)
      out.push({
        key: s.key,
        title: s.title,
        status: 'pending',
        note: { 'zh-CN': '由相关模块提供，该模块上线后自动显示', en: 'Provided by another module; shown here once it is available' },
      });
    else out.push({ key: s.key, title: s.title, status: 'ready', rows: await s.provide(db, q) });
  }
  return out;
}
