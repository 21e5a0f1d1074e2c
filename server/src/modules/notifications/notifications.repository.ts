import type { Insertable } from 'kysely';
import type { NotificationsTable } from '../../db/schema';
import type { Db } from '../../http/context';

/** The users among `ids` who are active (a disabled account gets no notifications and no mail). */
export function activeUsers(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).where('status', '=', 'active').orderBy('id').execute();
}

export async function insertNotifications(db: Db, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

const columns = [
  'id',
  'kind',
  'title_zh',
  'title_en',
  'body_zh',
  'body_en',
  'message',
  'params',
  'link',
  'ticket_id',
  'read_at',
  'created_at',
] as const;

/** One user's notifications, newest first, keyset on id. */
export function listForUser(db: Db, userId: number, f: { unread: boolean; limit: number; beforeId: number | null }) {
  let q = db.selectFrom('notifications').select(columns).where('user_id', '=', userId).orderBy('id', 'desc').limit(f.limit);
  if (f.unread) q = q.where('read_at', 'is', null);
  if (f.beforeId != null) q = q.where('id', '<', f.beforeId);
  return q.execute();
}
export type NotificationRow = Awaited<ReturnType<typeof listForUser>>[number];

export function findOwn(db: Db, userId: number, id: number) {
  return db.selectFrom('notifications').select(columns).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks unread notifications of the user read; `id` narrows it to one. Returns how many changed. */
export async function markRead(db: Db, userId: number, at: string, id?: number): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
