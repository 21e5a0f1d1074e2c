import type { Updateable } from 'kysely';
import type { TicketChangeRequestsTable } from '../../db/schema';
import type { Db } from '../../http/context';

const columns = [
  'ticket_change_requests.ticket_id',
  'ticket_change_requests.customer_written_confirmation',
  'ticket_change_requests.confirmation_note',
  'ticket_change_requests.discussed_with_sales',
  'ticket_change_requests.discussed_with_rnd',
  'ticket_change_requests.decision',
  'ticket_change_requests.decided_by',
  'ticket_change_requests.decided_at',
  'ticket_change_requests.decision_comment',
] as const;

/** SR-12: the change-request record of a request (none for other types). */
export function findChangeRequest(db: Db, ticketId: number) {
  return db.selectFrom('ticket_change_requests').select(columns).where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** Same, with the name of the GM who decided (the detail view). */
export function findChangeRequestWithDecider(db: Db, ticketId: number) {
  return db
    .selectFrom('ticket_change_requests')
    .leftJoin('users', 'users.id', 'ticket_change_requests.decided_by')
    .select(columns)
    .select('users.name as decided_by_name')
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function updateChangeRequest(db: Db, ticketId: number, set: Updateable<TicketChangeRequestsTable>) {
  await db.updateTable('ticket_change_requests').set(set).where('ticket_id', '=', ticketId).execute();
}

/** A pending record for each new change request (column defaults as in the migration). */
export async function insertPendingChangeRequests(db: Db, ticketIds: number[]) {
  if (ticketIds.length === 0) return;
  await db
    .insertInto('ticket_change_requests')
    .values(ticketIds.map((id) => ({ ticket_id: id, decision: 'pending' })))
    .execute();
}
