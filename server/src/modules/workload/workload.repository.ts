import type { Actor, Db } from '../../http/context';

/**
 * WR-8: the active staff whose workload the actor sees — the department's (a department-scoped head), the team's (a
 * lead), everyone's (a role with the whole company in scope) — optionally one team; residents included, never customer
 * contacts or the client IT office.
 */
export function peopleInScope(db: Db, actor: Actor, teamId: number | undefined) {
  let q = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.name', 'users.team_id', 'teams.name as team_name'])
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where('roles.scope', 'not in', ['company', 'site']);
  if (actor.scope === 'department')
    q = q.where((eb) =>
      eb.or([eb('users.department_id', '=', actor.departmentId ?? 0), eb('teams.department_id', '=', actor.departmentId ?? 0)]),
    );
  else if (actor.scope === 'team') q = q.where('users.team_id', '=', actor.teamId ?? 0);
  else if (actor.scope !== 'all') q = q.where('users.id', '=', actor.id);
  if (teamId) q = q.where('users.team_id', '=', teamId);
  return q.orderBy('users.team_id').orderBy('users.name').limit(2000).execute();
}
