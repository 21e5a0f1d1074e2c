import type { TUser, TUserCreate, TUserUpdate } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { AppError, notFound, refuse, versionConflict } from '../../http/errors';
import { pageOf } from '../../http/pagination';
import { type Ref, assertRefsExist } from '../../http/refs';
import { recordAudit } from '../audit/audit.service';
import { type PasswordCost, hashPassword } from '../auth/password';
import { accountsPolicyNow, assertPasswordAllowed } from '../auth/password-rule';
import * as twoFactorRepo from '../auth/two-factor.repository';
import { findCustomer } from '../customers/customers.repository';
import { assertMayDisable } from '../handover/handover.guard';
import { assertCovers, authorityOfActor, authorityWith } from './authority';
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
    hireDate: r.hire_date,
    phone: r.phone,
    email: r.email,
    status: r.status as TUser['status'],
    roleId: r.role_id,
    roleKey: r.role_key,
    departmentId: r.department_id,
    teamId: r.team_id,
    levelId: r.level_id,
    tier: r.tier,
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

const attrsOf = (u: Pick<TUser, 'departmentId' | 'teamId' | 'regionIds' | 'customerId' | 'siteId'>) => ({
  departmentId: u.departmentId,
  teamId: u.teamId,
  regionIds: u.regionIds,
  customerId: u.customerId,
  siteId: u.siteId,
});

/**
 * Moving a customer contact to another customer (issue 18 item 1): only someone who manages customers and whose scope
 * shows both the old and the new customer. HR (users.manage, no customers.manage) may not.
 */
async function assertMayMoveContact(db: Db, ctx: Ctx, from: number | null, to: number | null) {
  if (from === to) return;
  const sees = async (id: number | null) => id == null || (await findCustomer(db, ctx.actor, id)) !== undefined;
  if (!can(ctx.actor, 'customers.manage') || !(await sees(from)) || !(await sees(to))) throw refuse('forbidden', 'accounts.moveContact');
}

function refsOf(b: Partial<TUserCreate>): Ref[] {
  return [
    { table: 'departments', id: b.departmentId, path: 'body.departmentId' },
    { table: 'teams', id: b.teamId, path: 'body.teamId' },
    { table: 'engineer_levels', id: b.levelId, path: 'body.levelId' },
    ...(b.regionIds ?? []).map((id, i) => ({ table: 'regions' as const, id, path: `body.regionIds.${i}` })),
  ];
}

type PasswordDeps = { cost: PasswordCost; companyName: string };

