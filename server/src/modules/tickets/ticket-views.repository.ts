import type { Insertable } from 'kysely';
import type { TicketViewsTable } from '../../db/schema';
import type { Db } from '../../http/context';

const columns = ['id', 'name', 'query', 'created_at'] as const;

/** One user's saved views, in the order they were saved. */
export function listOwn(db: Db, userId: number) {
  return db.selectFrom('ticket_views').select(columns).where('user_id', '=', userId).orderBy('id').execute();
}
export type TicketViewRow = Awaited<ReturnType<typeof listOwn>>[number];

export function findOwn(db: Db, userId: number, id: number) {
  return db.selectFrom('ticket_views').select(columns).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export async function countOwn(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('ticket_views')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertView(db: Db, v: Insertable<TicketViewsTable>) {
  return db.insertInto('ticket_views').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function deleteOwn(db: Db, userId: number, id: number) {
  await db.deleteFrom('ticket_views').where('id', '=', id).where('user_id', '=', userId).execute();
}
