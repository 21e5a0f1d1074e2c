import { ZBatchResult, ZTicketBatch, ZTicketListQuery } from '@techserve/core';
import { z } from 'zod';
import { sendWorkbook } from '../../files';
import type { App } from '../../http/app-types';
import * as svc from './ticket-batch.service';

/** Issue 12 item 9: bulk actions on the request list and its Excel export. */
export function ticketBatchRoutes(app: App) {
  const tags = ['tickets'];
  app.post(
    '/ticket-batches',
    {
      schema: {
        tags,
        summary:
          'One action (assign, accept, start, resume, close, cancel) on up to 100 requests; each through the single transition’s rules at its current version, each result reported, a refusal undoing nothing',
        body: ZTicketBatch,
        response: { 200: ZBatchResult },
      },
      config: { permission: 'tickets.work' as const },
    },
    (req) => svc.batchTransition(req.ctx(), req.body),
  );
  app.get(
    '/ticket-exports/requests.xlsx',
    {
      schema: {
        tags,
        summary: `The request list with the same filters as GET /tickets as Excel (.xlsx), with a sheet of the filters; at most ${svc.EXPORT_MAX_ROWS} rows`,
        querystring: ZTicketListQuery,
        response: {
          200: {
            description: 'The workbook',
            content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
        },
      },
      // Staff only (tickets.work): the file carries SLA columns and internal names a customer's portal never shows.
      config: { permission: 'tickets.work' as const },
    },
    async (req, reply) => sendWorkbook(reply, await svc.exportTickets(req.ctx(), req.query)),
  );
}
