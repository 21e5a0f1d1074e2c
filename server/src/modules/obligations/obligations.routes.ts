import {
  ZAdjustment,
  ZIdParams,
  ZObligation,
  ZObligationCorrection,
  ZObligationExcuse,
  ZObligationListQuery,
  ZObligationSummary,
  ZObligationSummaryQuery,
  page,
} from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './obligations.service';

/** Obligations: what is due, by whom, and whether it was done on time (design: "Obligations"). */
export function obligationsRoutes(app: App) {
  const tags = ['obligations'];
  const anyStaff = {}; // own obligations for everyone signed in; others by reports.review, checked in the service
  const excuse = { permission: 'obligations.excuse' as const };

  app.get(
    '/obligations',
    {
      schema: {
        tags,
        summary: 'What is due: mine, my team’s or my department’s; this week, overdue, open or all',
        querystring: ZObligationListQuery,
        response: { 200: page(ZObligation) },
      },
      config: anyStaff,
    },
    (req) => svc.listObligations(req.ctx(), req.query),
  );
  app.get(
    '/obligations/summary',
    {
      schema: {
        tags,
        summary: 'The department view: the month’s obligations per person and kind (open, overdue, on time, late, excused)',
        querystring: ZObligationSummaryQuery,
        response: { 200: ZObligationSummary },
      },
      config: { permission: 'reports.review' as const },
    },
    (req) => svc.obligationSummary(req.ctx(), req.query),
  );
  app.get(
    '/obligations/:id',
    {
      schema: {
        tags,
        summary: 'One obligation with how its due time was computed and how it was judged',
        params: ZIdParams,
        response: { 200: ZObligation },
      },
      config: anyStaff,
    },
    (req) => svc.getObligation(req.ctx(), req.params.id),
  );
  app.post(
    '/obligations/:id/excuse',
    {
      schema: {
        tags,
        summary: 'The supervisor excuses an open or late obligation, with the reason (audited; 409 in a closed month)',
        params: ZIdParams,
        body: ZObligationExcuse,
        response: { 200: ZObligation },
      },
      config: excuse,
    },
    (req) => svc.excuseObligation(req.ctx(), req.params.id, req.body),
  );
  app.post(
    '/obligations/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Its month is closed: the excuse is booked as an adjustment of the next open month',
        params: ZIdParams,
        body: ZObligationCorrection,
        response: { 201: ZAdjustment },
      },
      config: excuse,
    },
    async (req, reply) => reply.status(201).send(await svc.correctObligation(req.ctx(), req.params.id, req.body.reason)),
  );
}
