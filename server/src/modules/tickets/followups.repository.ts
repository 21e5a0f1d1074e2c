import type { Insertable } from 'kysely';
import type { TicketFollowupsTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { decodeCursor } from '../../http/pagination';
import { ticketScope } from './tickets.repository';

function scopedFollowUps(db: Db, actor: Actor) {
  return db
    .selectFrom('ticket_followups as f')
    .innerJoin('tickets', 'tickets.id', 'f.ticket_id')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .leftJoin('users as u', 'u.id', 'f.done_by')
    .select([
      'f.id',
      'f.ticket_id',
      'tickets.number as ticket_number',
      'tickets.title as ticket_title',
      'f.customer_id',
      'c.name as customer_name',
      'f.due_on',
      'f.state',
      'f.satisfaction',
      'f.note',
      'f.done_at',
      'u.name as done_by_name',
      'f.version',
    ])
    .where((eb) => ticketScope(eb, actor));
}

export type FollowUpFilter = { state?: 'open' | 'done'; customerId?: number; dueBefore?: string };

/** Follow-ups of requests the actor may see, soonest due first, keyset-paged by (due_on, id). */
export function listFollowUps(db: Db, actor: Actor, f: FollowUpFilter, limit: number, cursor?: string) {
  const after = decodeCursor(cursor, 2);
  let q = scopedFollowUps(db, actor)
    .orderBy('f.due_on')
    .orderBy('f.id')
    .limit(limit + 1);
  if (f.state) q = q.where('f.state', '=', f.state);
  if (f.customerId) q = q.where('f.customer_id', '=', f.customerId);
  if (f.dueBefore) q = q.where('f.due_on', '<=', f.dueBefore);
  if (after) {
    const [dueOn, id] = [String(after[0]), Number(after[1])];
    q = q.where((eb) => eb.or([eb('f.due_on', '>', dueOn), eb.and([eb('f.due_on', '=', dueOn), eb('f.id', '>', id)])]));
  }
  return q.execute();
}
export type FollowUpRow = Awaited<ReturnType<typeof listFollowUps>>[number];

export function findFollowUp(db: Db, actor: Actor, id: number) {
  return scopedFollowUps(db, actor).where('f.id', '=', id).executeTakeFirst();
}

export function findByTicket(db: Db, ticketId: number) {
  return db.selectFrom('ticket_followups').select(['id', 'state', 'due_on']).where('ticket_id', '=', ticketId).executeTakeFirst();
}

export function insertFollowUp(db: Db, v: Insertable<TicketFollowupsTable>) {
  return db.insertInto('ticket_followups').values(v).returning('id').executeTakeFirstOrThrow();
}

/** Moves an open follow-up's due date (the request was closed again after a reopen). */
export async function rescheduleOpen(db: Db, id: number, dueOn: string, now: string) {
  await db
    .updateTable('ticket_followups')
    .set((eb) => ({ due_on: dueOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'open')
    .execute();
}

/** Marks an open follow-up done, only when the stored version is the one the client read. */
export async function completeFollowUp(
  db: Db,
  id: number,
  version: number,
  v: { satisfaction: string; note: string | null; doneAt: string; doneBy: number },
): Promise<boolean> {
  const res = await db
    .updateTable('ticket_followups')
    .set((eb) => ({
      state: 'done',
      satisfaction: v.satisfaction,
      note: v.note,
      done_at: v.doneAt,
      done_by: v.doneBy,
      updated_at: v.doneAt,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