export async function createUser(ctx: Ctx, { cost, companyName }: PasswordDeps, body: TUserCreate): Promise<TUser> {
  const passwordHash = await hashPassword(body.password, cost);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.usernameTaken(trx, body.username)) {
      throw new AppError('conflict', `username: "${body.username}" is already taken`, {
        details: [{ path: 'body.username', message: 'taken' }],
      });
    }
    // Nobody creates an account that can do or see more than they can (issue 18 item 1).
    const grant = await authorityWith(trx, body.roleId, {
      departmentId: body.departmentId ?? null,
      teamId: body.teamId ?? null,
      regionIds: body.regionIds ?? [],
      customerId: body.customerId ?? null,
      siteId: body.siteId ?? null,
    });
    await assertCovers(trx, authorityOfActor(ctx.actor), grant, 'grant');
    const rule = await accountsPolicyNow(trx, ctx.clock.now());
    assertPasswordAllowed(body.password, rule, { username: body.username, name: body.name, companyName }, 'body.password');
    await assertRefsExist(trx, refsOf(body));
    const now = nowIso(ctx.clock);
    const { id } = await repo.insertUser(trx, {
      username: body.username,
      password_hash: passwordHash,
      // A password set by someone else is for one use: the user chooses their own at the first sign-in.
      must_change_password: 1,
      name: body.name,
      employee_no: body.employeeNo ?? null,
      hire_date: body.hireDate ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
      status: body.status ?? 'active',
      role_id: body.roleId,
      department_id: body.departmentId ?? null,
      team_id: body.teamId ?? null,
      level_id: body.levelId ?? null,
      tier: body.tier ?? 1,
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

export async function updateUser(ctx: Ctx, { cost, companyName }: PasswordDeps, id: number, body: TUserUpdate): Promise<TUser> {
  const passwordHash = body.password ? await hashPassword(body.password, cost) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getUser(ctx, id, trx);
    // Issue 18 item 1: the account as it is and as the change leaves it must both be within the actor's own reach.
    const mine = authorityOfActor(ctx.actor);
    await assertCovers(trx, mine, await authorityWith(trx, before.roleId, attrsOf(before)), 'target');
    const merged = {
      departmentId: body.departmentId !== undefined ? body.departmentId : before.departmentId,
      teamId: body.teamId !== undefined ? body.teamId : before.teamId,
      regionIds: body.regionIds ?? before.regionIds,
      customerId: body.customerId !== undefined ? body.customerId : before.customerId,
      siteId: body.siteId !== undefined ? body.siteId : before.siteId,
    };
    await assertCovers(trx, mine, await authorityWith(trx, body.roleId ?? before.roleId, merged), 'grant');
    if (id === ctx.actor.id && (body.status === 'disabled' || (body.roleId !== undefined && body.roleId !== before.roleId))) {
      throw refuse('forbidden', 'accounts.selfRoleOrStatus');
    }
    if (body.customerId !== undefined) await assertMayMoveContact(trx, ctx, before.customerId, body.customerId);
    // HO-1: nobody still holding open items is disabled without a completed handover or the GM's override.
    if (body.status === 'disabled' && before.status !== 'disabled') await assertMayDisable(trx, ctx, before);
    if (body.password) {
      const context = { username: before.username, name: body.name ?? before.name, companyName };
      assertPasswordAllowed(body.password, await accountsPolicyNow(trx, ctx.clock.now()), context, 'body.password');
    }
    await assertRefsExist(trx, refsOf(body));
    const ok = await repo.updateUser(trx, id, body.version, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.employeeNo !== undefined && { employee_no: body.employeeNo }),
      ...(body.hireDate !== undefined && { hire_date: body.hireDate }),
      ...(body.phone !== undefined && { phone: body.phone }),
      ...(body.email !== undefined && { email: body.email }),
      ...(body.status !== undefined && { status: body.status }),
      ...(body.roleId !== undefined && { role_id: body.roleId }),
      ...(body.departmentId !== undefined && { department_id: body.departmentId }),
      ...(body.teamId !== undefined && { team_id: body.teamId }),
      ...(body.levelId !== undefined && { level_id: body.levelId }),
      ...(body.tier !== undefined && { tier: body.tier }),
      ...(body.customerId !== undefined && { customer_id: body.customerId }),
      ...(body.siteId !== undefined && { site_id: body.siteId }),
      ...(passwordHash && { password_hash: passwordHash, must_change_password: id === ctx.actor.id ? 0 : 1 }),
      updated_at: nowIso(ctx.clock),
    });
    if (!ok) throw versionConflict('User');
    if (body.regionIds) await repo.replaceRegions(trx, id, body.regionIds);
    if (body.skills) await repo.replaceSkills(trx, id, body.skills);
    if (body.status === 'disabled' || passwordHash) await repo.endSessionsOf(trx, id);
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
    await assertCovers(trx, authorityOfActor(ctx.actor), await authorityWith(trx, before.roleId, attrsOf(before)), 'target');
    await repo.clearLock(trx, id);
    const after = await getUser(ctx, id, trx);
    await recordAudit(trx, ctx, { action: 'unlock', entity: 'user', entityId: id, before, after });
    return after;
  });
}

/**
 * Issue 18 item 6: a user who lost both the phone and the recovery codes gets two-factor sign-in turned off by
 * someone who may administer the account (then signs in with the password and sets it up again). Never one's own
 * (issue 18 item 1): that goes through /auth/two-factor/disable with the password and a code, so a session alone
 * (a stolen cookie of someone holding users.manage) cannot take the second factor off.
 */
export async function resetTwoFactor(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const user = await getUser(ctx, id, trx);
    if (id === ctx.actor.id) throw refuse('forbidden', 'twoFactor.resetOwn');
    await assertCovers(trx, authorityOfActor(ctx.actor), await authorityWith(trx, user.roleId, attrsOf(user)), 'target');
    if (!(await twoFactorRepo.isTwoFactorEnabled(trx, id))) throw refuse('conflict', 'twoFactor.notEnabled');
    await twoFactorRepo.removeTwoFactor(trx, id);
    await twoFactorRepo.deleteUserChallenges(trx, id);
    await recordAudit(trx, ctx, { action: 'two_factor_reset', entity: 'user', entityId: id });
  });
}
