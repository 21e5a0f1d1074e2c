import { sql } from 'kysely';
import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';
import { containsText } from '../../http/like';

/* PAY-3c: projects contracted (承包) to employees: the list in scope, one contract, and those touching a month. */

const userScope = { owner: 'users.id', team: 'users.team_id', department: 'users.department_id' };

const contractsQuery = (db: Db) =>
  db
    .selectFrom('pay_contracts as c')
    .innerJoin('users', 'users.id', 'c.user_id')
    .innerJoin('projects as p', 'p.id', 'c.project_id')
    .select([
      'c.id',
      'c.user_id',
      'users.name as user_name',
      'c.project_id',
      'p.name as project_name',
      'c.start_on',
      'c.end_on',
      'c.note',
      'c.version',
    ]);
export type ContractRow = Awaited<ReturnType<ReturnType<typeof contractsQuery>['executeTakeFirstOrThrow']>>;

export function contractsInScope(db: Db, actor: Actor, userId: number | undefined) {
  let q = contractsQuery(db).where((eb) => scopeFilter(eb, actor, userScope));
  if (userId !== undefined) q = q.where('c.user_id', '=', userId);
  return q.orderBy('c.start_on', 'desc').orderBy('c.id', 'desc').limit(500).execute();
}

export const contractById = (db: Db, id: number) => contractsQuery(db).where('c.id', '=', id).executeTakeFirst();

/** The contracts of these people that touch [first, last]: started on or before last, not ended before first. */
export function contractsTouching(db: Db, first: string, last: string, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pay_contracts')
    .select(['id', 'user_id', 'project_id', 'start_on', 'end_on'])
    .where('user_id', 'in', userIds)
    .where('start_on', '<=', last)
    .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>=', first)]))
    .orderBy('user_id')
    .orderBy('start_on')
    .execute();
}

export const projectExists = (db: Db, id: number) => db.selectFrom('projects').select('id').where('id', '=', id).executeTakeFirst();

/** PAY-3c: the projects a contract may name, newest first, by a part of the name (the pay screen's choice list). */
export function projectChoices(db: Db, q: string | undefined) {
  let query = db.selectFrom('projects').select(['id', 'name']);
  if (q) query = query.where(containsText('projects.name', q));
  return query.orderBy('id', 'desc').limit(50).execute();
}

export async function insertContract(
  db: Db,
  row: { userId: number; projectId: number; startOn: string; endOn: string | null; note: string; by: number; at: string },
) {
  const out = await db
    .insertInto('pay_contracts')
    .values({
      user_id: row.userId,
      project_id: row.projectId,
      start_on: row.startOn,
      end_on: row.endOn,
      note: row.note,
      created_by: row.by,
      updated_by: row.by,
      created_at: row.at,
      updated_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return out.id;
}

/** Sets the end date when the version still matches; the number of rows changed (0: stale). */
export async function settleContract(db: Db, id: number, version: number, endOn: string | null, by: number, at: string) {
  const r = await db
    .updateTable('pay_contracts')
    .set({ end_on: endOn, updated_by: by, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
