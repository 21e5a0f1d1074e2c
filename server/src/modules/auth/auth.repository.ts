import type { TDataScope, TPermission } from '@techserve/core';
import type { Db } from '../../http/context';

export function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'password_hash', 'status', 'failed_logins', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function recordLoginFailure(db: Db, userId: number, failedLogins: number, lockedUntil: string | null) {
  await db.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', userId).execute();
}

export async function clearLoginFailures(db: Db, userId: number) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export type ActorRow = {
  id: number;
  username: string;
  name: string;
  status: string;
  roleId: number;
  roleKey: string;
  roleName: string;
  scope: TDataScope;
  permissions: TPermission[];
  departmentId: number | null;
  teamId: number | null;
  customerId: number | null;
  siteId: number | null;
  regionIds: number[];
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  twoFactorRequired: boolean;
};

export async function loadActorRow(db: Db, userId: number): Promise<ActorRow | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('user_two_factor', 'user_two_factor.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.name',
      'users.status',
      'users.role_id',
      'roles.key as role_key',
      'roles.name as role_name',
      'roles.scope',
      'roles.permissions',
      'users.department_id',
      'users.team_id',
      'users.customer_id',
      'users.site_id',
      'users.must_change_password',
      'roles.require_two_factor',
      'user_two_factor.enabled_at as two_factor_enabled_at',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const regions = await db.selectFrom('user_regions').select('region_id').where('user_id', '=', userId).execute();
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    status: row.status,
    roleId: row.role_id,
    roleKey: row.role_key,
    roleName: row.role_name,
    scope: row.scope as TDataScope,
    permissions: JSON.parse(row.permissions) as TPermission[],
    departmentId: row.department_id,
    teamId: row.team_id,
    customerId: row.customer_id,
    siteId: row.site_id,
    regionIds: regions.map((r) => r.region_id),
    mustChangePassword: row.must_change_password === 1,
    twoFactorEnabled: row.two_factor_enabled_at !== null,
    twoFactorRequired: row.require_two_factor === 1,
  };
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: number; csrfToken: string; now: string; expiresAt: string; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      expires_at: s.expiresAt,
      last_seen_at: s.now,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export function findSession(db: Db, id: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: string, expiresAt: string) {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, userId: number, exceptId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export function findApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markApiTokenUsed(db: Db, id: number, now: string) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

const tokenColumns = ['id', 'name', 'prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

export function listApiTokens(db: Db, userId: number) {
  return db.selectFrom('api_tokens').select(tokenColumns).where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

export function insertApiToken(
  db: Db,
  t: { userId: number; name: string; prefix: string; tokenHash: string; now: string; expiresAt: string | null },
) {
  return db
    .insertInto('api_tokens')
    .values({ user_id: t.userId, name: t.name, prefix: t.prefix, token_hash: t.tokenHash, created_at: t.now, expires_at: t.expiresAt })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();
}

export function revokeApiToken(db: Db, userId: number, id: number, now: string) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(tokenColumns)
    .executeTakeFirst();
}

export function updatePasswordHash(db: Db, userId: number, passwordHash: string, now: string) {
  return db
    .updateTable('users')
    .set((eb) => ({ password_hash: passwordHash, must_change_password: 0, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

export function passwordStateOf(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .select(['password_hash', 'failed_logins', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}
