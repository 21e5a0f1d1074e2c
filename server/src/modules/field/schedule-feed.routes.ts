import { ZScheduleFeedInfo, ZScheduleFeedToken } from '@techserve/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './schedule-feed.service';

/**
 * The database of a public request. The app exposes it only through req.ctx(), which needs an actor, so a
 * permission-less placeholder actor is set for the call and removed at once (nothing else sees it).
 */
function databaseOf(req: FastifyRequest) {
  const before = req.actor;
  req.actor = { id: 0, username: '', name: '', roleId: 0, roleKey: '', roleName: '', scope: 'own', permissions: new Set(), departmentId: null, teamId: null, customerId: null, siteId: null, regionIds: [], mustChangePassword: false, via: 'token' };
  try {
    return req.ctx().db;
  } finally {
    req.actor = before;
  }
}

/** Each user's secret iCalendar feed of their letter appointments. */
export function scheduleFeedRoutes(app: App) {
  const tags = ['field'];
  const read = { permission: 'field.read' as const };
  app.get('/field/schedule/feed', { schema: { tags, summary: 'Whether you have a schedule feed', response: { 200: ZScheduleFeedInfo } }, config: read }, (req) => svc.feedInfo(req.ctx()));
  app.post(
    '/field/schedule/feed',
    { schema: { tags, summary: 'Create or rotate your secret iCalendar feed URL (shown once; the old one stops working)', response: { 200: ZScheduleFeedToken } }, config: read },
    (req) => svc.rotateFeed(req.ctx()),
  );
  app.delete('/field/schedule/feed', { schema: { tags, summary: 'Revoke your schedule feed', response: { 204: z.null() } }, config: read }, async (req, reply) => {
    await svc.revokeFeed(req.ctx());
    return reply.status(204).send(null);
  });
  app.get(
    '/field/schedule/:file',
    {
      schema: { tags, summary: 'Your appointments as iCalendar (public: the secret token in the URL is the credential); 404 for an unknown token', params: z.strictObject({ file: z.string().max(200) }) },
      config: { public: true },
    },
    async (req, reply) => {
      const body = await svc.feedCalendar(databaseOf(req), req.params.file);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
}
