import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { letterScope } from './field.access.repository';

// FS-6 service records, parts, expert consults and difficulty reports: their queries (issue 13 item 2).

/** FS-6: the service record of a letter, if written. */
export function serviceRecordOf(db: Db, letterId: number) {
  return db.selectFrom('service_records').selectAll().where('letter_id', '=', letterId).executeTakeFirst();
}

export async function insertServiceRecord(db: Db, row: Insertable<DB['service_records']>) {
  await db.insertInto('service_records').values(row).execute();
}

/** FS-6: the record changed at the version read; false when someone changed it meanwhile. */
export async function updateServiceRecordAtVersion(
  db: Db,
  id: number,
  version: number,
  set: Updateable<DB['service_records']>,
): Promise<boolean> {
  const res = await db.updateTable('service_records').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** FS-6: the difficulty report filed on the record unless one was filed meanwhile (false then). */
export async function fileReportOnRecord(db: Db, id: number, set: Updateable<DB['service_records']>): Promise<boolean> {
  const res = await db.updateTable('service_records').set(set).where('id', '=', id).where('report_filed_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** CU-2: the installed product if it is the customer's. */
export function installedProductOf(db: Db, productId: number, customerId: number) {
  return db
    .selectFrom('installed_products')
    .select('id')
    .where('id', '=', productId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}

/** FS-6: a part used on site, its id. */
export function insertPart(db: Db, row: Insertable<DB['visit_parts']>) {
  return db.insertInto('visit_parts').values(row).returning('id').executeTakeFirstOrThrow();
}

export function activeUser(db: Db, userId: number) {
  return db.selectFrom('users').select('id').where('id', '=', userId).where('status', '=', 'active').executeTakeFirst();
}

/** FS-6: a product expert consulted, its id. */
export function insertExpertConsult(db: Db, row: Insertable<DB['visit_expert_consults']>) {
  return db.insertInto('visit_expert_consults').values(row).returning('id').executeTakeFirstOrThrow();
}

/** FS-6: which of these files are the letter's, of one of these purposes. */
export function letterFilesAmong(db: Db, letterId: number, purposes: readonly string[], fileIds: number[]) {
  return db
    .selectFrom('visit_files')
    .select('id')
    .where('letter_id', '=', letterId)
    .where('purpose', 'in', purposes)
    .where('id', 'in', fileIds)
    .execute();
}

/** FS-6: the difficulty reports due by `today` and not filed, within the actor's letters (at most 500). */
export function unfiledDifficultyReports(db: Db, actor: Actor, today: string) {
  return db
    .selectFrom('service_records')
    .innerJoin('responsibility_letters', 'responsibility_letters.id', 'service_records.letter_id')
    .innerJoin('customers', 'customers.id', 'responsibility_letters.customer_id')
    .leftJoin('tickets', 'tickets.id', 'responsibility_letters.ticket_id')
    .select([
      'responsibility_letters.id',
      'customers.name as customer_name',
      'tickets.number as ticket_number',
      'service_records.unsolved_on',
    ])
    .where('service_records.report_required', '=', 1)
    .where('service_records.report_filed_at', 'is', null)
    .where('service_records.unsolved_on', '<=', today)
    .where((eb) => letterScope(eb, actor))
    .orderBy('service_records.unsolved_on')
    .orderBy('responsibility_letters.id')
    .limit(500)
    .execute();
}
