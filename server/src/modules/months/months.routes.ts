import {
  ZAdjustment,
  ZAdjustmentCreate,
  ZAdjustmentListQuery,
  ZMonthClose,
  ZMonthListQuery,
  ZMonthParams,
  ZMonthStatus,
  page,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './months.service';

/** The month (design: "The month"): open → closed, and the adjustments that correct a closed month. */
export function monthsRoutes(app: App) {
  const tags = ['months'];
  const close = { permission: 'months.close' as const };

  app.get(
    '/months',
    {
      schema: {
        tags,
        summary: 'The months of a year: open or closed (by whom, when)',
        querystring: ZMonthListQuery,
        response: { 200: z.object({ items: z.array(ZMonthStatus) }) },
      },
      config: {},
    },
    (req) => svc.listMonths(req.ctx(), req.query.year),
  );
  app.post(
    '/months/:month/close',
    {
      schema: {
        tags,
        summary: 'Close an ended month: its facts are frozen, corrections become adjustments of the next open month (audited, final)',
        params: ZMonthParams,
        body: ZMonthClose,
        response: { 200: ZMonthStatus },
      },
      config: close,
    },
    (req) => svc.closeMonth(req.ctx(), req.params.month, req.body.note),
  );
  app.get(
    '/month-adjustments',
    {
      schema: {
        tags,
        summary: 'Adjustments booked in a month, in your scope',
        querystring: ZAdjustmentListQuery,
        response: { 200: page(ZAdjustment) },
      },
      config: {},
    },
    (req) => svc.listAdjustments(req.ctx(), req.query),
  );
  app.post(
    '/month-adjustments',
    {
      schema: {
        tags,
        summary: 'Correct a fact of a closed month: booked in the next open month, visible as an adjustment',
        body: ZAdjustmentCreate,
        response: { 201: ZAdjustment },
      },
      config: close,
    },
    async (req, reply) => reply.status(201).send(await svc.createAdjustment(req.ctx(), req.body)),
  );
}
