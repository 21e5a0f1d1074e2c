import { OPEN_TICKET_STATES, type TLetterStatus, type TPermission } from '@techserve/core';
import { type Insertable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { updateVersioned } from '../../db/versioned';
import type { Actor, Db } from '../../http/context';
import { letterScope } from './field.access.repository';

/** The letter's detail row: the letter with its customer, site, request and notice. */
export function letterDetailQuery(db: Db) {
  return db
    .selectFrom('responsibility_letters')
    .innerJoin('customers', 'customers.id', 'responsibility_letters.customer_id')
    .leftJoin('customer_sites', 'customer_sites.id', 'responsibility_letters.site_id')
    .leftJoin('tickets', 'tickets.id', 'responsibility_letters.ticket_id')
    .leftJoin('service_notices', 'service_notices.id', 'responsibility_letters.notice_id')
    .leftJoin('users as approver', 'approver.id', 'responsibility_letters.approved_by')
    .selectAll('responsibility_letters')
    .select([
      'customers.name as customer_name',
      'customer_sites.name as site_name',
      'customer_sites.address as site_address',
      'service_notices.site_address as notice_site_address',
      'customers.address as customer_address',
      'tickets.number as ticket_number',
      'tickets.created_by as ticket_created_by',
      'service_notices.requirements as notice_requirements',
      'service_notices.site_situation as notice_site_situation',
      'service_notices.created_by as notice_author_id',
      'approver.name as approver_name',
    ]);
}
export type LetterDetailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof letterDetailQuery>['executeTakeFirst']>>>;

export type EngineerRow = {
  letter_id: number;
  user_id: number;
  is_lead: number;
  name: string;
  phone: string | null;
  level_name: string | null;
};

export async function engineersOfLetters(db: Db, letterIds: number[]): Promise<Map<number, EngineerRow[]>> {
  const map = new Map<number, EngineerRow[]>();
  if (letterIds.length === 0) return map;
  const rows = await db
    .selectFrom('letter_engineers')
    .innerJoin('users', 'users.id', 'letter_engineers.user_id')
    .leftJoin('engineer_levels', 'engineer_levels.id', 'users.level_id')
    .select([
      'letter_engineers.letter_id',
      'letter_engineers.user_id',
      'letter_engineers.is_lead',
      'users.name',
      'users.phone',
      'engineer_levels.name as level_name',
    ])
    .where('letter_engineers.letter_id', 'in', letterIds)
    .orderBy('letter_engineers.is_lead', 'desc')
    .orderBy('users.name')
    .execute();
  for (const r of rows) map.set(r.letter_id, [...(map.get(r.letter_id) ?? []), r]);
  return map;
}

export function appointmentHistory(db: Db, letterId: number) {
  return db
    .selectFrom('letter_appointment_changes')
    .innerJoin('users', 'users.id', 'letter_appointment_changes.changed_by')
    .selectAll('letter_appointment_changes')
    .select('users.name as changed_by_name')
    .where('letter_id', '=', letterId)
    .orderBy('letter_appointment_changes.id')
    .execute();
}

/** Active users whose role does field work (FS-2's pool of engineers); staff roles only, never customers. */
export async function fieldWorkers(db: Db, only?: number[]) {
  const roles = await db.selectFrom('roles').select(['id', 'permissions', 'scope']).execute();
  const roleIds = roles
    .filter((r) => r.scope !== 'company' && r.scope !== 'site' && (JSON.parse(r.permissions) as TPermission[]).includes('field.work'))
    .map((r) => r.id);
  if (roleIds.length === 0) return [];
  let q = db
    .selectFrom('users')
    .leftJoin('engineer_levels', 'engineer_levels.id', 'users.level_id')
    .select(['users.id', 'users.name', 'users.team_id', 'users.level_id', 'engineer_levels.level', 'engineer_levels.name as level_name'])
    .where('users.status', '=', 'active')
    .where('users.role_id', 'in', roleIds);
  if (only) q = q.where('users.id', 'in', only.length ? only : [0]);
  return q.orderBy('users.id').execute();
}

/** Letters still in the engineer's hands (not yet returned), for load counts. */
export const ACTIVE_LETTER_STATUSES: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site', 'return_requested'];

/** The department a letter belongs to (its approver's department). */
export async function letterDepartment(db: Db, letterId: number): Promise<number | null> {
  const row = await db.selectFrom('responsibility_letters').select('department_id').where('id', '=', letterId).executeTakeFirst();
  return row?.department_id ?? null;
}

/** HO-1 (set-based): the letters still in these engineers' hands, for a handover and the disable guard. */
export function activeLettersOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('letter_engineers')
    .innerJoin('responsibility_letters as l', 'l.id', 'letter_engineers.letter_id')
    .select(['l.id', 'l.title', 'l.status', 'l.version', 'letter_engineers.user_id', 'letter_engineers.is_lead'])
    .where('letter_engineers.user_id', 'in', userIds)
    .where('l.status', 'in', ACTIVE_LETTER_STATUSES)
    .orderBy('l.id')
    .execute();
}

