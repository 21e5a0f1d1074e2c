import { type ExpressionBuilder, type Insertable, type Updateable, sql } from 'kysely';
import type {
  CustomerContactsTable,
  CustomerSitesTable,
  CustomersTable,
  DB,
  InstalledProductsTable,
  PartReplacementsTable,
  ServiceContractsTable,
} from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { containsText } from '../../http/like';
import { decodeCursor } from '../../http/pagination';
import { scopeFilter } from '../../http/scope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever query joins `customers`.
type Eb = ExpressionBuilder<DB, any>;

/**
 * Customers visible to the actor: a customer contact (scope 'company') sees its own company only, a client IT
 * office nothing but what it created; every other role sees all customers its permission allows.
 */
export function customerScope(eb: Eb, actor: Actor) {
  if (actor.scope !== 'company' && actor.scope !== 'site') return sql<boolean>`1 = 1`;
  return scopeFilter(eb, actor, { owner: 'customers.created_by', customer: 'customers.id' });
}

const customerColumns = [
  'customers.id',
  'customers.name',
  'customers.short_name',
  'customers.code',
  'customers.industry',
  'customers.address',
  'customers.region_id',
  'customers.note',
  'customers.created_at',
  'customers.updated_at',
  'customers.version',
] as const;

function scopedCustomers(db: Db, actor: Actor) {
  return db
    .selectFrom('customers')
    .select(customerColumns)
    .where((eb) => customerScope(eb, actor));
}

export type CustomerFilter = { q?: string; regionId?: number };

/** Type-ahead search (name, short name, code, a contact's name or phone), keyset-paged by (name, id). */
export async function listCustomers(db: Db, actor: Actor, f: CustomerFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2);
  let q = scopedCustomers(db, actor)
    .orderBy('customers.name')
    .orderBy('customers.id')
    .limit(limit + 1);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        containsText('customers.name', text),
        containsText('customers.short_name', text),
        containsText('customers.code', text),
        eb.exists(
          eb
            .selectFrom('customer_contacts as cc')
            .select('cc.id')
            .whereRef('cc.customer_id', '=', 'customers.id')
            .where((c) => c.or([containsText('cc.name', text), containsText('cc.phone', text)])),
        ),
      ]),
    );
  }
  if (f.regionId) q = q.where('customers.region_id', '=', f.regionId);
  if (after) {
    const [name, id] = [String(after[0]), Number(after[1])];
    q = q.where((eb) => eb.or([eb('customers.name', '>', name), eb.and([eb('customers.name', '=', name), eb('customers.id', '>', id)])]));
  }
  return q.execute();
}

export function findCustomer(db: Db, actor: Actor, id: number) {
  return scopedCustomers(db, actor).where('customers.id', '=', id).executeTakeFirst();
}
export type CustomerRow = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;

export function insertCustomer(db: Db, v: Insertable<CustomersTable>) {
  return db.insertInto('customers').values(v).returning('id').executeTakeFirstOrThrow();
}

/** Optimistic update of any customer-file table: only when the stored version is the one the client read. */
export async function updateVersioned<
  T extends 'customers' | 'customer_contacts' | 'customer_sites' | 'installed_products' | 'service_contracts',
