import { isAppraised } from '@techserve/core';
import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';

/*
 * The appraisal's own queries (AP-15 sheets and disputes) and the set-based reads of facts no other module offers yet:
 * the month's ratings by assignee (FS-8/AP-8) and the visit sign-offs without a customer's signature (AP-9/AP-14).
 */

/** The active members of staff in the actor's data scope (customer contacts and client IT offices are not staff). */
export function staffInScope(db: Db, actor: Actor, onlyUserId: number | null = null) {
  let q = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.id',
      'users.name',
      'users.department_id',
      'users.team_id',
      'roles.key as role_key',
      'roles.scope as role_scope',
      'roles.permissions as role_permissions',
      'departments.manager_id',
    ])
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where('users.site_id', 'is', null)
    .where((eb) => scopeFilter(eb, actor, { owner: 'users.id', team: 'users.team_id', department: 'users.department_id' }));
  if (onlyUserId !== null) q = q.where('users.id', '=', onlyUserId);
  return q.orderBy('users.id').execute();
}
export type StaffRow = Awaited<ReturnType<typeof staffInScope>>[number];

/** AP-2: of these, the people appraised on a monthly sheet (core's isAppraised: not the chain's signers). */
export const appraisedOnly = <T extends { role_key: string; role_permissions: string }>(rows: T[]): T[] =>
  rows.filter((r) => isAppraised({ roleKey: r.role_key, permissions: JSON.parse(r.role_permissions) as string[] }));

/** FS-8/AP-8: the ratings given in [from, to) on the requests these people were assigned. */
export function ratingsBetween(db: Db, from: string, to: string, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ticket_ratings as r')
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .select(['t.id as ticket_id', 't.number', 't.assignee_id', 'r.attitude', 'r.skill', 'r.result', 'r.created_at'])
    .where('t.assignee_id', 'in', userIds)
    .where('r.created_at', '>=', from)
    .where('r.created_at', '<', to)
    .orderBy('r.created_at')
    .orderBy('t.id')
    .execute();
}

/** AP-9/AP-14: visit sign-offs in [from, to) without the customer's signature, with the letter's engineers. */
export function unsignedSignoffsBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('visit_signoffs as s')
    .innerJoin('responsibility_letters as l', 'l.id', 's.letter_id')
    .innerJoin('letter_engineers as e', 'e.letter_id', 'l.id')
    .select(['s.id', 's.letter_id', 'l.title', 'l.department_id', 'e.user_id', 's.recorded_at'])
    .where('s.signature_id', 'is', null)
    .where('s.recorded_at', '>=', from)
    .where('s.recorded_at', '<', to)
    .orderBy('s.recorded_at')
    .orderBy('s.id')
    .execute();
}

const sheetColumns = [
  'appraisal_sheets.id',
  'appraisal_sheets.user_id',
  'users.name as user_name',
  'appraisal_sheets.month',
  'appraisal_sheets.department_id',
  'appraisal_sheets.team_id',
  'appraisal_sheets.state',
  'appraisal_sheets.policy_version',
  'appraisal_sheets.inputs_digest',
  'appraisal_sheets.lines',
  'appraisal_sheets.adjustments',
  'appraisal_sheets.scores',
  'appraisal_sheets.scorers',
  'appraisal_sheets.carry',
  'appraisal_sheets.grade',
  'appraisal_sheets.total_tenths',
  'appraisal_sheets.amount_fen',
  'appraisal_sheets.self_at',
  'appraisal_sheets.computed_at',
  'appraisal_sheets.approved_by',
  'approver.name as approved_by_name',
  'appraisal_sheets.approved_at',
  'appraisal_sheets.frozen_at',
  'appraisal_sheets.version',
] as const;

const sheetsQuery = (db: Db) =>
  db
    .selectFrom('appraisal_sheets')
    .innerJoin('users', 'users.id', 'appraisal_sheets.user_id')
    .leftJoin('users as approver', 'approver.id', 'appraisal_sheets.approved_by')
    .select(sheetColumns);
