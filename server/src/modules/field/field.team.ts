import type { Actor, Db } from '../../http/context';
import { notFound } from '../../http/errors';
import { departmentUserIds, fieldWorkers, teamRow } from './letters.repository';

/**
 * The engineers a board or stand-up shows, within the actor's scope: a chosen team (in the actor's department or
 * own team as the scope allows), else the actor's team, else the department (department scope) or everyone (all).
 * An engineer (own scope) sees only themself. 404 for a team outside the scope.
 */
export async function engineersInView(db: Db, actor: Actor, teamId: number | undefined) {
  const workers = await fieldWorkers(db);
  if (actor.scope === 'own' || actor.scope === 'company' || actor.scope === 'site') {
    if (teamId != null && teamId !== actor.teamId) throw notFound('Team');
    return { teamId: actor.teamId, engineers: workers.filter((w) => w.id === actor.id) };
  }
  const chosen = teamId ?? actor.teamId ?? null;
  if (chosen != null) {
    const team = await teamRow(db, chosen);
    if (!team) throw notFound('Team');
    const allowed =
      actor.scope === 'all' ||
      actor.scope === 'region' ||
      (actor.scope === 'department' && team.department_id === actor.departmentId) ||
      (actor.scope === 'team' && team.id === actor.teamId);
    if (!allowed) throw notFound('Team');
    return { teamId: chosen, engineers: workers.filter((w) => w.team_id === chosen) };
  }
  if (actor.scope === 'department' && actor.departmentId != null) {
    const ids = new Set((await departmentUserIds(db, actor.departmentId)).map((u) => u.id));
    return { teamId: null, engineers: workers.filter((w) => ids.has(w.id)) };
  }
  return { teamId: null, engineers: workers };
}
