import {
  phraseOf,
  type TTravelRequestNews,
  type TReasonParams,
  letterNumber,
  type TAllowanceResult,
  type TApprovalDecision,
  type TExtensionRequest,
  type TTransportMode,
  type TTravelRequest,
  type TTravelRequestListQuery,
  type TTravelSegment,
  type ZTravelDecision,
  type ZTravelRequestCreate,
  MAX_TRIP_DAYS,
  addDaysToDate,
  computeAllowances,
  newEmployeeOn,
  daysInclusive,
  formatMoneyFen,
  itineraryWindow,
} from '@techserve/core';
import type { z } from 'zod';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { AppError, fieldDetail, invalidValue, notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { isGm, isOnLetter } from '../field/field.access.repository';
import { notify } from '../notifications/notifications.service';
import { type PolicyAt, policyOn } from '../policy/policy-in-force';
import { approversOf } from '../org/approvers';
import { assertNotOwn, assertTraveller, assertTravelReader, requestFor, travelScope } from './travel.access.repository';
import { userPlacement } from '../leave/leave.repository';
import * as repo from './travel.repository';

export type TTravelRequestCreateBody = z.output<typeof ZTravelRequestCreate>;
export type TTravelDecisionBody = z.output<typeof ZTravelDecision>;

// The trip's first day's policy governs its allowances and transport rules.
export { policyOn };

export const illegal = (message: string) => new AppError('illegal_transition', message);

/** The allowance approvals recorded on a trip: the GM's special rate (TR-4) and an approved extension (TR-1). */
export function approvalsOf(
  row: Pick<repo.RequestRow, 'special_status' | 'special_daily_fen' | 'extension_status' | 'extension_start_date' | 'extension_end_date'>,
) {
  return {
    specialDailyFen: row.special_status === 'approved' ? row.special_daily_fen : null,
    extension:
      row.extension_status === 'approved' && row.extension_start_date && row.extension_end_date
        ? { startDate: row.extension_start_date, endDate: row.extension_end_date }
        : null,
  };
}

/** TR-1/TR-3/TR-4: the trip's allowance lines, from the policy in force on its first day (or the actual days of a claim). */
export function allowancesOf(
  policy: PolicyAt,
  row:
    | repo.RequestRow
    | (Parameters<typeof approvalsOf>[0] & {
        segments: string;
        work_type: string;
        board_provided: number;
        traveller_hire_date: string | null;
      }),
  actual?: { startDate: string; endDate: string },
): TAllowanceResult {
  return computeAllowances(
    { travel: policy.document.travel, version: policy.number },
    {
      workType: row.work_type as 'technicalGuidance',
      boardProvided: Boolean(row.board_provided),
      segments: repo.parseJson<TTravelSegment[]>(row.segments, []),
      actual,
    },
    { hireDate: row.traveller_hire_date },
    approvalsOf(row),
  );
}

/** Why an open claim's allowance is computed again: the approval that changed on the trip. */
export type RepriceCause = 'TR-4' | 'TR-1';

/**
 * TR-4: an open claim (submitted or approved, not yet paid) is paid at the trip's approvals as they stand — a GM
 * special rate decided after the claim was filed changes its allowance lines, each explained with its rule and the
 * policy version (the one in force on the trip's first day, as when it was filed); the traveller is told and the
 * change audited. `cause` null: the rule the new lines show (a TR-4 line, else TR-1). `only` limits it to one claim
 * and merges `set` into its update (the claim's approval, at the version the approver saw). Returns the claims whose
 * allowance changed. A paid claim is never changed.
 */
export async function repriceOpenClaims(
  db: Db,
  ctx: Ctx,
  at: string,
  requestId: number,
  cause: RepriceCause | null,
  only?: { claimId: number; version: number; set: Record<string, unknown> },
): Promise<number[]> {
  const trip = await repo.requestsQuery(db).where('travel_requests.id', '=', requestId).executeTakeFirstOrThrow();
  const policy = await policyOn(db, trip.start_date);
  const rows = await repo.openClaimsOf(db, requestId, only?.claimId);
  if (only && rows.length === 0) throw illegal('Only a submitted or approved claim can be repriced');
  const changed: number[] = [];
  for (const c of rows) {
    const allowances = allowancesOf(policy, trip, { startDate: c.actual_start_date, endDate: c.actual_end_date });
    const lines = JSON.stringify(allowances.lines);
    const same = allowances.totalFen === Number(c.allowance_fen) && lines === c.allowance_lines;
    if (same && !only) continue;
    const advanceFen = await repo.paidAdvanceFen(db, requestId);
    const priced = same
      ? {}
      : {
          allowance_fen: allowances.totalFen,
          allowance_lines: lines,
          advance_fen: advanceFen,
          payable_fen: Number(c.expenses_fen) + allowances.totalFen - advanceFen,
          policy_version: policy.number,
        };
    await repo.bumpRow(db, 'travel_claims', c.id, only ? only.version : c.version, Object.assign({}, only?.set, priced), at);
    if (same) continue;
    changed.push(c.id);
    const rule = cause ?? (allowances.lines.some((l) => l.kind === 'specialRegion') ? 'TR-4' : 'TR-1');
    const before = { allowanceFen: Number(c.allowance_fen), payableFen: Number(c.payable_fen), policyVersion: c.policy_version };
    const after = { allowanceFen: allowances.totalFen, payableFen: priced.payable_fen, policyVersion: policy.number, ruleId: rule };
    await recordAudit(db, ctx, { action: 'travel.claim.reprice', entity: 'travel_claim', entityId: c.id, before, after });
    await notify(db, at, {
      userIds: [c.user_id],
      kind: 'travel_update',
      message: rule === 'TR-4' ? 'travel.claimRepricedSpecialRate' : 'travel.claimRepricedExtraDays',
      params: { id: c.id, rule, policy: policy.number, before: money(before.allowanceFen), after: money(allowances.totalFen) },
      link: `/travel/requests/${c.request_id}`,
    });
  }
  return changed;
}

/** TR-2: the itinerary's modes that the policy says need prior approval. */
export function modesNeedingApproval(policy: PolicyAt, segments: TTravelSegment[]): TTransportMode[] {
  const needing = new Set(policy.document.travel.transportNeedingApproval);
  return [...new Set(segments.map((s) => s.transport).filter((m) => needing.has(m)))];
}

/** An amount of money in both languages, as a message parameter. */
export const money = (fen: number) => ({ 'zh-CN': formatMoneyFen(fen, 'zh-CN'), en: formatMoneyFen(fen, 'en') });

async function tellTraveller(
  db: Db,
  at: string,
  row: { id: number; user_id: number },
  message: TTravelRequestNews,
  params: TReasonParams = {},
) {
  await notify(db, at, {
    userIds: [row.user_id],
    kind: 'travel_update',
    message,
    params: { ...params, id: row.id },
    link: `/travel/requests/${row.id}`,
  });
}

/** TR-1/FS-10: asks the managers who may decide the trip (`approversOf`: the supervisor by default, not a team lead without `travel.approve`). */
export async function tellApprovers(
  db: Db,
  at: string,
  row: { id: number; user_id: number; team_id: number | null; department_id: number | null },
  message: TTravelRequestNews,
  params: TReasonParams = {},
) {
  await notify(db, at, {
    userIds: await approversOf(db, row),
    kind: 'travel_approval',
    message,
    params: { ...params, id: row.id },
    link: `/travel/requests/${row.id}`,
  });
}

/** TR-4: a special-region rate waits for the general manager, the only one who decides it. */
async function tellGm(db: Db, at: string, row: { id: number; user_id: number }, message: TTravelRequestNews, params: TReasonParams) {
  const gms = await repo.activeGmsExcept(db, row.user_id);
  await notify(db, at, {
    userIds: gms.map((g) => g.id),
    kind: 'travel_approval',
    message,
    params: { ...params, id: row.id },
    link: `/travel/requests/${row.id}`,
  });
}

/** FS-3: a letter or request the trip cannot link to (unknown or out of the traveller's sight), refused by reason. */
const unknownLink = (path: string, number: string) =>
  refuse('invalid_value', 'travel.linkUnknown', { number }, { details: [fieldDetail(path, 'travel.linkUnknown', { number })] });

/** TR-1/TR-2: a travel request with its itinerary; the managers are asked to approve it. */
export async function createRequest(ctx: Ctx, body: TTravelRequestCreateBody): Promise<TTravelRequest> {
  const window = itineraryWindow(body.segments);
  const policy = await policyOn(ctx.db, window.startDate);
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    let letterTicketId: number | null = null;
    if (body.letterId != null) {
      const letter = await repo.letterTicket(db, body.letterId);
      if (!letter || !(await isOnLetter(db, body.letterId, ctx.actor.id))) throw unknownLink('body.letterId', letterNumber(body.letterId));
      letterTicketId = letter.ticket_id;
    }
    // The request the trip serves: the letter's own, or one the traveller may see (ids outside the scope are unknown).
    const ticketId = body.ticketId ?? letterTicketId;
    if (body.ticketId != null && body.ticketId !== letterTicketId) {
      const visible = await repo.ticketInScope(db, ctx.actor, body.ticketId);
      if (!visible) throw unknownLink('body.ticketId', `#${body.ticketId}`);
    }
    const user = await userPlacement(db, ctx.actor.id);
    const row = await repo.insertRequest(db, {
      user_id: ctx.actor.id,
      status: 'submitted',
      start_date: window.startDate,
      end_date: window.endDate,
      purpose: body.purpose,
      work_type: body.workType,
      board_provided: body.boardProvided ? 1 : 0,
      letter_id: body.letterId ?? null,
      ticket_id: ticketId,
      segments: JSON.stringify(body.segments),
      team_id: user.team_id,
      department_id: user.department_id ?? user.team_department_id ?? null,
      special_daily_fen: body.specialRate?.dailyFen ?? null,
      special_reason: body.specialRate?.reason ?? null,
      special_status: body.specialRate ? 'requested' : null,
      policy_version: policy.number,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, { action: 'travel.request.create', entity: 'travel_request', entityId: row.id, after: body });
    const filed = {
      id: row.id,
      user_id: ctx.actor.id,
      team_id: user.team_id,
      department_id: user.department_id ?? user.team_department_id ?? null,
    };
    await tellApprovers(db, at, filed, 'travel.asked', { name: ctx.actor.name, start: window.startDate, end: window.endDate });
    if (body.specialRate) {
      await tellGm(db, at, filed, 'travel.specialRateAsked', { name: ctx.actor.name, rate: money(body.specialRate.dailyFen) });
    }
    return row.id;
  });
  return getRequest(ctx, id);
}

