import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZId, ZLocalizedName, ZRef, zInt } from './common';
import { ZReportObligation } from './reports';
import { ZMonth } from './travel';

// WR-5 monthly service report (技术服务月度报表), issue 15 item 5.
//
// API (under /api/v1):
//   GET  /monthly-reports/preview?departmentId=&month=   reports.supervise  the month computed now (rates, ratings, charts' data)
//   POST /monthly-reports  {departmentId, month, comment} reports.supervise  submit it (frozen; fulfils WR-5's obligation)
//   GET  /monthly-reports?departmentId=                   reports.supervise | reports.review  submitted reports in scope
//   GET  /monthly-reports/:id                             one submitted report
//   GET  /monthly-reports/:id/pdf | /xlsx                 the report as PDF (Chinese, with its charts) or Excel
//   GET  /monthly-reports/preview.pdf|.xlsx?departmentId=&month=   the same for the live preview

const ZGradeCounts = z.strictObject({
  excellent: zInt(),
  good: zInt(),
  fair: zInt(),
  poor: zInt(),
});
const ZRate = z.strictObject({
  value: z.number().nullable(),
  numerator: zInt(),
  denominator: zInt(),
  explanation: ZExplanation,
});

export const ZMonthlyReportData = z.strictObject({
  month: z.string(),
  department: z.strictObject({ id: zInt(), name: z.string() }),
  requests: z.strictObject({ total: zInt(), resolved: zInt() }),
  onsite: z.strictObject({ met: zInt(), late: zInt(), missed: zInt(), pending: zInt() }),
  ratings: z.strictObject({ attitude: ZGradeCounts, skill: ZGradeCounts, result: ZGradeCounts }),
  signoffs: z.strictObject({ total: zInt(), signed: zInt() }),
  weeklyReports: z.strictObject({ onTime: zInt(), late: zInt(), missing: zInt(), excused: zInt() }),
  engineers: z.array(
    z.strictObject({
      userId: zInt(),
      name: z.string(),
      requests: zInt(),
      resolved: zInt(),
      onsiteMet: zInt(),
      onsiteDecided: zInt(),
      ratings: zInt(),
      ratingsGoodOrBetter: zInt(),
      reportsOnTime: zInt(),
      reportsDue: zInt(),
    }),
  ),
  policyVersion: zInt().nullable(),
  computedAt: z.string(),
  rates: z.strictObject({
    timeliness: ZRate,
    resolution: ZRate,
    satisfaction: z.strictObject({ attitude: ZRate, skill: ZRate, result: ZRate }),
    signatures: ZRate,
    weeklyReportsOnTime: ZRate,
  }),
  sections: z.array(
    z.union([
      z.strictObject({ key: z.string(), title: ZLocalizedName, status: z.literal('pending'), note: ZLocalizedName }),
      z.strictObject({
        key: z.string(),
        title: ZLocalizedName,
        status: z.literal('ready'),
        rows: z.array(z.strictObject({ label: ZLocalizedName, value: z.number() })),
      }),
    ]),
  ),
});
export type TMonthlyReportDataOut = z.infer<typeof ZMonthlyReportData>;

export const ZMonthlyReportQuery = z.strictObject({ departmentId: ZId, month: ZMonth });
export type TMonthlyReportQuery = z.infer<typeof ZMonthlyReportQuery>;

export const ZMonthlyReportCreate = z.strictObject({
  departmentId: ZRef,
  month: ZMonth,
  comment: z.string().trim().max(5000).optional(),
});
export type TMonthlyReportCreate = z.infer<typeof ZMonthlyReportCreate>;

export const ZMonthlyReport = z.strictObject({
  id: zInt(),
  departmentId: zInt(),
  month: z.string(),
  comment: z.string(),
  submittedBy: z.strictObject({ id: zInt(), name: z.string() }),
  submittedAt: z.string(),
  data: ZMonthlyReportData,
  obligation: ZReportObligation.nullable(),
});
export type TMonthlyReport = z.infer<typeof ZMonthlyReport>;

export const ZMonthlyReportListQuery = z.strictObject({ departmentId: ZId.optional() });
export const ZMonthlyReportSummary = ZMonthlyReport.omit({ data: true }).extend({
  departmentName: z.string(),
  timeliness: z.number().nullable(),
  resolution: z.number().nullable(),
});
export type TMonthlyReportSummary = z.infer<typeof ZMonthlyReportSummary>;
