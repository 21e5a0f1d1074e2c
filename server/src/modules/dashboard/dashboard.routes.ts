import { ZExecutiveDashboard, ZExecutiveDashboardQuery } from '@techserve/core';
import type { App } from '../../http/app-types';
import { executive } from './dashboard.service';

/** Issue 12 item 6: the executive dashboard (SLA compliance, volumes, resolution times, satisfaction per region and team). */
export function dashboardRoutes(app: App) {
  app.get(
    '/dashboard/executive',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Executive dashboard of a date range in your scope: SLA compliance (SLA-4), volumes and resolution times per period (SR-10), satisfaction by dimension (SR-11), per region and team',
        querystring: ZExecutiveDashboardQuery,
        response: { 200: ZExecutiveDashboard },
      },
      config: { permission: 'dashboard.read' as const },
    },
    (req) => executive(req.ctx(), req.query),
  );
}