export async function getRequest(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TTravelRequest> {
  assertTravelReader(ctx.actor);
  const r = await repo
    .requestsQuery(db)
    .where('travel_requests.id', '=', id)
    .where((eb) => travelScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!r) throw notFound('Travel request');
  const policy = await policyOn(db, r.start_date);
  const segments = repo.parseJson<TTravelSegment[]>(r.segments, []);
  const [advances, claimRows] = await Promise.all([
    repo.advancesQuery(db).where('travel_advances.request_id', '=', id).orderBy('travel_advances.id').execute(),
    repo.claimsQuery(db).where('travel_claims.request_id', '=', id).orderBy('travel_claims.id').execute(),
  ]);
  const decision = (status: string | null, by: string | null, at: string | null) => ({
    status: status as 'requested',
    decidedByName: by,
    decidedAt: at,
  });
  // Object.assign, not `{ ...summary, … }`: on Node 20 each property after a spread takes V8's slow path (~100 µs an object).
  return Object.assign(repo.toRequestSummary(r), {
    boardProvided: Boolean(r.board_provided),
    letterId: r.letter_id,
    letterStatus: r.letter_status,
    ticketId: r.ticket_id,
    segments,
    transportNeedingApproval: modesNeedingApproval(policy, segments),
    approvedTransport: repo.parseJson<TTransportMode[]>(r.approved_transport, []),
    newEmployee: newEmployeeOn(
      { travel: policy.document.travel, version: policy.number },
      r.traveller_hire_date,
      itineraryWindow(segments).startDate,
    ).newEmployee,
    specialRate: r.special_status
      ? {
          ...decision(r.special_status, r.special_decided_by_name, r.special_decided_at),
          dailyFen: Number(r.special_daily_fen),
          reason: r.special_reason ?? '',
        }
      : null,
    extension: r.extension_status
      ? {
          ...decision(r.extension_status, r.extension_decided_by_name, r.extension_decided_at),
          startDate: r.extension_start_date ?? '',
          endDate: r.extension_end_date ?? '',
          reason: r.extension_reason ?? '',
        }
      : null,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    allowances: allowancesOf(policy, r),
    policyVersion: policy.number,
    advances: advances.map(repo.toAdvance),
    claims: await repo.toClaims(db, claimRows),
  });
}

export async function listRequests(ctx: Ctx, q: TTravelRequestListQuery) {
  assertTravelReader(ctx.actor);
  const after = cursorId(q.cursor);
  let query = repo.requestsQuery(ctx.db).where((eb) => travelScope(eb, ctx.actor));
  if (q.view === 'mine') query = query.where('travel_requests.user_id', '=', ctx.actor.id);
  if (q.view === 'approvals') query = query.where('travel_requests.user_id', '!=', ctx.actor.id);
  if (q.status) query = query.where('travel_requests.status', '=', q.status);
  if (after !== null) query = query.where('travel_requests.id', '<', after);
  const rows = await query
    .orderBy('travel_requests.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(repo.toRequestSummary), nextCursor };
}

/**
 * TR-1/TR-2/TR-3: the manager approves or rejects a submitted request. Approving an itinerary that uses a mode
 * needing prior approval (plane, taxi … per policy) must name each such mode in approvedTransport (422 TR-2).
 * The manager also says whether the traveller is a new employee (TR-3 rate).
 */
export async function decideRequest(ctx: Ctx, id: number, body: TTravelDecisionBody): Promise<TTravelRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await requestFor(ctx, id, db);
    assertNotOwn(ctx.actor, row);
    if (row.version !== body.version) throw repo.conflict('travel_requests');
    if (row.status !== 'submitted') throw illegal(`A ${row.status} request cannot be decided`);
    const segments = repo.parseJson<TTravelSegment[]>(row.segments, []);
    const needing = modesNeedingApproval(await policyOn(db, row.start_date), segments);
    if (body.approve) {
      // TR-2: plane, taxi and others need prior approval: the approval names them explicitly.
      const missing = needing.filter((m) => !body.approvedTransport.includes(m));
      if (missing.length > 0) {
        throw new AppError(
          'rule_violation',
          `TR-2: the itinerary uses ${missing.join(', ')}, which need explicit prior approval; list them in approvedTransport`,
          {
            ruleId: 'TR-2',
            details: [{ path: 'body.approvedTransport', message: `approve ${missing.join(', ')} explicitly` }],
          },
        );
      }
    }
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      approved_transport: JSON.stringify(body.approve ? needing : []),
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
    };
    await repo.bumpRow(db, 'travel_requests', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: body.approve ? 'travel.request.approve' : 'travel.request.reject',
      entity: 'travel_request',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    await tellTraveller(db, at, row, body.approve ? 'travel.approved' : 'travel.rejected', {
      note: body.comment ? phraseOf('common.note', { text: body.comment }) : '',
    });
  });
  return getRequest(ctx, id);
}

