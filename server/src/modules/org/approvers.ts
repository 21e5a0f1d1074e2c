import type { TPermission } from '@techserve/core';
import type { Db } from '../../http/context';

/**
 * ORG-2: a member of staff's managers — the team's lead and deputy, and the supervisors of their department (any
 * supervisor when they have no department). They are told of missing travel logs (AT-3); approval requests (travel
 * TR-1, leave RS-4/AT-4) go to those of them who may decide (`approversOf`).
 */
export async function managersOf(db: Db, userId: number): Promise<number[]> {
  const u = await db.selectFrom('users').select(['team_id', 'department_id']).where('id', '=', userId).executeTakeFirst();
  const ids = new Set<number>();
  if (u?.team_id) {
    const team = await db.selectFrom('teams').select(['lead_id', 'deputy_id']).where('id', '=', u.team_id).executeTakeFirst();
    for (const id of [team?.lead_id, team?.deputy_id]) if (id) ids.add(id);
  }
  let sup = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('users.id')
    .where('roles.key', '=', 'supervisor')
    .where('users.status', '=', 'active');
  if (u?.department_id) sup = sup.where('users.department_id', '=', u.department_id);
  for (const r of await sup.execute()) ids.add(r.id);
  ids.delete(userId);
  return [...ids];
}

type ApproverRow = { id: number; team_id: number | null; department_id: number | null; scope: string; permissions: string };

type Filed = { user_id: number; team_id: number | null; department_id: number | null };

/** The user's role grants the permission and its data scope reaches the record (so the decision routes let them act). */
function mayDecide(u: ApproverRow, trip: Filed, permission: TPermission): boolean {
  if (u.id === trip.user_id || !(JSON.parse(u.permissions) as string[]).includes(permission)) return false;
  if (u.scope === 'all') return true;
  if (u.scope === 'department') return u.department_id != null && u.department_id === trip.department_id;
  if (u.scope === 'team') return u.team_id != null && u.team_id === trip.team_id;
  return false;
}

const approverColumns = ['users.id', 'users.team_id', 'users.department_id', 'roles.scope', 'roles.permissions'] as const;

/**
 * ORG-2, level by level (AT-4): who is asked to decide a record filed by a member of staff — a trip, its advances,
 * extension and claim (TR-1/FS-10, `travel.approve`) or a leave (RS-4, `leave.approve`): their managers
 * (`managersOf`) whose role grants the permission with a data scope reaching the record. By default that is the
 * department's supervisor (部门主管); a team lead (组长) is asked only where the company granted the team lead role the
 * permission. When none of the managers may act, every active user who may is asked, so a request is never left unseen.
 */
export async function approversOf(db: Db, trip: Filed, permission: TPermission = 'travel.approve'): Promise<number[]> {
  const managers = await managersOf(db, trip.user_id);
  const users = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(approverColumns)
    .where('users.status', '=', 'active');
  if (managers.length > 0) {
    const deciding = (await users.where('users.id', 'in', managers).execute())
      .filter((u) => mayDecide(u, trip, permission))
      .map((u) => u.id);
    if (deciding.length > 0) return deciding.sort((a, b) => a - b);
  }
  const anyone = await users.where('roles.permissions', 'like', `%"${permission}"%`).orderBy('users.id').execute();
  return anyone.filter((u) => mayDecide(u, trip, permission)).map((u) => u.id);
}
