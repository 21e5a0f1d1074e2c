import type { Selectable } from 'kysely';
import type { UsersTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { containsText } from '../../http/like';
import { decodeCursor } from '../../http/pagination';
import { type ScopeColumns, scopeFilter } from '../../http/scope';

export const USER_SCOPE: ScopeColumns = {
  owner: 'users.id',
  team: 'users.team_id',
  department: 'users.department_id',
  customer: 'users.customer_id',
  site: 'users.site_id',
  region: (eb, regionIds) =>
    eb.exists(
      eb
        .selectFrom('user_regions as ur')
        .select('ur.user_id')
        .whereRef('ur.user_id', '=', 'users.id')
        .where('ur.region_id', 'in', regionIds),
    ),
};

const columns = [
  'users.id',
  'users.username',
  'users.name',
  'users.employee_no',
  'users.hire_date',
  'users.phone',
  'users.email',
  'users.status',
  'users.role_id',
  'roles.key as role_key',
  'users.department_id',
  'users.team_id',
  'users.level_id',
  'users.tier',
  'users.customer_id',
  'users.site_id',
  'users.locked_until',
  'users.created_at',
  'users.updated_at',
  'users.version',
] as const;

export type UserFilter = { q?: string; status?: string; roleId?: number; teamId?: number; departmentId?: number };

function scoped(db: Db, actor: Actor) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(columns)
    .where((eb) => scopeFilter(eb, actor, USER_SCOPE));
}

export async function listUsers(db: Db, actor: Actor, f: UserFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 1);
  let q = scoped(db, actor)
    .orderBy('users.id')
    .limit(limit + 1);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        containsText('users.name', text),
        containsText('users.username', text),
        containsText('users.employee_no', text),
        containsText('users.phone', text),
      ]),
    );
  }
  if (f.status) q = q.where('users.status', '=', f.status);
  if (f.roleId) q = q.where('users.role_id', '=', f.roleId);
  if (f.teamId) q = q.where('users.team_id', '=', f.teamId);
  if (f.departmentId) q = q.where('users.department_id', '=', f.departmentId);
  if (after) q = q.where('users.id', '>', Number(after[0]));
  return q.execute();
}

export function findUser(db: Db, actor: Actor, id: number) {
  return scoped(db, actor).where('users.id', '=', id).executeTakeFirst();
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export async function regionsAndSkills(db: Db, userIds: number[]) {
  if (userIds.length === 0) return { regions: new Map<number, number[]>(), skills: new Map<number, string[]>() };
  const [r, s] = await Promise.all([
    db.selectFrom('user_regions').select(['user_id', 'region_id']).where('user_id', 'in', userIds).orderBy('region_id').execute(),
    db.selectFrom('user_skills').select(['user_id', 'skill']).where('user_id', 'in', userIds).orderBy('skill').execute(),
  ]);
  const regions = new Map<number, number[]>();
  const skills = new Map<number, string[]>();
  for (const row of r) regions.set(row.user_id, [...(regions.get(row.user_id) ?? []), row.region_id]);
  for (const row of s) skills.set(row.user_id, [...(skills.get(row.user_id) ?? []), row.skill]);
  return { regions, skills };
}

export type UserValues = Omit<Selectable<UsersTable>, 'id' | 'version' | 'failed_logins' | 'must_change_password' | 'locked_until'>;

export function insertUser(db: Db, v: UserValues & { must_change_password?: number }) {
  return db.insertInto('users').values(v).returning('id').executeTakeFirstOrThrow();
}

/** Optimistic update: only when the stored version is the one the client read. */
export async function updateUser(db: Db, id: number, version: number, v: Partial<UserValues>): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set((eb) => ({ ...v, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceRegions(db: Db, userId: number, regionIds: number[]) {
  await db.deleteFrom('user_regions').where('user_id', '=', userId).execute();
  if (regionIds.length) {
    await db
      .insertInto('user_regions')
      .values([...new Set(regionIds)].map((region_id) => ({ user_id: userId, region_id })))
      .execute();
  }
}

export async function replaceSkills(db: Db, userId: number, skills: string[]) {
  await db.deleteFrom('user_skills').where('user_id', '=', userId).execute();
  if (skills.length) {
    await db
      .insertInto('user_skills')
      .values([...new Set(skills)].map((skill) => ({ user_id: userId, skill })))
      .execute();
  }
}

/** Signs the user out everywhere (disabled, or a password set by someone else). */
export const endSessionsOf = (db: Db, userId: number) => db.deleteFrom('sessions').where('user_id', '=', userId).execute();

/** Lifts a lock after failed sign-ins. */
export const clearLock = (db: Db, userId: number) =>
  db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();

export function usernameTaken(db: Db, username: string) {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

/** A role's key, scope and permissions (what assigning it would give). */
export function roleGrant(db: Db, roleId: number) {
  return db.selectFrom('roles').select(['key', 'scope', 'permissions']).where('id', '=', roleId).executeTakeFirst();
}

export async function teamDepartment(db: Db, teamId: number): Promise<number | null> {
  const row = await db.selectFrom('teams').select('department_id').where('id', '=', teamId).executeTakeFirst();
  return row?.department_id ?? null;
}

/** HO-1 (set-based): the regions these people are responsible for, with each region's name and count of customers. */
export function regionsHeldBy(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_regions')
    .innerJoin('regions', 'regions.id', 'user_regions.region_id')
    .select((eb) => [
      'user_regions.user_id',
      'regions.id',
      'regions.name',
      eb
        .selectFrom('customers')
        .select((c) => c.fn.countAll<number | string>().as('n'))
        .whereRef('customers.region_id', '=', 'regions.id')
        .as('customers'),
    ])
    .where('user_regions.user_id', 'in', userIds)
    .orderBy('regions.id')
    .execute();
}
