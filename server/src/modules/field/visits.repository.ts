import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import { updateVersioned } from '../../db/versioned';
import type { VisitFilesTable, VisitSignaturesTable } from '../../db/schema.field-visits';
import type { Actor, Db } from '../../http/context';
import { letterScope } from './field.access.repository';

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

/** FS-7: the letter's extra tasks still waiting for the customer's signature. */
export function openExtraTasks(db: Db, letterId: number) {
  return db.selectFrom('visit_extra_tasks').select('id').where('letter_id', '=', letterId).where('status', '=', 'open').execute();
}

/** FS-9: a return requested, its id. */
export function insertReturnRequest(db: Db, row: Insertable<DB['visit_return_requests']>) {
  return db.insertInto('visit_return_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

/** FS-9: the letter's latest return request still pending, if any. */
export function pendingReturnRequest(db: Db, letterId: number) {
  return db
    .selectFrom('visit_return_requests')
    .select('id')
    .where('letter_id', '=', letterId)
    .where('decision', '=', 'pending')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** FS-9: the decision on a return request. */
export async function decideReturnRequest(db: Db, id: number, set: Updateable<DB['visit_return_requests']>) {
  await db.updateTable('visit_return_requests').set(set).where('id', '=', id).execute();
}

/** FS-7: an extra task of the letter, if it is one. */
export function extraTaskOf(db: Db, letterId: number, taskId: number) {
  return db.selectFrom('visit_extra_tasks').selectAll().where('id', '=', taskId).where('letter_id', '=', letterId).executeTakeFirst();
}

/** FS-7: an extra task changed at the version read and in `fromStatus`; 409 otherwise. */
export const updateExtraTaskAtVersion = (
  db: Db,
  taskId: number,
  version: number,
  fromStatus: string,
  set: Record<string, unknown>,
  at: string,
) => updateVersioned(db, 'visit_extra_tasks', taskId, version, set, at, 'The extra task', { status: fromStatus });

/** FS-7: a task found on site, its id. */
export function insertExtraTask(db: Db, row: Insertable<DB['visit_extra_tasks']>) {
  return db.insertInto('visit_extra_tasks').values(row).returning('id').executeTakeFirstOrThrow();
}

/** SLA-2/FS-5: the request a visit serves, if it exists. */
export function ticketRow(db: Db, ticketId: number) {
  return db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
}

/** SLA-2/FS-5: the request's SLA events with the arrival on site. */
export async function setTicketSlaEvents(db: Db, ticketId: number, slaEvents: string, at: string) {
  await db.updateTable('tickets').set({ sla_events: slaEvents, updated_at: at }).where('id', '=', ticketId).execute();
}

/** FS-8: the sign-off recorded (once per letter). */
export async function insertSignOff(db: Db, row: Insertable<DB['visit_signoffs']>) {
  await db.insertInto('visit_signoffs').values(row).execute();
}

/** A stored visit file's name and storage key. */
export function storedFile(db: Db, fileId: number) {
  return db.selectFrom('visit_files').select(['file_name', 'storage_key']).where('id', '=', fileId).executeTakeFirstOrThrow();
}

/** FS-8: the letters' sign-offs (which signature, if any). */
export function signOffsOfLetters(db: Db, letterIds: number[]) {
  return db.selectFrom('visit_signoffs').select(['letter_id', 'signature_id']).where('letter_id', 'in', letterIds).execute();
}

/** FS-5/FS-9: a check in or out on site, its id. */
export function insertCheckIn(db: Db, row: Insertable<DB['visit_checkins']>) {
  return db.insertInto('visit_checkins').values(row).returning('id').executeTakeFirstOrThrow();
}

/** FS-5: the user's checks in and out on these letters, in order. */
export function checkInsOfUser(db: Db, letterIds: number[], userId: number) {
  return db
    .selectFrom('visit_checkins')
    .select(['letter_id', 'kind', 'at'])
    .where('letter_id', 'in', letterIds)
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}
