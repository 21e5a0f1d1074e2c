import {
  ZIdParams,
  ZMonthlyReport,
  ZMonthlyReportCreate,
  ZMonthlyReportData,
  ZMonthlyReportListQuery,
  ZMonthlyReportQuery,
  ZMonthlyReportSummary,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { sendDownload } from '../../files/download';
import { renderMonthlyReportPdf } from './monthly-report.pdf';
import { renderMonthlyReportXlsx } from './monthly-report.xlsx';
import * as svc from './service-reports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** WR-5: the monthly service report (技术服务月度报表). */
export function serviceReportsRoutes(app: App, opts: { companyName: string }) {
  const tags = ['reports'];
  const supervise = { permission: 'reports.supervise' as const };
  const read = {}; // reports.review or reports.supervise, and the department in scope: checked in the service
  const fileBase = (d: { department: { name: string }; month: string }) => `技术服务月度报表-${d.department.name}-${d.month}`;

  app.get(
    '/monthly-reports/preview',
    {
      schema: {
        tags,
        summary: 'WR-5: the department’s month computed now (rates with explanations, ratings, engineers)',
        querystring: ZMonthlyReportQuery,
        response: { 200: ZMonthlyReportData },
      },
      config: supervise,
    },
    (req) => svc.previewMonthlyReport(req.ctx(), req.query.departmentId, req.query.month),
  );
  app.get(
    '/monthly-reports/preview.pdf',
    { schema: { tags, summary: 'The live preview as a PDF with its charts', querystring: ZMonthlyReportQuery }, config: supervise },
    async (req, reply) => {
      const ctx = req.ctx();
      const d = await svc.previewMonthlyReport(ctx, req.query.departmentId, req.query.month);
      const meta = { companyName: opts.companyName, comment: '', submittedBy: null, submittedAt: null, timeZone: ctx.timeZone };
      const data = await renderMonthlyReportPdf(d, meta);
      return sendDownload(reply, { fileName: `${fileBase(d)}.pdf`, contentType: 'application/pdf', data });
    },
  );
  app.get(
    '/monthly-reports/preview.xlsx',
    { schema: { tags, summary: 'The live preview as an Excel workbook', querystring: ZMonthlyReportQuery }, config: supervise },
    async (req, reply) => {
      const d = await svc.previewMonthlyReport(req.ctx(), req.query.departmentId, req.query.month);
      return sendDownload(reply, { fileName: `${fileBase(d)}.xlsx`, contentType: XLSX, data: await renderMonthlyReportXlsx(d, '') });
    },
  );
  app.post(
    '/monthly-reports',
    {
      schema: {
        tags,
        summary: 'WR-5: submit the month’s report (frozen; judged by the time received)',
        body: ZMonthlyReportCreate,
        response: { 201: ZMonthlyReport },
      },
      config: supervise,
    },
    async (req, reply) => reply.status(201).send(await svc.submitMonthlyReport(req.ctx(), req.body)),
  );
  app.get(
    '/monthly-reports',
    {
      schema: {
        tags,
        summary: 'Submitted monthly reports in scope',
        querystring: ZMonthlyReportListQuery,
        response: { 200: z.object({ items: z.array(ZMonthlyReportSummary) }) },
      },
      config: read,
    },
    (req) => svc.listMonthlyReports(req.ctx(), req.query.departmentId),
  );
  app.get(
    '/monthly-reports/:id',
    { schema: { tags, summary: 'One submitted monthly report', params: ZIdParams, response: { 200: ZMonthlyReport } }, config: read },
    (req) => svc.getMonthlyReport(req.ctx(), req.params.id),
  );
  app.get(
    '/monthly-reports/:id/pdf',
    { schema: { tags, summary: 'The submitted report as a PDF (Chinese, with its charts)', params: ZIdParams }, config: read },
    async (req, reply) => {
      const ctx = req.ctx();
      const r = await svc.getMonthlyReport(ctx, req.params.id);
      const data = await renderMonthlyReportPdf(r.data, {
        timeZone: ctx.timeZone,
        companyName: opts.companyName,
        comment: r.comment,
        submittedBy: r.submittedBy.name,
        submittedAt: r.submittedAt,
      });
      return sendDownload(reply, { fileName: `${fileBase(r.data)}.pdf`, contentType: 'application/pdf', data });
    },
  );
  app.get(
    '/monthly-reports/:id/xlsx',
    { schema: { tags, summary: 'The submitted report as an Excel workbook', params: ZIdParams }, config: read },
    async (req, reply) => {
      const r = await svc.getMonthlyReport(req.ctx(), req.params.id);
      return sendDownload(reply, {
        fileName: `${fileBase(r.data)}.xlsx`,
        contentType: XLSX,
        data: await renderMonthlyReportXlsx(r.data, r.comment),
      });
    },
  );
}
