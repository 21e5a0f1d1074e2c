import type { TExplanation, TLeaveRequest, TLeaveStatus, TLocalizedText } from '@techserve/core';
import { type Insertable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { updateVersioned } from '../../db/versioned';
import type { Db } from '../../http/context';
import { containsText } from '../../http/like';
import { versionConflict } from '../../http/errors';

/** Leave that takes someone away: approved (a submitted one is not yet granted, RS-4). */
export const GRANTED: TLeaveStatus[] = ['approved'];

/** UPDATE with the version read: 409 when someone changed it meanwhile. */
export const bumpLeave = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'leave_requests', id, version, set, at, staleLeave);

/** Leave requests with the applicant's, stand-in's and decider's names. */
export const leaveQuery = (db: Db) =>
  db
    .selectFrom('leave_requests')
    .innerJoin('users as applicant', 'applicant.id', 'leave_requests.user_id')
    .leftJoin('users as stand_in', 'stand_in.id', 'leave_requests.stand_in_id')
    .leftJoin('users as decider', 'decider.id', 'leave_requests.decided_by')
    .leftJoin('users as archiver', 'archiver.id', 'leave_requests.form_archived_by')
    .selectAll('leave_requests')
    .select([
      'applicant.name as user_name',
      'applicant.site_id as applicant_site_id',
      'stand_in.name as stand_in_name',
      'decider.name as decided_by_name',
      'archiver.name as form_archived_by_name',
    ]);
export type LeaveRow = Awaited<ReturnType<ReturnType<typeof leaveQuery>['executeTakeFirstOrThrow']>>;

export const toLeave = (r: LeaveRow, typeName: TLocalizedText): Omit<TLeaveRequest, 'allowedActions'> => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  typeId: r.type_id,
  typeName,
  status: r.status as TLeaveStatus,
  startDate: r.start_date,
  endDate: r.end_date,
  days: Number(r.days),
  reason: r.reason,
  standInId: r.stand_in_id,
  standInName: r.stand_in_name,
  contactPhone: r.contact_phone,
  emergency: Boolean(r.emergency),
  late: Boolean(r.late),
  requiredNoticeDays: Number(r.required_notice_days),
  daysAhead: Number(r.days_ahead),
  certificateRequired: Boolean(r.certificate_required),
  certificateReceivedAt: r.certificate_received_at,
  extendsId: r.extends_id,
  explanation: JSON.parse(r.explanation) as TExplanation,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  decisionComment: r.decision_comment,
  clientStatus: r.client_status as TLeaveRequest['clientStatus'],
  formArchive: r.form_archived_at ? { byName: r.form_archived_by_name ?? '', at: r.form_archived_at } : null,
  policyVersion: r.policy_version,
  createdAt: r.created_at,
  version: r.version,
});

export type LeaveSpan = { id: number; user_id: number; type_id: string; start_date: string; end_date: string };

/** RS-4: approved leave of these users (all users when null) overlapping from..to. */
export function grantedLeave(db: Db, userIds: number[] | null, from: string, to: string): Promise<LeaveSpan[]> {
  let q = db
    .selectFrom('leave_requests')
    .select(['id', 'user_id', 'type_id', 'start_date', 'end_date'])
    .where('status', 'in', GRANTED)
    // RS-4b: a resident's extension counts once the client approved it too.
    .where((eb) => eb.or([eb('client_status', 'is', null), eb('client_status', '=', 'approved')]))
    .where('start_date', '<=', to)
    .where('end_date', '>=', from);
  if (userIds) q = q.where('user_id', 'in', userIds);
  return q.orderBy('start_date').execute();
}

/** A stale version sent by the client. */
export const staleLeave = () => versionConflict('Leave request');

/** RS-4b: the leave of a site's residents waiting for the client IT office's second approval. */
export const leaveAwaitingClient = (db: Db, siteId: number) =>
  leaveQuery(db)
    .where('applicant.site_id', '=', siteId)
    .where('leave_requests.client_status', '=', 'pending')
    .orderBy('leave_requests.id')
    .execute();
/**
 * The applicant as leave needs them: team and department at filing, hire date (AT-4b) and the calendar they work to —
 * a resident's client site's own calendar when it has one (as attendance resolves it), else the company's (null).
 */
