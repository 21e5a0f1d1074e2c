import type { TDataScope, TPermission } from '@techserve/core';
import type { Actor, Db } from '../../http/context';
import { AppError, refuse } from '../../http/errors';
import * as repo from './users.repository';

/**
 * What an account can do and see: its role's permissions and data scope, and the attributes the scope reads
 * (issue 18 item 1). User administration compares the actor's authority with the target's, before and after.
 */
export type Authority = {
  roleKey: string;
  permissions: readonly TPermission[];
  scope: TDataScope;
  departmentId: number | null;
  teamId: number | null;
  regionIds: readonly number[];
  customerId: number | null;
  siteId: number | null;
};

export const authorityOfActor = (a: Actor): Authority => ({ ...a, permissions: [...a.permissions] });

/** The authority a user would have with this role and these attributes (an unknown role is a 422). */
export async function authorityWith(
  db: Db,
  roleId: number,
  attrs: Omit<Authority, 'roleKey' | 'permissions' | 'scope'>,
): Promise<Authority> {
  const role = await repo.roleGrant(db, roleId);
  if (!role) {
    throw new AppError('invalid_value', `roleId: no role with id ${roleId}`, {
      details: [{ path: 'body.roleId', message: 'unknown role' }],
    });
  }
  return { ...attrs, roleKey: role.key, scope: role.scope as TDataScope, permissions: JSON.parse(role.permissions) as TPermission[] };
}

const subset = <T>(a: readonly T[], b: readonly T[]) => a.every((x) => b.includes(x));

/**
 * Whether the actor's data scope reaches at least as far as the target's. `all` reaches everything; otherwise a
 * scope is only covered by the same or a containing scope over the same team / department / regions / company /
 * site. A scope whose attribute is missing falls back to own rows (scopeFilter), which anyone covers.
 */
async function scopeCovered(db: Db, actor: Authority, t: Authority): Promise<boolean> {
  if (actor.scope === 'all') return true;
  switch (t.scope) {
    case 'own':
      return true;
    case 'team':
      if (t.teamId == null) return true;
      if (actor.scope === 'team') return actor.teamId === t.teamId;
      return actor.scope === 'department' && actor.departmentId != null && (await repo.teamDepartment(db, t.teamId)) === actor.departmentId;
    case 'department':
      return t.departmentId == null || (actor.scope === 'department' && actor.departmentId === t.departmentId);
    case 'region':
      return t.regionIds.length === 0 || (actor.scope === 'region' && subset(t.regionIds, actor.regionIds));
    case 'company':
      return t.customerId == null || (actor.scope === 'company' && actor.customerId === t.customerId);
    case 'site':
      return t.siteId == null || (actor.scope === 'site' && actor.siteId === t.siteId);
    default:
      return false;
  }
}

/**
 * Refuses (403) when the actor may not administer an account with authority `t`: only an administrator touches an
 * administrator, and nobody touches an account holding a permission or seeing data they do not. `as` says whether
 * `t` is the account as it is (`target`) or as the change would leave it (`grant`).
 */
export async function assertCovers(db: Db, actor: Authority, t: Authority, as: 'target' | 'grant') {
  if (t.roleKey === 'admin' && actor.roleKey !== 'admin') throw refuse('forbidden', 'accounts.adminOnly');
  const missing = t.permissions.filter((p) => !actor.permissions.includes(p));
  if (missing.length) {
    throw refuse('forbidden', as === 'target' ? 'accounts.targetHasMore' : 'accounts.grantMore', { permissions: missing.join(', ') });
  }
  if (!(await scopeCovered(db, actor, t))) {
    throw refuse('forbidden', as === 'target' ? 'accounts.targetSeesMore' : 'accounts.grantWiderScope', { scope: t.scope });
  }
}

/** Role editing: whether a data scope is no wider than the actor's, by kind (a role carries no team or region). */
function roleScopeCovered(actor: TDataScope, scope: TDataScope): boolean {
  if (actor === 'all' || scope === 'own' || actor === scope) return true;
  return actor === 'department' && scope === 'team';
}

/** Refuses (403) a role the actor may not edit or create: the admin role, or one that can do or see more than they. */
export function assertRoleCovered(
  actor: Actor,
  role: { key: string; scope: TDataScope; permissions: readonly TPermission[] },
  as: 'target' | 'grant',
) {
  if (role.key === 'admin' && actor.roleKey !== 'admin') throw refuse('forbidden', 'accounts.adminOnly');
  const missing = role.permissions.filter((p) => !actor.permissions.has(p));
  if (missing.length) {
    throw refuse('forbidden', as === 'target' ? 'accounts.targetHasMore' : 'accounts.grantMore', { permissions: missing.join(', ') });
  }
  if (!roleScopeCovered(actor.scope, role.scope)) {
    throw refuse('forbidden', as === 'target' ? 'accounts.targetSeesMore' : 'accounts.grantWiderScope', { scope: role.scope });
  }
}
