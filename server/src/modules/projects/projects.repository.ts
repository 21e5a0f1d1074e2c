import type { TProjectListQuery } from '@techserve/core';
import type { Actor, Db } from '../../http/context';
import { containsText } from '../../http/like';
import { projectScope } from './projects.access';

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
