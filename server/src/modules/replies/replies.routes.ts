import {
  ZCannedReply,
  ZCannedReplyCreate,
  ZCannedReplyRender,
  ZCannedReplyRendered,
  ZCannedReplyUpdate,
  ZId,
  ZIdParams,
  ZOk,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './replies.service';

/** SR-8: canned replies (快捷回复) — a team's templates with {{variables}}, filled in for a request's reply box. */
export function repliesRoutes(app: App) {
  const tags = ['replies'];
  const work = { permission: 'tickets.work' as const };
  const manage = { permission: 'replies.manage' as const };
  app.get(
    '/canned-replies',
    {
      schema: {
        tags,
        summary: 'The templates of every team and of mine (a department- or company-wide role: all teams)',
        querystring: z.strictObject({ teamId: ZId.optional() }),
        response: { 200: z.object({ items: z.array(ZCannedReply) }) },
      },
      config: work,
    },
    (req) => svc.listReplies(req.ctx(), req.query.teamId),
  );
  app.post(
    '/canned-replies',
    {
      schema: {
        tags,
        summary: 'Create a template (422 for an unknown {{variable}}; a team lead only for their own team)',
        body: ZCannedReplyCreate,
        response: { 201: ZCannedReply },
      },
      config: manage,
    },
    async (req, reply) => reply.status(201).send(await svc.createReply(req.ctx(), req.body)),
  );
  app.patch(
    '/canned-replies/:id',
    {
      schema: {
        tags,
        summary: 'Edit a template at the version read (409 when stale)',
        params: ZIdParams,
        body: ZCannedReplyUpdate,
        response: { 200: ZCannedReply },
      },
      config: manage,
    },
    (req) => svc.updateReply(req.ctx(), req.params.id, req.body),
  );
  app.delete(
    '/canned-replies/:id',
    { schema: { tags, summary: 'Delete a template', params: ZIdParams, response: { 200: ZOk } }, config: manage },
    async (req) => {
      await svc.deleteReply(req.ctx(), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/canned-replies/:id/render',
    {
      schema: {
        tags,
        summary: 'The template filled with a request’s customer, contact, number, title, engineer and site (404 outside your scope)',
        params: ZIdParams,
        body: ZCannedReplyRender,
        response: { 200: ZCannedReplyRendered },
      },
      config: work,
    },
    (req) => svc.renderForTicket(req.ctx(), req.params.id, req.body.ticketId),
  );
}
