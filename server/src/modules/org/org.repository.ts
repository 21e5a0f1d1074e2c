import type { Db } from '../../http/context';

/**
 * ORG-1: the head of a department as the organisation defines it — the manager named on the department (部门经理),
 * else on the nearest department above it. Where no manager is named up the chain, the department's members whose
 * role's data scope is the department (the company's department supervisors, whatever the company calls the role).
 * Without a department, every such member. Never a role looked up by its key (issue 17 item 7).
 */
export async function departmentHeads(db: Db, departmentId: number | null): Promise<number[]> {
  const seen = new Set<number>();
  for (let id = departmentId; id != null && !seen.has(id);) {
    seen.add(id);
    const dept = await db
      .selectFrom('departments')
      .leftJoin('users', (j) => j.onRef('users.id', '=', 'departments.manager_id').on('users.status', '=', 'active'))
      .select(['departments.parent_id', 'users.id as manager_id'])
      .where('departments.id', '=', id)
      .executeTakeFirst();
    if (dept?.manager_id != null) return [dept.manager_id];
    id = dept?.parent_id ?? null;
  }
  let members = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('users.id')
    .where('roles.scope', '=', 'department')
    .where('users.status', '=', 'active');
  if (departmentId != null) members = members.where('users.department_id', '=', departmentId);
  return (await members.orderBy('users.id').execute()).map((r) => r.id);
}

/** ORG-1: a team's lead and deputy (组长、副组长). */
export async function teamLeads(db: Db, teamId: number | null): Promise<number[]> {
  if (teamId == null) return [];
  const team = await db.selectFrom('teams').select(['lead_id', 'deputy_id']).where('id', '=', teamId).executeTakeFirst();
  return [team?.lead_id, team?.deputy_id].filter((id): id is number => id != null);
}

/** A user's team and department. */
export function placeOf(db: Db, userId: number) {
  return db.selectFrom('users').select(['team_id', 'department_id']).where('id', '=', userId).executeTakeFirst();
}

export type GrantRow = { id: number; team_id: number | null; department_id: number | null; scope: string; permissions: string };

/** Active users with their role's data scope and permissions: those named, or those whose role grants a permission. */
export function grantsOf(db: Db, which: { ids: number[] } | { permission: string }): Promise<GrantRow[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.team_id', 'users.department_id', 'roles.scope', 'roles.permissions'])
    .where('users.status', '=', 'active');
  q =
    'ids' in which
      ? q.where('users.id', 'in', which.ids.length ? which.ids : [0])
      : q.where('roles.permissions', 'like', `%"${which.permission}"%`);
  return q.orderBy('users.id').execute();
}

/** Active users whose role grants a permission, by id. */
export async function holdersOf(db: Db, permission: string): Promise<number[]> {
  return (await grantsOf(db, { permission })).map((r) => r.id);
}

// The generic records of the organisation (issue 13 item 2: queries only in repositories).

type Row = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the generic CRUD works on whichever org table the entity names.
const q = (db: Db): any => db;

/** Every record of an org table, in the entity's order, then id. */
export const orgRows = (db: Db, table: string, orderBy: string): Promise<Row[]> =>
  q(db).selectFrom(table).selectAll().orderBy(orderBy).orderBy('id').execute();

export const orgRow = (db: Db, table: string, id: number): Promise<Row | undefined> =>
  q(db).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();

/** The parent of a record in a tree (departments, regions). */
export const orgParentRow = (db: Db, table: string, id: number): Promise<Row | undefined> =>
  q(db).selectFrom(table).select('parent_id').where('id', '=', id).executeTakeFirst();

export const insertOrgRow = (db: Db, table: string, row: Row): Promise<{ id: number }> =>
  q(db).insertInto(table).values(row).returning('id').executeTakeFirstOrThrow();

/** The columns given changed at the version read; false when someone changed the record meanwhile. */
export async function updateOrgRow(db: Db, table: string, id: number, version: number, set: Row): Promise<boolean> {
  const res = await q(db).updateTable(table).set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteOrgRow(db: Db, table: string, id: number): Promise<void> {
  await q(db).deleteFrom(table).where('id', '=', id).execute();
}

/** ORG-3: product → expert engineers (all products, or one), in the order they are consulted. */
export function productExpertRows(db: Db, productId?: number) {
  let query = db
    .selectFrom('product_experts as pe')
    .innerJoin('users as u', 'u.id', 'pe.user_id')
    .select(['pe.product_id', 'pe.user_id', 'pe.rank', 'u.name'])
    .orderBy('pe.product_id')
    .orderBy('pe.rank');
  if (productId !== undefined) query = query.where('pe.product_id', '=', productId);
  return query.execute();
}

export async function productExists(db: Db, productId: number): Promise<boolean> {
  return (await db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst()) !== undefined;
}

/** ORG-3: a product's experts replaced by these users, ranked in the order given. */
export async function replaceProductExperts(db: Db, productId: number, userIds: number[]): Promise<void> {
  await db.deleteFrom('product_experts').where('product_id', '=', productId).execute();
  if (userIds.length) {
    await db
      .insertInto('product_experts')
      .values(userIds.map((user_id, rank) => ({ product_id: productId, user_id, rank: rank + 1 })))
      .execute();
  }
}
