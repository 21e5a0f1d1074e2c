import { ZFollowUp, ZFollowUpComplete, ZFollowUpListQuery, ZIdParams, page } from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './followups.service';

/** SR-11: follow-up calls (回访) after closure — the queue and recording the customer's satisfaction. */
export function followUpsRoutes(app: App) {
  const tags = ['tickets'];
  const assign = { permission: 'tickets.assign' as const };
  app.get(
    '/followups',
    {
      schema: {
        tags,
        summary: 'Follow-ups (回访, SR-11) of the requests in your scope, soonest due first; dueBefore includes that day',
        querystring: ZFollowUpListQuery,
        response: { 200: page(ZFollowUp) },
      },
      config: assign,
    },
    (req) => svc.listFollowUps(req.ctx(), req.query),
  );
  app.post(
    '/followups/:id/complete',
    {
      schema: {
        tags,
        summary: 'Record the follow-up call: the customer’s satisfaction and a note (SR-11; 409 when stale or already done)',
        params: ZIdParams,
        body: ZFollowUpComplete,
        response: { 200: ZFollowUp },
      },
      config: assign,
    },
    (req) => svc.completeFollowUp(req.ctx(), req.params.id, req.body),
  );
}
