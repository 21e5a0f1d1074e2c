import { updateVersioned } from '../../db/versioned';
import type {
  TAllowanceLineOut,
  TClaimExpense,
  TTravelAdvance,
  TTravelAdvanceStatus,
  TTravelClaim,
  TTravelClaimStatus,
  TTravelRequestStatus,
  TTravelRequestSummary,
} from '@techserve/core';
import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor, Db } from '../../http/context';
import { versionConflict } from '../../http/errors';
import { ticketScope } from '../tickets/tickets.repository';
import { travelScope } from './travel.access.repository';

const json = <T>(s: string | null, fallback: T): T => (s == null ? fallback : (JSON.parse(s) as T));
export { json as parseJson };

type TravelVersioned = 'travel_requests' | 'travel_advances' | 'travel_claims';
const WHAT: Record<TravelVersioned, string> = {
  travel_requests: 'Travel request',
  travel_advances: 'Travel advance',
  travel_claims: 'Travel claim',
};

/** UPDATE with the version read and the status expected: 409 when someone changed it meanwhile. */
export const bumpRow = (db: Db, table: TravelVersioned, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, table, id, version, set, at, WHAT[table]);

/** Requests with the traveller's name, for lists and details. */
export const requestsQuery = (db: Db) =>
  db
    .selectFrom('travel_requests')
    .innerJoin('users as traveller', 'traveller.id', 'travel_requests.user_id')
    .leftJoin('users as decider', 'decider.id', 'travel_requests.decided_by')
    .leftJoin('users as special_decider', 'special_decider.id', 'travel_requests.special_decided_by')
    .leftJoin('users as extension_decider', 'extension_decider.id', 'travel_requests.extension_decided_by')
    .leftJoin('responsibility_letters', 'responsibility_letters.id', 'travel_requests.letter_id')
    .selectAll('travel_requests')
    .select([
      'traveller.name as user_name',
      'traveller.hire_date as traveller_hire_date',
      'decider.name as decided_by_name',
      'special_decider.name as special_decided_by_name',
      'extension_decider.name as extension_decided_by_name',
      'responsibility_letters.status as letter_status',
    ]);
export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>>;

export const toRequestSummary = (r: RequestRow): TTravelRequestSummary => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  status: r.status as TTravelRequestStatus,
  purpose: r.purpose,
  workType: r.work_type as TTravelRequestSummary['workType'],
  startDate: r.start_date,
  endDate: r.end_date,
  createdAt: r.created_at,
  version: r.version,
});

export const advancesQuery = (db: Db) =>
  db
    .selectFrom('travel_advances')
    .innerJoin('users as traveller', 'traveller.id', 'travel_advances.user_id')
    .leftJoin('users as decider', 'decider.id', 'travel_advances.decided_by')
    .selectAll('travel_advances')
    .select(['traveller.name as user_name', 'decider.name as decided_by_name']);
type AdvanceRow = Awaited<ReturnType<ReturnType<typeof advancesQuery>['executeTakeFirstOrThrow']>>;

export const toAdvance = (r: AdvanceRow): TTravelAdvance => ({
  id: r.id,
  requestId: r.request_id,
  userId: r.user_id,
  userName: r.user_name,
  amountFen: Number(r.amount_fen),
  reason: r.reason,
  status: r.status as TTravelAdvanceStatus,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  paidAt: r.paid_at,
  createdAt: r.created_at,
  version: r.version,
});

export const claimsQuery = (db: Db) =>
  db
    .selectFrom('travel_claims')
    .innerJoin('travel_requests', 'travel_requests.id', 'travel_claims.request_id')
    .innerJoin('users as traveller', 'traveller.id', 'travel_claims.user_id')
    .leftJoin('users as decider', 'decider.id', 'travel_claims.decided_by')
    .selectAll('travel_claims')
    .select(['traveller.name as user_name', 'decider.name as decided_by_name']);
type ClaimRow = Awaited<ReturnType<ReturnType<typeof claimsQuery>['executeTakeFirstOrThrow']>>;

/** Claims with their receipts, in one extra query. */
export async function toClaims(db: Db, rows: ClaimRow[]): Promise<TTravelClaim[]> {
  const ids = rows.map((r) => r.id);
  const receipts = ids.length
    ? await db
        .selectFrom('travel_claim_receipts')
        .select(['id', 'claim_id', 'file_name', 'content_type', 'size'])
        .where('claim_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    userId: r.user_id,
    userName: r.user_name,
    status: r.status as TTravelClaimStatus,
    actualStartDate: r.actual_start_date,
    actualEndDate: r.actual_end_date,
    expenses: json<TClaimExpense[]>(r.expenses, []),
    expensesFen: Number(r.expenses_fen),
    allowanceFen: Number(r.allowance_fen),
    allowanceLines: json<TAllowanceLineOut[]>(r.allowance_lines, []),
    advanceFen: Number(r.advance_fen),
    payableFen: Number(r.payable_fen),
    note: r.note,
    receipts: receipts
      .filter((x) => x.claim_id === r.id)
      .map((x) => ({
        id: x.id,
        fileName: x.file_name,
        contentType: x.content_type,
        size: Number(x.size),
        url: `/api/v1/travel-receipts/${x.id}`,
      })),
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    paidAt: r.paid_at,
    policyVersion: r.policy_version,
    createdAt: r.created_at,
    version: r.version,
  }));
}

