import type { TPortalEquipment } from '@techserve/core';
import type { Ctx } from '../../http/context';
import { refuse } from '../../http/errors';
import * as repo from './portal.repository';

/** The portal account's reach: its company (company scope) or its one site (site scope); staff have none here. */
async function reachOf(ctx: Ctx): Promise<repo.PortalReach> {
  const { actor } = ctx;
  if (actor.scope === 'company' && actor.customerId != null) return { customerId: actor.customerId, siteId: null };
  if (actor.scope === 'site' && actor.siteId != null) {
    const customerId = await repo.customerOfSite(ctx.db, actor.siteId);
    if (customerId != null) return { customerId, siteId: actor.siteId };
  }
  throw refuse('forbidden', 'portal.notCustomer');
}

/**
 * Issue 12 item 12: what a customer may name when filing a request (SR-1): its sites and installed devices with the
 * product names and serial numbers only — no warranty dates, contracts or notes. The request's create checks again
 * that they belong to the customer.
 */
export async function equipment(ctx: Ctx): Promise<TPortalEquipment> {
  const reach = await reachOf(ctx);
  const [sites, devices] = await Promise.all([repo.sitesIn(ctx.db, reach), repo.devicesIn(ctx.db, reach)]);
  return {
    sites: sites.map((s) => ({ id: s.id, name: s.name, address: s.address })),
    devices: devices.map((d) => ({ id: d.id, siteId: d.site_id, productName: d.product_name, serialNumber: d.serial_number })),
  };
}
