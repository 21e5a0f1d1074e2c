import {
  ZDefectAnswer,
  ZDefectDiscussionCommentCreate,
  ZDefectDiscussionConclude,
  ZDefectDiscussionOpen,
  ZDefectDiscussionResult,
  ZDefectQuery,
  ZDefectReport,
  ZDefectReportCreate,
  ZIdParams,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './defects.service';
import * as talk from './discussions.service';

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
  // SR-15: the team discussion of a complex fault behind a defect report.
  const discussion = { 200: ZDefectDiscussionResult };
  app.get(
    '/defects/:id/discussion',
    {
      schema: { tags, summary: 'The team discussion of a defect report, or null (SR-15)', params: ZIdParams, response: discussion },
      config: report,
    },
    (req) => talk.getDiscussion(req.ctx(), req.params.id),
  );
  app.post(
    '/defects/:id/discussion',
    {
      schema: {
        tags,
        summary: 'Raise a complex fault for team discussion with its participants (SR-15; 409 when one exists)',
        params: ZIdParams,
        body: ZDefectDiscussionOpen,
        response: { 201: ZDefectDiscussionResult },
      },
      config: report,
    },
    async (req, reply) => reply.status(201).send(await talk.openDiscussion(req.ctx(), req.params.id, req.body)),
  );
  app.post(
    '/defects/:id/discussion/comments',
    {
      schema: {
        tags,
        summary: 'A participant comments on the open team discussion (SR-15)',
        params: ZIdParams,
        body: ZDefectDiscussionCommentCreate,
        response: discussion,
      },
      config: report,
    },
    (req) => talk.commentOnDiscussion(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/defects/:id/discussion/conclude',
    {
      schema: {
        tags,
        summary: 'Record the team discussion’s conclusion, fed back to the request (SR-15; 409 when stale or concluded)',
        params: ZIdParams,
        body: ZDefectDiscussionConclude,
        response: discussion,
      },
      config: report,
    },
    (req) => talk.concludeDiscussion(req.ctx(), req.params.id, req.body),
  );
}
