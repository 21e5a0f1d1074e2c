import { ZIdParams, ZOk, ZTicketView, ZTicketViewCreate } from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './ticket-views.service';

/** Saved filters of the request list, each user's own. */
export function ticketViewsRoutes(app: App) {
  const tags = ['tickets'];
  const read = { permission: 'tickets.read' as const };
  app.get(
    '/ticket-views',
    {
      schema: { tags, summary: 'My saved request-list views', response: { 200: z.object({ items: z.array(ZTicketView) }) } },
      config: read,
    },
    (req) => svc.listTicketViews(req.ctx()),
  );
  app.post(
    '/ticket-views',
    {
      schema: {
        tags,
        summary: `Save a request-list view (at most ${svc.MAX_VIEWS_PER_USER} per user; 422 beyond)`,
        body: ZTicketViewCreate,
        response: { 201: ZTicketView },
      },
      config: read,
    },
    async (req, reply) => reply.status(201).send(await svc.createTicketView(req.ctx(), req.body)),
  );
  app.delete(
    '/ticket-views/:id',
    {
      schema: { tags, summary: 'Delete one of my saved views (another user’s is 404)', params: ZIdParams, response: { 200: ZOk } },
      config: read,
    },
    async (req) => {
      await svc.deleteTicketView(req.ctx(), req.params.id);
      return { ok: true as const };
    },
  );
}
