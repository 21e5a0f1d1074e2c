import {
  phraseOf,
  type TReasonParams,
  type TLeaveNews,
  type TLeaveDecision,
  type TLeaveListQuery,
  type TLeavePolicy,
  type TLeaveRequest,
  type ZLeaveRequestCreate,
  addDaysToDate,
  assessLeave,
  leaveAllowedActions,
} from '@techserve/core';
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { nowIso, todayOf } from '../../http/clock';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { AppError, fieldDetail, forbidden, invalidValue, notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { scopeFilter } from '../../http/scope';
import { recordAudit } from '../audit/audit.service';
import { loadCalendar, loadDefaultCalendar } from '../calendars/calendars.service';
import { notify } from '../notifications/notifications.service';
import { approversOf, managersOf } from '../org/approvers';
import { askClient, clientApproversOf } from '../personnel/personnel.client';
import { policyOn } from '../policy/policy-in-force';
import * as repo from './leave.repository';

export type TLeaveCreateBody = z.output<typeof ZLeaveRequestCreate>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the scope applies to whichever query joins `leave_requests`.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;

const illegal = (message: string) => new AppError('illegal_transition', message);

function assertLeaveReader(actor: Actor) {
  if (!can(actor, 'leave.request') && !can(actor, 'leave.approve'))
    throw forbidden('This needs the permission "leave.request" or "leave.approve"');
}

/**
 * Whose leave an actor sees: their own and the leave they stand in for; an approver (leave.approve) also the leave
 * within their data scope (team/department at filing). Leave is personal (sick leave above all), so holding only
 * leave.request never reaches others' leave, whatever the role's scope.
 */
function leaveScope(eb: Eb, actor: Actor): Cond {
  const mine = eb.or([eb('leave_requests.user_id', '=', actor.id), eb('leave_requests.stand_in_id', '=', actor.id)]);
  if (!can(actor, 'leave.approve')) return mine as Cond;
  return eb.or([
    mine,
    scopeFilter(eb, actor, { owner: 'leave_requests.user_id', team: 'leave_requests.team_id', department: 'leave_requests.department_id' }),
  ]) as Cond;
}

async function leaveFor(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: Db = ctx.db) {
  assertLeaveReader(ctx.actor);
  const row = await repo
    .leaveQuery(db)
    .where('leave_requests.id', '=', id)
    .where((eb) => leaveScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound('Leave request');
  return row;
}

const typeNameOf = (policy: TLeavePolicy, typeId: string) =>
  policy.types.find((t) => t.id === typeId)?.name ?? { 'zh-CN': typeId, en: typeId };

/** A leave as its reader sees it: with what they may do now (core's leaveAllowedActions, the rules enforced below). */
export async function toApi(ctx: Ctx, row: repo.LeaveRow, db: Db = ctx.db): Promise<TLeaveRequest> {
  const policy = await policyOn(db, row.start_date);
  const leave = repo.toLeave(row, typeNameOf(policy.document.leave, row.type_id));
  const reader = { userId: ctx.actor.id, canApprove: can(ctx.actor, 'leave.approve') };
  return { ...leave, allowedActions: leaveAllowedActions(leave, reader, todayOf(ctx)) };
}

export async function getLeave(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TLeaveRequest> {
  return toApi(ctx, await leaveFor(ctx, id, db), db);
}

export async function listLeave(ctx: Ctx, q: TLeaveListQuery) {
  assertLeaveReader(ctx.actor);
  const after = cursorId(q.cursor);
  let query = repo.leaveQuery(ctx.db).where((eb) => leaveScope(eb, ctx.actor));
  if (q.view === 'mine') query = query.where('leave_requests.user_id', '=', ctx.actor.id);
  if (q.view === 'approvals') query = query.where('leave_requests.user_id', '!=', ctx.actor.id);
  if (q.status) query = query.where('leave_requests.status', '=', q.status);
  if (after !== null) query = query.where('leave_requests.id', '<', after);
  const rows = await query
    .orderBy('leave_requests.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await Promise.all(items.map((r) => toApi(ctx, r))), nextCursor };
}

const tell = (db: Db, at: string, userIds: number[], id: number, message: TLeaveNews, params: TReasonParams = {}, kind = 'leave_update') =>
  notify(db, at, {
    userIds,
    kind,
    message,
    params: { ...params, id },
    link: `/leave/${id}`,
  });

/**
 * RS-4/AT-4/AT-4b: file a leave — always one's own (no proxy or cross requests: the applicant is the signed-in
 * user). The policy in force on its first day decides the type, the notice needed and whether a late request is
 * accepted (then valid only with the superior's approval), personal leave's longest request and annual leave by
 * years of service from the hire date; the period is counted in working days on the applicant's own calendar (a
 * resident's client site calendar); a stand-in covers the duties when the policy asks; an extension (extendsId)
 * continues an approved leave of one's own and needs approval unless the policy lets it pass. The superiors who may
 * decide are asked (or told, for an extension that passes).
 */
export async function createLeave(ctx: Ctx, body: TLeaveCreateBody): Promise<TLeaveRequest> {
  const at = nowIso(ctx.clock);
  const policy = await policyOn(ctx.db, body.startDate);
  const rules = policy.document.leave;
  const applicant = await repo.applicantOf(ctx.db, ctx.actor.id);
  const { compiled } = applicant.site_calendar_id
    ? await loadCalendar(ctx.db, applicant.site_calendar_id)
    : await loadDefaultCalendar(ctx.db);
  const assessed = assessLeave(rules, policy.number, compiled, {
    typeId: body.typeId,
    startDate: body.startDate,
    endDate: body.endDate,
    filedOn: todayOf(ctx),
    emergency: body.emergency,
    hireDate: applicant.hire_date,
    annualUsedDays: await repo.annualDaysAskedFor(ctx.db, ctx.actor.id, 'annual', body.startDate.slice(0, 4)),
    extension: body.extendsId != null,
  });
  const refusal = assessed.refusal;
  if (refusal?.reason)
    throw refuse('rule_violation', refusal.reason, refusal.params, {
      ruleId: refusal.ruleId,
      details: [fieldDetail(refusal.path, refusal.reason, refusal.params)],
    });
  if (refusal)
    throw new AppError('rule_violation', `${refusal.ruleId}: ${refusal.message}`, {
      ruleId: refusal.ruleId,
      details: [{ path: refusal.path, message: refusal.message }],
    });
  const standInId = body.standInId ?? null;
  if (rules.standInRequired && standInId == null)
    throw invalidValue('body.standInId', 'name who covers your duties while you are away', 'RS-4');

  const id = await ctx.db.transaction().execute(async (db) => {
    if (standInId != null) {
      if (standInId === ctx.actor.id) throw invalidValue('body.standInId', 'you cannot stand in for yourself', 'RS-4');
      const standIn = await repo.activeUserRow(db, standInId);
      if (!standIn || standIn.customer_id != null) throw invalidValue('body.standInId', 'no such active member of staff', 'RS-4');
    }
    if (body.extendsId != null) {
      const base = await repo.leaveBaseRow(db, body.extendsId);
      if (!base || base.user_id !== ctx.actor.id)
        throw refuse('rule_violation', 'leave.ownOnly', {}, { ruleId: 'AT-4b', details: [fieldDetail('body.extendsId', 'leave.ownOnly')] });
      if (base.status !== 'approved') throw invalidValue('body.extendsId', 'only an approved leave can be extended', 'RS-4');
      const next = addDaysToDate(base.end_date, 1);
      if (body.startDate !== next)
        throw invalidValue('body.startDate', `an extension starts the day after the leave it extends (${next})`, 'RS-4');
    }
    const overlap = await repo.overlappingLeave(db, ctx.actor.id, body.startDate, body.endDate);
    if (overlap)
      throw new AppError(
        'conflict',
        `You already asked for leave #${overlap.id} (${overlap.start_date}–${overlap.end_date}) on some of these days`,
        { details: [{ path: 'body.startDate', message: `overlaps leave #${overlap.id}` }] },
      );
    const filed = {
      user_id: ctx.actor.id,
      team_id: applicant.team_id,
      department_id: applicant.department_id ?? applicant.team_department_id ?? null,
    };
    // RS-4/AT-4b: with "extension needs approval" off, an on-time extension is granted as filed.
    const passes = !assessed.approvalNeeded;
    const row = await repo.insertLeave(db, {
      ...filed,
      status: passes ? 'approved' : 'submitted',
      decided_at: passes ? at : null,
      type_id: assessed.type.id,
      start_date: body.startDate,
      end_date: body.endDate,
      days: assessed.days,
      reason: body.reason,
      stand_in_id: standInId,
      contact_phone: body.contactPhone || null,
      emergency: body.emergency ? 1 : 0,
      late: assessed.late ? 1 : 0,
      required_notice_days: assessed.requiredNoticeDays,
      days_ahead: assessed.daysAhead,
      certificate_required: assessed.certificateRequired ? 1 : 0,
      extends_id: body.extendsId ?? null,
      explanation: JSON.stringify(assessed.explanation),
      policy_version: policy.number,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'leave.request.create',
      entity: 'leave_request',
      entityId: row.id,
      after: { ...body, days: assessed.days, late: assessed.late, status: passes ? 'approved' : 'submitted' },
    });
    const what = {
      name: ctx.actor.name,
      type: assessed.type.name,
      start: body.startDate,
      end: body.endDate,
      days: assessed.days,
      dayWord: phraseOf(assessed.days === 1 ? 'leave.day' : 'leave.days'),
    };
    const late = assessed.late ? phraseOf('leave.late') : body.emergency ? phraseOf('leave.emergency') : '';
    if (passes) await tell(db, at, await approversOf(db, filed, 'leave.approve'), row.id, 'leave.extended', what);
    else
      await tell(
        db,
        at,
        await approversOf(db, filed, 'leave.approve'),
        row.id,
        body.extendsId ? 'leave.askedExtension' : 'leave.asked',
        { ...what, late },
        'leave_approval',
      );
    // RS-4b: a resident's emergency is reported to the client IT office as well, which archives the form filed afterwards.
    if (body.emergency) await askClient(db, at, await clientApproversOf(db, applicant.site_id), 'clientReport.emergencyLeave', what);
    return row.id;
  });
  return getLeave(ctx, id);
}

/**
 * RS-4/AT-4: the superior approves or rejects a submitted leave (never their own); the applicant and the stand-in are
 * told. RS-4b: a resident's extension approved by the company then waits for the client IT office of the site
 * (client_status pending) and counts as leave only once the client approved it too.
 */
export async function decideLeave(ctx: Ctx, id: number, body: TLeaveDecision): Promise<TLeaveRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await leaveFor(ctx, id, db);
    if (row.user_id === ctx.actor.id) throw forbidden('You cannot approve your own leave');
    if (row.version !== body.version) throw repo.staleLeave();
    if (row.status !== 'submitted') throw illegal(`A ${row.status} leave request cannot be decided`);
    const client = body.approve && row.extends_id != null ? await clientApproversOf(db, row.applicant_site_id) : [];
    // AT-4b: business absences and outside study are decided by the applicant's own superiors only.
    const rules = (await policyOn(db, row.start_date)).document.leave;
    if (rules.superiorApprovalTypes.includes(row.type_id) && !(await managersOf(db, row.user_id)).includes(ctx.actor.id))
      throw refuse('forbidden', 'leave.superiorOnly', { type: typeNameOf(rules, row.type_id) }, { ruleId: 'AT-4b' });
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
      client_status: client.length > 0 ? 'pending' : null,
    };
    await repo.bumpLeave(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: body.approve ? 'leave.request.approve' : 'leave.request.reject',
      entity: 'leave_request',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    const note = body.comment ? phraseOf('common.note', { text: body.comment }) : '';
    if (set.client_status) {
      await askClient(db, at, client, 'client.leaveExtension', { name: row.user_name, start: row.start_date, end: row.end_date });
      await tell(db, at, [row.user_id], id, 'leave.companyApproved', { note });
      return;
    }
    await tell(db, at, [row.user_id], id, body.approve ? 'leave.approved' : 'leave.rejected', { note });
    if (body.approve) await tellStandIn(db, at, row);
  });
  return getLeave(ctx, id);
}

async function tellStandIn(db: Db, at: string, row: repo.LeaveRow) {
  if (!row.stand_in_id) return;
  await tell(db, at, [row.stand_in_id], row.id, 'leave.standIn', { start: row.start_date, end: row.end_date, name: row.user_name });
}

/** RS-4b: the client IT office of the resident's site approves (or rejects) an extension the company approved. */
export async function decideLeaveAsClient(ctx: Ctx, id: number, body: TLeaveDecision): Promise<TLeaveRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await repo
      .leaveQuery(db)
      .where('leave_requests.id', '=', id)
      .where('applicant.site_id', '=', ctx.actor.siteId ?? -1)
      .executeTakeFirst();
    if (!row) throw notFound('Leave request');
    if (row.status !== 'approved' || row.client_status !== 'pending') throw refuse('illegal_transition', 'personnel.noClientApproval');
    if (row.version !== body.version) throw repo.staleLeave();
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      client_status: body.approve ? 'approved' : 'rejected',
      client_decided_by: ctx.actor.id,
      client_decided_at: at,
      client_comment: body.comment ?? null,
    };
    await repo.bumpLeave(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: body.approve ? 'leave.request.client_approve' : 'leave.request.client_reject',
      entity: 'leave_request',
      entityId: id,
      before: { status: row.status, clientStatus: row.client_status },
      after: set,
    });
    const note = body.comment ? phraseOf('common.note', { text: body.comment }) : '';
    await tell(db, at, [row.user_id], id, body.approve ? 'leave.clientApproved' : 'leave.clientRejected', { note });
    if (body.approve) await tellStandIn(db, at, row);
  });
  // The client IT office reads the leave it decided through its site, not through leave's own scope.
  return toApi(ctx, await repo.leaveQuery(ctx.db).where('leave_requests.id', '=', id).executeTakeFirstOrThrow());
}

