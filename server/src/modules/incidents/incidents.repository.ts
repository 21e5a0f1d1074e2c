import type { TComplaint, TComplaintLevel, TComplaintStatus, TExplanation, TIncidentBasis, TIncidentStatus } from '@techserve/core';
import { type ExpressionBuilder, type ExpressionWrapper, type Insertable, type SqlBool } from 'kysely';
import type { ComplaintsTable, IncidentsTable } from '../../db/schema.incidents';
import type { DB } from '../../db/schema';
import { updateVersioned } from '../../db/versioned';
import type { Actor, Db } from '../../http/context';
import { versionConflict } from '../../http/errors';
import { scopeFilter } from '../../http/scope';
import { obligationsQuery } from '../obligations/obligations.repository';

/*
 * Set-based month reads (for the appraisal and the monthly service report); one query for many people, never one per
 * person. Instants are ISO UTC text; `from`/`to` are the UTC bounds of the company-local month [from, to).
 *
 *   incidentFactsBetween(db, { from, to, userIds? }) → IncidentFact[]
 *     { id, engineerId, classId: 'I'|'II', basis, occurredAt, status: open|resolved|closed (void excluded),
 *       departmentId, teamId, regionId, customerId, ticketId, letterId, complaintId, resolvedAt,
 *       reflectionAt, noticeAt, noticeOwnerId, reflectionObligationId, noticeObligationId, policyVersion }
 *     — AP-11/AP-12 (engineer's Class I/II), AP-13 (months without incident), AP-14 (department Class I/II), WR-5.
 *   complaintFactsBetween(db, { from, to, userIds? }) → ComplaintFact[]
 *     { id, customerId, level, aboutUserId, receivedAt, status, proposedClass, incidentId, closedAt, departmentId,
 *       regionId } — WR-5 (complaints of the month), AP-6 (a customer complaint vetoes the best employee).
 */

export type IncidentFact = {
  id: number;
  engineerId: number;
  classId: 'I' | 'II';
  basis: TIncidentBasis;
  occurredAt: string;
  status: Exclude<TIncidentStatus, 'void'>;
  departmentId: number | null;
  teamId: number | null;
  regionId: number | null;
  customerId: number | null;
  ticketId: number | null;
  letterId: number | null;
  complaintId: number | null;
  resolvedAt: string | null;
  reflectionAt: string | null;
  noticeAt: string | null;
  noticeOwnerId: number | null;
  reflectionObligationId: number | null;
  noticeObligationId: number | null;
  policyVersion: number | null;
};

/** IN-1/IN-2 facts: the incidents that occurred in [from, to) (void ones excluded), of these engineers when given. */
export async function incidentFactsBetween(db: Db, q: { from: string; to: string; userIds?: number[] }): Promise<IncidentFact[]> {
  let query = db
    .selectFrom('incidents')
    .select([
      'id',
      'engineer_id',
      'class_id',
      'basis',
      'occurred_at',
      'status',
      'department_id',
      'team_id',
      'region_id',
      'customer_id',
      'ticket_id',
      'letter_id',
      'complaint_id',
      'resolved_at',
      'reflection_at',
      'notice_at',
      'notice_owner_id',
      'reflection_obligation_id',
      'notice_obligation_id',
      'policy_version',
    ])
    .where('occurred_at', '>=', q.from)
    .where('occurred_at', '<', q.to)
    .where('status', '!=', 'void');
  if (q.userIds) query = query.where('engineer_id', 'in', q.userIds.length ? q.userIds : [0]);
  const rows = await query.orderBy('occurred_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    engineerId: r.engineer_id,
    classId: r.class_id as 'I' | 'II',
    basis: r.basis as TIncidentBasis,
    occurredAt: r.occurred_at,
    status: r.status as IncidentFact['status'],
    departmentId: r.department_id,
    teamId: r.team_id,
    regionId: r.region_id,
    customerId: r.customer_id,
    ticketId: r.ticket_id,
    letterId: r.letter_id,
    complaintId: r.complaint_id,
    resolvedAt: r.resolved_at,
    reflectionAt: r.reflection_at,
    noticeAt: r.notice_at,
    noticeOwnerId: r.notice_owner_id,
    reflectionObligationId: r.reflection_obligation_id,
    noticeObligationId: r.notice_obligation_id,
    policyVersion: r.policy_version,
  }));
}

export type ComplaintFact = {
  id: number;
  customerId: number;
  level: TComplaintLevel;
  aboutUserId: number | null;
  receivedAt: string;
  status: TComplaintStatus;
  proposedClass: 'I' | 'II' | null;
  incidentId: number | null;
  closedAt: string | null;
  departmentId: number | null;
  regionId: number | null;
};

