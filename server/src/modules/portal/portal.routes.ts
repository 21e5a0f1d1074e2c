import { ZPortalEquipment } from '@techserve/core';
import type { App } from '../../http/app-types';
import * as svc from './portal.service';

/** Issue 12 item 12: the customer portal's own reads (filing a request names a site and a device). */
export function portalRoutes(app: App) {
  app.get(
    '/portal/equipment',
    {
      schema: {
        tags: ['portal'],
        summary: 'The caller’s company sites and installed devices (names and serial numbers), to file a request on; staff get 403',
        response: { 200: ZPortalEquipment },
      },
      config: { permission: 'tickets.create' },
    },
    (req) => svc.equipment(req.ctx()),
  );
}
