import type { TPermission, TUser, TUserCreate, TUserUpdate } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, forbidden, notFound, versionConflict } from '../../http/errors';
import { pageOf } from '../../http/pagination';
import { type Ref, assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';
import { type PasswordCost, hashPassword } from '../auth/password';
import * as repo from './users.repository';

async function toUsers(db: Db, rows: repo.UserRow[]): Promise<TUser[]> {
  const { regions, skills } = await repo.regionsAndSkills(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    name: r.name,
    employeeNo: r.employee_no,
    phone: r.phone,
    email: r.email,
    status: r.status as TUser['status'],
    roleId: r.role_id,
    roleKey: r.role_key,
    departmentId: r.department_id,
    teamId: r.team_id,
    levelId: r.level_id,
    customerId: r.customer_id,
    siteId: r.site_id,
    regionIds: regions.get(r.id) ?? [],
    skills: skills.get(r.id) ?? [],
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
}

export async function listUsers(ctx: Ctx, q: repo.UserFilter & { limit: number; cursor?: string }) {
  const rows = await repo.listUsers(ctx.db, ctx.actor, q, q.limit, q.cursor);
  const page = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await toUsers(ctx.db, page.items), nextCursor: page.nextCursor };
}

export async function getUser(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TUser> {
  const row = await repo.findUser(db, ctx.actor, id);
  if (!row) throw notFound('User'); // out of scope looks the same as missing: ids do not leak
  return (await toUsers(db, [row]))[0];
}

/** Nobody hands out a role that can do more than they can (no privilege escalation through user admin). */
async function assertAssignableRole(db: Db, ctx: Ctx, roleId: number) {
  const role = await db.selectFrom('roles').select(['permissions', 'key']).where('id', '=', roleId).executeTakeFirst();
  if (!role) {
    throw new AppError('invalid_value', `roleId: no role with id ${roleId}`, {
      details: [{ path: 'body.roleId', message: 'unknown role' }],
    });
  }
  const wanted = JSON.parse(role.permissions) as TPermission[];
  const missing = wanted.filter((p) => !ctx.actor.permissions.has(p));
  if (missing.length) throw forbidden(`You cannot assign the role "${role.key}": it grants ${missing.join(', ')} which you do not have`);
}

function refsOf(b: Partial<TUserCreate>): Ref[] {
  return [
    { table: 'departments', id: b.departmentId, path: 'body.departmentId' },
    { table: 'teams', id: b.teamId, path: 'body.teamId' },
    { table: 'engineer_levels', id: b.levelId, path: 'body.levelId' },
    ...(b.regionIds ?? []).map((id, i) => ({ table: 'regions' as const, id, path: `body.regionIds.${i}` })),
  ];
}

export async function createUser(ctx: Ctx, cost: PasswordCost, body: TUserCreate): Promise<TUser> {
  const passwordHash = await hashPassword(body.password, cost);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.usernameTaken(trx, body.username)) {
      throw new AppError('conflict', `username: "${body.username}" is already taken`, {
        details: [{ path: 'body.username', message: 'taken' }],
      });
    }
    await assertAssignableRole(trx, ctx, body.roleId);
    await assertRefsExist(trx, refsOf(body));
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertUser(trx, {
      username: body.username,
      password_hash: passwordHash,
      name: body.name,
      employee_no: body.employeeNo ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
      status: body.status ?? 'active',
      role_id: body.roleId,
      department_id: body.departmentId ?? null,
      team_id: body.teamId ?? null,
      level_id: body.levelId ?? null,
      customer_id: body.customerId ?? null,
      site_id: body.siteId ?? null,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceRegions(trx, id, body.regionIds ?? []);
    await repo.replaceSkills(trx, id, body.skills ?? []);
    const created = await getUserUnscoped(trx, ctx, id);
    // The creator may not see the new user under their scope (e.g. HR creating a customer contact): still audit it.
    await recordAudit(trx, ctx, { action: 'create', entity: 'user', entityId: id, after: created });
    return created;
  });
}

async function getUserUnscoped(db: Db, ctx: Ctx, id: number) {
  return getUser({ ...ctx, actor: { ...ctx.actor, scope: 'all' } }, id, db);
}

export async function updateUser(ctx: Ctx, cost: PasswordCost, id: number, body: TUserUpdate): Promise<TUser> {
  const passwordHash = body.password ? await hashPassword(body.password, cost) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getUser(ctx, id, trx);
    if (body.roleId !== undefined && body.roleId !== before.roleId) await assertAssignableRole(trx, ctx, body.roleId);
    if (id === ctx.actor.id && (body.status === 'disabled' || (body.roleId !== undefined && body.roleId !== before.roleId))) {
      throw forbidden('You cannot disable yourself or change your own role');
    }
    await assertRefsExist(trx, refsOf(body));
    const ok = await repo.updateUser(trx, id, body.version, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.employeeNo !== undefined && { employee_no: body.employeeNo }),
      ...(body.phone !== undefined && { phone: body.phone }),
      ...(body.email !== undefined && { email: body.email }),
      ...(body.status !== undefined && { status: body.status }),
      ...(body.roleId !== undefined && { role_id: body.roleId }),
      ...(body.departmentId !== undefined && { department_id: body.departmentId }),
      ...(body.teamId !== undefined && { team_id: body.teamId }),
      ...(body.levelId !== undefined && { level_id: body.levelId }),
      ...(body.customerId !== undefined && { customer_id: body.customerId }),
      ...(body.siteId !== undefined && { site_id: body.siteId }),
      ...(passwordHash && { password_hash: passwordHash }),
      updated_at: nowIso(ctx.clock),
    });
    if (!ok) throw versionConflict('User');
    if (body.regionIds) await repo.replaceRegions(trx, id, body.regionIds);
    if (body.skills) await repo.replaceSkills(trx, id, body.skills);
    if (body.status === 'disabled' || passwordHash) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const after = await getUserUnscoped(trx, ctx, id);
    await recordAudit(trx, ctx, {
      action: passwordHash ? 'update_with_password_reset' : 'update',
      entity: 'user',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function unlockUser(ctx: Ctx, id: number): Promise<TUser> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getUser(ctx, id, trx);
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    const after = await getUser(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'unlock', entity: 'user', entityId: id, before, after });
    return after;
  });
}
