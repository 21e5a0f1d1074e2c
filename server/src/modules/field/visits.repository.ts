import type { Insertable } from 'kysely';
import type { VisitFilesTable, VisitSignaturesTable } from '../../db/schema.field-visits';
import type { Actor, Db } from '../../http/context';
import { letterScope } from './field.access';

// Queries of the on-site tables (FS-5..FS-9). Reads are per letter; the letter's scope is checked by the caller.

export function checkInsOf(db: Db, letterId: number) {
  return db
    .selectFrom('visit_checkins')
    .innerJoin('users', 'users.id', 'visit_checkins.user_id')
    .selectAll('visit_checkins')
    .select('users.name as user_name')
    .where('visit_checkins.letter_id', '=', letterId)
    .orderBy('visit_checkins.id')
    .execute();
}

export function lastCheckInOf(db: Db, letterId: number, userId: number) {
  return db
    .selectFrom('visit_checkins')
    .select(['kind', 'at'])
    .where('letter_id', '=', letterId)
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function recordOf(db: Db, letterId: number) {
  return db
    .selectFrom('service_records')
    .innerJoin('users', 'users.id', 'service_records.updated_by')
    .leftJoin('users as filer', 'filer.id', 'service_records.report_filed_by')
    .selectAll('service_records')
    .select(['users.name as updated_by_name', 'filer.name as report_filed_by_name'])
    .where('service_records.letter_id', '=', letterId)
    .executeTakeFirst();
}
export type RecordRow = NonNullable<Awaited<ReturnType<typeof recordOf>>>;

export function partsOf(db: Db, letterId: number) {
  return db
    .selectFrom('visit_parts')
    .innerJoin('users', 'users.id', 'visit_parts.created_by')
    .selectAll('visit_parts')
    .select('users.name as created_by_name')
    .where('visit_parts.letter_id', '=', letterId)
    .orderBy('visit_parts.id')
    .execute();
}

export function consultsOf(db: Db, letterId: number) {
  return db
    .selectFrom('visit_expert_consults')
    .innerJoin('users', 'users.id', 'visit_expert_consults.created_by')
    .selectAll('visit_expert_consults')
    .select('users.name as created_by_name')
    .where('visit_expert_consults.letter_id', '=', letterId)
    .orderBy('visit_expert_consults.id')
    .execute();
}

export function filesOf(db: Db, letterId: number) {
  return db.selectFrom('visit_files').selectAll().where('letter_id', '=', letterId).orderBy('id').execute();
}
export type FileRow = Awaited<ReturnType<typeof filesOf>>[number];

export function insertFile(db: Db, v: Insertable<VisitFilesTable>) {
  return db.insertInto('visit_files').values(v).returning('id').executeTakeFirstOrThrow();
}

export function insertSignature(db: Db, v: Insertable<VisitSignaturesTable>) {
  return db.insertInto('visit_signatures').values(v).returning('id').executeTakeFirstOrThrow();
}

export function extraTasksOf(db: Db, letterId: number) {
  return db
    .selectFrom('visit_extra_tasks')
    .innerJoin('users as creator', 'creator.id', 'visit_extra_tasks.created_by')
    .leftJoin('users as counter', 'counter.id', 'visit_extra_tasks.countersigned_by')
    .leftJoin('visit_signatures', 'visit_signatures.id', 'visit_extra_tasks.customer_signature_id')
    .selectAll('visit_extra_tasks')
    .select([
      'creator.name as created_by_name',
      'counter.name as countersigned_by_name',
      'visit_signatures.signer_name',
      'visit_signatures.recorded_at as signed_at',
    ])
    .where('visit_extra_tasks.letter_id', '=', letterId)
    .orderBy('visit_extra_tasks.id')
    .execute();
}
export type ExtraTaskRow = Awaited<ReturnType<typeof extraTasksOf>>[number];

export function signOffOf(db: Db, letterId: number) {
  return db
    .selectFrom('visit_signoffs')
    .innerJoin('users', 'users.id', 'visit_signoffs.recorded_by')
    .leftJoin('visit_signatures', 'visit_signatures.id', 'visit_signoffs.signature_id')
    .selectAll('visit_signoffs')
    .select(['users.name as recorded_by_name', 'visit_signatures.signer_name', 'visit_signatures.sha256 as signature_sha256'])
    .where('visit_signoffs.letter_id', '=', letterId)
    .executeTakeFirst();
}
export type SignOffRow = NonNullable<Awaited<ReturnType<typeof signOffOf>>>;

export function returnRequestsOf(db: Db, letterId: number) {
  return db
    .selectFrom('visit_return_requests')
    .innerJoin('users as requester', 'requester.id', 'visit_return_requests.requested_by')
    .leftJoin('users as decider', 'decider.id', 'visit_return_requests.decided_by')
    .selectAll('visit_return_requests')
    .select(['requester.name as requested_by_name', 'decider.name as decided_by_name'])
    .where('visit_return_requests.letter_id', '=', letterId)
    .orderBy('visit_return_requests.id', 'desc')
    .execute();
}

/** A stored file (photo or PDF) of a letter the actor may see. */
export function visibleFile(db: Db, actor: Actor, fileId: number) {
  return db
    .selectFrom('visit_files')
    .innerJoin('responsibility_letters', 'responsibility_letters.id', 'visit_files.letter_id')
    .select(['visit_files.file_name', 'visit_files.content_type', 'visit_files.storage_key'])
    .where('visit_files.id', '=', fileId)
    .where((eb) => letterScope(eb, actor))
    .executeTakeFirst();
}

/** A customer signature of a letter the actor may see. */
export function visibleSignature(db: Db, actor: Actor, signatureId: number) {
  return db
    .selectFrom('visit_signatures')
    .innerJoin('responsibility_letters', 'responsibility_letters.id', 'visit_signatures.letter_id')
    .select(['visit_signatures.content_type', 'visit_signatures.storage_key', 'visit_signatures.letter_id'])
    .where('visit_signatures.id', '=', signatureId)
    .where((eb) => letterScope(eb, actor))
    .executeTakeFirst();
}

/**
 * Who to write to about the letter's service record: the request's contact, else the customer's primary contact,
 * else the notice's contact (name and phone only). E-mail may be null.
 */
export async function letterContact(db: Db, letter: { ticket_id: number | null; customer_id: number; notice_id: number | null }) {
  if (letter.ticket_id != null) {
    const c = await db
      .selectFrom('tickets')
      .innerJoin('customer_contacts', 'customer_contacts.id', 'tickets.contact_id')
      .select(['customer_contacts.name', 'customer_contacts.phone', 'customer_contacts.email'])
      .where('tickets.id', '=', letter.ticket_id)
      .executeTakeFirst();
    if (c) return c;
  }
  const notice =
    letter.notice_id == null
      ? null
      : await db
          .selectFrom('service_notices')
          .select(['contact_name as name', 'contact_phone as phone'])
          .where('id', '=', letter.notice_id)
          .executeTakeFirst();
  const primary = await db
    .selectFrom('customer_contacts')
    .select(['name', 'phone', 'email'])
    .where('customer_id', '=', letter.customer_id)
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (notice) return { name: notice.name, phone: notice.phone, email: primary?.email ?? null };
  return primary ?? null;
}