/** The traveller withdraws a request not yet travelled on (no claim, no advance paid out). */
export async function cancelRequest(ctx: Ctx, id: number, version: number): Promise<TTravelRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await requestFor(ctx, id, db);
    assertTraveller(ctx.actor, row);
    if (row.version !== version) throw repo.conflict('travel_requests');
    if (row.status !== 'submitted' && row.status !== 'approved') throw illegal(`A ${row.status} request cannot be cancelled`);
    const blocking = await repo.paidAdvanceOf(db, id);
    const claim = await repo.liveClaimOf(db, id);
    if (blocking || claim) throw illegal('A trip with a paid advance or a claim cannot be cancelled');
    await repo.bumpRow(db, 'travel_requests', id, version, { status: 'cancelled' }, at);
    await repo.rejectWaitingAdvances(db, id, at);
    await recordAudit(db, ctx, {
      action: 'travel.request.cancel',
      entity: 'travel_request',
      entityId: id,
      before: { status: row.status },
      after: { status: 'cancelled' },
    });
  });
  return getRequest(ctx, id);
}

/** TR-4: only the GM decides a special-region rate, and only when the policy lets the GM raise allowances. */
export async function decideSpecialRate(ctx: Ctx, id: number, body: TApprovalDecision): Promise<TTravelRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await requestFor(ctx, id, db);
    if (!isGm(ctx.actor))
      throw new AppError('forbidden', 'TR-4: only the general manager may approve a special-region allowance', { ruleId: 'TR-4' });
    assertNotOwn(ctx.actor, row);
    if (row.version !== body.version) throw repo.conflict('travel_requests');
    if (row.special_status !== 'requested') throw illegal('There is no special-region rate waiting for a decision');
    if (body.approve && !(await policyOn(db, row.start_date)).document.travel.gmMayRaiseAllowance) {
      throw new AppError('rule_violation', 'TR-4: the policy in force does not let the GM raise allowances', {
        ruleId: 'TR-4',
        details: [{ path: 'body.approve', message: 'not allowed by the policy' }],
      });
    }
    const set = { special_status: body.approve ? 'approved' : 'rejected', special_decided_by: ctx.actor.id, special_decided_at: at };
    await repo.bumpRow(db, 'travel_requests', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'travel.special-rate.decide',
      entity: 'travel_request',
      entityId: id,
      before: { special_status: row.special_status },
      after: set,
    });
    // TR-4: a claim filed before the decision is paid at the rate decided.
    await repriceOpenClaims(db, ctx, at, id, 'TR-4');
    await tellTraveller(db, at, row, body.approve ? 'travel.specialRateApproved' : 'travel.specialRateRejected');
  });
  return getRequest(ctx, id);
}

