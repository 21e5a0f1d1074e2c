import {
  type TContact,
  type TContactCreate,
  type TContactUpdate,
  type TContract,
  type TContractCreate,
  type TContractUpdate,
  type TCustomer,
  type TCustomerCreate,
  type TCustomerFile,
  type TCustomerListQuery,
  type TCustomerUpdate,
  type TInstalledProduct,
  type TInstalledProductCreate,
  type TInstalledProductUpdate,
  type TPartReplacementCreate,
  type TSite,
  type TSiteCreate,
  type TSiteUpdate,
  computeWarranty,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, invalidValue, notFound, versionConflict } from '../../http/errors';
import { pageOf } from '../../http/pagination';
import { assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';
import { isForeignKeyViolation } from '../org/org.service';
import { type PolicyAt, policyAt } from '../policy/policy-in-force';
import * as repo from './customers.repository';

/** The company-local date that warranty and contract states are judged on. */

/** Only the fields the client sent: `undefined` means "leave as is", `null` clears. */
function pick<T extends Record<string, unknown>>(body: T, map: Partial<Record<keyof T, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(map)) if (body[field] !== undefined) out[column as string] = body[field];
  return out;
}

// Mapping rows to API objects, in one place ---------------------------------------------------------------

const stamps = (r: { id: number; version: number; created_at: string; updated_at: string }) => ({
  id: r.id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

// Object.assign, not `{ ...summary, … }`: on Node 20 each property after a spread takes V8's slow path (~100 µs an object).
const toCustomer = (r: repo.CustomerRow): TCustomer =>
  Object.assign(stamps(r), {
    name: r.name,
    shortName: r.short_name,
    code: r.code,
    industry: r.industry,
    address: r.address,
    regionId: r.region_id,
    note: r.note,
  });

const toContact = (r: repo.ContactRow): TContact =>
  Object.assign(stamps(r), {
    customerId: r.customer_id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    position: r.position,
    isPrimary: Boolean(r.is_primary),
  });

const toSite = (r: repo.SiteRow): TSite =>
  Object.assign(stamps(r), {
    customerId: r.customer_id,
    name: r.name,
    address: r.address,
    regionId: r.region_id,
    calendarId: r.calendar_id,
    contactId: r.contact_id,
  });

const contractState = (r: { starts_on: string; ends_on: string }, today: string): TContract['state'] =>
  today < r.starts_on ? 'upcoming' : today > r.ends_on ? 'expired' : 'active';

const toContract = (r: repo.ContractRow, today: string): TContract =>
  Object.assign(stamps(r), {
    customerId: r.customer_id,
    number: r.number,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    serviceContent: r.service_content,
    feeFen: Number(r.fee_fen),
    slaLevelId: r.sla_level_id,
    coverage: r.coverage as TContract['coverage'],
    note: r.note,
    state: contractState(r, today),
  });

/** CU-2: the policy in force at acceptance governs the warranty; without acceptance, today's. */
export async function warrantyPolicy(db: Db, date: string, today: string): Promise<PolicyAt> {
  const found = (await policyAt(db, date)) ?? (await policyAt(db, today));
  if (!found) throw new AppError('internal', 'No published policy is in force');
  return found;
}

async function toInstalled(db: Db, rows: repo.InstalledRow[], today: string): Promise<TInstalledProduct[]> {
  const replacements = await repo.listReplacements(
    db,
    rows.map((r) => r.id),
  );
  const out: TInstalledProduct[] = [];
  for (const r of rows) {
    const parts = replacements.filter((p) => p.installed_product_id === r.id);
    const policy = await warrantyPolicy(db, r.accepted_on ?? today, today);
    const w = policy.document.sla.warranty;
    out.push(
      Object.assign(stamps(r), {
        customerId: r.customer_id,
        siteId: r.site_id,
        productId: r.product_id,
        productName: r.product_name,
        serialNumber: r.serial_number,
        installedOn: r.installed_on,
        acceptedOn: r.accepted_on,
        warrantyEndOverride: r.warranty_end_override,
        note: r.note,
        partReplacements: parts.map((p) => ({
          id: p.id,
          installedProductId: p.installed_product_id,
          part: p.part,
          replacedOn: p.replaced_on,
          note: p.note,
          createdAt: p.created_at,
        })),
        warranty: computeWarranty({
          acceptedOn: r.accepted_on,
          endOverride: r.warranty_end_override,
          replacements: parts.map((p) => ({ part: p.part, replacedOn: p.replaced_on })),
          policy: { months: w.months, replacedPartExtendsWarranty: w.replacedPartExtendsWarranty, version: policy.number },
          today,
        }),
      }),
    );
  }
  return out;
}

// Customers ------------------------------------------------------------------------------------------------

export async function listCustomers(ctx: Ctx, q: TCustomerListQuery) {
  const rows = await repo.listCustomers(ctx.db, ctx.actor, q, q.limit, q.cursor);
  const page = pageOf(rows, q.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(toCustomer), nextCursor: page.nextCursor };
}

export async function getCustomer(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TCustomer> {
  const row = await repo.findCustomer(db, ctx.actor, id);
  if (!row) throw notFound('Customer'); // out of scope looks the same as missing
  return toCustomer(row);
}

/** A customer the actor may attach records to; otherwise 422 naming the field, before anything is written. */
async function assertCustomerRef(db: Db, ctx: Ctx, customerId: number) {
  if (!(await repo.findCustomer(db, ctx.actor, customerId))) throw invalidValue('body.customerId', `no customer with id ${customerId}`);
}

export async function createCustomer(ctx: Ctx, body: TCustomerCreate): Promise<TCustomer> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertRefsExist(trx, [{ table: 'regions', id: body.regionId, path: 'body.regionId' }]);
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertCustomer(trx, {
      name: body.name,
      short_name: body.shortName ?? null,
      code: body.code || null,
      industry: body.industry ?? null,
      address: body.address ?? null,
      region_id: body.regionId ?? null,
      note: body.note ?? null,
      created_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    });
    const after = await getCustomer(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'create', entity: 'customer', entityId: id, after });
    return after;
  });
}

