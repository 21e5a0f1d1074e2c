import {
  type TReasonParams,
  type TApprovalDecision,
  type TTravelClaim,
  type TTravelClaimListQuery,
  type TTravelReceipt,
  type ZTravelClaimCreate,
  MAX_TRIP_DAYS,
  daysInclusive,
} from '@techserve/core';
import type { z } from 'zod';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, fieldDetail, notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { assertNotOwn, assertTraveller, assertTravelReader, requestFor, travelScope } from './travel.access.repository';
import * as repo from './travel.repository';
import { allowancesOf, illegal, money, policyOn, repriceOpenClaims, tellApprovers, tripWindow } from './travel.service';
import { acceptFile, type FileStorage, newStorageKey } from '../../files';

export type TTravelClaimCreateBody = z.output<typeof ZTravelClaimCreate>;

const tr1 = (path: string, message: string) =>
  new AppError('rule_violation', `TR-1: ${message}`, { ruleId: 'TR-1', details: [{ path, message }] });

/**
 * TR-1/TR-3: a reimbursement claim (报销) against an approved trip. The actual days must lie within the itinerary
 * or an approved extension (else 422 TR-1, nothing saved); expenses must fall on those days. The allowance is
 * recomputed from the actual days; the paid advances are deducted (payable = claim total − advance; negative: the
 * traveller refunds the difference).
 */
export async function createClaim(ctx: Ctx, requestId: number, body: TTravelClaimCreateBody): Promise<TTravelClaim> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const trip = await requestFor(ctx, requestId, db);
    assertTraveller(ctx.actor, trip);
    if (trip.status !== 'approved') throw illegal(`A ${trip.status} trip cannot be claimed`);
    const open = await repo.liveClaimOf(db, requestId);
    if (open) throw new AppError('conflict', `This trip already has claim #${open.id}`);
    // Bounds the per-day computation even when the policy pays days beyond the itinerary without approval.
    if (daysInclusive(body.actualStartDate, body.actualEndDate) > MAX_TRIP_DAYS)
      throw tr1('body.actualEndDate', `a trip lasts at most ${MAX_TRIP_DAYS} days`);
    const policy = await policyOn(db, trip.start_date);
    const window = tripWindow(trip);
    if (policy.document.travel.beyondItineraryNeedsApproval) {
      // TR-1: time beyond the itinerary must be reported and approved, else it is not reimbursed.
      if (body.actualStartDate < window.startDate)
        throw tr1(
          'body.actualStartDate',
          `${body.actualStartDate} is before the itinerary (${window.startDate}) and no extension covers it; report the extra days for approval first`,
        );
      if (body.actualEndDate > window.endDate)
        throw tr1(
          'body.actualEndDate',
          `${body.actualEndDate} is after the itinerary (${window.endDate}) and no extension covers it; report the extra days for approval first`,
        );
    }
    body.expenses.forEach((e, i) => {
      if (e.date < body.actualStartDate || e.date > body.actualEndDate)
        throw tr1(`body.expenses.${i}.date`, `${e.date} is not one of the days away (${body.actualStartDate} to ${body.actualEndDate})`);
    });
    // TR-1: finance reimburses against receipts; a claim without one expense line is refused, nothing saved.
    if (body.expenses.length === 0)
      throw refuse(
        'rule_violation',
        'travel.claimNoLines',
        {},
        { ruleId: 'TR-1', details: [fieldDetail('body.expenses', 'travel.claimNoLines')] },
      );
    const traveller = { traveller_hire_date: await repo.hireDateOf(db, trip.user_id) };
    const allowances = allowancesOf(policy, Object.assign(trip, traveller), {
      startDate: body.actualStartDate,
      endDate: body.actualEndDate,
    });
    const advanceFen = await repo.paidAdvanceFen(db, requestId);
    const expensesFen = body.expenses.reduce((s, e) => s + e.amountFen, 0);
    const payableFen = expensesFen + allowances.totalFen - advanceFen;
    const row = await repo.insertClaim(db, {
      request_id: requestId,
      user_id: ctx.actor.id,
      status: 'submitted',
      actual_start_date: body.actualStartDate,
      actual_end_date: body.actualEndDate,
      expenses: JSON.stringify(body.expenses),
      expenses_fen: expensesFen,
      allowance_fen: allowances.totalFen,
      allowance_lines: JSON.stringify(allowances.lines),
      advance_fen: advanceFen,
      payable_fen: payableFen,
      note: body.note ?? null,
      policy_version: policy.number,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'travel.claim.create',
      entity: 'travel_claim',
      entityId: row.id,
      after: { requestId, ...body, allowanceFen: allowances.totalFen, advanceFen, payableFen },
    });
    await tellApprovers(db, at, trip, 'travel.claimFiled', { name: ctx.actor.name, amount: money(payableFen) });
    return row.id;
  });
  return getClaim(ctx, id);
}

async function claimFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  assertTravelReader(ctx.actor);
  const row = await repo
    .claimsQuery(db)
    .where('travel_claims.id', '=', id)
    .where((eb) => travelScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound('Travel claim');
  return row;
}

