import { type Insertable, type Updateable, sql } from 'kysely';
import type { CustodyRecordsTable, CustomerCareTasksTable, RepairFeesTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { customerScope } from './customers.repository';

// CU-1 / CU-2: care tasks (visits and inspections) --------------------------------------------------------------------

/** What the actor sees of the region tasks: its regions' (CU-1/CU-2), or all with customers.manage or a wide scope. */
function taskRegionFilter(actor: Actor) {
  const wide = actor.permissions.has('customers.manage') || actor.scope === 'all' || actor.scope === 'department';
  return wide ? null : actor.regionIds;
}

const taskColumns = [
  'customer_care_tasks.id',
  'customer_care_tasks.version',
  'customer_care_tasks.kind',
  'customer_care_tasks.customer_id',
  'customers.name as customer_name',
  'customer_care_tasks.installed_product_id',
  'products.name as product_name',
  'installed_products.serial_number',
  'customer_care_tasks.region_id',
  'customer_care_tasks.period',
  'customer_care_tasks.due_date',
  'customer_care_tasks.state',
  'customer_care_tasks.done_on',
  'customer_care_tasks.recorded_by',
  'customer_care_tasks.note',
  'customer_care_tasks.explanation',
] as const;

function scopedTasks(db: Db, actor: Actor) {
  const regions = taskRegionFilter(actor);
  let q = db
    .selectFrom('customer_care_tasks')
    .innerJoin('customers', 'customers.id', 'customer_care_tasks.customer_id')
    .leftJoin('installed_products', 'installed_products.id', 'customer_care_tasks.installed_product_id')
    .leftJoin('products', 'products.id', 'installed_products.product_id')
    .select(taskColumns)
    .where((eb) => customerScope(eb, actor));
  if (regions) q = regions.length ? q.where('customer_care_tasks.region_id', 'in', regions) : q.where(sql<boolean>`1 = 0`);
  return q;
}
export type TaskRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function findTask(db: Db, actor: Actor, id: number) {
  return scopedTasks(db, actor).where('customer_care_tasks.id', '=', id).executeTakeFirst();
}

export type TaskFilter = { kind?: string; state?: string; customerId?: number; installedProductId?: number; dueBy?: string };
export function listTasks(db: Db, actor: Actor, f: TaskFilter) {
  let q = scopedTasks(db, actor).orderBy('customer_care_tasks.due_date').orderBy('customer_care_tasks.id').limit(500);
  if (f.kind) q = q.where('customer_care_tasks.kind', '=', f.kind);
  if (f.state) q = q.where('customer_care_tasks.state', '=', f.state);
  if (f.customerId) q = q.where('customer_care_tasks.customer_id', '=', f.customerId);
  if (f.installedProductId) q = q.where('customer_care_tasks.installed_product_id', '=', f.installedProductId);
  if (f.dueBy) q = q.where('customer_care_tasks.due_date', '<=', f.dueBy);
  return q.execute();
}

export async function insertTasks(db: Db, rows: Insertable<CustomerCareTasksTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const out = await db
    .insertInto('customer_care_tasks')
    .values(rows)
    .onConflict((oc) => oc.column('task_key').doNothing())
    .returning('id')
    .execute();
  return out.length;
}

export async function updateTask(db: Db, id: number, version: number, v: Updateable<CustomerCareTasksTable>) {
  const r = await db
    .updateTable('customer_care_tasks')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Open tasks due before `today`: the plan records them as missed (CU-1/CU-2). */
export async function markMissed(db: Db, today: string, at: string): Promise<number> {
  const r = await db
    .updateTable('customer_care_tasks')
    .set((eb) => ({ state: 'missed', updated_at: at, version: eb('version', '+', 1) }))
    .where('state', '=', 'open')
    .where('due_date', '<', today)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** CU-2: installed products with an acceptance date, and their region (the site's, else the customer's). */
export function productsForInspection(db: Db) {
  return db
    .selectFrom('installed_products')
    .innerJoin('customers', 'customers.id', 'installed_products.customer_id')
    .leftJoin('customer_sites', 'customer_sites.id', 'installed_products.site_id')
    .select([
      'installed_products.id',
      'installed_products.customer_id',
      'installed_products.serial_number',
      'installed_products.accepted_on',
      'installed_products.warranty_end_override',
      (eb) => eb.fn.coalesce('customer_sites.region_id', 'customers.region_id').as('region_id'),
    ])
    .where('installed_products.accepted_on', 'is not', null)
    .orderBy('installed_products.id')
    .execute();
}

/** CU-1: customers with a region, with their last visit done, last missed and whether one is open. */
export function customersForVisits(db: Db) {
  const visits = (state: string, column: 'done_on' | 'due_date') =>
    sql<
      string | null
    >`(select max(t.${sql.ref(column)}) from customer_care_tasks t where t.customer_id = customers.id and t.kind = 'visit' and t.state = ${state})`;
  return db
    .selectFrom('customers')
    .select([
      'customers.id',
      'customers.region_id',
      'customers.created_at',
      visits('done', 'done_on').as('last_done_on'),
      visits('missed', 'due_date').as('last_missed_due'),
      visits('open', 'due_date').as('open_due'),
    ])
    .where('customers.region_id', 'is not', null)
    .orderBy('customers.id')
    .execute();
}

// CU-6: custody of devices and documents -------------------------------------------------------------------------------

function scopedCustody(db: Db, actor: Actor) {
  return db
    .selectFrom('custody_records')
    .innerJoin('customers', 'customers.id', 'custody_records.customer_id')
    .innerJoin('users as rin', 'rin.id', 'custody_records.received_by')
    .leftJoin('users as rout', 'rout.id', 'custody_records.returned_by')
    .selectAll('custody_records')
    .select(['rin.name as received_by_name', 'rout.name as returned_by_name'])
    .where((eb) => customerScope(eb, actor));
}
export type CustodyRow = NonNullable<Awaited<ReturnType<typeof findCustody>>>;
export function findCustody(db: Db, actor: Actor, id: number) {
  return scopedCustody(db, actor).where('custody_records.id', '=', id).executeTakeFirst();
}
export function listCustody(db: Db, actor: Actor, f: { customerId?: number; installedProductId?: number; held?: boolean }) {
  let q = scopedCustody(db, actor).orderBy('custody_records.received_at', 'desc').orderBy('custody_records.id', 'desc').limit(500);
  if (f.customerId) q = q.where('custody_records.customer_id', '=', f.customerId);
  if (f.installedProductId) q = q.where('custody_records.installed_product_id', '=', f.installedProductId);
  if (f.held !== undefined) q = q.where('custody_records.returned_at', f.held ? 'is' : 'is not', null);
  return q.execute();
}
export function insertCustody(db: Db, v: Insertable<CustodyRecordsTable>) {
  return db.insertInto('custody_records').values(v).returning('id').executeTakeFirstOrThrow();
}
export async function returnCustody(db: Db, id: number, version: number, v: Updateable<CustodyRecordsTable>) {
  const r = await db
    .updateTable('custody_records')
    .set({ ...v, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('returned_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
/** The drawn signatures of a custody record (not part of its read shape). */
export function custodySignatures(db: Db, id: number) {
  return db.selectFrom('custody_records').select(['signature_in', 'signature_out']).where('id', '=', id).executeTakeFirst();
}

// CU-3: repair fees -----------------------------------------------------------------------------------------------------

function feesQuery(db: Db) {
  return db
    .selectFrom('repair_fees')
    .innerJoin('customers', 'customers.id', 'repair_fees.customer_id')
    .innerJoin('users as sales', 'sales.id', 'repair_fees.sales_user_id')
    .innerJoin('users as head', 'head.id', 'repair_fees.head_user_id')
    .selectAll('repair_fees')
    .select(['customers.name as customer_name', 'sales.name as sales_name', 'head.name as head_name']);
}
export type FeeRow = NonNullable<Awaited<ReturnType<typeof findFee>>>;
export function findFee(db: Db, id: number) {
  return feesQuery(db).where('repair_fees.id', '=', id).executeTakeFirst();
}
/** CU-3: the month's fees, set-based (finance's list and export). */
export function feesForMonth(db: Db, month: string) {
  return feesQuery(db).where('repair_fees.month', '=', month).orderBy('repair_fees.agreed_on').orderBy('repair_fees.id').execute();
}
export function feesOfProduct(db: Db, installedProductId: number) {
  return feesQuery(db).where('repair_fees.installed_product_id', '=', installedProductId).orderBy('repair_fees.id').execute();
}
export function insertFee(db: Db, v: Insertable<RepairFeesTable>) {
  return db.insertInto('repair_fees').values(v).returning('id').executeTakeFirstOrThrow();
}
/** A member of staff: active, not a customer's or a client site's user (their roles are scoped to a company or site). */
export function activeStaff(db: Db, id: number) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('users.id')
    .where('users.id', '=', id)
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where('roles.scope', 'not in', ['company', 'site'])
    .executeTakeFirst();
}

// CU-2/CU-6: a device's history ----------------------------------------------------------------------------------------

/** The service requests raised on an installed product (the faults of its history). */
export function requestsOfProduct(db: Db, installedProductId: number) {
  return db
    .selectFrom('tickets')
    .select(['id', 'number', 'title', 'state', 'cause', 'created_at'])
    .where('installed_product_id', '=', installedProductId)
    .orderBy('id')
    .limit(500)
    .execute();
}
