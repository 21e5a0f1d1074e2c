import { z } from 'zod';
import { ZExplanation } from '../explanation';
import { ZId, ZLocalizedName, ZRef } from './common';
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
  excellent: z.number().int(),
  good: z.number().int(),
  fair: z.number().int(),
  poor: z.number().int(),
});
const ZRate = z.strictObject({
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  explanation: ZExplanation,
});

export const ZMonthlyReportData = z.strictObject({
  month: z.string(),
  department: z.strictObject({ id: z.number().int(), name: z.string() }),
  requests: z.strictObject({ total: z.number().int(), resolved: z.number().int() }),
  onsite: z.strictObject({ met: z.number().int(), late: z.number().int(), missed: z.number().int(), pending: z.number().int() }),
  ratings: z.strictObject({ attitude: ZGradeCounts, skill: ZGradeCounts, result: ZGradeCounts }),
  signoffs: z.strictObject({ total: z.number().int(), signed: z.number().int() }),
  weeklyReports: z.strictObject({ onTime: z.number().int(), late: z.number().int(), missing: z.number().int(), excused: z.number().int() }),
  engineers: z.array(
    z.strictObject({
      userId: z.number().int(),
      name: z.string(),
      requests: z.number().int(),
      resolved: z.number().int(),
      onsiteMet: z.number().int(),
      onsiteDecided: z.number().int(),
      ratings: z.number().int(),
      ratingsGoodOrBetter: z.number().int(),
      reportsOnTime: z.number().int(),
      reportsDue: z.number().int(),
    }),
  ),
  policyVersion: z.number().int().nullable(),
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
  id: z.number().int(),
  departmentId: z.number().int(),
  month: z.string(),
  comment: z.string(),
  submittedBy: z.strictObject({ id: z.number().int(), name: z.string() }),
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