/** The advances of a trip paid out and not yet settled, in fen. */
export async function paidAdvanceFen(db: Db, requestId: number): Promise<number> {
  const rows = await db
    .selectFrom('travel_advances')
    .select('amount_fen')
    .where('request_id', '=', requestId)
    .where('status', '=', 'paid')
    .execute();
  return rows.reduce((sum, a) => sum + Number(a.amount_fen), 0);
}

/**
 * TR-1: the trip's open claim (submitted or approved) deducts the advances paid so far: payable = expenses +
 * allowance − advance. Called whenever an advance is paid or a claim is paid, so an advance paid after the claim was
 * filed is never settled without being deducted.
 */
export async function refreshOpenClaimAdvance(db: Db, requestId: number, at: string): Promise<void> {
  const advanceFen = await paidAdvanceFen(db, requestId);
  await db
    .updateTable('travel_claims')
    .set((eb) => ({
      advance_fen: advanceFen,
      payable_fen: eb(eb('expenses_fen', '+', eb.ref('allowance_fen')), '-', advanceFen),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('request_id', '=', requestId)
    .where('status', 'in', ['submitted', 'approved'])
    .execute();
}

/** A stale version sent by the client. */
export const conflict = (table: TravelVersioned) => versionConflict(WHAT[table]);

/** TR-3: a traveller's hire date (the new-employee period counts from it); null when not recorded. */
export const hireDateOf = async (db: Db, userId: number) =>
  (await db.selectFrom('users').select('hire_date').where('id', '=', userId).executeTakeFirst())?.hire_date ?? null;

// The writes and checks of the travel services (queries only in repositories, issue 13 item 2).

/** TR-1/TR-2: a new travel request, its id. */
export function insertRequest(db: Db, row: Insertable<DB['travel_requests']>) {
  return db.insertInto('travel_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

/** TR-4: the active general managers, the traveller aside. */
export function activeGmsExcept(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select('users.id')
    .where('roles.key', '=', 'gm')
    .where('users.status', '=', 'active')
    .where('users.id', '!=', userId)
    .execute();
}

/** FS-10: the letter a trip serves, with its request. */
export function letterTicket(db: Db, letterId: number) {
  return db.selectFrom('responsibility_letters').select(['id', 'ticket_id']).where('id', '=', letterId).executeTakeFirst();
}

/** FS-3: the status of the letter a trip serves. */
export function letterStatus(db: Db, letterId: number) {
  return db.selectFrom('responsibility_letters').select('status').where('id', '=', letterId).executeTakeFirst();
}

/** The service request if the actor may see it. */
export function ticketInScope(db: Db, actor: Actor, ticketId: number) {
  return db
    .selectFrom('tickets')
    .select('id')
    .where('tickets.id', '=', ticketId)
    .where((eb) => ticketScope(eb, actor))
    .executeTakeFirst();
}

/** TR-1/TR-4: the trip's claims still open (submitted or approved), or just the one named, in order. */
export function openClaimsOf(db: Db, requestId: number, claimId?: number) {
  let claims = db
    .selectFrom('travel_claims')
    .select([
      'id',
      'version',
      'user_id',
      'request_id',
      'actual_start_date',
      'actual_end_date',
      'expenses_fen',
      'allowance_fen',
      'allowance_lines',
      'advance_fen',
      'payable_fen',
      'policy_version',
    ])
    .where('request_id', '=', requestId)
    .where('status', 'in', ['submitted', 'approved']);
  if (claimId !== undefined) claims = claims.where('id', '=', claimId);
  return claims.orderBy('id').execute();
}

/** The trip's claim that is not rejected, if any. */
export function liveClaimOf(db: Db, requestId: number) {
  return db
    .selectFrom('travel_claims')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', '!=', 'rejected')
    .executeTakeFirst();
}

/** The trip's paid claim, if any. */
export function paidClaimOf(db: Db, requestId: number) {
  return db.selectFrom('travel_claims').select('id').where('request_id', '=', requestId).where('status', '=', 'paid').executeTakeFirst();
}

/** The trip's paid advance, if any. */
export function paidAdvanceOf(db: Db, requestId: number) {
  return db.selectFrom('travel_advances').select('id').where('request_id', '=', requestId).where('status', '=', 'paid').executeTakeFirst();
}

/** The trip's advances still waiting are rejected with it (a cancelled trip). */
export async function rejectWaitingAdvances(db: Db, requestId: number, at: string) {
  await db
    .updateTable('travel_advances')
    .set({ status: 'rejected', decision_comment: 'cancelled with the trip', updated_at: at })
    .where('request_id', '=', requestId)
    .where('status', 'in', ['requested', 'approved'])
    .execute();
}

/**
 * TR-1: a paid claim settles the trip: its paid advances are settled by the claim, those still waiting are closed,
 * and an approved trip is completed.
 */
export async function settleTripWithClaim(db: Db, requestId: number, claimId: number, at: string) {
  await db
    .updateTable('travel_advances')
    .set({ status: 'settled', settled_claim_id: claimId, updated_at: at })
    .where('request_id', '=', requestId)
    .where('status', '=', 'paid')
    .execute();
  // Advances still waiting are closed: the trip's money is settled by this claim.
  await db
    .updateTable('travel_advances')
    .set((eb) => ({
      status: 'rejected',
      decision_comment: `closed: claim #${claimId} settled the trip`,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('request_id', '=', requestId)
    .where('status', 'in', ['requested', 'approved'])
    .execute();
  await db
    .updateTable('travel_requests')
    .set({ status: 'completed', updated_at: at })
    .where('id', '=', requestId)
    .where('status', '=', 'approved')
    .execute();
}

/** TR-1: a new advance request, its id. */
export function insertAdvance(db: Db, row: Insertable<DB['travel_advances']>) {
  return db.insertInto('travel_advances').values(row).returning('id').executeTakeFirstOrThrow();
}

/** TR-1: a new claim, its id. */
export function insertClaim(db: Db, row: Insertable<DB['travel_claims']>) {
  return db.insertInto('travel_claims').values(row).returning('id').executeTakeFirstOrThrow();
}

export function anyReceiptOf(db: Db, claimId: number) {
  return db.selectFrom('travel_claim_receipts').select('id').where('claim_id', '=', claimId).executeTakeFirst();
}

export function insertReceipt(db: Db, row: Insertable<DB['travel_claim_receipts']>) {
  return db.insertInto('travel_claim_receipts').values(row).returning('id').executeTakeFirstOrThrow();
}

/** A receipt if the actor may see its trip. */
export function receiptInScope(db: Db, actor: Actor, receiptId: number) {
  return db
    .selectFrom('travel_claim_receipts')
    .innerJoin('travel_claims', 'travel_claims.id', 'travel_claim_receipts.claim_id')
    .innerJoin('travel_requests', 'travel_requests.id', 'travel_claims.request_id')
    .select(['travel_claim_receipts.file_name', 'travel_claim_receipts.content_type', 'travel_claim_receipts.storage_key'])
    .where('travel_claim_receipts.id', '=', receiptId)
    .where((eb) => travelScope(eb, actor))
    .executeTakeFirst();
}

const logColumns = ['id', 'request_id', 'user_id', 'date', 'place', 'work_done', 'created_at'] as const;

/** AT-2: a travel log filed. */
export function insertLog(db: Db, row: Insertable<DB['travel_logs']>) {
  return db.insertInto('travel_logs').values(row).returning(logColumns).executeTakeFirstOrThrow();
}

/** AT-2: the user's travel logs from `from` to `to`. */
export function logsBetween(db: Db, userId: number, from: string, to: string) {
  return db
    .selectFrom('travel_logs')
    .select(logColumns)
    .where('user_id', '=', userId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

/** AT-3: the days from `from` to `to` counted as absence for a missing travel log. */
export function logGapsBetween(db: Db, userId: number, from: string, to: string) {
  return db
    .selectFrom('travel_log_gaps')
    .select('date')
    .where('user_id', '=', userId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

/** AT-3: trips (approved or completed, extensions included) away on some day from `firstDay` to `lastDay`. */
export function tripsAwayBetween(db: Db, firstDay: string, lastDay: string) {
  return db
    .selectFrom('travel_requests')
    .innerJoin('users', 'users.id', 'travel_requests.user_id')
    .select([
      'travel_requests.id',
      'travel_requests.user_id',
      'travel_requests.start_date',
      'travel_requests.end_date',
      'travel_requests.extension_status',
      'travel_requests.extension_start_date',
      'travel_requests.extension_end_date',
      'users.name as user_name',
    ])
    .where('travel_requests.status', 'in', ['approved', 'completed'])
    .where((eb) => eb.or([eb('travel_requests.start_date', '<=', lastDay), eb('travel_requests.extension_start_date', '<=', lastDay)]))
    .where((eb) => eb.or([eb('travel_requests.end_date', '>=', firstDay), eb('travel_requests.extension_end_date', '>=', firstDay)]))
    .orderBy('travel_requests.id')
    .execute();
}

/** AT-2/AT-3: a log of the window filed before the deadline, if any. */
export function logFiledBefore(db: Db, userId: number, from: string, to: string, deadline: string) {
  return db
    .selectFrom('travel_logs')
    .select('id')
    .where('user_id', '=', userId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('created_at', '<', deadline)
    .executeTakeFirst();
}

/** AT-3: a missing log's day counted as absence; undefined when that day is already counted. */
export function insertLogGap(db: Db, row: Insertable<DB['travel_log_gaps']>) {
  return db
    .insertInto('travel_log_gaps')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'date']).doNothing())
    .returning('id')
    .executeTakeFirst();
}