/** The applicant withdraws a leave: a submitted one at any time, an approved one before its first day. */
export async function cancelLeave(ctx: Ctx, id: number, version: number): Promise<TLeaveRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await leaveFor(ctx, id, db);
    if (row.user_id !== ctx.actor.id) throw forbidden('Only the applicant may withdraw a leave request');
    if (row.version !== version) throw repo.staleLeave();
    if (row.status !== 'submitted' && row.status !== 'approved') throw illegal(`A ${row.status} leave request cannot be withdrawn`);
    if (row.status === 'approved' && row.start_date <= todayOf(ctx))
      throw illegal('An approved leave that has begun cannot be withdrawn; report back to your superior instead');
    await repo.bumpLeave(db, id, version, { status: 'cancelled' }, at);
    await recordAudit(db, ctx, {
      action: 'leave.request.cancel',
      entity: 'leave_request',
      entityId: id,
      before: { status: row.status },
      after: { status: 'cancelled' },
    });
    if (row.status === 'approved') {
      const ids = await approversOf(db, row, 'leave.approve');
      await tell(db, at, row.stand_in_id ? [...ids, row.stand_in_id] : ids, id, 'leave.withdrawn', { name: row.user_name });
    }
  });
  return getLeave(ctx, id);
}

/** AT-4: the medical certificate of a sick leave was handed in (recorded by an approver or HR). */
export async function recordCertificate(ctx: Ctx, id: number, version: number): Promise<TLeaveRequest> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await leaveFor(ctx, id, db);
    if (row.user_id === ctx.actor.id) throw forbidden('Your own certificate is recorded by your superior or HR');
    if (row.version !== version) throw repo.staleLeave();
    if (!row.certificate_required) throw illegal('This leave needs no medical certificate');
    if (row.certificate_received_at) throw illegal('The certificate was already recorded');
    if (row.status !== 'approved' && row.status !== 'submitted') throw illegal(`A ${row.status} leave request takes no certificate`);
    await repo.bumpLeave(db, id, version, { certificate_received_at: at }, at);
    await recordAudit(db, ctx, {
      action: 'leave.certificate.record',
      entity: 'leave_request',
      entityId: id,
      after: { certificate_received_at: at },
    });
  });
  return getLeave(ctx, id);
}

/** How many stand-in candidates one search returns. */
const STAND_IN_LIMIT = 30;

/**
 * RS-4: the colleagues who may cover the applicant's duties — active staff (no customer contacts or client IT
 * office) of the applicant's department, or of the whole company when the applicant has none; the own team
 * first. Only names and employee numbers, so an engineer whose data scope is "own" can still pick a colleague.
 */
export async function standInCandidates(ctx: Ctx, q: string | undefined) {
  const me = await repo.userPlacement(ctx.db, ctx.actor.id);
  const department = me.department_id ?? me.team_department_id;
  const rows = await repo.standInCandidateRows(ctx.db, {
    exceptUserId: ctx.actor.id,
    department,
    text: q?.trim(),
    ownTeam: me.team_id ?? 0,
    limit: STAND_IN_LIMIT,
  });
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    employeeNo: r.employee_no,
    sameTeam: me.team_id != null && r.team_id === me.team_id,
  }));
  return { items };
}