export async function updateCustomer(ctx: Ctx, id: number, body: TCustomerUpdate): Promise<TCustomer> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getCustomer(ctx, id, trx);
    await assertRefsExist(trx, [{ table: 'regions', id: body.regionId, path: 'body.regionId' }]);
    const values = pick(body, {
      name: 'name',
      shortName: 'short_name',
      code: 'code',
      industry: 'industry',
      address: 'address',
      regionId: 'region_id',
      note: 'note',
    });
    if (values.code === '') values.code = null;
    if (!(await repo.updateVersioned(trx, 'customers', id, body.version, { ...values, updated_at: nowIso(ctx.clock) })))
      throw versionConflict('Customer');
    const after = await getCustomer(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'update', entity: 'customer', entityId: id, before, after });
    return after;
  });
}

async function deleteWith(ctx: Ctx, what: string, entity: string, load: (db: Db) => Promise<unknown>, del: (db: Db) => Promise<void>) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await load(trx);
    try {
      await del(trx);
    } catch (err) {
      if (isForeignKeyViolation(err)) throw new AppError('conflict', `The ${what} is still referred to; remove what refers to it first`);
      throw err;
    }
    await recordAudit(trx, ctx, { action: 'delete', entity, entityId: (before as { id: number }).id, before });
  });
}

export function deleteCustomer(ctx: Ctx, id: number) {
  return deleteWith(
    ctx,
    'customer',
    'customer',
    (db) => getCustomer(ctx, id, db),
    (db) => repo.deleteRow(db, 'customers', id),
  );
}

