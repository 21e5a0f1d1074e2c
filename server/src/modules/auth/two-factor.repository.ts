import type { Db } from '../../http/context';

// Two-factor sign-in (issue 18 item 6): the authenticator secret, recovery codes and the sign-in challenges.

export function twoFactorOf(db: Db, userId: number) {
  return db
    .selectFrom('user_two_factor')
    .select(['user_id', 'secret', 'enabled_at', 'last_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function isTwoFactorEnabled(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('user_two_factor')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new, not yet confirmed enrolment replaces an earlier unconfirmed one (never a confirmed one). */
export async function putPendingSecret(db: Db, userId: number, secret: string, now: string) {
  await db
    .insertInto('user_two_factor')
    .values({ user_id: userId, secret, enabled_at: null, last_step: null, created_at: now, updated_at: now })
    // Two starts at once (a double click) both land: the later secret wins.
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret, last_step: null, created_at: now, updated_at: now })
        .where('user_two_factor.enabled_at', 'is', null),
    )
    .execute();
}

/** Turns a pending enrolment on; false when there was none (confirmed meanwhile or started over). */
export async function enable(db: Db, userId: number, secret: string, step: number, now: string): Promise<boolean> {
  const res = await db
    .updateTable('user_two_factor')
    .set({ enabled_at: now, last_step: step, updated_at: now })
    .where('user_id', '=', userId)
    .where('secret', '=', secret)
    .where('enabled_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records the time step of an accepted code; false when that step (or a later one) was used already (replay). */
export async function useStep(db: Db, userId: number, step: number, now: string): Promise<boolean> {
  const res = await db
    .updateTable('user_two_factor')
    .set({ last_step: step, updated_at: now })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function removeTwoFactor(db: Db, userId: number) {
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_two_factor').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Db, userId: number, hashes: string[], now: string) {
  await db.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('two_factor_recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, created_at: now, used_at: null })))
    .execute();
}

/** Marks an unused recovery code used; false when there is none with this hash (wrong, or used already). */
export async function useRecoveryCode(db: Db, userId: number, codeHash: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) >= 1;
}

export async function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertChallenge(db: Db, c: { id: string; userId: number; now: string; expiresAt: string }) {
  // The user's expired challenges go when a new one comes.
  await db.deleteFrom('two_factor_challenges').where('user_id', '=', c.userId).where('expires_at', '<=', c.now).execute();
  await db
    .insertInto('two_factor_challenges')
    .values({ id: c.id, user_id: c.userId, created_at: c.now, expires_at: c.expiresAt })
    .execute();
}

export function findChallenge(db: Db, id: string) {
  return db.selectFrom('two_factor_challenges').select(['id', 'user_id', 'expires_at']).where('id', '=', id).executeTakeFirst();
}

/** Deletes a challenge; false when it was gone already (used by a request that came at the same time). */
export async function deleteChallenge(db: Db, id: string): Promise<boolean> {
  const res = await db.deleteFrom('two_factor_challenges').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function deleteUserChallenges(db: Db, userId: number) {
  await db.deleteFrom('two_factor_challenges').where('user_id', '=', userId).execute();
}

/** What the second sign-in step needs to know of the challenge's user. */
export function signInStateOf(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'name', 'status', 'failed_logins', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
