import { updateVersioned } from '../../db/versioned';
import type { TProjectListQuery } from '@techserve/core';
import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { containsText } from '../../http/like';
import { projectScope } from './projects.access.repository';

/** A project with its contract, customer, site and manager names (no scope filter: callers add it). */
export function summaryQuery(db: Db) {
  return db
    .selectFrom('projects')
    .innerJoin('service_contracts as sc', 'sc.id', 'projects.contract_id')
    .innerJoin('customers as cu', 'cu.id', 'projects.customer_id')
    .leftJoin('customer_sites as si', 'si.id', 'projects.site_id')
    .leftJoin('users as mgr', 'mgr.id', 'projects.manager_id')
    .select([
      'projects.id',
      'projects.name',
      'projects.status',
      'projects.contract_id',
      'sc.number as contract_number',
      'sc.ends_on as contract_ends_on',
      'projects.customer_id',
      'cu.name as customer_name',
      'projects.site_id',
      'si.name as site_name',
      'projects.manager_id',
      'mgr.name as manager_name',
      'projects.started_on',
      'projects.commissioned_on',
      'projects.acceptance_due_on',
      'projects.accepted_on',
      'projects.created_at',
      'projects.updated_at',
      'projects.version',
    ]);
}
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export function listProjects(db: Db, actor: Actor, f: TProjectListQuery & { beforeId: number | null }, limit: number) {
  let q = summaryQuery(db).where((eb) => projectScope(eb, actor, 'projects'));
  if (f.status) q = q.where('projects.status', '=', f.status);
  if (f.customerId) q = q.where('projects.customer_id', '=', f.customerId);
  if (f.q)
    q = q.where(
      (eb) => eb.or([containsText('projects.name', f.q!), containsText('cu.name', f.q!), containsText('sc.number', f.q!)]) as never,
    );
  if (f.beforeId != null) q = q.where('projects.id', '<', f.beforeId);
  return q.orderBy('projects.id', 'desc').limit(limit).execute();
}