/** The letter's columns changed if it is at the version read and in one of `from`; 409 otherwise. */
export const updateLetterAtVersion = (
  db: Db,
  id: number,
  version: number,
  from: readonly TLetterStatus[],
  set: Record<string, unknown>,
  at: string,
) => updateVersioned(db, 'responsibility_letters', id, version, set, at, 'The responsibility letter', { status: [...from] });

/** The letter's engineers (who, and who leads). */
export function letterEngineerRows(db: Db, letterId: number) {
  return db.selectFrom('letter_engineers').select(['user_id', 'is_lead']).where('letter_id', '=', letterId).execute();
}

/** FS-2: the engineers of a letter replaced, one of them the lead. */
export async function replaceLetterEngineers(db: Db, letterId: number, userIds: number[], leadId: number) {
  await db.deleteFrom('letter_engineers').where('letter_id', '=', letterId).execute();
  await db
    .insertInto('letter_engineers')
    .values(userIds.map((u) => ({ letter_id: letterId, user_id: u, is_lead: u === leadId ? 1 : 0 })))
    .execute();
}

/** FS-5: one engineer of the letter swapped for another (the dispatch board's drag). */
export async function moveLetterEngineer(db: Db, letterId: number, fromUserId: number, toUserId: number) {
  await db
    .updateTable('letter_engineers')
    .set({ user_id: toUserId })
    .where('letter_id', '=', letterId)
    .where('user_id', '=', fromUserId)
    .execute();
}

/** FS-5: a re-booking recorded with the call to the customer. */
export async function insertAppointmentChange(db: Db, row: Insertable<DB['letter_appointment_changes']>) {
  await db.insertInto('letter_appointment_changes').values(row).execute();
}

