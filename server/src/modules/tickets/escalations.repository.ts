import type { Insertable } from 'kysely';
import type { TicketEscalationsTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { ticketScope } from './tickets.repository';

/** SR-6: the hops of the given requests with the names of who escalated and who received, in order. */
export function listEscalations(db: Db, ticketIds: number[]) {
  if (ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_escalations as e')
    .leftJoin('users as f', 'f.id', 'e.from_user_id')
    .leftJoin('users as t', 't.id', 'e.to_user_id')
    .select([
      'e.id',
      'e.ticket_id',
      'e.kind',
      'e.from_user_id',
      'e.to_user_id',
      'e.rnd_person',
      'e.description',
      'e.target_at',
      'e.state',
      'e.answer',
      'e.answered_at',
      'e.created_at',
      'f.name as from_name',
      't.name as to_name',
    ])
    .where('e.ticket_id', 'in', ticketIds)
    .orderBy('e.id')
    .execute();
}
export type EscalationRow = Awaited<ReturnType<typeof listEscalations>>[number];

/** The requests with an open hop that the actor may see, oldest hop first (the supervisor's dashboard). */
export function openEscalationTickets(db: Db, actor: Actor, limit: number) {
  return db
    .selectFrom('ticket_escalations')
    .innerJoin('tickets', 'tickets.id', 'ticket_escalations.ticket_id')
    .select(['tickets.id', 'tickets.number'])
    .where('ticket_escalations.state', '=', 'open')
    .where((eb) => ticketScope(eb, actor))
    .orderBy('ticket_escalations.id')
    .limit(limit)
    .execute();
}

/** ORG-3: the product's first-ranked expert other than the asker. */
export async function firstProductExpert(db: Db, productId: number, exceptUserId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('product_experts')
    .select('user_id')
    .where('product_id', '=', productId)
    .where('user_id', '!=', exceptUserId)
    .orderBy('rank')
    .executeTakeFirst();
  return row?.user_id;
}

export async function insertEscalation(db: Db, v: Insertable<TicketEscalationsTable>): Promise<number> {
  const row = await db.insertInto('ticket_escalations').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findEscalation(db: Db, ticketId: number, escalationId: number) {
  return db
    .selectFrom('ticket_escalations')
    .select(['id', 'kind', 'from_user_id', 'to_user_id', 'state'])
    .where('id', '=', escalationId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

/** Records the answer of an open hop; false when it was already answered. */
export async function answerEscalation(db: Db, escalationId: number, v: { answer: string; at: string; by: number }): Promise<boolean> {
  const res = await db
    .updateTable('ticket_escalations')
    .set({ state: 'answered', answer: v.answer, answered_at: v.at, answered_by: v.by })
    .where('id', '=', escalationId)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function userName(db: Db, userId: number): Promise<string> {
  const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.name;
}
