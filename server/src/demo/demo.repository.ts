import type { Db } from '../http/context';

/** The demo's look-ups (issue 12 item 16): the hospital and its first site by the customer code the demo gives it. */
export async function customerWithSite(db: Db, code: string) {
  const customer = await db.selectFrom('customers').select('id').where('code', '=', code).executeTakeFirst();
  if (!customer) return undefined;
  const site = await db.selectFrom('customer_sites').select('id').where('customer_id', '=', customer.id).orderBy('id').executeTakeFirst();
  return site && { customerId: Number(customer.id), siteId: Number(site.id) };
}

/** True when the "today" demo already ran (its marker request exists). */
export async function hasTicketTitled(db: Db, title: string) {
  return (await db.selectFrom('tickets').select('id').where('title', '=', title).limit(1).executeTakeFirst()) !== undefined;
}
