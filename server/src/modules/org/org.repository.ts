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