export function planEnds(db: Db, projectIds: number[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('project_plan_items').select(['project_id', 'planned_end']).where('project_id', 'in', projectIds).execute();
}
export function materialDates(db: Db, projectIds: number[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_materials')
    .select(['project_id', 'expected_arrival', 'arrived_on'])
    .where('project_id', 'in', projectIds)
    .execute();
}

export function members(db: Db, projectId: number) {
  return db
    .selectFrom('project_members')
    .innerJoin('users', 'users.id', 'project_members.user_id')
    .select(['users.id', 'users.name'])
    .where('project_members.project_id', '=', projectId)
    .orderBy('users.id')
    .execute();
}
export async function setMembers(db: Db, projectId: number, userIds: number[]) {
  await db.deleteFrom('project_members').where('project_id', '=', projectId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length > 0)
    await db
      .insertInto('project_members')
      .values(unique.map((user_id) => ({ project_id: projectId, user_id })))
      .execute();
}

export const planItems = (db: Db, projectId: number) =>
  db.selectFrom('project_plan_items').selectAll().where('project_id', '=', projectId).orderBy('planned_start').orderBy('id').execute();
export const materials = (db: Db, projectId: number) =>
  db.selectFrom('project_materials').selectAll().where('project_id', '=', projectId).orderBy('expected_arrival').orderBy('id').execute();
export const costs = (db: Db, projectId: number) =>
  db.selectFrom('project_costs').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
export const handoverDocuments = (db: Db, projectId: number) =>
  db.selectFrom('project_handover_documents').selectAll().where('project_id', '=', projectId).orderBy('id').execute();

export async function childCounts(db: Db, projectId: number) {
  const count = (table: 'project_plan_items' | 'project_materials' | 'project_costs') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const [plan, mats, cost] = await Promise.all([count('project_plan_items'), count('project_materials'), count('project_costs')]);
  return { plan, materials: mats, costs: cost };
}

/** FS-12b: the signatures on a project's technical handover. */
export const handoverSignatures = (db: Db, projectId: number) =>
  db.selectFrom('project_handover_signatures').select(['user_id', 'signed_at']).where('project_id', '=', projectId).orderBy('id').execute();

export function addHandoverSignature(db: Db, projectId: number, userId: number, signedAt: string) {
  return db.insertInto('project_handover_signatures').values({ project_id: projectId, user_id: userId, signed_at: signedAt }).execute();
}

/** HO-1 (set-based): the projects these people manage that are not closed, for a handover and the disable guard. */
export function openProjectsManagedBy(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('projects')
    .select(['id', 'name', 'status', 'manager_id', 'version'])
    .where('manager_id', 'in', userIds)
    .where('status', '!=', 'closed')
    .orderBy('id')
    .execute();
}

/** A user's name (the salesperson's, for the technical handover). */
export const userName = (db: Db, userId: number) =>
  db.selectFrom('users').select(['id', 'name']).where('id', '=', userId).executeTakeFirst();

/** A customer and its region (new deliveries and trainings take the customer's region). */
export function customerRegion(db: Db, customerId: number) {
  return db.selectFrom('customers').select(['id', 'region_id']).where('id', '=', customerId).executeTakeFirst();
}

export function contractCustomer(db: Db, contractId: number) {
  return db.selectFrom('service_contracts').select(['id', 'customer_id']).where('id', '=', contractId).executeTakeFirst();
}

export function siteRow(db: Db, siteId: number) {
  return db.selectFrom('customer_sites').select(['id', 'customer_id', 'region_id']).where('id', '=', siteId).executeTakeFirst();
}

/** Which of these users are active members of staff (no customer contacts). */
export function activeStaffAmong(db: Db, userIds: number[]) {
  return db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', userIds)
    .where('status', '=', 'active')
    .where('customer_id', 'is', null)
    .execute();
}

export function insertProject(db: Db, row: Insertable<DB['projects']>) {
  return db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The project's version bumped if it is the one read (a change to it or its parts); false otherwise. */
export const bumpProjectVersion = (db: Db, id: number, version: number, at: string): Promise<boolean> =>
  updateVersioned(db, 'projects', id, version, {}, at);

/** Columns of a project set (its version is bumped by the caller's transaction, bumpProjectVersion). */
export async function setProject(db: Db, id: number, set: Record<string, unknown>) {
  await db.updateTable('projects').set(set).where('id', '=', id).execute();
}

/** FS-12: a handover document uploaded, its id. */
export function insertHandoverDocument(db: Db, row: Insertable<DB['project_handover_documents']>) {
  return db.insertInto('project_handover_documents').values(row).returning('id').executeTakeFirstOrThrow();
}

export function handoverDocumentRow(db: Db, id: number) {
  return db.selectFrom('project_handover_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** FS-12: the customer's signature recorded at the version read; false when someone changed the document meanwhile. */
export async function updateHandoverDocumentAtVersion(
  db: Db,
  id: number,
  version: number,
  set: Updateable<DB['project_handover_documents']>,
): Promise<boolean> {
  const res = await db
    .updateTable('project_handover_documents')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** FS-12: the progress plan, material purchase list and cost breakdown of a project share one shape of queries. */
export type ItemTable = 'project_plan_items' | 'project_materials' | 'project_costs';
type ItemRow = Record<string, unknown> & { project_id: number; version: number };

export function insertItem(db: Db, table: ItemTable, row: Record<string, unknown>) {
  return db
    .insertInto(table)
    .values(row as never)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function itemRow(db: Db, table: ItemTable, id: number): Promise<ItemRow | undefined> {
  return (await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()) as ItemRow | undefined;
}

/** The item changed at the version read; false when someone changed it meanwhile. */
export async function updateItemAtVersion(
  db: Db,
  table: ItemTable,
  id: number,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const res = await db
    .updateTable(table)
    .set(set as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteItem(db: Db, table: ItemTable, id: number) {
  await db.deleteFrom(table).where('id', '=', id).execute();
}