/** TR-1: the traveller reports days beyond the itinerary (before or after it) for approval. */
export async function requestExtension(ctx: Ctx, id: number, body: TExtensionRequest): Promise<TTravelRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await requestFor(ctx, id, db);
    assertTraveller(ctx.actor, row);
    if (row.version !== body.version) throw repo.conflict('travel_requests');
    if (row.status !== 'approved') throw illegal('Only an approved trip can be extended');
    if (row.extension_status === 'requested') throw illegal('An extension is already waiting for a decision');
    if (body.startDate >= row.start_date && body.endDate <= row.end_date)
      throw invalidValue('body.endDate', 'these days are within the itinerary; report days beyond it', 'TR-1');
    // TR-1: the extra days adjoin the itinerary (a gap between them would be days away nobody reported).
    if (body.startDate > addDaysToDate(row.end_date, 1))
      throw invalidValue('body.startDate', `the extra days start right after the itinerary (by ${addDaysToDate(row.end_date, 1)})`, 'TR-1');
    if (body.endDate < addDaysToDate(row.start_date, -1))
      throw invalidValue(
        'body.endDate',
        `the extra days end right before the itinerary (from ${addDaysToDate(row.start_date, -1)})`,
        'TR-1',
      );
    const first = body.startDate < row.start_date ? body.startDate : row.start_date;
    const last = body.endDate > row.end_date ? body.endDate : row.end_date;
    if (daysInclusive(first, last) > MAX_TRIP_DAYS)
      throw invalidValue('body.endDate', `a trip lasts at most ${MAX_TRIP_DAYS} days`, 'TR-1');
    const set = {
      extension_start_date: body.startDate,
      extension_end_date: body.endDate,
      extension_reason: body.reason,
      extension_status: 'requested',
      extension_decided_by: null,
      extension_decided_at: null,
    };
    await repo.bumpRow(db, 'travel_requests', id, body.version, set, at);
    await recordAudit(db, ctx, { action: 'travel.extension.request', entity: 'travel_request', entityId: id, after: set });
    await tellApprovers(db, at, row, 'travel.extraDaysReported', { name: ctx.actor.name, start: body.startDate, end: body.endDate });
  });
  return getRequest(ctx, id);
}

