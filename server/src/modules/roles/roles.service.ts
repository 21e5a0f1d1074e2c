import type { TDataScope, TPermission, TRole, TRoleCreate, TRoleUpdate } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, forbidden, notFound, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { assertRoleCovered } from '../users/authority';
import * as repo from './roles.repository';

async function rolesWithCounts(db: Db, id?: number): Promise<TRole[]> {
  const rows = await repo.roleRows(db, id);
  const counts = await repo.roleHolderCounts(db);
  const countOf = new Map(counts.map((c) => [c.role_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    nameEn: r.name_en,
    scope: r.scope as TDataScope,
    permissions: JSON.parse(r.permissions) as TPermission[],
    builtin: r.builtin === 1,
    requireTwoFactor: r.require_two_factor === 1,
    userCount: countOf.get(r.id) ?? 0,
    version: r.version,
  }));
}

export const listRoles = (ctx: Ctx) => rolesWithCounts(ctx.db);

export async function getRole(db: Db, id: number): Promise<TRole> {
  const [role] = await rolesWithCounts(db, id);
  if (!role) throw notFound('Role');
  return role;
}

export async function createRole(ctx: Ctx, body: TRoleCreate): Promise<TRole> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.roleKeyTaken(trx, body.key)) {
      throw new AppError('conflict', `key: a role "${body.key}" already exists`, { details: [{ path: 'body.key', message: 'taken' }] });
    }
    // Issue 18 item 1: nobody makes a role that can do or see more than they can.
    assertRoleCovered(ctx.actor, { key: body.key, scope: body.scope, permissions: body.permissions }, 'grant');
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertRole(trx, {
      key: body.key,
      name: body.name,
      name_en: body.nameEn ?? '',
      scope: body.scope,
      permissions: JSON.stringify([...new Set(body.permissions)]),
      builtin: 0,
      require_two_factor: body.requireTwoFactor ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    const after = await getRole(trx, id);
    await recordAudit(trx, ctx, { action: 'create', entity: 'role', entityId: id, after });
    return after;
  });
}

export async function updateRole(ctx: Ctx, id: number, body: TRoleUpdate): Promise<TRole> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getRole(trx, id);
    // Issue 18 item 1: the role as it is (its holders) and as the edit leaves it must be within the actor's reach.
    assertRoleCovered(ctx.actor, before, 'target');
    assertRoleCovered(
      ctx.actor,
      { key: before.key, scope: body.scope ?? before.scope, permissions: body.permissions ?? before.permissions },
      'grant',
    );
    if (before.key === 'admin' && body.permissions && !body.permissions.includes('roles.manage')) {
      throw forbidden('The admin role must keep roles.manage, or nobody could manage roles any more');
    }
    const updated = await repo.updateRoleAtVersion(trx, id, body.version, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.nameEn !== undefined && { name_en: body.nameEn }),
      ...(body.scope !== undefined && { scope: body.scope }),
      ...(body.permissions !== undefined && { permissions: JSON.stringify([...new Set(body.permissions)]) }),
      // Issue 18 item 6: the audit entry's before/after show the requirement turned on or off.
      ...(body.requireTwoFactor !== undefined && { require_two_factor: body.requireTwoFactor ? 1 : 0 }),
      updated_at: nowIso(ctx.clock),
    });
    if (!updated) throw versionConflict('Role');
    const after = await getRole(trx, id);
    await recordAudit(trx, ctx, { action: 'update', entity: 'role', entityId: id, before, after });
    return after;
  });
}

export async function deleteRole(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await getRole(trx, id);
    assertRoleCovered(ctx.actor, before, 'target');
    if (before.builtin) throw new AppError('conflict', 'Built-in roles cannot be deleted; edit their permissions instead');
    if (before.userCount > 0) throw new AppError('conflict', `The role is held by ${before.userCount} user(s); reassign them first`);
    await repo.deleteRoleRow(trx, id);
    await recordAudit(trx, ctx, { action: 'delete', entity: 'role', entityId: id, before });
  });
}
