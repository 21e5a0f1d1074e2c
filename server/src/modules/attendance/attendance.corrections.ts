import {
  phraseOf,
  type TAbsenceReportCreate,
  type TCorrection,
  type TCorrectionCreate,
  type TCorrectionDecision,
  type TCorrectionListQuery,
  localDateInZone,
  localInstant,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse, versionConflict } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { approversOf } from '../org/approvers';
import { assertMonthOpen, bookAdjustment, isMonthClosed } from '../months/months.service';
import { askClient, clientApproversOf } from '../personnel/personnel.client';
import { peopleOf } from './attendance.evaluation';
import * as repo from './attendance.repository';
import { refreshDay } from './attendance.service';

/**
 * Item 3: corrections (补卡: forgot to punch, machine down) requested with a reason and decided by the lead; the raw
 * punches are never edited — an approved correction counts as a punch of its own in the evaluation. A correction for
 * a closed month is refused (409 months.closed); one approved after its month closed is booked as an adjustment of
 * the next open month. Item 5: absences reported by the lead (RS-3: left without permission, a stand-in found by a
 * spot check, overstayed leave; AT-3: unreachable, no travel report).
 */

const toCorrection = (r: repo.CorrectionRow): TCorrection => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  date: r.date,
  time: r.time,
  at: r.at,
  reason: r.reason,
  status: r.status as TCorrection['status'],
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  decisionComment: r.decision_comment,
  adjustmentId: r.adjustment_id,
  clientStatus: r.client_status as TCorrection['clientStatus'],
  createdAt: r.created_at,
  version: r.version,
});

