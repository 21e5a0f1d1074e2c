import { ZScheduleFeedInfo, ZScheduleFeedToken } from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import * as svc from './schedule-feed.service';

/** Each user's secret iCalendar feed of their letter appointments. */
export function scheduleFeedRoutes(app: App) {
  const tags = ['field'];
  const read = { permission: 'field.read' as const };
  app.get(
    '/field/schedule/feed',
    { schema: { tags, summary: 'Whether you have a schedule feed', response: { 200: ZScheduleFeedInfo } }, config: read },
    (req) => svc.feedInfo(req.ctx()),
  );
  app.post(
    '/field/schedule/feed',
    {
      schema: {
        tags,
        summary: 'Create or rotate your secret iCalendar feed URL (shown once; the old one stops working)',
        response: { 200: ZScheduleFeedToken },
      },
      config: read,
    },
    (req) => svc.rotateFeed(req.ctx()),
  );
  app.delete(
    '/field/schedule/feed',
    { schema: { tags, summary: 'Revoke your schedule feed', response: { 204: z.null() } }, config: read },
    async (req, reply) => {
      await svc.revokeFeed(req.ctx());
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/field/schedule/:file',
    {
      schema: {
        tags,
        summary: 'Your appointments as iCalendar (public: the secret token in the URL is the credential); 404 for an unknown token',
        params: z.strictObject({ file: z.string().max(200) }),
      },
      config: { public: true },
    },
    async (req, reply) => {
      const body = await svc.feedCalendar(req.publicCtx().db, req.params.file);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
}