/** CU-1: the customer file (客户资料表) — the customer with contacts, sites, installed products and contracts. */
export async function getCustomerFile(ctx: Ctx, id: number): Promise<TCustomerFile> {
  const customer = await getCustomer(ctx, id);
  const today = todayOf(ctx);
  const [contacts, sites, installed, contracts] = await Promise.all([
    repo.listContacts(ctx.db, ctx.actor, id),
    repo.listSites(ctx.db, ctx.actor, id),
    repo.listInstalled(ctx.db, ctx.actor, id),
    repo.listContracts(ctx.db, ctx.actor, id),
  ]);
  return {
    customer,
    contacts: contacts.map(toContact),
    sites: sites.map(toSite),
    installedProducts: await toInstalled(ctx.db, installed, today),
    contracts: contracts.map((c) => toContract(c, today)),
    asOf: today,
  };
}

// Contacts -------------------------------------------------------------------------------------------------

export async function getContact(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TContact> {
  const row = await repo.findContact(db, ctx.actor, id);
  if (!row) throw notFound('Contact');
  return toContact(row);
}

export async function createContact(ctx: Ctx, body: TContactCreate): Promise<TContact> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertCustomerRef(trx, ctx, body.customerId);
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertContact(trx, {
      customer_id: body.customerId,
      name: body.name,
      phone: body.phone ?? null,
      email: body.email ?? null,
      position: body.position ?? null,
      is_primary: body.isPrimary ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    if (body.isPrimary) await repo.clearPrimary(trx, body.customerId, id);
    const after = await getContact(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'create', entity: 'customer_contact', entityId: id, after });
    return after;
  });
}

export async function updateContact(ctx: Ctx, id: number, body: TContactUpdate): Promise<TContact> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getContact(ctx, id, trx);
    const values = pick(body, { name: 'name', phone: 'phone', email: 'email', position: 'position' });
    if (body.isPrimary !== undefined) values.is_primary = body.isPrimary ? 1 : 0;
    if (!(await repo.updateVersioned(trx, 'customer_contacts', id, body.version, { ...values, updated_at: nowIso(ctx.clock) })))
      throw versionConflict('Contact');
    if (body.isPrimary) await repo.clearPrimary(trx, before.customerId, id);
    const after = await getContact(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'update', entity: 'customer_contact', entityId: id, before, after });
    return after;
  });
}

export function deleteContact(ctx: Ctx, id: number) {
  return deleteWith(
    ctx,
    'contact',
    'customer_contact',
    (db) => getContact(ctx, id, db),
    (db) => repo.deleteRow(db, 'customer_contacts', id),
  );
}

// Sites ----------------------------------------------------------------------------------------------------

export async function getSite(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TSite> {
  const row = await repo.findSite(db, ctx.actor, id);
  if (!row) throw notFound('Site');
  return toSite(row);
}

async function assertSiteRefs(db: Db, customerId: number, body: Partial<TSiteCreate>) {
  await assertRefsExist(db, [
    { table: 'regions', id: body.regionId, path: 'body.regionId' },
    { table: 'calendars', id: body.calendarId, path: 'body.calendarId' },
    { table: 'customer_contacts', id: body.contactId, path: 'body.contactId' },
  ]);
  if (body.contactId != null && (await repo.contactCustomer(db, body.contactId))?.customer_id !== customerId) {
    throw invalidValue('body.contactId', `contact ${body.contactId} belongs to another company`);
  }
}

export async function createSite(ctx: Ctx, body: TSiteCreate): Promise<TSite> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertCustomerRef(trx, ctx, body.customerId);
    await assertSiteRefs(trx, body.customerId, body);
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertSite(trx, {
      customer_id: body.customerId,
      name: body.name,
      address: body.address ?? null,
      region_id: body.regionId ?? null,
      calendar_id: body.calendarId ?? null,
      contact_id: body.contactId ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = await getSite(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'create', entity: 'customer_site', entityId: id, after });
    return after;
  });
}

