import {
  ZCommissionBook,
  ZCommissionBookResult,
  ZCommissionEntry,
  ZCommissionListQuery,
  ZCommissionReleaseResult,
  ZId,
  ZPayContract,
  ZPayContractCreate,
  ZPayContractQuery,
  ZPayContractSettle,
  ZPayDashboard,
  ZPayDashboardQuery,
  ZPayMonthInput,
  ZPayMonthInputOut,
  ZPayMonthInputRow,
  ZPayMonthQuery,
  ZPayProfile,
  ZPayProfileUpdate,
  ZPayroll,
  ZProbationAssessment,
  ZProbationAssessmentCreate,
  ZProbationAssessmentQuery,
  ZTierProposal,
  ZWelderProposal,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { contentDisposition } from '../../files';
import { createContract, listContracts, listProjectChoices, settleContract } from './pay.contracts';
import { payrollExport } from './pay.export';
import { listAssessments, recordAssessment } from './pay.probation';
import * as svc from './pay.service';
import { welderProposals } from './pay.welders';

const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

/** PAY-1..5: the month's payroll, the commission ledger, pay profiles and the dashboards. */
export function payRoutes(app: App) {
  const tags = ['pay'];
  const read = { permission: 'pay.read' as const };
  const exporting = { permission: 'pay.export' as const };
  const manage = { permission: 'pay.manage' as const };

  app.get(
    '/pay/payroll',
    {
      schema: {
        tags,
        summary: "PAY-5: the month's payslips, every line explained; 409 pay.sheetsNotFinal until every sheet is final",
        querystring: ZPayMonthQuery,
        response: { 200: ZPayroll },
      },
      config: read,
    },
    (req) => svc.getPayroll(req.ctx(), req.query.month),
  );
  app.get(
    '/pay/payroll/export',
    {
      schema: {
        tags,
        summary: "PAY-5: the month's payroll for finance as Excel (.xlsx, Chinese headers, yuan, no tax), every line explained",
        querystring: ZPayMonthQuery,
        response: { 200: binary('The workbook') },
      },
      config: exporting,
    },
    async (req, reply) => {
      const file = await payrollExport(req.ctx(), req.query.month);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );
  app.get(
    '/pay/commission',
    {
      schema: {
        tags,
        summary: 'PAY-3: the commission ledger (settlement and held-back shares, release dates)',
        querystring: ZCommissionListQuery,
        response: { 200: z.object({ items: z.array(ZCommissionEntry) }) },
      },
      config: read,
    },
    (req) => svc.listEntries(req.ctx(), req.query),
  );
  app.post(
    '/pay/commission/book',
    {
      schema: {
        tags,
        summary: "PAY-3: book a closed month's settlement and held-back shares into the ledger (once)",
        body: ZCommissionBook,
        response: { 200: ZCommissionBookResult },
      },
      config: exporting,
    },
    (req) => svc.bookCommission(req.ctx(), req.body.month),
  );
  app.post(
    '/pay/commission/release',
    {
      schema: {
        tags,
        summary: 'PAY-3: date entries of settled projects and release what is due today into the open month',
        response: { 200: ZCommissionReleaseResult },
      },
      config: exporting,
    },
    (req) => svc.releaseCommission(req.ctx()),
  );
  app.get(
    '/pay/profiles',
    {
      schema: {
        tags,
        summary: 'PAY-1/PAY-5: base tier and field allowance of the staff in scope',
        response: { 200: z.object({ items: z.array(ZPayProfile) }) },
      },
      config: read,
    },
    (req) => svc.listProfiles(req.ctx()),
  );
  app.put(
    '/pay/profiles/:userId',
    {
      schema: {
        tags,
        summary: "PAY-1/PAY-5: set a person's base tier and field allowance",
        params: z.strictObject({ userId: ZId }),
        body: ZPayProfileUpdate,
        response: { 200: ZPayProfile },
      },
      config: manage,
    },
    (req) => svc.updateProfile(req.ctx(), req.params.userId, req.body),
  );
  app.get(
    '/pay/month-inputs',
    {
      schema: {
        tags,
        summary: "PAY-3: the month's days of non-piece work of the staff in scope (0 and version 0 where none is recorded)",
        querystring: ZPayMonthQuery,
        response: { 200: z.object({ items: z.array(ZPayMonthInputRow) }) },
      },
      config: read,
    },
    (req) => svc.listMonthInputs(req.ctx(), req.query.month),
  );
  app.put(
    '/pay/month-inputs',
    {
      schema: {
        tags,
        summary: "PAY-3: a person's days of non-piece work in an open month",
        body: ZPayMonthInput,
        response: { 200: ZPayMonthInputOut },
      },
      config: manage,
    },
    (req) => svc.setMonthInput(req.ctx(), req.body),
  );
  app.get(
    '/pay/tier-proposals',
    {
      schema: {
        tags,
        summary: 'PAY-1: the base tier each record earns at the end of a month (clean months, exam passed), proposed to the GM',
        querystring: ZPayMonthQuery,
        response: { 200: z.object({ items: z.array(ZTierProposal) }) },
      },
      config: read,
    },
    (req) => svc.tierProposals(req.ctx(), req.query.month),
  );
  app.get(
    '/pay/welder-proposals',
    {
      schema: {
        tags,
        summary: 'PAY-3/PAY-3b: welder grade-ups (6 months and an exam) and probation assessments due at the end of a month',
        querystring: ZPayMonthQuery,
        response: { 200: z.object({ items: z.array(ZWelderProposal) }) },
      },
      config: read,
    },
    (req) => welderProposals(req.ctx(), req.query.month),
  );
  app.get(
    '/pay/probation-assessments',
    {
      schema: {
        tags,
        summary: 'PAY-3b: probation assessments (转正考核), each with its items, result and explanation',
        querystring: ZProbationAssessmentQuery,
        response: { 200: z.object({ items: z.array(ZProbationAssessment) }) },
      },
      config: read,
    },
    (req) => listAssessments(req.ctx(), req.query.userId),
  );
  app.post(
    '/pay/probation-assessments',
    {
      schema: {
        tags,
        summary: 'PAY-3b: record a probation assessment; passed converts the pay profile from effectiveOn; 409 on a stale profile',
        body: ZProbationAssessmentCreate,
        response: { 201: ZProbationAssessment },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await recordAssessment(req.ctx(), req.body)),
  );
  app.get(
    '/pay/contracts',
    {
      schema: {
        tags,
        summary: 'PAY-3c: installation projects contracted (承包) to employees (no salary from the start to the end date)',
        querystring: ZPayContractQuery,
        response: { 200: z.object({ items: z.array(ZPayContract) }) },
      },
      config: read,
    },
    (req) => listContracts(req.ctx(), req.query.userId),
  );
  app.get(
    '/pay/contracts/projects',
    {
      schema: {
        tags,
        summary: 'PAY-3c: the projects a contract may name (newest first, at most 50, by a part of the name)',
        querystring: z.strictObject({ q: z.string().trim().max(100).optional() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }) },
      },
      config: manage,
    },
    (req) => listProjectChoices(req.ctx(), req.query.q),
  );
  app.post(
    '/pay/contracts',
    {
      schema: {
        tags,
        summary: 'PAY-3c: record a project contracted to an employee; 409 pay.contractOverlap, months.closed',
        body: ZPayContractCreate,
        response: { 201: ZPayContract },
      },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await createContract(req.ctx(), req.body)),
  );
  app.put(
    '/pay/contracts/:id',
    {
      schema: {
        tags,
        summary: "PAY-3c: a contract's settlement (its end date; null reopens it); 409 on a stale version",
        params: z.strictObject({ id: ZId }),
        body: ZPayContractSettle,
        response: { 200: ZPayContract },
      },
      config: manage,
    },
    (req) => settleContract(req.ctx(), req.params.id, req.body),
  );
  app.get(
    '/pay/dashboard',
    {
      schema: {
        tags,
        summary: 'Grades, fines and bonuses by rule, trends per team and region (final sheets)',
        querystring: ZPayDashboardQuery,
        response: { 200: ZPayDashboard },
      },
      config: read,
    },
    (req) => svc.dashboard(req.ctx(), req.query.from, req.query.to),
  );
}