/** The service notice made for a request, if any. */
export function noticeOfTicket(db: Db, ticketId: number) {
  return db.selectFrom('service_notices').select('id').where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** The region of a letter: its site's, else its customer's. */
export async function letterRegion(db: Db, siteId: number | null, customerId: number): Promise<number | null> {
  const site =
    siteId == null ? undefined : await db.selectFrom('customer_sites').select('region_id').where('id', '=', siteId).executeTakeFirst();
  const customer = await db.selectFrom('customers').select('region_id').where('id', '=', customerId).executeTakeFirstOrThrow();
  return site?.region_id ?? customer.region_id ?? null;
}

const OPEN_LETTER: TLetterStatus[] = ['draft', 'submitted', 'approved', 'on_site', 'return_requested', 'returned', 'confirmed', 'booked'];

/** The live letter of a notice (or, without a notice, of a request): one live letter per notice / request. */
export function openLetterFor(db: Db, source: { noticeId: number | null; ticketId: number | null }) {
  let dup = db.selectFrom('responsibility_letters').select('id').where('status', 'in', OPEN_LETTER);
  dup = source.noticeId != null ? dup.where('notice_id', '=', source.noticeId) : dup.where('ticket_id', '=', source.ticketId);
  return dup.executeTakeFirst();
}

/** A new letter, its id. */
export function insertLetter(db: Db, row: Insertable<DB['responsibility_letters']>) {
  return db.insertInto('responsibility_letters').values(row).returning('id').executeTakeFirstOrThrow();
}

/** FS-2: which of these users cover the region. */
export function usersInRegion(db: Db, regionId: number, userIds: number[]) {
  return db.selectFrom('user_regions').select('user_id').where('region_id', '=', regionId).where('user_id', 'in', userIds).execute();
}

/** FS-2: open requests assigned to each of these users. */
export function openTicketLoad(db: Db, userIds: number[]) {
  return db
    .selectFrom('tickets')
    .select((eb) => ['assignee_id', eb.fn.countAll<number>().as('n')])
    .where('assignee_id', 'in', userIds)
    .where('state', 'in', [...OPEN_TICKET_STATES])
    .groupBy('assignee_id')
    .execute();
}

/** FS-2: letters still in the hands of each of these users, the given letter aside. */
export function activeLetterLoad(db: Db, userIds: number[], exceptLetterId: number) {
  return db
    .selectFrom('letter_engineers')
    .innerJoin('responsibility_letters', 'responsibility_letters.id', 'letter_engineers.letter_id')
    .select((eb) => ['letter_engineers.user_id', eb.fn.countAll<number>().as('n')])
    .where('letter_engineers.user_id', 'in', userIds)
    .where('responsibility_letters.status', 'in', ACTIVE_LETTER_STATUSES)
    .where('responsibility_letters.id', '!=', exceptLetterId)
    .groupBy('letter_engineers.user_id')
    .execute();
}

/** The dispatch board's and stand-up's letters (FS-11): these engineers' appointments in [start, end) of letters in the given statuses. */
export function boardLetters(db: Db, userIds: number[], statuses: TLetterStatus[], start: string, end: string) {
  return db
    .selectFrom('letter_engineers')
    .innerJoin('responsibility_letters as rl', 'rl.id', 'letter_engineers.letter_id')
    .innerJoin('customers', 'customers.id', 'rl.customer_id')
    .select([
      'letter_engineers.user_id',
      'rl.id',
      'rl.status',
      'rl.title',
      'rl.appointment_at',
      'rl.estimated_minutes',
      'rl.version',
      'rl.ticket_id',
      'customers.name as customer_name',
    ])
    .where('letter_engineers.user_id', 'in', userIds)
    .where('rl.status', 'in', statuses)
    .where('rl.appointment_at', '>=', start)
    .where('rl.appointment_at', '<', end)
    .orderBy('rl.appointment_at')
    .execute();
}

export function teamRow(db: Db, teamId: number) {
  return db.selectFrom('teams').select(['id', 'department_id']).where('id', '=', teamId).executeTakeFirst();
}

export function departmentUserIds(db: Db, departmentId: number) {
  return db.selectFrom('users').select('id').where('department_id', '=', departmentId).execute();
}

export type TravelRow = {
  id: number;
  user_id: number;
  status: string;
  start_date: string;
  end_date: string;
  letter_id: number | null;
  ticket_id: number | null;
};

/**
 * TR-1/FS-10: these users' travel requests overlapping [from, to]. Raw SQL: the table is not ours and may not exist
 * yet (then the query fails and the caller shows no travel).
 */
export async function travelRequestsOverlapping(db: Db, userIds: number[], from: string, to: string): Promise<TravelRow[]> {
  const result = await sql<TravelRow>`SELECT id, user_id, status, start_date, end_date, letter_id, ticket_id FROM travel_requests
      WHERE user_id IN (${sql.join(userIds)}) AND start_date <= ${to} AND end_date >= ${from}`.execute(db);
  return result.rows;
}

/** FS-10: the ledger's booked letters within the actor's scope, newest first, a page (limit + 1 rows). */
export function ledgerRows(
  db: Db,
  actor: Actor,
  q: { start?: string; end?: string; customerId?: number; after?: number | null; limit: number },
) {
  let query = db
    .selectFrom('responsibility_letters')
    .innerJoin('customers', 'customers.id', 'responsibility_letters.customer_id')
    .leftJoin('tickets', 'tickets.id', 'responsibility_letters.ticket_id')
    .innerJoin('users as booker', 'booker.id', 'responsibility_letters.booked_by')
    .select([
      'responsibility_letters.id',
      'responsibility_letters.customer_id',
      'responsibility_letters.title',
      'responsibility_letters.appointment_at',
      'responsibility_letters.confirmed_at',
      'responsibility_letters.booked_at',
      'responsibility_letters.ledger_note',
      'responsibility_letters.evaluation',
      'customers.name as customer_name',
      'tickets.number as ticket_number',
      'booker.name as booked_by_name',
    ])
    .where('responsibility_letters.status', '=', 'booked')
    .where((eb) => letterScope(eb, actor));
  if (q.start !== undefined && q.end !== undefined)
    query = query.where('responsibility_letters.booked_at', '>=', q.start).where('responsibility_letters.booked_at', '<', q.end);
  if (q.customerId) query = query.where('responsibility_letters.customer_id', '=', q.customerId);
  if (q.after) query = query.where('responsibility_letters.id', '<', q.after);
  return query
    .orderBy('responsibility_letters.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** FS-7: the letter's extra tasks not yet countersigned. */
export function uncountersignedTasks(db: Db, letterId: number) {
  return db
    .selectFrom('visit_extra_tasks')
    .select(['id', 'status'])
    .where('letter_id', '=', letterId)
    .where('status', '!=', 'countersigned')
    .orderBy('id')
    .execute();
}

/** FS-10: the active users of the sales admin role (who book letters in the ledger). */
export function salesAdmins(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('users.id')
    .where('roles.key', '=', 'sales_admin')
    .where('users.status', '=', 'active')
    .execute();
}

/** FS-8/FS-10: the customer's latest rating of a request. */
export function latestRating(db: Db, ticketId: number) {
  return db.selectFrom('ticket_ratings').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at', 'desc').executeTakeFirst();
}

/** FS-8: whether the request has been rated (one rating per request). */
export async function ticketRated(db: Db, ticketId: number): Promise<boolean> {
  return (await db.selectFrom('ticket_ratings').select('ticket_id').where('ticket_id', '=', ticketId).executeTakeFirst()) !== undefined;
}

/** FS-8: the rating on the request, as the request's own device confirmation stores it. */
export async function insertRating(db: Db, row: Insertable<DB['ticket_ratings']>) {
  await db.insertInto('ticket_ratings').values(row).execute();
}

/** The contacts of the letters' requests. */
export function ticketContactsOfLetters(db: Db, letterIds: number[]) {
  return db
    .selectFrom('responsibility_letters')
    .innerJoin('tickets', 'tickets.id', 'responsibility_letters.ticket_id')
    .innerJoin('customer_contacts', 'customer_contacts.id', 'tickets.contact_id')
    .select(['responsibility_letters.id', 'customer_contacts.name', 'customer_contacts.phone'])
    .where('responsibility_letters.id', 'in', letterIds)
    .execute();
}