export async function updateSite(ctx: Ctx, id: number, body: TSiteUpdate): Promise<TSite> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getSite(ctx, id, trx);
    await assertSiteRefs(trx, before.customerId, body);
    const values = pick(body, {
      name: 'name',
      address: 'address',
      regionId: 'region_id',
      calendarId: 'calendar_id',
      contactId: 'contact_id',
    });
    if (!(await repo.updateVersioned(trx, 'customer_sites', id, body.version, { ...values, updated_at: nowIso(ctx.clock) })))
      throw versionConflict('Site');
    const after = await getSite(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'update', entity: 'customer_site', entityId: id, before, after });
    return after;
  });
}

export function deleteSite(ctx: Ctx, id: number) {
  return deleteWith(
    ctx,
    'site',
    'customer_site',
    (db) => getSite(ctx, id, db),
    (db) => repo.deleteRow(db, 'customer_sites', id),
  );
}

// Installed products (CU-2) --------------------------------------------------------------------------------

export async function getInstalledProduct(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TInstalledProduct> {
  const row = await repo.findInstalled(db, ctx.actor, id);
  if (!row) throw notFound('Installed product');
  return (await toInstalled(db, [row], todayOf(ctx)))[0];
}

/** CU-2/CU-3: an installed product with its warranty as it stood on `date` (a repair's day). */
export async function installedOn(ctx: Ctx, id: number, date: string, db: Db = ctx.db): Promise<TInstalledProduct> {
  const row = await repo.findInstalled(db, ctx.actor, id);
  if (!row) throw notFound('Installed product');
  return (await toInstalled(db, [row], date))[0];
}

async function assertInstalledRefs(db: Db, customerId: number, body: Partial<TInstalledProductCreate>) {
  await assertRefsExist(db, [
    { table: 'products', id: body.productId, path: 'body.productId' },
    { table: 'customer_sites', id: body.siteId, path: 'body.siteId' },
  ]);
  if (body.siteId != null && (await repo.siteCustomer(db, body.siteId))?.customer_id !== customerId) {
    throw invalidValue('body.siteId', `site ${body.siteId} belongs to another customer`);
  }
}

export async function createInstalledProduct(ctx: Ctx, body: TInstalledProductCreate): Promise<TInstalledProduct> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertCustomerRef(trx, ctx, body.customerId);
    await assertInstalledRefs(trx, body.customerId, body);
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertInstalled(trx, {
      customer_id: body.customerId,
      site_id: body.siteId ?? null,
      product_id: body.productId,
      serial_number: body.serialNumber,
      installed_on: body.installedOn ?? null,
      accepted_on: body.acceptedOn ?? null,
      warranty_end_override: body.warrantyEndOverride ?? null,
      note: body.note ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = await getInstalledProduct(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'create', entity: 'installed_product', entityId: id, after });
    return after;
  });
}

export async function updateInstalledProduct(ctx: Ctx, id: number, body: TInstalledProductUpdate): Promise<TInstalledProduct> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getInstalledProduct(ctx, id, trx);
    await assertInstalledRefs(trx, before.customerId, body);
    const values = pick(body, {
      siteId: 'site_id',
      productId: 'product_id',
      serialNumber: 'serial_number',
      installedOn: 'installed_on',
      acceptedOn: 'accepted_on',
      warrantyEndOverride: 'warranty_end_override',
      note: 'note',
    });
    if (!(await repo.updateVersioned(trx, 'installed_products', id, body.version, { ...values, updated_at: nowIso(ctx.clock) }))) {
      throw versionConflict('Installed product');
    }
    const after = await getInstalledProduct(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'update', entity: 'installed_product', entityId: id, before, after });
    return after;
  });
}

export async function deleteInstalledProduct(ctx: Ctx, id: number) {
  return deleteWith(
    ctx,
    'installed product',
    'installed_product',
    async (db) => {
      const before = await getInstalledProduct(ctx, id, db);
      // Part replacements are warranty facts (CU-2): a product with any stays on file.
      if (await repo.hasReplacements(db, id))
        throw new AppError('conflict', 'The installed product has part replacements on record; it cannot be deleted');
      return before;
    },
    (db) => repo.deleteRow(db, 'installed_products', id),
  );
}

