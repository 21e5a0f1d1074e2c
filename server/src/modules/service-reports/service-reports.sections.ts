import type { TMonthlyReportData } from '@techserve/core';
import type { Db } from '../../http/context';

/**
 * WR-5 sections other modules provide through their set-based reads (design: each module offers one read of a
 * month's facts). Until a provider is wired here, its section shows as pending in the report, the PDF and the Excel
 * file, saying which module will provide it — never as zero. The incidents module (issue 15 items 8–10) replaces
 * `provide: null` with its reads: incidents by class (IN-1/IN-2), complaints by level (SR-14), survey results (SR-11b).
 */
export type MonthlySectionProvider = {
  key: string;
  title: { 'zh-CN': string; en: string };
  provide:
    | ((
        db: Db,
        q: { departmentId: number; month: string; from: string; to: string },
      ) => Promise<{ label: { 'zh-CN': string; en: string }; value: number }[]>)
    | null;
};

const PENDING_NOTE = {
  'zh-CN': '由事故、投诉与满意度调查模块提供，该模块上线后自动显示',
  en: 'Provided by the incidents, complaints and surveys module; shown here once it is available',
};

export const MONTHLY_SECTIONS: MonthlySectionProvider[] = [
  { key: 'incidents', title: { 'zh-CN': '服务事故（IN-1/IN-2）', en: 'Incidents (IN-1/IN-2)' }, provide: null },
  { key: 'complaints', title: { 'zh-CN': '客户投诉（SR-14）', en: 'Complaints (SR-14)' }, provide: null },
  { key: 'surveys', title: { 'zh-CN': '满意度调查（SR-11b）', en: 'Satisfaction surveys (SR-11b)' }, provide: null },
];

/** The sections of a month: each provider's rows, or pending. */
export async function monthlySections(
  db: Db,
  q: { departmentId: number; month: string; from: string; to: string },
): Promise<TMonthlyReportData['sections']> {
  const out: TMonthlyReportData['sections'] = [];
  for (const s of MONTHLY_SECTIONS) {
    if (!s.provide) out.push({ key: s.key, title: s.title, status: 'pending', note: PENDING_NOTE });
    else out.push({ key: s.key, title: s.title, status: 'ready', rows: await s.provide(db, q) });
  }
  return out;
}
