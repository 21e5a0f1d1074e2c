import {
  ZAppraisalApprove,
  ZAppraisalDisputeCreate,
  ZAppraisalDisputeDecision,
  ZAppraisalFreezeResult,
  ZAppraisalListQuery,
  ZAppraisalMonthBody,
  ZAppraisalMonthQuery,
  ZAppraisalScheme,
  ZAppraisalReview,
  ZAppraisalSheet,
  ZIdParams,
  ZSelfAppraisal,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { contentDisposition } from '../../files';
import { appraisalExport } from './appraisal.export';
import * as svc from './appraisal.service';

const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

/** The monthly appraisal sheet (AP-1..AP-15): drafted from the month's facts, scored along the chain, signed, frozen. */
export function appraisalRoutes(app: App) {
  const tags = ['appraisal'];
  const list = z.object({ items: z.array(ZAppraisalSheet) });

  app.get(
    '/appraisal-sheets',
    {
      schema: {
        tags,
        summary: "The month's sheets: mine, or those in my scope (team)",
        querystring: ZAppraisalListQuery,
        response: { 200: list },
      },
      config: {},
    },
    (req) => svc.listSheets(req.ctx(), req.query),
  );
  app.get(
    '/appraisal-scheme',
    {
      schema: {
        tags,
        summary: 'AP-1..AP-4: the items and weights in force for a month, the due day and the chain',
        querystring: ZAppraisalMonthQuery,
        response: { 200: ZAppraisalScheme },
      },
      config: { permission: 'appraisal.self' as const },
    },
    (req) => svc.schemeOf(req.ctx(), req.query.month),
  );
  app.get(
    '/appraisal-sheets/export',
    {
      schema: {
        tags,
        summary: "AP-15: the month's final sheets for finance as Excel (.xlsx, Chinese headers, yuan), every line explained",
        querystring: ZAppraisalMonthQuery,
        response: { 200: binary('The workbook') },
      },
      config: { permission: 'appraisal.export' as const },
    },
    async (req, reply) => {
      const file = await appraisalExport(req.ctx(), req.query.month);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );
  app.get(
    '/appraisal-sheets/:id',
    {
      schema: {
        tags,
        summary: 'A sheet with each line explained (rule, policy version, facts)',
        params: ZIdParams,
        response: { 200: ZAppraisalSheet },
      },
      config: {},
    },
    (req) => svc.getSheet(req.ctx(), req.params.id),
  );
  app.post(
    '/appraisal-sheets/compute',
    {
      schema: {
        tags,
        summary: "AP-15: draft or recompute the month's sheets in my scope from the month's facts",
        body: ZAppraisalMonthBody,
        response: { 200: list },
      },
      config: { permission: 'appraisal.review' as const },
    },
    (req) => svc.computeSheets(req.ctx(), req.body.month),
  );
  app.put(
    '/appraisal-sheets/self',
    {
      schema: {
        tags,
        summary: 'AP-1/AP-2b: my self-appraisal, before the due day of the month',
        body: ZSelfAppraisal,
        response: { 200: ZAppraisalSheet },
      },
      config: { permission: 'appraisal.self' as const },
    },
    (req) => svc.selfAppraise(req.ctx(), req.body),
  );
  app.put(
    '/appraisal-sheets/:id/review',
    {
      schema: {
        tags,
        summary: "AP-2/AP-2b: the department manager's or the VP's score per item, with adjustments and their reasons",
        params: ZIdParams,
        body: ZAppraisalReview,
        response: { 200: ZAppraisalSheet },
      },
      config: { permission: 'appraisal.review' as const },
    },
    (req) => svc.reviewSheet(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/appraisal-sheets/:id/approve',
    {
      schema: {
        tags,
        summary: "AP-2: the GM's final score and signature",
        params: ZIdParams,
        body: ZAppraisalApprove,
        response: { 200: ZAppraisalSheet },
      },
      config: { permission: 'appraisal.approve' as const },
    },
    (req) => svc.approveSheet(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/appraisal-sheets/freeze',
    {
      schema: {
        tags,
        summary: "AP-15: a closed month's signed sheets become final",
        body: ZAppraisalMonthBody,
        response: { 200: ZAppraisalFreezeResult },
      },
      config: { permission: 'appraisal.approve' as const },
    },
    (req) => svc.freezeSheets(req.ctx(), req.body.month),
  );
  app.post(
    '/appraisal-sheets/:id/disputes',
    {
      schema: {
        tags,
        summary: 'AP-15: dispute a line of my sheet with a reason',
        params: ZIdParams,
        body: ZAppraisalDisputeCreate,
        response: { 201: ZAppraisalSheet },
      },
      config: { permission: 'appraisal.self' as const },
    },
    async (req, reply) => reply.status(201).send(await svc.disputeLine(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/appraisal-disputes/:id/decision',
    {
      schema: {
        tags,
        summary: 'AP-15: uphold (with the correction) or reject a dispute, with a reason',
        params: ZIdParams,
        body: ZAppraisalDisputeDecision,
        response: { 200: ZAppraisalSheet },
      },
      config: { permission: 'appraisal.review' as const },
    },
    (req) => svc.decideDispute(req.ctx(), req.params.id, req.body),
  );
}