export async function decideExtension(ctx: Ctx, id: number, body: TApprovalDecision): Promise<TTravelRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await requestFor(ctx, id, db);
    assertNotOwn(ctx.actor, row);
    if (row.version !== body.version) throw repo.conflict('travel_requests');
    if (row.extension_status !== 'requested') throw illegal('There is no extension waiting for a decision');
    const set = { extension_status: body.approve ? 'approved' : 'rejected', extension_decided_by: ctx.actor.id, extension_decided_at: at };
    await repo.bumpRow(db, 'travel_requests', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'travel.extension.decide',
      entity: 'travel_request',
      entityId: id,
      before: { extension_status: row.extension_status },
      after: set,
    });
    await tellTraveller(db, at, row, body.approve ? 'travel.extensionApproved' : 'travel.extensionRejected');
  });
  return getRequest(ctx, id);
}

/** The window a trip's days may fall in: the itinerary plus an approved extension (TR-1). */
export function tripWindow(
  row: Pick<repo.RequestRow, 'start_date' | 'end_date' | 'extension_status' | 'extension_start_date' | 'extension_end_date'>,
) {
  const ext =
    row.extension_status === 'approved'
      ? { s: row.extension_start_date ?? row.start_date, e: row.extension_end_date ?? row.end_date }
      : null;
  return {
    startDate: ext && ext.s < row.start_date ? ext.s : row.start_date,
    endDate: ext && ext.e > row.end_date ? ext.e : row.end_date,
  };
}
