import { ZWorkload, ZWorkloadQuery } from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './workload.service';

/** WR-8: workload per person and team, for the department head. */
export function workloadRoutes(app: App) {
  app.get(
    '/workload',
    {
      schema: {
        tags: ['reports'],
        summary: 'WR-8: time and content per person and team from requests, visits, daily logs and trips (at most 366 days)',
        querystring: ZWorkloadQuery,
        response: { 200: ZWorkload },
      },
      config: { permission: 'reports.review' as const },
    },
    (req) => svc.workload(req.ctx(), req.query),
  );
}