export async function requestCorrection(ctx: Ctx, body: TCorrectionCreate): Promise<TCorrection> {
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  const id = await ctx.db.transaction().execute(async (db) => {
    const [me] = await repo.staffRows(db, { ids: [ctx.actor.id] });
    if (!me) throw refuse('forbidden', 'attendance.notStaff', { userId: ctx.actor.id });
    const [person] = await peopleOf(db, [me]);
    await assertMonthOpen(db, body.date);
    const instant = localInstant(person.cal.timeZone, body.date, body.time);
    if (instant > nowMs)
      throw refuse('rule_violation', 'attendance.futureCorrection', { date: body.date, time: body.time }, { ruleId: 'RS-1' });
    if (await repo.correctionExists(db, me.id, body.date, body.time))
      throw refuse('conflict', 'attendance.correctionExists', { date: body.date, time: body.time });
    const row = await repo.insertCorrection(db, {
      user_id: me.id,
      date: body.date,
      time: body.time,
      at: new Date(instant).toISOString(),
      reason: body.reason,
      status: 'submitted',
      site_id: me.site_id,
      team_id: me.team_id,
      department_id: me.department_id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, { action: 'attendance.correction.request', entity: 'attendance_correction', entityId: row.id, after: body });
    const approvers = await approversOf(db, { user_id: me.id, team_id: me.team_id, department_id: me.department_id }, 'attendance.approve');
    await notify(db, at, {
      userIds: approvers,
      kind: 'attendance_correction',
      message: 'attendance.correctionAsked',
      params: { name: me.name, date: body.date, time: body.time, reason: body.reason },
      link: '/attendance/corrections',
    });
    return row.id;
  });
  return toCorrection(await repo.correctionQuery(ctx.db).where('c.id', '=', id).executeTakeFirstOrThrow());
}

export async function listCorrections(ctx: Ctx, q: TCorrectionListQuery) {
  let query = repo.correctionQuery(ctx.db);
  if (q.view === 'mine') query = query.where('c.user_id', '=', ctx.actor.id);
  else {
    if (!can(ctx.actor, 'attendance.approve') && !can(ctx.actor, 'attendance.read')) throw forbidden();
    query = query.where('c.user_id', '!=', ctx.actor.id).where((eb) => repo.attendanceScope(eb, ctx.actor, 'c'));
    if (q.view === 'inbox') query = query.where('c.status', '=', 'submitted');
  }
  if (q.status) query = query.where('c.status', '=', q.status);
  const after = cursorId(q.cursor);
  if (after !== null) query = query.where('c.id', '<', after);
  const rows = await query
    .orderBy('c.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(toCorrection), nextCursor };
}

/**
 * An approved correction counts from now: booked as an adjustment of the next open month when its month closed,
 * and its day evaluated again (after the row is updated).
 */
async function bookIfClosed(db: Db, ctx: Ctx, c: repo.CorrectionRow): Promise<number | null> {
  const month = c.date.slice(0, 7);
  if (!(await isMonthClosed(db, month))) return null;
  const adj = await bookAdjustment(db, ctx, {
    userId: c.user_id,
    kind: 'attendance_correction',
    ruleId: 'RS-1',
    fact: { type: 'attendance_correction', id: c.id, month },
    explanation: {
      'zh-CN': `${c.date} ${c.time} 补卡已批准，但 ${month} 已结账：作为调整记入本月`,
      en: `Punch correction ${c.date} ${c.time} approved after ${month} closed: booked as an adjustment`,
    },
    delta: { date: c.date, time: c.time },
  });
  return adj.id;
}

async function refreshCorrectionDay(db: Db, c: repo.CorrectionRow, nowMs: number) {
  const [row] = await repo.staffRows(db, { ids: [c.user_id] });
  if (row) await refreshDay(db, (await peopleOf(db, [row]))[0], c.date, nowMs);
}

type TDecision =
  'attendance.approved' | 'attendance.rejected' | 'attendance.leadApproved' | 'attendance.clientApproved' | 'attendance.clientRejected';
const tellApplicant = (db: Db, at: string, c: repo.CorrectionRow, decision: TDecision, comment: string | null) =>
  notify(db, at, {
    userIds: [c.user_id],
    kind: 'attendance_correction',
    message: 'attendance.correctionDecided',
    params: { date: c.date, time: c.time, decision: phraseOf(decision), comment: comment ?? '' },
    link: '/attendance/month',
  });

/**
 * The lead decides (attendance.approve, within scope, never their own); the day is evaluated again. Item 3/RS-4b: a
 * resident's correction approved by the lead then waits for the client IT office of the site (client_status pending)
 * and counts only once the client approved it too.
 */
export async function decideCorrection(ctx: Ctx, id: number, body: TCorrectionDecision): Promise<TCorrection> {
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  await ctx.db.transaction().execute(async (db) => {
    const c = await repo
      .correctionQuery(db)
      .where('c.id', '=', id)
      .where((eb) => repo.attendanceScope(eb, ctx.actor, 'c'))
      .executeTakeFirst();
    if (!c) throw notFound('Correction');
    if (c.user_id === ctx.actor.id) throw refuse('forbidden', 'attendance.ownCorrection');
    if (c.status !== 'submitted') throw refuse('illegal_transition', 'attendance.correctionDecided', { status: c.status });
    if (c.version !== body.version) throw versionConflict('The correction');
    const status = body.approve ? 'approved' : 'rejected';
    const client = body.approve ? await clientApproversOf(db, c.site_id) : [];
    const clientStatus = client.length > 0 ? 'pending' : null;
    const adjustmentId = body.approve && !clientStatus ? await bookIfClosed(db, ctx, c) : null;
    const updated = await repo.updateCorrectionAtVersion(db, id, c.version, {
      status,
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
      adjustment_id: adjustmentId,
      client_status: clientStatus,
      updated_at: at,
      version: c.version + 1,
    });
    if (!updated) throw versionConflict('The correction');
    await recordAudit(db, ctx, {
      action: `attendance.correction.${body.approve ? 'approve' : 'reject'}`,
      entity: 'attendance_correction',
      entityId: id,
      before: { status: c.status },
      after: { status, comment: body.comment ?? null, adjustmentId, clientStatus },
    });
    await refreshCorrectionDay(db, c, nowMs);
    if (clientStatus) {
      await askClient(db, at, client, 'client.correction', { name: c.user_name, date: c.date, time: c.time });
      await tellApplicant(db, at, c, 'attendance.leadApproved', body.comment ?? null);
    } else await tellApplicant(db, at, c, body.approve ? 'attendance.approved' : 'attendance.rejected', body.comment ?? null);
  });
  return toCorrection(await repo.correctionQuery(ctx.db).where('c.id', '=', id).executeTakeFirstOrThrow());
}

/** Item 3/RS-4b: the client IT office of the resident's site gives the second approval; only then the correction counts. */
export async function decideCorrectionAsClient(ctx: Ctx, id: number, body: TCorrectionDecision): Promise<TCorrection> {
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  await ctx.db.transaction().execute(async (db) => {
    const c = await repo
      .correctionQuery(db)
      .where('c.id', '=', id)
      .where('c.site_id', '=', ctx.actor.siteId ?? -1)
      .executeTakeFirst();
    if (!c) throw notFound('Correction');
    if (c.status !== 'approved' || c.client_status !== 'pending') throw refuse('illegal_transition', 'personnel.noClientApproval');
    if (c.version !== body.version) throw versionConflict('The correction');
    const adjustmentId = body.approve ? await bookIfClosed(db, ctx, c) : null;
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      client_status: body.approve ? 'approved' : 'rejected',
      client_decided_by: ctx.actor.id,
      client_decided_at: at,
      client_comment: body.comment ?? null,
      adjustment_id: adjustmentId,
    };
    const updated = await repo.updateCorrectionAtVersion(db, id, c.version, { ...set, updated_at: at, version: c.version + 1 });
    if (!updated) throw versionConflict('The correction');
    await recordAudit(db, ctx, {
      action: `attendance.correction.client_${body.approve ? 'approve' : 'reject'}`,
      entity: 'attendance_correction',
      entityId: id,
      before: { status: c.status, clientStatus: c.client_status },
      after: set,
    });
    await refreshCorrectionDay(db, c, nowMs);
    await tellApplicant(db, at, c, body.approve ? 'attendance.clientApproved' : 'attendance.clientRejected', body.comment ?? null);
  });
  return toCorrection(await repo.correctionQuery(ctx.db).where('c.id', '=', id).executeTakeFirstOrThrow());
}

/** RS-3/AT-3 (item 5): an absence reported by the lead within their scope; the day counts as absent. */
export async function reportAbsence(ctx: Ctx, body: TAbsenceReportCreate) {
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  return ctx.db.transaction().execute(async (db) => {
    const row = await repo.staffInScope(db, ctx.actor, body.userId);
    if (!row) throw refuse('not_found', 'attendance.notStaff', { userId: body.userId });
    const [person] = await peopleOf(db, [row]);
    if (body.date > localDateInZone(person.cal.timeZone, nowMs))
      throw refuse('rule_violation', 'attendance.futureReport', { date: body.date }, { ruleId: 'RS-3' });
    await assertMonthOpen(db, body.date);
    const inserted = await repo.insertAbsenceReport(db, {
      user_id: row.id,
      date: body.date,
      kind: body.kind,
      note: body.note,
      reported_by: ctx.actor.id,
      site_id: row.site_id,
      team_id: row.team_id,
      department_id: row.department_id,
      created_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'attendance.absence.report',
      entity: 'attendance_absence_report',
      entityId: inserted.id,
      after: body,
    });
    await refreshDay(db, person, body.date, nowMs);
    return {
      id: inserted.id,
      userId: row.id,
      date: body.date,
      kind: body.kind,
      note: body.note,
      reportedByName: ctx.actor.name,
      createdAt: at,
    };
  });
}