/** SR-14 facts: the complaints received in [from, to), about these people when given. */
export async function complaintFactsBetween(db: Db, q: { from: string; to: string; userIds?: number[] }): Promise<ComplaintFact[]> {
  let query = db
    .selectFrom('complaints')
    .select([
      'id',
      'customer_id',
      'level',
      'about_user_id',
      'received_at',
      'status',
      'proposed_class',
      'incident_id',
      'closed_at',
      'department_id',
      'region_id',
    ])
    .where('received_at', '>=', q.from)
    .where('received_at', '<', q.to);
  if (q.userIds) query = query.where('about_user_id', 'in', q.userIds.length ? q.userIds : [0]);
  const rows = await query.orderBy('received_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    level: r.level as TComplaintLevel,
    aboutUserId: r.about_user_id,
    receivedAt: r.received_at,
    status: r.status as TComplaintStatus,
    proposedClass: r.proposed_class as 'I' | 'II' | null,
    incidentId: r.incident_id,
    closedAt: r.closed_at,
    departmentId: r.department_id,
    regionId: r.region_id,
  }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever query joins the table.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

/** UPDATE with the version read: 409 when someone changed it meanwhile. */
export const bump = (db: Db, table: 'complaints' | 'incidents', id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, table, id, version, set, at, table === 'complaints' ? 'Complaint' : 'Incident');

/** Who a person is filed under (team, department), for the data scopes of records about them. */
export async function placeOf(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select([
      'users.id',
      'users.name',
      'users.status',
      'users.customer_id',
      'users.team_id',
      'users.department_id',
      'teams.department_id as team_department_id',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

// Complaints -------------------------------------------------------------------------------------------------------

/**
 * Complaints an actor sees: those they registered, those about them, and those within their data scope (about someone
 * of their team/department, or from a customer of their regions).
 */
export function complaintScope(eb: Eb, actor: Actor): Cond {
  return eb.or([
    eb('complaints.created_by', '=', actor.id),
    scopeFilter(eb, actor, {
      owner: 'complaints.about_user_id',
      team: 'complaints.team_id',
      department: 'complaints.department_id',
      region: (e, ids) => e('complaints.region_id', 'in', ids) as Cond,
    }),
  ]) as Cond;
}

export const complaintsQuery = (db: Db) =>
  db
    .selectFrom('complaints')
    .innerJoin('customers', 'customers.id', 'complaints.customer_id')
    .leftJoin('users as about', 'about.id', 'complaints.about_user_id')
    .leftJoin('users as acker', 'acker.id', 'complaints.acknowledged_by')
    .leftJoin('users as handler', 'handler.id', 'complaints.handled_by')
    .leftJoin('users as creator', 'creator.id', 'complaints.created_by')
    .leftJoin('tickets', 'tickets.id', 'complaints.ticket_id')
    .leftJoin('products', 'products.id', 'complaints.product_id')
    .selectAll('complaints')
    .select([
      'customers.name as customer_name',
      'about.name as about_name',
      'acker.name as acker_name',
      'handler.name as handler_name',
      'creator.name as creator_name',
      'tickets.number as ticket_number',
      'products.name as product_name',
    ]);
export type ComplaintRow = Awaited<ReturnType<ReturnType<typeof complaintsQuery>['executeTakeFirstOrThrow']>>;

export const toComplaint = (r: ComplaintRow): TComplaint => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  contactId: r.contact_id,
  complainantName: r.complainant_name,
  complainantPhone: r.complainant_phone,
  level: r.level as TComplaintLevel,
  recipientName: r.recipient_name,
  receivedAt: r.received_at,
  aboutUserId: r.about_user_id,
  aboutUserName: r.about_name,
  subject: r.subject,
  description: r.description,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  letterId: r.letter_id,
  productId: r.product_id,
  productName: r.product_name,
  status: r.status as TComplaintStatus,
  proposal: { classId: r.proposed_class as 'I' | 'II' | null, explanation: JSON.parse(r.proposal_explanation) as TExplanation },
  incidentId: r.incident_id,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByName: r.acker_name,
  handling: r.handling,
  handledAt: r.handled_at,
  handledByName: r.handler_name,
  confirmedBy: r.confirmed_by,
  confirmationChannel: r.confirmation_channel as TComplaint['confirmationChannel'],
  confirmationNote: r.confirmation_note,
  closedAt: r.closed_at,
  createdByName: r.creator_name,
  policyVersion: r.policy_version,
  createdAt: r.created_at,
  version: r.version,
});

export function customerOf(db: Db, id: number) {
  return db.selectFrom('customers').select(['id', 'name', 'region_id']).where('id', '=', id).executeTakeFirst();
}
export function contactOf(db: Db, id: number) {
  return db.selectFrom('customer_contacts').select(['id', 'customer_id', 'name']).where('id', '=', id).executeTakeFirst();
}

// Incidents --------------------------------------------------------------------------------------------------------

/**
 * Incidents an actor sees: their own (the engineer named), those whose notice they owe, those they recorded, and those
 * within their data scope (the engineer's team or department at the time, the customer's region).
 */
export function incidentScope(eb: Eb, actor: Actor): Cond {
  return eb.or([
    eb('incidents.notice_owner_id', '=', actor.id),
    eb('incidents.created_by', '=', actor.id),
    scopeFilter(eb, actor, {
      owner: 'incidents.engineer_id',
      team: 'incidents.team_id',
      department: 'incidents.department_id',
      region: (e, ids) => e('incidents.region_id', 'in', ids) as Cond,
    }),
  ]) as Cond;
}

export const incidentsQuery = (db: Db) =>
  db
    .selectFrom('incidents')
    .innerJoin('users as engineer', 'engineer.id', 'incidents.engineer_id')
    .leftJoin('users as creator', 'creator.id', 'incidents.created_by')
    .leftJoin('users as reflector', 'reflector.id', 'incidents.reflection_by')
    .leftJoin('users as noticer', 'noticer.id', 'incidents.notice_by')
    .leftJoin('users as reviewer', 'reviewer.id', 'incidents.review_by')
    .leftJoin('users as notice_owner', 'notice_owner.id', 'incidents.notice_owner_id')
    .leftJoin('tickets', 'tickets.id', 'incidents.ticket_id')
    .leftJoin('customers', 'customers.id', 'incidents.customer_id')
    .leftJoin('products', 'products.id', 'incidents.product_id')
    .selectAll('incidents')
    .select([
      'engineer.name as engineer_name',
      'creator.name as creator_name',
      'reflector.name as reflector_name',
      'noticer.name as noticer_name',
      'reviewer.name as reviewer_name',
      'notice_owner.name as notice_owner_name',
      'tickets.number as ticket_number',
      'customers.name as customer_name',
      'products.name as product_name',
    ]);
export type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentsQuery>['executeTakeFirstOrThrow']>>;

/** The customer, product and region a linked request or visit gives an incident (what it concerns). */
export function productExists(db: Db, id: number) {
  return db.selectFrom('products').select('id').where('id', '=', id).executeTakeFirst();
}
export function ticketFacts(db: Db, ticketId: number) {
  return db.selectFrom('tickets').select(['id', 'customer_id', 'product_id', 'region_id']).where('id', '=', ticketId).executeTakeFirst();
}
export function letterFacts(db: Db, letterId: number) {
  return db
    .selectFrom('responsibility_letters')
    .leftJoin('tickets', 'tickets.id', 'responsibility_letters.ticket_id')
    .leftJoin('customers', 'customers.id', 'responsibility_letters.customer_id')
    .select([
      'responsibility_letters.id',
      'responsibility_letters.customer_id',
      'responsibility_letters.ticket_id',
      'tickets.product_id',
      'customers.region_id',
    ])
    .where('responsibility_letters.id', '=', letterId)
    .executeTakeFirst();
}

/** IN-1: R&D for a product — its product experts (ORG-3), in rank order. */
export function productExperts(db: Db, productId: number) {
  return db
    .selectFrom('product_experts')
    .innerJoin('users', 'users.id', 'product_experts.user_id')
    .select(['users.id', 'users.name'])
    .where('product_experts.product_id', '=', productId)
    .where('users.status', '=', 'active')
    .orderBy('product_experts.rank')
    .execute();
}

/** Names of active users, by id. */
export async function userNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The manager named on a department (部门经理), when active. */
export async function departmentManager(db: Db, departmentId: number | null): Promise<number | null> {
  if (departmentId == null) return null;
  const row = await db
    .selectFrom('departments')
    .innerJoin('users', 'users.id', 'departments.manager_id')
    .select('users.id')
    .where('departments.id', '=', departmentId)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A stale version sent by the client. */
export const staleComplaint = () => versionConflict('Complaint');
export const staleIncident = () => versionConflict('Incident');

/** IN-3: the active staff of a department (the incident notice's readers). */
export async function departmentStaff(db: Db, departmentId: number | null): Promise<number[]> {
  if (departmentId == null) return [];
  const rows = await db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select('users.id')
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where((eb) => eb.or([eb('users.department_id', '=', departmentId), eb('teams.department_id', '=', departmentId)]))
    .execute();
  return rows.map((r) => r.id);
}

/** SR-14 → IN-1/IN-2: link a complaint to the incident raised from it (only when it has none yet). */
export async function linkComplaintIncident(db: Db, complaintId: number, incidentId: number | null, at: string, onlyIf: number | null) {
  let q = db.updateTable('complaints').set({ incident_id: incidentId, updated_at: at }).where('id', '=', complaintId);
  q = onlyIf == null ? q.where('incident_id', 'is', null) : q.where('incident_id', '=', onlyIf);
  await q.execute();
}

export type ComplaintInsert = Omit<Insertable<ComplaintsTable>, 'id' | 'version'>;
export async function insertComplaint(db: Db, values: ComplaintInsert): Promise<number> {
  return (await db.insertInto('complaints').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findComplaint(db: Db, actor: Actor, id: number) {
  return complaintsQuery(db)
    .where('complaints.id', '=', id)
    .where((eb) => complaintScope(eb, actor))
    .executeTakeFirst();
}

export function listComplaintRows(
  db: Db,
  actor: Actor,
  q: { status?: string; aboutUserId?: number; customerId?: number; after: number | null; limit: number },
) {
  let query = complaintsQuery(db).where((eb) => complaintScope(eb, actor));
  if (q.status) query = query.where('complaints.status', '=', q.status);
  if (q.aboutUserId) query = query.where('complaints.about_user_id', '=', q.aboutUserId);
  if (q.customerId) query = query.where('complaints.customer_id', '=', q.customerId);
  if (q.after !== null) query = query.where('complaints.id', '<', q.after);
  return query.orderBy('complaints.id', 'desc').limit(q.limit).execute();
}

export type IncidentInsert = Omit<Insertable<IncidentsTable>, 'id' | 'version'>;
export async function insertIncident(db: Db, values: IncidentInsert): Promise<number> {
  return (await db.insertInto('incidents').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findIncident(db: Db, actor: Actor, id: number) {
  return incidentsQuery(db)
    .where('incidents.id', '=', id)
    .where((eb) => incidentScope(eb, actor))
    .executeTakeFirst();
}

export function listIncidentRows(
  db: Db,
  actor: Actor,
  q: { mine: boolean; status?: string; classId?: string; engineerId?: number; after: number | null; limit: number },
) {
  let query = incidentsQuery(db).where((eb) => incidentScope(eb, actor));
  if (q.mine)
    query = query.where((eb) => eb.or([eb('incidents.engineer_id', '=', actor.id), eb('incidents.notice_owner_id', '=', actor.id)]));
  if (q.status) query = query.where('incidents.status', '=', q.status);
  if (q.classId) query = query.where('incidents.class_id', '=', q.classId);
  if (q.engineerId) query = query.where('incidents.engineer_id', '=', q.engineerId);
  if (q.after !== null) query = query.where('incidents.id', '<', q.after);
  return query.orderBy('incidents.id', 'desc').limit(q.limit).execute();
}

// Demo data (incidents.demo, surveys.demo, staff-training.demo, meetings.demo) ------------------------------------------

/** Active users by user name (the demo organisation's people). */
export function usersByName(db: Db, usernames: string[]) {
  return db.selectFrom('users').select(['id', 'username']).where('username', 'in', usernames).where('status', '=', 'active').execute();
}

/** Whether a table of this module already holds a row (a demo seeds once). */
export async function hasRows(db: Db, table: 'complaints' | 'survey_rounds' | 'staff_training_sessions' | 'meetings'): Promise<boolean> {
  return Boolean(await db.selectFrom(table).select('id').limit(1).executeTakeFirst());
}

/** Customers by name, with their contacts' ids (demo). */
export function customersByName(db: Db, names: string[]) {
  return db.selectFrom('customers').select(['id', 'name']).where('name', 'in', names).execute();
}

/** Products by name (demo). */
export function productsByName(db: Db, names: string[]) {
  return db.selectFrom('products').select(['id', 'name']).where('name', 'in', names).execute();
}

/** The newest service request of a customer (demo: what a complaint concerns). */
export function latestTicketOf(db: Db, customerId: number) {
  return db.selectFrom('tickets').select(['id']).where('customer_id', '=', customerId).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** IN-1/IN-3: the obligations of incidents' documents by id, in one query (the obligations module's rows). */
export function obligationsByIds(db: Db, ids: number[]) {
  return ids.length ? obligationsQuery(db).where('o.id', 'in', ids).execute() : Promise.resolve([]);
}

/** Active staff (no customer contacts) among these ids, with their team and department (one query). */
export function activeStaffIn(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.name', 'users.team_id', 'users.department_id', 'teams.department_id as team_department_id'])
    .where('users.id', 'in', ids)
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .execute();
}
