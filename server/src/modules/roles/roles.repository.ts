import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Db } from '../../http/context';

// The roles module's queries (queries only in repositories, issue 13 item 2).

const roleColumns = ['id', 'key', 'name', 'name_en', 'scope', 'permissions', 'builtin', 'require_two_factor', 'version'] as const;

/** Every role, or the one with this id, in id order. */
export function roleRows(db: Db, id?: number) {
  let q = db.selectFrom('roles').select(roleColumns).orderBy('id');
  if (id !== undefined) q = q.where('id', '=', id);
  return q.execute();
}

/** How many users hold each role. */
export function roleHolderCounts(db: Db) {
  return db
    .selectFrom('users')
    .select(['role_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('role_id')
    .execute();
}

/** Whether a role with this key exists. */
export async function roleKeyTaken(db: Db, key: string): Promise<boolean> {
  return (await db.selectFrom('roles').select('id').where('key', '=', key).executeTakeFirst()) !== undefined;
}

/** A new role, its id. */
export function insertRole(db: Db, row: Insertable<DB['roles']>) {
  return db.insertInto('roles').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The fields given changed at the version read (the version goes up by one); false when someone changed it meanwhile. */
export async function updateRoleAtVersion(
  db: Db,
  id: number,
  version: number,
  set: { name?: string; name_en?: string; scope?: string; permissions?: string; require_two_factor?: number; updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('roles')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteRoleRow(db: Db, id: number) {
  await db.deleteFrom('roles').where('id', '=', id).execute();
}