export type SheetRow = Awaited<ReturnType<ReturnType<typeof sheetsQuery>['executeTakeFirstOrThrow']>>;

/** A sheet through the actor's data scope (out of scope: undefined, the caller answers 404). */
export function findSheet(db: Db, actor: Actor, id: number) {
  return sheetsQuery(db)
    .where('appraisal_sheets.id', '=', id)
    .where((eb) =>
      scopeFilter(eb, actor, {
        owner: 'appraisal_sheets.user_id',
        team: 'appraisal_sheets.team_id',
        department: 'appraisal_sheets.department_id',
      }),
    )
    .executeTakeFirst();
}

/** The month's sheets in the actor's scope (only their own when `ownOnly`). */
export function listSheets(db: Db, actor: Actor, month: string, ownOnly: boolean) {
  let q = sheetsQuery(db).where('appraisal_sheets.month', '=', month);
  q = ownOnly
    ? q.where('appraisal_sheets.user_id', '=', actor.id)
    : q.where((eb) =>
        scopeFilter(eb, actor, {
          owner: 'appraisal_sheets.user_id',
          team: 'appraisal_sheets.team_id',
          department: 'appraisal_sheets.department_id',
        }),
      );
  return q.orderBy('users.name').orderBy('appraisal_sheets.id').execute();
}

/** Set-based: the sheets of these people in these months (the previous month's carry, the year's grades). */
export function sheetsOf(db: Db, userIds: number[], months: string[]) {
  if (userIds.length === 0 || months.length === 0) return Promise.resolve([]);
  return sheetsQuery(db).where('appraisal_sheets.user_id', 'in', userIds).where('appraisal_sheets.month', 'in', months).execute();
}

export async function insertSheet(db: Db, row: Insertable<DB['appraisal_sheets']>): Promise<number> {
  return (await db.insertInto('appraisal_sheets').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a sheet at the version read; false when someone changed it meanwhile. */
export async function updateSheet(db: Db, id: number, version: number, set: Updateable<DB['appraisal_sheets']>): Promise<boolean> {
  const r = await db
    .updateTable('appraisal_sheets')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Freezes the signed sheets of a month. */
export async function freezeMonth(db: Db, month: string, at: string, userIds: number[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const r = await db
    .updateTable('appraisal_sheets')
    .set((eb) => ({ state: 'final', frozen_at: at, updated_at: at, version: eb('version', '+', 1) }))
    .where('month', '=', month)
    .where('state', '=', 'approved')
    .where('user_id', 'in', userIds)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

const disputesQuery = (db: Db) =>
  db
    .selectFrom('appraisal_disputes as d')
    .leftJoin('users as decider', 'decider.id', 'd.decided_by')
    .select([
      'd.id',
      'd.sheet_id',
      'd.line_key',
      'd.reason',
      'd.raised_by',
      'd.state',
      'd.decision',
      'd.amount_fen',
      'd.decided_by',
      'decider.name as decided_by_name',
      'd.decided_at',
      'd.version',
    ]);
export type DisputeRow = Awaited<ReturnType<ReturnType<typeof disputesQuery>['executeTakeFirstOrThrow']>>;

export function disputesOf(db: Db, sheetIds: number[]) {
  if (sheetIds.length === 0) return Promise.resolve([]);
  return disputesQuery(db).where('d.sheet_id', 'in', sheetIds).orderBy('d.id').execute();
}

export const findDispute = (db: Db, id: number) => disputesQuery(db).where('d.id', '=', id).executeTakeFirst();

export async function insertDispute(db: Db, row: Insertable<DB['appraisal_disputes']>): Promise<number> {
  return (await db.insertInto('appraisal_disputes').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function decideDispute(db: Db, id: number, version: number, set: Updateable<DB['appraisal_disputes']>): Promise<boolean> {
  const r = await db
    .updateTable('appraisal_disputes')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
