import { ZDefectAnswer, ZDefectQuery, ZDefectReport, ZDefectReportCreate, ZIdParams } from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './defects.service';

/** SR-15: defect reports to R&D or production, the answer fed back to the request. */
export function defectsRoutes(app: App) {
  const tags = ['defects'];
  const report = { permission: 'defects.report' as const };
  const answer = { permission: 'defects.answer' as const };
  const list = z.object({ items: z.array(ZDefectReport) });
  app.get(
    '/defects',
    {
      schema: {
        tags,
        summary: 'Defect reports (an answerer: all; a reporter: their own), open first',
        querystring: ZDefectQuery,
        response: { 200: list },
      },
      config: report,
    },
    (req) => svc.listDefects(req.ctx(), req.query.status),
  );
  app.get(
    '/tickets/:id/defects',
    {
      schema: { tags, summary: 'The defect reports of a request (404 outside your scope)', params: ZIdParams, response: { 200: list } },
      config: report,
    },
    (req) => svc.defectsOfTicket(req.ctx(), req.params.id),
  );
  app.post(
    '/tickets/:id/defects',
    {
      schema: {
        tags,
        summary: 'Report a defect found while servicing the request to R&D or production, with its owner and target date (SR-15)',
        params: ZIdParams,
        body: ZDefectReportCreate,
        response: { 201: ZDefectReport },
      },
      config: report,
    },
    async (req, reply) => reply.status(201).send(await svc.reportDefect(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/defects/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer a defect report; the answer is fed back to the request (409 when stale or already answered)',
        params: ZIdParams,
        body: ZDefectAnswer,
        response: { 200: ZDefectReport },
      },
      config: answer,
    },
    (req) => svc.answerDefect(req.ctx(), req.params.id, req.body),
  );
}
