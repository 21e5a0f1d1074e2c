import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import { updateVersioned } from '../../db/versioned';
import type { Db } from '../../http/context';

// FS-1 service notices: their queries (queries only in repositories, issue 13 item 2).

/** The notice with its customer, author, signer, rejecter, request and latest letter. */
export function noticeDetailQuery(db: Db) {
  return db
    .selectFrom('service_notices')
    .leftJoin('customers', 'customers.id', 'service_notices.customer_id')
    .innerJoin('users as author', 'author.id', 'service_notices.created_by')
    .leftJoin('users as signer', 'signer.id', 'service_notices.signed_by')
    .leftJoin('users as rejecter', 'rejecter.id', 'service_notices.rejected_by')
    .leftJoin('tickets', 'tickets.id', 'service_notices.ticket_id')
    .selectAll('service_notices')
    .select((eb) => [
      'customers.name as customer_name',
      'author.name as author_name',
      'signer.name as signer_name',
      'rejecter.name as rejecter_name',
      'tickets.number as ticket_number',
      eb
        .selectFrom('responsibility_letters as rl')
        .select((e) => e.fn.max('rl.id').as('m'))
        .whereRef('rl.notice_id', '=', 'service_notices.id')
        .as('letter_id'),
    ]);
}
export type NoticeDetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof noticeDetailQuery>['executeTakeFirst']>>>;

export async function customerExists(db: Db, customerId: number): Promise<boolean> {
  return (await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst()) !== undefined;
}

export async function siteOfCustomer(db: Db, siteId: number, customerId: number): Promise<boolean> {
  const row = await db
    .selectFrom('customer_sites')
    .select('id')
    .where('id', '=', siteId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** FS-1: a new notice, its id. */
export function insertNotice(db: Db, row: Insertable<DB['service_notices']>) {
  return db.insertInto('service_notices').values(row).returning('id').executeTakeFirstOrThrow();
}

/** FS-1: a pending notice changed at the version read; 409 when it was changed or decided meanwhile. */
export const updatePendingNotice = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'service_notices', id, version, set, at, 'The service notice', { status: 'pending' });

/** FS-1: columns of a notice set unconditionally (the signature rolled back, the request it raised). */
export async function setNotice(db: Db, id: number, set: Updateable<DB['service_notices']>) {
  await db.updateTable('service_notices').set(set).where('id', '=', id).execute();
}
