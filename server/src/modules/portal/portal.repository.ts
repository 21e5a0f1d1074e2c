import type { Db } from '../../http/context';

/** Where a portal account may file: its company's sites and devices, or only its own site's (site scope). */
export type PortalReach = { customerId: number; siteId: number | null };

/** The sites of the reach, by name. */
export const sitesIn = (db: Db, reach: PortalReach) => {
  let q = db.selectFrom('customer_sites').select(['id', 'name', 'address']).where('customer_id', '=', reach.customerId);
  if (reach.siteId != null) q = q.where('id', '=', reach.siteId);
  return q.orderBy('name').orderBy('id').execute();
};

/** The installed devices of the reach with their product names, by product and serial number. */
export const devicesIn = (db: Db, reach: PortalReach) => {
  let q = db
    .selectFrom('installed_products')
    .innerJoin('products', 'products.id', 'installed_products.product_id')
    .select(['installed_products.id', 'installed_products.site_id', 'installed_products.serial_number', 'products.name as product_name'])
    .where('installed_products.customer_id', '=', reach.customerId);
  if (reach.siteId != null) q = q.where('installed_products.site_id', '=', reach.siteId);
  return q.orderBy('products.name').orderBy('installed_products.serial_number').execute();
};

/** The customer a site belongs to (a client IT office is scoped to one site). */
export const customerOfSite = async (db: Db, siteId: number) =>
  (await db.selectFrom('customer_sites').select('customer_id').where('id', '=', siteId).executeTakeFirst())?.customer_id ?? null;