export async function getClaim(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TTravelClaim> {
  const [claim] = await repo.toClaims(db, [await claimFor(ctx, id, db)]);
  return claim;
}

export async function listClaims(ctx: Ctx, q: TTravelClaimListQuery) {
  assertTravelReader(ctx.actor);
  const after = cursorId(q.cursor);
  let query = repo.claimsQuery(ctx.db).where((eb) => travelScope(eb, ctx.actor));
  if (q.view === 'mine') query = query.where('travel_claims.user_id', '=', ctx.actor.id);
  if (q.view === 'approvals') query = query.where('travel_claims.user_id', '!=', ctx.actor.id);
  if (q.status) query = query.where('travel_claims.status', '=', q.status);
  if (q.month)
    query = query
      .where('travel_claims.actual_end_date', '>=', `${q.month}-01`)
      .where('travel_claims.actual_end_date', '<=', `${q.month}-31`);
  if (after !== null) query = query.where('travel_claims.id', '<', after);
  const rows = await query
    .orderBy('travel_claims.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await repo.toClaims(ctx.db, items), nextCursor };
}

type TClaimNews = 'travel.claimApproved' | 'travel.claimRejected' | 'travel.claimPaid';
async function tellClaim(
  db: Db,
  at: string,
  row: { id: number; user_id: number; request_id: number },
  message: TClaimNews,
  params: TReasonParams = {},
) {
  await notify(db, at, {
    userIds: [row.user_id],
    kind: 'travel_update',
    message,
    params: { ...params, id: row.id },
    link: `/travel/requests/${row.request_id}`,
  });
}

/** TR-1: the manager approves a claim; transport expenses need at least one receipt attached. */
export async function decideClaim(ctx: Ctx, id: number, body: TApprovalDecision): Promise<TTravelClaim> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await claimFor(ctx, id, db);
    assertNotOwn(ctx.actor, row);
    if (row.version !== body.version) throw repo.conflict('travel_claims');
    if (row.status !== 'submitted') throw illegal(`A ${row.status} claim cannot be decided`);
    if (body.approve) {
      const expenses = repo.parseJson<{ category: string }[]>(row.expenses, []);
      const receipt = await repo.anyReceiptOf(db, id);
      if (expenses.some((e) => e.category === 'transport') && !receipt)
        throw tr1('body.approve', 'transport is reimbursed against receipts; none is attached');
    }
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
    };
    // TR-4/TR-1: the claim is approved at the trip's approvals as they stand (e.g. a special rate decided after it was filed).
    if (body.approve) await repriceOpenClaims(db, ctx, at, row.request_id, null, { claimId: id, version: body.version, set });
    else await repo.bumpRow(db, 'travel_claims', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: body.approve ? 'travel.claim.approve' : 'travel.claim.reject',
      entity: 'travel_claim',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    await tellClaim(db, at, row, body.approve ? 'travel.claimApproved' : 'travel.claimRejected');
  });
  return getClaim(ctx, id);
}

/** Finance pays an approved claim: the trip's paid advances are settled by it and the trip is completed. */
export async function payClaim(ctx: Ctx, id: number, version: number): Promise<TTravelClaim> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await claimFor(ctx, id, db);
    if (row.version !== version) throw repo.conflict('travel_claims');
    if (row.status !== 'approved') throw illegal(`A ${row.status} claim cannot be paid`);
    // TR-1: the claim settles exactly the advances paid out now; the amount paid is recomputed from them.
    const advanceFen = await repo.paidAdvanceFen(db, row.request_id);
    const payableFen = Number(row.expenses_fen) + Number(row.allowance_fen) - advanceFen;
    const set = { status: 'paid', paid_by: ctx.actor.id, paid_at: at, advance_fen: advanceFen, payable_fen: payableFen };
    await repo.bumpRow(db, 'travel_claims', id, version, set, at);
    await repo.settleTripWithClaim(db, row.request_id, id, at);
    await recordAudit(db, ctx, {
      action: 'travel.claim.pay',
      entity: 'travel_claim',
      entityId: id,
      before: { status: row.status, advanceFen: Number(row.advance_fen), payableFen: Number(row.payable_fen) },
      after: set,
    });
    await tellClaim(db, at, row, 'travel.claimPaid', { amount: money(payableFen) });
  });
  return getClaim(ctx, id);
}

export type ReceiptUpload = { fileName: string; data: Buffer };
const ACCEPTED_RECEIPTS = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf']);

/**
 * TR-1: a transport receipt (photo or PDF) on the traveller's own submitted claim. The type comes from the file's
 * first bytes (as tickets' attachments); the row is written before the file, both in one transaction.
 */
export async function addReceipt(
  ctx: Ctx,
  claimId: number,
  readUpload: () => Promise<ReceiptUpload>,
  storage: FileStorage,
): Promise<TTravelReceipt> {
  const claim = await claimFor(ctx, claimId);
  assertTraveller(ctx.actor, claim);
  if (claim.status !== 'submitted') throw illegal(`Receipts cannot be added to a ${claim.status} claim`);
  const upload = await readUpload();
  const { fileName, contentType, size, sha256 } = acceptFile(upload, {
    accepts: (type) => ACCEPTED_RECEIPTS.has(type),
    unsupported: (name) =>
      new AppError('unsupported_media_type', `"${name}" is not a receipt: attach a JPEG, PNG, GIF or WebP photo or a PDF`),
  });
  const key = newStorageKey(ctx.clock.now());
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (db) => {
    const row = await repo.insertReceipt(db, {
      claim_id: claimId,
      file_name: fileName,
      content_type: contentType,
      size,
      sha256,
      storage_key: key,
      uploaded_by: ctx.actor.id,
      created_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'travel.receipt.add',
      entity: 'travel_claim',
      entityId: claimId,
      after: { receiptId: row.id, fileName, contentType, size },
    });
    await storage.put(key, upload.data);
    return { id: row.id, fileName, contentType, size, url: `/api/v1/travel-receipts/${row.id}` };
  });
}

/** A receipt's bytes, when its claim is visible to the actor (404 otherwise). */
export async function readReceipt(ctx: Ctx, id: number, storage: FileStorage) {
  assertTravelReader(ctx.actor);
  const row = await repo.receiptInScope(ctx.db, ctx.actor, id);
  if (!row) throw notFound('Receipt');
  return { fileName: row.file_name, contentType: row.content_type, data: await storage.read(row.storage_key) };
}
