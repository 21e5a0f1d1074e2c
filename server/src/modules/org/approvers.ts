import type { TPermission } from '@techserve/core';
import type { Db } from '../../http/context';
import * as org from './org.repository';

/**
 * ORG-2: a member of staff's managers — the team's lead and deputy, and the head of their department
 * (`departmentHeads`). They are told of missing travel logs (AT-3); approval requests (travel TR-1, leave RS-4/AT-4)
 * go to those of them who may decide (`approversOf`).
 */
export async function managersOf(db: Db, userId: number): Promise<number[]> {
  const u = await org.placeOf(db, userId);
  const ids = new Set([...(await org.teamLeads(db, u?.team_id ?? null)), ...(await org.departmentHeads(db, u?.department_id ?? null))]);
  ids.delete(userId);
  return [...ids];
}

type Filed = { user_id: number; team_id: number | null; department_id: number | null };

/** The user's role grants the permission and its data scope reaches the record (so the decision routes let them act). */
function mayDecide(u: org.GrantRow, trip: Filed, permission: TPermission): boolean {
  if (u.id === trip.user_id || !(JSON.parse(u.permissions) as string[]).includes(permission)) return false;
  if (u.scope === 'all') return true;
  if (u.scope === 'department') return u.department_id != null && u.department_id === trip.department_id;
  if (u.scope === 'team') return u.team_id != null && u.team_id === trip.team_id;
  return false;
}

/**
 * ORG-2, level by level (AT-4): who is asked to decide a record filed by a member of staff — a trip, its advances,
 * extension and claim (TR-1/FS-10, `travel.approve`) or a leave (RS-4, `leave.approve`): their managers
 * (`managersOf`) whose role grants the permission with a data scope reaching the record. By default that is the
 * department's supervisor (部门主管); a team lead (组长) is asked only where the company granted the team lead role the
 * permission. When none of the managers may act, every active user who may is asked, so a request is never left unseen.
 */
export async function approversOf(db: Db, trip: Filed, permission: TPermission = 'travel.approve'): Promise<number[]> {
  const managers = await managersOf(db, trip.user_id);
  if (managers.length > 0) {
    const deciding = (await org.grantsOf(db, { ids: managers })).filter((u) => mayDecide(u, trip, permission)).map((u) => u.id);
    if (deciding.length > 0) return deciding.sort((a, b) => a - b);
  }
  const anyone = await org.grantsOf(db, { permission });
  return anyone.filter((u) => mayDecide(u, trip, permission)).map((u) => u.id);
}
