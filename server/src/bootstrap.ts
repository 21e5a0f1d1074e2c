import { randomBytes } from 'node:crypto';
import { DEFAULT_ROLES } from '@techserve/core';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import type { Clock } from './http/clock';
import { recordAudit } from './modules/audit/audit.service';
import { type PasswordCost, hashPassword } from './modules/auth/password';
import { accountsPolicyNow, assertPasswordAllowed } from './modules/auth/password-rule';

/** Built-in roles (ORG-2) that are missing are added; existing ones keep the permissions an admin gave them. */
export async function ensureRoles(db: Kysely<DB>, clock: Clock): Promise<void> {
  const existing = new Set((await db.selectFrom('roles').select('key').execute()).map((r) => r.key));
  const now = clock.now().toISOString();
  const missing = DEFAULT_ROLES.filter((r) => !existing.has(r.key));
  if (missing.length === 0) return;
  await db
    .insertInto('roles')
    .values(
      missing.map((r) => ({
        key: r.key,
        name: r.name['zh-CN'],
        name_en: r.name.en,
        scope: r.scope,
        permissions: JSON.stringify(r.permissions),
        builtin: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export const generatePassword = () => randomBytes(12).toString('base64url');

/**
 * Creates (or resets, when `reset`) the user `username` with the admin role. Returns the password used when a
 * user was created or reset, null when the user already existed and was left alone.
 */
export async function ensureAdmin(
  db: Kysely<DB>,
  clock: Clock,
  cost: PasswordCost,
  opts: { username?: string; password?: string | null; reset?: boolean; companyName?: string } = {},
): Promise<string | null> {
  const username = opts.username ?? 'admin';
  // ACC-1 (issue 18 item 3): a password the operator chose follows the same rule as every other (first run, CLI).
  if (opts.password && opts.companyName !== undefined) {
    const context = { username, companyName: opts.companyName };
    assertPasswordAllowed(opts.password, await accountsPolicyNow(db, clock.now()), context, 'TECHSERVE_ADMIN_PASSWORD');
  }
  const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (existing && !opts.reset) return null;
  const password = opts.password || generatePassword();
  const hash = await hashPassword(password, cost);
  const role = await db.selectFrom('roles').select('id').where('key', '=', 'admin').executeTakeFirstOrThrow();
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    if (existing) {
      await trx
        .updateTable('users')
        .set((eb) => ({
          password_hash: hash,
          role_id: role.id,
          status: 'active',
          failed_logins: 0,
          locked_until: null,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('users')
        .values({
          username,
          password_hash: hash,
          name: username === 'admin' ? '系统管理员' : username,
          status: 'active',
          role_id: role.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { clock, ip: null, requestId: null, actor: null },
      {
        action: existing ? 'admin_reset' : 'admin_created',
        entity: 'user',
        entityId: user.id,
        after: { username },
      },
    );
  });
  return password;
}
