import { monthDates } from '@techserve/core';
import type { Db } from '../../http/context';
import { GRANTED } from '../leave/leave.repository';

/** Active members of staff whose role writes reports (reports.write): the daily log and weekly report are theirs. */
export async function reportWriters(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('users.id')
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where('roles.permissions', 'like', '%"reports.write"%')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Each department's head (WR-4 supervisor's weekly report, WR-5 monthly report): its manager, or when it names none
 * its active members whose role's data scope is the department (ORG-1; never a role by its key).
 */
export async function departmentHeads(db: Db): Promise<{ departmentId: number; userId: number }[]> {
  const departments = await db
    .selectFrom('departments')
    .leftJoin('users as m', 'm.id', 'departments.manager_id')
    .select(['departments.id', 'departments.manager_id', 'm.status'])
    .execute();
  const supervisors = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.department_id'])
    .where('roles.scope', '=', 'department')
    .where('users.status', '=', 'active')
    .execute();
  const out: { departmentId: number; userId: number }[] = [];
  for (const d of departments) {
    if (d.manager_id != null && d.status === 'active') out.push({ departmentId: d.id, userId: d.manager_id });
    else for (const s of supervisors) if (s.department_id === d.id) out.push({ departmentId: d.id, userId: s.id });
  }
  return out;
}

/** Of these people, those on approved leave on the date (no daily log is due then). */
export async function onLeave(db: Db, userIds: number[], date: string): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('leave_requests')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('status', 'in', GRANTED)
    .where('start_date', '<=', date)
    .where('end_date', '>=', date)
    .execute();
  return rows.map((r) => r.user_id);
}

/** WR-7: members of projects under way during a month (started by its end, not closed before it began). */
export async function projectMembersActiveIn(db: Db, month: string): Promise<{ projectId: number; userId: number }[]> {
  const { first, last } = monthDates(month);
  const rows = await db
    .selectFrom('project_members as pm')
    .innerJoin('projects as p', 'p.id', 'pm.project_id')
    .innerJoin('users as u', 'u.id', 'pm.user_id')
    .select(['pm.project_id', 'pm.user_id'])
    .where('u.status', '=', 'active')
    .where('p.started_on', 'is not', null)
    .where('p.started_on', '<=', last)
    .where((eb) => eb.or([eb('p.closed_at', 'is', null), eb('p.closed_at', '>=', `${first}T00:00:00.000Z`)]))
    .orderBy('pm.project_id')
    .orderBy('pm.user_id')
    .execute();
  return rows.map((r) => ({ projectId: r.project_id, userId: r.user_id }));
}