/** CU-2: record a replaced part; it gets its own warranty from the replacement date (the device's is not renewed). */
export async function addPartReplacement(ctx: Ctx, installedId: number, body: TPartReplacementCreate): Promise<TInstalledProduct> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getInstalledProduct(ctx, installedId, trx);
    const { id } = await repo.insertReplacement(trx, {
      installed_product_id: installedId,
      part: body.part,
      replaced_on: body.replacedOn,
      note: body.note ?? null,
      created_at: nowIso(ctx.clock),
      created_by: ctx.actor.id,
    });
    const after = await getInstalledProduct(ctx, installedId, trx);
    await recordAudit(trx, ctx, {
      action: 'replace_part',
      entity: 'installed_product',
      entityId: installedId,
      before: { warranty: before.warranty },
      after: { partReplacementId: id, ...body, warranty: after.warranty },
    });
    return after;
  });
}

// Contracts (CU-4) -----------------------------------------------------------------------------------------

export async function getContract(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TContract> {
  const row = await repo.findContract(db, ctx.actor, id);
  if (!row) throw notFound('Contract');
  return toContract(row, todayOf(ctx));
}

/** SLA-1: a contract's level must be one of the policy in force. */
async function assertSlaLevel(db: Db, ctx: Ctx, levelId: string | undefined) {
  if (levelId === undefined) return;
  const today = todayOf(ctx);
  const policy = await warrantyPolicy(db, today, today);
  const ids = policy.document.sla.levels.map((l) => l.id);
  if (!ids.includes(levelId)) {
    throw invalidValue(
      'body.slaLevelId',
      `no SLA level "${levelId}" in policy version ${policy.number} (levels: ${ids.join(', ')})`,
      'SLA-1',
    );
  }
}

async function assertNumberFree(db: Db, number: string | undefined, exceptId?: number) {
  if (number !== undefined && (await repo.contractNumberTaken(db, number, exceptId))) {
    throw new AppError('conflict', `number: contract "${number}" already exists`, { details: [{ path: 'body.number', message: 'taken' }] });
  }
}

export async function createContract(ctx: Ctx, body: TContractCreate): Promise<TContract> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertCustomerRef(trx, ctx, body.customerId);
    await assertSlaLevel(trx, ctx, body.slaLevelId);
    await assertNumberFree(trx, body.number);
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertContract(trx, {
      customer_id: body.customerId,
      number: body.number,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      service_content: body.serviceContent ?? null,
      fee_fen: body.feeFen,
      sla_level_id: body.slaLevelId,
      coverage: body.coverage,
      note: body.note ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = await getContract(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'create', entity: 'service_contract', entityId: id, after });
    return after;
  });
}

export async function updateContract(ctx: Ctx, id: number, body: TContractUpdate): Promise<TContract> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getContract(ctx, id, trx);
    await assertSlaLevel(trx, ctx, body.slaLevelId);
    await assertNumberFree(trx, body.number, id);
    if ((body.endsOn ?? before.endsOn) < (body.startsOn ?? before.startsOn))
      throw invalidValue('body.endsOn', 'must not be before startsOn');
    const values = pick(body, {
      number: 'number',
      startsOn: 'starts_on',
      endsOn: 'ends_on',
      serviceContent: 'service_content',
      feeFen: 'fee_fen',
      slaLevelId: 'sla_level_id',
      coverage: 'coverage',
      note: 'note',
    });
    if (!(await repo.updateVersioned(trx, 'service_contracts', id, body.version, { ...values, updated_at: nowIso(ctx.clock) })))
      throw versionConflict('Contract');
    const after = await getContract(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'update', entity: 'service_contract', entityId: id, before, after });
    return after;
  });
}

export function deleteContract(ctx: Ctx, id: number) {
  return deleteWith(
    ctx,
    'contract',
    'service_contract',
    (db) => getContract(ctx, id, db),
    (db) => repo.deleteRow(db, 'service_contracts', id),
  );
}
