import {
  type TApprovalDecision,
  type TLetterStatus,
  type TTravelAdvance,
  type TTravelAdvanceCreate,
  type TTravelAdvanceListQuery,
  letterAllowsAdvance,
  localDateOf,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, notFound } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { assertNotOwn, assertTraveller, assertTravelReader, requestFor, travelScope } from './travel.access.repository';
import * as repo from './travel.repository';
import { illegal, policyOn, tellApprovers } from './travel.service';

const fs3 = (message: string) =>
  new AppError('rule_violation', `FS-3: ${message}`, { ruleId: 'FS-3', details: [{ path: 'body.amountFen', message }] });

/**
 * FS-3: a travel advance (预支出差款) against an open trip. When the policy requires it, the trip must serve a
 * responsibility letter that is complete and approved (and not yet over): otherwise 422 FS-3, nothing saved.
 */
export async function requestAdvance(ctx: Ctx, requestId: number, body: TTravelAdvanceCreate): Promise<TTravelAdvance> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const trip = await requestFor(ctx, requestId, db);
    assertTraveller(ctx.actor, trip);
    if (trip.status !== 'submitted' && trip.status !== 'approved') throw illegal(`No advance on a ${trip.status} trip`);
    // TR-1: once the trip is claimed, the claim settles the money; a further advance would be paid twice.
    const claim = await repo.liveClaimOf(db, requestId);
    if (claim) throw illegal(`The trip is already claimed (claim #${claim.id}); the claim settles its money, no further advance`);
    const policy = await policyOn(db, localDateOf(ctx.clock.now().getTime()));
    let letterStatus: string | null = null;
    if (trip.letter_id != null) {
      letterStatus = (await repo.letterStatus(db, trip.letter_id))?.status ?? null;
    }
    if (policy.document.fieldService.advanceRequiresApprovedLetter) {
      if (letterStatus == null)
        throw fs3('the trip is not linked to a responsibility letter; an advance needs a complete, approved letter');
      if (!letterAllowsAdvance(letterStatus as TLetterStatus))
        throw fs3(`the responsibility letter is ${letterStatus}; an advance needs it complete and approved`);
    }
    const row = await repo.insertAdvance(db, {
      request_id: requestId,
      user_id: ctx.actor.id,
      amount_fen: body.amountFen,
      reason: body.reason,
      status: 'requested',
      letter_status: letterStatus,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'travel.advance.request',
      entity: 'travel_advance',
      entityId: row.id,
      after: { requestId, ...body, letterStatus },
    });
    await tellApprovers(db, at, trip, 'travel.advanceAsked', { name: ctx.actor.name });
    return row.id;
  });
  return getAdvance(ctx, id);
}

async function advanceFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  assertTravelReader(ctx.actor);
  const row = await repo
    .advancesQuery(db)
    .innerJoin('travel_requests', 'travel_requests.id', 'travel_advances.request_id')
    .where('travel_advances.id', '=', id)
    .where((eb) => travelScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound('Travel advance');
  return row;
}

export async function getAdvance(ctx: Ctx, id: number): Promise<TTravelAdvance> {
  return repo.toAdvance(await advanceFor(ctx, id));
}

export async function listAdvances(ctx: Ctx, q: TTravelAdvanceListQuery) {
  assertTravelReader(ctx.actor);
  const after = cursorId(q.cursor);
  let query = repo
    .advancesQuery(ctx.db)
    .innerJoin('travel_requests', 'travel_requests.id', 'travel_advances.request_id')
    .where((eb) => travelScope(eb, ctx.actor));
  if (q.view === 'mine') query = query.where('travel_advances.user_id', '=', ctx.actor.id);
  if (q.view === 'approvals') query = query.where('travel_advances.user_id', '!=', ctx.actor.id);
  if (q.status) query = query.where('travel_advances.status', '=', q.status);
  if (after !== null) query = query.where('travel_advances.id', '<', after);
  const rows = await query
    .orderBy('travel_advances.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(repo.toAdvance), nextCursor };
}

type TAdvanceNews = 'travel.advanceApproved' | 'travel.advanceRejected' | 'travel.advancePaid';
async function tellAdvance(db: Db, at: string, row: { id: number; user_id: number; request_id: number }, message: TAdvanceNews) {
  await notify(db, at, {
    userIds: [row.user_id],
    kind: 'travel_update',
    message,
    link: `/travel/requests/${row.request_id}`,
  });
}

/** FS-3: the manager approves or rejects a requested advance (not their own). */
export async function decideAdvance(ctx: Ctx, id: number, body: TApprovalDecision): Promise<TTravelAdvance> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await advanceFor(ctx, id, db);
    assertNotOwn(ctx.actor, row);
    if (row.version !== body.version) throw repo.conflict('travel_advances');
    if (row.status !== 'requested') throw illegal(`A ${row.status} advance cannot be decided`);
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
    };
    await repo.bumpRow(db, 'travel_advances', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: body.approve ? 'travel.advance.approve' : 'travel.advance.reject',
      entity: 'travel_advance',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    await tellAdvance(db, at, row, body.approve ? 'travel.advanceApproved' : 'travel.advanceRejected');
  });
  return getAdvance(ctx, id);
}

/** Finance pays an approved advance; it is settled against the trip's claim (TR-1). */
export async function payAdvance(ctx: Ctx, id: number, version: number): Promise<TTravelAdvance> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await advanceFor(ctx, id, db);
    if (row.version !== version) throw repo.conflict('travel_advances');
    if (row.status !== 'approved') throw illegal(`A ${row.status} advance cannot be paid`);
    const paidClaim = await repo.paidClaimOf(db, row.request_id);
    if (paidClaim) throw illegal(`The trip's claim #${paidClaim.id} is paid; no advance is paid after it`);
    const set = { status: 'paid', paid_by: ctx.actor.id, paid_at: at };
    await repo.bumpRow(db, 'travel_advances', id, version, set, at);
    // TR-1: a claim filed before this payment deducts it too.
    await repo.refreshOpenClaimAdvance(db, row.request_id, at);
    await recordAudit(db, ctx, {
      action: 'travel.advance.pay',
      entity: 'travel_advance',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    await tellAdvance(db, at, row, 'travel.advancePaid');
  });
  return getAdvance(ctx, id);
}
