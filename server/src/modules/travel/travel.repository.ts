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
import { sql } from 'kysely';
import type { Db } from '../../http/context';
import { versionConflict } from '../../http/errors';

const json = <T>(s: string | null, fallback: T): T => (s == null ? fallback : (JSON.parse(s) as T));
export { json as parseJson };

type VersionedTable = 'travel_requests' | 'travel_advances' | 'travel_claims';
const WHAT: Record<VersionedTable, string> = {
  travel_requests: 'Travel request',
  travel_advances: 'Travel advance',
  travel_claims: 'Travel claim',
};

/** UPDATE with the version read and the status expected: 409 when someone changed it meanwhile. */
export async function bumpRow(db: Db, table: VersionedTable, id: number, version: number, set: Record<string, unknown>, at: string) {
  const res = await db
    .updateTable(table)
    .set({ ...set, updated_at: at, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(WHAT[table]);
}

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
export const conflict = (table: VersionedTable) => versionConflict(WHAT[table]);

/** TR-3: a traveller's hire date (the new-employee period counts from it); null when not recorded. */
export const hireDateOf = async (db: Db, userId: number) =>
  (await db.selectFrom('users').select('hire_date').where('id', '=', userId).executeTakeFirst())?.hire_date ?? null;