>(db: Db, table: T, id: number, version: number, v: Updateable<DB[T]>): Promise<boolean> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one version-checked update for five tables of the same shape.
  const res = await (db as any)
    .updateTable(table)
    .set((eb: Eb) => ({ ...v, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteRow(
  db: Db,
  table: 'customers' | 'customer_contacts' | 'customer_sites' | 'installed_products' | 'service_contracts',
  id: number,
) {
  await db.deleteFrom(table).where('id', '=', id).execute();
}

// Contacts -------------------------------------------------------------------------------------------------

const contactColumns = [
  'customer_contacts.id',
  'customer_contacts.customer_id',
  'customer_contacts.name',
  'customer_contacts.phone',
  'customer_contacts.email',
  'customer_contacts.position',
  'customer_contacts.is_primary',
  'customer_contacts.created_at',
  'customer_contacts.updated_at',
  'customer_contacts.version',
] as const;

function scopedContacts(db: Db, actor: Actor) {
  return db
    .selectFrom('customer_contacts')
    .innerJoin('customers', 'customers.id', 'customer_contacts.customer_id')
    .select(contactColumns)
    .where((eb) => customerScope(eb, actor));
}
export function findContact(db: Db, actor: Actor, id: number) {
  return scopedContacts(db, actor).where('customer_contacts.id', '=', id).executeTakeFirst();
}
export type ContactRow = NonNullable<Awaited<ReturnType<typeof findContact>>>;
export function listContacts(db: Db, actor: Actor, customerId: number) {
  return scopedContacts(db, actor)
    .where('customer_contacts.customer_id', '=', customerId)
    .orderBy('customer_contacts.is_primary', 'desc')
    .orderBy('customer_contacts.id')
    .execute();
}
export function insertContact(db: Db, v: Insertable<CustomerContactsTable>) {
  return db.insertInto('customer_contacts').values(v).returning('id').executeTakeFirstOrThrow();
}
/** One primary contact per customer: marking one clears the others. */
export async function clearPrimary(db: Db, customerId: number, exceptId: number) {
  await db
    .updateTable('customer_contacts')
    .set({ is_primary: 0 })
    .where('customer_id', '=', customerId)
    .where('id', '!=', exceptId)
    .where('is_primary', '=', 1)
    .execute();
}
/** The customer a contact belongs to, regardless of scope (reference checks). */
export function contactCustomer(db: Db, contactId: number) {
  return db.selectFrom('customer_contacts').select('customer_id').where('id', '=', contactId).executeTakeFirst();
}

// Sites ----------------------------------------------------------------------------------------------------

const siteColumns = [
  'customer_sites.id',
  'customer_sites.customer_id',
  'customer_sites.name',
  'customer_sites.address',
  'customer_sites.region_id',
  'customer_sites.calendar_id',
  'customer_sites.contact_id',
  'customer_sites.created_at',
  'customer_sites.updated_at',
  'customer_sites.version',
] as const;

function scopedSites(db: Db, actor: Actor) {
  return db
    .selectFrom('customer_sites')
    .innerJoin('customers', 'customers.id', 'customer_sites.customer_id')
    .select(siteColumns)
    .where((eb) => customerScope(eb, actor));
}
export function findSite(db: Db, actor: Actor, id: number) {
  return scopedSites(db, actor).where('customer_sites.id', '=', id).executeTakeFirst();
}
export type SiteRow = NonNullable<Awaited<ReturnType<typeof findSite>>>;
export function listSites(db: Db, actor: Actor, customerId: number) {
  return scopedSites(db, actor).where('customer_sites.customer_id', '=', customerId).orderBy('customer_sites.id').execute();
}
export function insertSite(db: Db, v: Insertable<CustomerSitesTable>) {
  return db.insertInto('customer_sites').values(v).returning('id').executeTakeFirstOrThrow();
}
export function siteCustomer(db: Db, siteId: number) {
  return db.selectFrom('customer_sites').select('customer_id').where('id', '=', siteId).executeTakeFirst();
}

// Installed products ---------------------------------------------------------------------------------------

const installedColumns = [
  'installed_products.id',
  'installed_products.customer_id',
  'installed_products.site_id',
  'installed_products.product_id',
  'products.name as product_name',
  'installed_products.serial_number',
  'installed_products.installed_on',
  'installed_products.accepted_on',
  'installed_products.warranty_end_override',
  'installed_products.note',
  'installed_products.created_at',
  'installed_products.updated_at',
  'installed_products.version',
] as const;

function scopedInstalled(db: Db, actor: Actor) {
  return db
    .selectFrom('installed_products')
    .innerJoin('customers', 'customers.id', 'installed_products.customer_id')
    .innerJoin('products', 'products.id', 'installed_products.product_id')
    .select(installedColumns)
    .where((eb) => customerScope(eb, actor));
}
export function findInstalled(db: Db, actor: Actor, id: number) {
  return scopedInstalled(db, actor).where('installed_products.id', '=', id).executeTakeFirst();
}
export type InstalledRow = NonNullable<Awaited<ReturnType<typeof findInstalled>>>;
export function listInstalled(db: Db, actor: Actor, customerId: number) {
  return scopedInstalled(db, actor).where('installed_products.customer_id', '=', customerId).orderBy('installed_products.id').execute();
}
export function insertInstalled(db: Db, v: Insertable<InstalledProductsTable>) {
  return db.insertInto('installed_products').values(v).returning('id').executeTakeFirstOrThrow();
}

export function listReplacements(db: Db, installedIds: number[]) {
  if (installedIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('part_replacements')
    .select(['id', 'installed_product_id', 'part', 'replaced_on', 'note', 'created_at'])
    .where('installed_product_id', 'in', installedIds)
    .orderBy('replaced_on')
    .orderBy('id')
    .execute();
}
export type ReplacementRow = Awaited<ReturnType<typeof listReplacements>>[number];
export function insertReplacement(db: Db, v: Insertable<PartReplacementsTable>) {
  return db.insertInto('part_replacements').values(v).returning('id').executeTakeFirstOrThrow();
}
export async function hasReplacements(db: Db, installedId: number) {
  return Boolean(await db.selectFrom('part_replacements').select('id').where('installed_product_id', '=', installedId).executeTakeFirst());
}

// Contracts ------------------------------------------------------------------------------------------------

const contractColumns = [
  'service_contracts.id',
  'service_contracts.customer_id',
  'service_contracts.number',
  'service_contracts.starts_on',
  'service_contracts.ends_on',
  'service_contracts.service_content',
  'service_contracts.fee_fen',
  'service_contracts.sla_level_id',
  'service_contracts.coverage',
  'service_contracts.note',
  'service_contracts.created_at',
  'service_contracts.updated_at',
  'service_contracts.version',
] as const;

function scopedContracts(db: Db, actor: Actor) {
  return db
    .selectFrom('service_contracts')
    .innerJoin('customers', 'customers.id', 'service_contracts.customer_id')
    .select(contractColumns)
    .where((eb) => customerScope(eb, actor));
}
export function findContract(db: Db, actor: Actor, id: number) {
  return scopedContracts(db, actor).where('service_contracts.id', '=', id).executeTakeFirst();
}
export type ContractRow = NonNullable<Awaited<ReturnType<typeof findContract>>>;
export function listContracts(db: Db, actor: Actor, customerId: number) {
  return scopedContracts(db, actor)
    .where('service_contracts.customer_id', '=', customerId)
    .orderBy('service_contracts.starts_on', 'desc')
    .orderBy('service_contracts.id')
    .execute();
}
export function insertContract(db: Db, v: Insertable<ServiceContractsTable>) {
  return db.insertInto('service_contracts').values(v).returning('id').executeTakeFirstOrThrow();
}
export function contractNumberTaken(db: Db, number: string, exceptId = 0) {
  return db.selectFrom('service_contracts').select('id').where('number', '=', number).where('id', '!=', exceptId).executeTakeFirst();
}
