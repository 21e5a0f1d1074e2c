import {
  ZDailyLog,
  ZDailyLogCreate,
  ZDailyLogDraft,
  ZDailyLogDraftQuery,
  ZDailyLogListQuery,
  ZDailyLogUpdate,
  ZIdParams,
  ZWeekQuery,
  ZWeeklyPlan,
  ZWeeklyPlanCreate,
  ZWeeklyPlanDecision,
  ZWeeklyPlanDraft,
  ZWeeklyPlanListQuery,
  ZWeeklyPlanUpdate,
  ZWeeklyReport,
  ZWeeklyReportCreate,
  ZWeeklyReportDraft,
  ZWeeklyReportDraftQuery,
  ZWeeklyReportListQuery,
  page,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import { sendDownload } from '../../files/download';
import * as daily from './daily-logs.service';
import * as weekly from './weekly.service';
import { renderWeeklyReportPdf } from './weekly-report.pdf';

/** WR-2 daily logs (RS-10 residents), WR-1 weekly plans, WR-4/WR-3 weekly reports. */
export function reportsRoutes(app: App, opts: { companyName: string }) {
  const tags = ['reports'];
  const write = { permission: 'reports.write' as const };
  const review = { permission: 'reports.review' as const };
  const inService = {}; // own records for writers, others in scope for reviewers: checked in the services

  app.get(
    '/daily-logs/draft',
    {
      schema: {
        tags,
        summary: 'WR-2: the day pre-filled from requests worked, visits, the travel log and time recorded',
        querystring: ZDailyLogDraftQuery,
        response: { 200: ZDailyLogDraft },
      },
      config: write,
    },
    (req) => daily.dailyLogDraft(req.ctx(), req.query.date),
  );
  app.post(
    '/daily-logs',
    {
      schema: {
        tags,
        summary: 'WR-2/RS-10: file the day’s log (judged by the time received against the next working morning)',
        body: ZDailyLogCreate,
        response: { 201: ZDailyLog },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await daily.createDailyLog(req.ctx(), req.body)),
  );
  app.put(
    '/daily-logs/:id',
    {
      schema: {
        tags,
        summary: 'Correct one’s own log (its month open)',
        params: ZIdParams,
        body: ZDailyLogUpdate,
        response: { 200: ZDailyLog },
      },
      config: write,
    },
    (req) => daily.updateDailyLog(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/daily-logs',
    {
      schema: {
        tags,
        summary: 'Daily logs: mine, or my team’s / department’s',
        querystring: ZDailyLogListQuery,
        response: { 200: page(ZDailyLog) },
      },
      config: inService,
    },
    (req) => daily.listDailyLogs(req.ctx(), req.query),
  );
  app.get(
    '/daily-logs/:id',
    { schema: { tags, summary: 'One daily log with its obligation', params: ZIdParams, response: { 200: ZDailyLog } }, config: inService },
    (req) => daily.getDailyLog(req.ctx(), req.params.id),
  );

  app.get(
    '/weekly-plans/draft',
    {
      schema: {
        tags,
        summary: 'WR-1: suggestions for a week’s plan and its due time',
        querystring: ZWeekQuery,
        response: { 200: ZWeeklyPlanDraft },
      },
      config: write,
    },
    (req) => weekly.planDraft(req.ctx(), req.query.weekStart),
  );
  app.post(
    '/weekly-plans',
    {
      schema: {
        tags,
        summary: 'WR-1: next week’s plan, filed before the week starts',
        body: ZWeeklyPlanCreate,
        response: { 201: ZWeeklyPlan },
      },
      config: write,
    },
    async (req, reply) => reply.status(201).send(await weekly.createPlan(req.ctx(), req.body)),
  );
  app.put(
    '/weekly-plans/:id',
    {
      schema: {
        tags,
        summary: 'Change a submitted or rejected plan before its week',
        params: ZIdParams,
        body: ZWeeklyPlanUpdate,
        response: { 200: ZWeeklyPlan },
      },
      config: write,
    },
    (req) => weekly.updatePlan(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/weekly-plans/:id/decision',
    {
      schema: {
        tags,
        summary: 'WR-1: the lead approves or rejects a plan before its week starts',
        params: ZIdParams,
        body: ZWeeklyPlanDecision,
        response: { 200: ZWeeklyPlan },
      },
      config: review,
    },
    (req) => weekly.decidePlan(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/weekly-plans',
    {
      schema: {
        tags,
        summary: 'Weekly plans: mine, or my team’s',
        querystring: ZWeeklyPlanListQuery,
        response: { 200: page(ZWeeklyPlan) },
      },
      config: inService,
    },
    (req) => weekly.listPlans(req.ctx(), req.query),
  );
  app.get(
    '/weekly-plans/:id',
    {
      schema: { tags, summary: 'One weekly plan with its obligations', params: ZIdParams, response: { 200: ZWeeklyPlan } },
      config: inService,
    },
    (req) => weekly.getPlan(req.ctx(), req.params.id),
  );

  app.get(
    '/weekly-reports/draft',
    {
      schema: {
        tags,
        summary: 'WR-4: the week compiled, with the SR-13 market feedback (WR-3) and the due time',
        querystring: ZWeeklyReportDraftQuery,
        response: { 200: ZWeeklyReportDraft },
      },
      config: inService,
    },
    (req) => weekly.reportDraft(req.ctx(), req.query.weekStart, req.query.kind),
  );
  app.post(
    '/weekly-reports',
    {
      schema: {
        tags,
        summary: 'WR-4: file the week’s report; judged by the time received (Saturday 18:00, the supervisor’s Sunday 18:00)',
        body: ZWeeklyReportCreate,
        response: { 201: ZWeeklyReport },
      },
      config: inService,
    },
    async (req, reply) => reply.status(201).send(await weekly.createReport(req.ctx(), req.body)),
  );
  app.get(
    '/weekly-reports',
    {
      schema: {
        tags,
        summary: 'Weekly reports: mine, my team’s or my department’s',
        querystring: ZWeeklyReportListQuery,
        response: { 200: page(ZWeeklyReport) },
      },
      config: inService,
    },
    (req) => weekly.listReports(req.ctx(), req.query),
  );
  app.get(
    '/weekly-reports/:id',
    {
      schema: {
        tags,
        summary: 'One weekly report with its late mark and explanation',
        params: ZIdParams,
        response: { 200: ZWeeklyReport },
      },
      config: inService,
    },
    (req) => weekly.getReport(req.ctx(), req.params.id),
  );
  app.get(
    '/weekly-reports/:id/export',
    {
      schema: { tags, summary: 'WR-4: the report as a PDF named by the policy’s pattern (<name>周报<MM-DD>)', params: ZIdParams },
      config: inService,
    },
    async (req, reply) => {
      const ctx = req.ctx();
      const r = await weekly.getReport(ctx, req.params.id);
      return sendDownload(reply, {
        fileName: `${r.fileName}.pdf`,
        contentType: 'application/pdf',
        data: await renderWeeklyReportPdf(r, opts.companyName, ctx.timeZone),
      });
    },
  );
}