export const applicantOf = (db: Db, userId: number) =>
  db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .leftJoin('customer_sites as site', 'site.id', 'users.site_id')
    .select([
      'users.team_id',
      'users.department_id',
      'teams.department_id as team_department_id',
      'users.hire_date',
      'users.site_id',
      'site.calendar_id as site_calendar_id',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();

/** AT-4b: annual leave days a user asked for (submitted or approved) with a first day in the year. */
export async function annualDaysAskedFor(db: Db, userId: number, typeId: string, year: string): Promise<number> {
  const row = await db
    .selectFrom('leave_requests')
    .select((eb) => eb.fn.sum<number | string | null>('days').as('n'))
    .where('user_id', '=', userId)
    .where('type_id', '=', typeId)
    .where('status', 'in', ['submitted', 'approved'])
    .where('start_date', '>=', `${year}-01-01`)
    .where('start_date', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** RS-4: an active user (a stand-in must be staff: no customer). */
export function activeUserRow(db: Db, userId: number) {
  return db.selectFrom('users').select(['id', 'customer_id']).where('id', '=', userId).where('status', '=', 'active').executeTakeFirst();
}

/** AT-4b: the leave an extension extends. */
export function leaveBaseRow(db: Db, id: number) {
  return db.selectFrom('leave_requests').select(['id', 'user_id', 'status', 'end_date']).where('id', '=', id).executeTakeFirst();
}

/** RS-4: a leave of the user, asked for or granted, on some of the days from `start` to `end`. */
export function overlappingLeave(db: Db, userId: number, start: string, end: string) {
  return db
    .selectFrom('leave_requests')
    .select(['id', 'start_date', 'end_date'])
    .where('user_id', '=', userId)
    .where('status', 'in', ['submitted', 'approved'])
    .where('start_date', '<=', end)
    .where('end_date', '>=', start)
    .executeTakeFirst();
}

/** RS-4: a new leave request, its id. */
export function insertLeave(db: Db, row: Insertable<DB['leave_requests']>) {
  return db.insertInto('leave_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The user's team and department (the team's department when the user names none). */
export function userPlacement(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.team_id', 'users.department_id', 'teams.department_id as team_department_id'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

/**
 * RS-4: active members of staff who may stand in (not the user), of the department when one is given, matching the
 * text; the own team first (the stand-in usually shares the duties), then by name.
 */
export function standInCandidateRows(
  db: Db,
  q: { exceptUserId: number; department: number | null; text: string | undefined; ownTeam: number; limit: number },
) {
  let query = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('teams', 'teams.id', 'users.team_id')
    .select(['users.id', 'users.name', 'users.employee_no', 'users.team_id'])
    .where('users.status', '=', 'active')
    .where('users.id', '!=', q.exceptUserId)
    .where('users.customer_id', 'is', null)
    .where('roles.scope', 'not in', ['company', 'site']);
  const department = q.department;
  if (department != null)
    query = query.where((eb) => eb.or([eb('users.department_id', '=', department), eb('teams.department_id', '=', department)]));
  const text = q.text;
  if (text)
    query = query.where((eb) =>
      eb.or([containsText('users.name', text), containsText('users.username', text), containsText('users.employee_no', text)]),
    );
  return query
    .orderBy(sql`case when ${sql.ref('users.team_id')} = ${q.ownTeam} then 0 else 1 end`)
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(q.limit)
    .execute();
}

/** RS-4b: the emergency leave of the residents of a site (the client IT office's archive list), newest first. */
export const emergencyLeaveOfSite = (db: Db, siteId: number, limit: number) =>
  leaveQuery(db)
    .where('applicant.site_id', '=', siteId)
    .where('leave_requests.emergency', '=', 1)
    .where('leave_requests.status', '!=', 'cancelled')
    .orderBy('leave_requests.id', 'desc')
    .limit(limit)
    .execute();

/** RS-4b: one leave request of a resident of this site. */
export const leaveOfSite = (db: Db, siteId: number, id: number) =>
  leaveQuery(db).where('leave_requests.id', '=', id).where('applicant.site_id', '=', siteId).executeTakeFirst();

export const leaveById = (db: Db, id: number) => leaveQuery(db).where('leave_requests.id', '=', id).executeTakeFirst();
