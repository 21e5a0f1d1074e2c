import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { projectScope } from './projects.access.repository';

// FS-13 deliveries: their queries (queries only in repositories, issue 13 item 2).

/** A delivery with its customer's and project's names (no scope filter: callers add it). */
export function deliverySummaryQuery(db: Db) {
  return db
    .selectFrom('deliveries')
    .innerJoin('customers as cu', 'cu.id', 'deliveries.customer_id')
    .leftJoin('projects as p', 'p.id', 'deliveries.project_id')
    .select([
      'deliveries.id',
      'deliveries.status',
      'deliveries.project_id',
      'p.name as project_name',
      'deliveries.contract_id',
      'deliveries.customer_id',
      'cu.name as customer_name',
      'deliveries.address',
      'deliveries.expected_on',
      'deliveries.notified_at',
      'deliveries.signed_at',
      'deliveries.discrepancy',
      'deliveries.created_at',
      'deliveries.version',
    ]);
}
export type DeliverySummaryRow = Awaited<ReturnType<ReturnType<typeof deliverySummaryQuery>['executeTakeFirstOrThrow']>>;

/** The delivery if the actor may see it. */
export function deliveryInScope(db: Db, actor: Actor, id: number) {
  return db
    .selectFrom('deliveries')
    .selectAll('deliveries')
    .where('deliveries.id', '=', id)
    .where((eb) => projectScope(eb, actor, 'deliveries'))
    .executeTakeFirst();
}

/** The delivery's items in order. */
export function itemsOf(db: Db, deliveryId: number) {
  return db.selectFrom('delivery_items').selectAll().where('delivery_id', '=', deliveryId).orderBy('id').execute();
}

export function contactRow(db: Db, contactId: number) {
  return db.selectFrom('customer_contacts').select(['name', 'email']).where('id', '=', contactId).executeTakeFirst();
}

export function contactRowOrThrow(db: Db, contactId: number) {
  return db.selectFrom('customer_contacts').select(['name', 'email']).where('id', '=', contactId).executeTakeFirstOrThrow();
}

export function contactCustomer(db: Db, contactId: number) {
  return db.selectFrom('customer_contacts').select('customer_id').where('id', '=', contactId).executeTakeFirst();
}

export function userName(db: Db, userId: number) {
  return db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
}

export function contractCustomer(db: Db, contractId: number) {
  return db.selectFrom('service_contracts').select(['id', 'customer_id']).where('id', '=', contractId).executeTakeFirst();
}

export function insertDelivery(db: Db, row: Insertable<DB['deliveries']>) {
  return db.insertInto('deliveries').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertItems(db: Db, rows: Insertable<DB['delivery_items']>[]) {
  await db.insertInto('delivery_items').values(rows).execute();
}

/** The delivery changed at the version read; false when someone changed it meanwhile. */
export async function updateDeliveryAtVersion(db: Db, id: number, version: number, set: Record<string, unknown>): Promise<boolean> {
  const res = await db.updateTable('deliveries').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** FS-13: the customer's portal users (active). */
export function portalUsersOf(db: Db, customerId: number) {
  return db.selectFrom('users').select('id').where('customer_id', '=', customerId).where('status', '=', 'active').execute();
}

/** FS-13: the quantity the customer counted for an item. */
export async function setItemCount(db: Db, itemId: number, qtyChecked: number, note: string | null) {
  await db.updateTable('delivery_items').set({ qty_checked: qtyChecked, note }).where('id', '=', itemId).execute();
}

export function projectManager(db: Db, projectId: number) {
  return db.selectFrom('projects').select('manager_id').where('id', '=', projectId).executeTakeFirst();
}
