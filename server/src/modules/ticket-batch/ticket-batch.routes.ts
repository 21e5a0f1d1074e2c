import { ZBatchResult, ZTicketBatch, ZTicketListQuery, exportQuery } from '@techserve/core';
import { EXPORT_MAX_ROWS, exportLang, sendWorkbook, workbookResponse } from '../../files';
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
        summary: `The request list with the same filters and sort as GET /tickets as Excel (.xlsx), with a sheet of the filters; at most ${EXPORT_MAX_ROWS} rows; headers in lang (else Accept-Language)`,
        querystring: exportQuery(ZTicketListQuery),
        response: workbookResponse,
      },
      // Staff only (tickets.work): the file carries SLA columns and internal names a customer's portal never shows.
      config: { permission: 'tickets.work' as const },
    },
    async (req, reply) => sendWorkbook(reply, await svc.exportTickets(req.ctx(), req.query, exportLang(req))),
  );
}
