import {
  type TReasonParams,
  type TPersonnelNews,
  type CompiledCalendar,
  type TChangeRequestSubmit,
  type TDueFacts,
  type TExplanation,
  type TChangeHandoverItem,
  type THandoverStart,
  type THandoverTick,
  type TNewcomerTest,
  type TPersonnelChange,
  type TPersonnelChangeListQuery,
  type TPersonnelDecision,
  type TPersonnelNoticeCreate,
  type TPersonnelRefusal,
  type TReplacementCreate,
  checkChangeDate,
  checkHandover,
  checkNotice,
  checkReplacementDate,
  checkRequestTiming,
  localDateInZone,
  replacementDue,
  requestDeadline,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, invalidValue, notFound, refuse, versionConflict } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { type Upload, acceptFile, newStorageKey } from '../../files';
import type { FileStorage } from '../../files/storage';
import { staffInScope, staffRows } from '../attendance/attendance.repository';
import { recordAudit } from '../audit/audit.service';
import { loadCalendar, loadDefaultCalendar } from '../calendars/calendars.service';
import { notify } from '../notifications/notifications.service';
import { cancelObligationsOf, fulfilObligation, openObligation } from '../obligations/obligations.service';
import { approversOf } from '../org/approvers';
import { policyOn } from '../policy/policy-in-force';
import { askClient, clientApproversOf } from './personnel.client';
import * as repo from './personnel.repository';
import { toApi } from './personnel.view';

/**
 * RS-6/RS-7 (issue 14 item 12): a change of a resident announced by the company a month ahead, or a replacement the
 * client IT office asks for (done within 15 working days); the change request with the newcomer's qualifications and
 * CV at least 12 working days before the change (the site's calendar); the company's then the client's approval; a
 * handover of at least 10 working days with its checklist; the client's optional test of the newcomer; the handover
 * confirmation form (工作交接确认表) signed by both residents and the client, archived as a PDF. Obligations track
 * the request's deadline (RS-6) and the replacement's (RS-7).
 */

export const SUBJECT = 'personnel_change';
export const link = (id: number) => `/personnel/changes/${id}`;
export const ITEM_NAMES: Record<TChangeHandoverItem, { zh: string; en: string }> = {
  operations_documents: { zh: '运维文档', en: 'operations documents' },
  status_report: { zh: '现状报告', en: 'status report' },
  onsite_training: { zh: '现场培训', en: 'on-site training' },
};

export type Checklist = Partial<Record<TChangeHandoverItem, { by: number; byName: string; at: string; note: string | null }>>;

const rejectWith = (r: TPersonnelRefusal) => refuse('rule_violation', r.reason as never, r.params, { ruleId: r.ruleId });
export const badStatus = (status: string) => refuse('illegal_transition', 'personnel.badStatus', { status });

/** The site's calendar (its own, else the company's) and today there. */

/** A new change has taken none of its later steps yet (decisions, handover, test, form). */
const STEPS_NOT_TAKEN = {
  company_decided_by: null,
  company_decided_at: null,
  company_comment: null,
  client_decided_by: null,
  client_decided_at: null,
  client_comment: null,
  handover_start: null,
  handover_end: null,
  test_passed: null,
  test_note: null,
  tested_by: null,
  tested_at: null,
  pdf_storage_key: null,
  pdf_sha256: null,
  completed_at: null,
} as const;
export async function siteCalendar(db: Db, calendarId: number | null): Promise<CompiledCalendar> {
  return (calendarId != null ? await loadCalendar(db, calendarId) : await loadDefaultCalendar(db)).compiled;
}
export const todayAt = (ctx: Ctx, cal: CompiledCalendar) => localDateInZone(cal.timeZone, ctx.clock.now().getTime());

export function dueFacts(
  row: Pick<repo.ChangeRow, 'kind' | 'change_date' | 'request_deadline' | 'notice_on' | 'due_date'>,
): TDueFacts | null {
  if (row.kind === 'change' && row.change_date && row.request_deadline)
    return { kind: 'personnel_change_request', event: row.change_date, dueDate: row.request_deadline };
  if (row.kind === 'replacement' && row.notice_on && row.due_date)
    return { kind: 'resident_replacement', event: row.notice_on, dueDate: row.due_date };
  return null;
}

export async function rowFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await repo.changeInScope(db, ctx.actor, id);
  if (!row) throw notFound('Personnel change');
  return row;
}

export async function getChange(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TPersonnelChange> {
  const row = await rowFor(ctx, id, db);
  const cal = await siteCalendar(db, row.site_calendar_id);
  return toApi(row, await repo.signaturesOf(db, id), todayAt(ctx, cal));
}

export async function listChanges(ctx: Ctx, q: TPersonnelChangeListQuery) {
  const rows = await repo.listChanges(ctx.db, ctx.actor, { status: q.status, kind: q.kind, afterId: cursorId(q.cursor), limit: q.limit });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  const today = todayAt(ctx, (await loadDefaultCalendar(ctx.db)).compiled);
  const out: TPersonnelChange[] = [];
  for (const r of items) out.push(toApi(r, await repo.signaturesOf(ctx.db, r.id), today));
  return { items: out, nextCursor };
}

/** The resident concerned: in the actor's scope (the company) or at the actor's site (the client), with a site. */
async function residentFor(ctx: Ctx, db: Db, userId: number) {
  const row = await staffInScope(db, ctx.actor, userId);
  if (!row) throw refuse('not_found', 'attendance.notStaff', { userId });
  if (row.site_id == null) throw refuse('rule_violation', 'personnel.notResident', { userId }, { ruleId: 'RS-6' });
  const open = await repo.openChangeOf(db, userId);
  if (open) throw refuse('conflict', 'personnel.openChange', { id: open.id });
  const site = await repo.siteRow(db, row.site_id);
  if (!site) throw refuse('not_found', 'attendance.noSuchSite');
  return { row, site, cal: await siteCalendar(db, site.calendar_id) };
}

const managersToAsk = (
  db: Db,
  r: { id: number; team_id: number | null; department_id: number | null },
  permission: 'personnel.manage' | 'personnel.approve',
) => approversOf(db, { user_id: r.id, team_id: r.team_id, department_id: r.department_id }, permission);

export const tell = (db: Db, at: string, userIds: number[], id: number, message: TPersonnelNews, params: TReasonParams = {}) =>
  userIds.length === 0
    ? Promise.resolve()
    : notify(db, at, {
        userIds,
        kind: 'personnel_change',
        message,
        params: { ...params, id },
        link: link(id),
      }).then(() => undefined);

/** RS-6: the company announces a change (人员变动通知) at least a month ahead; the change request becomes due. */
export async function announceChange(ctx: Ctx, body: TPersonnelNoticeCreate): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const { row, site, cal } = await residentFor(ctx, db, body.outgoingUserId);
    const today = todayAt(ctx, cal);
    const policy = await policyOn(db, today);
    const rules = policy.document.attendance;
    const notWorking = checkChangeDate(cal, body.changeDate);
    if (notWorking) throw rejectWith(notWorking);
    const notice = checkNotice(rules, policy.number, today, body.changeDate);
    if (notice.refusal) throw rejectWith(notice.refusal);
    const deadline = requestDeadline(rules, cal, body.changeDate);
    const timing = checkRequestTiming(rules, policy.number, cal, deadline, body.changeDate);
    const changeId = await repo.insertChange(db, {
      kind: 'change',
      status: 'notice',
      site_id: site.id,
      outgoing_user_id: row.id,
      incoming_user_id: null,
      incoming_name: null,
      qualifications: null,
      cv_storage_key: null,
      cv_file_name: null,
      cv_content_type: null,
      cv_size: null,
      cv_sha256: null,
      reason: body.reason,
      reason_kind: null,
      notice_on: today,
      change_date: body.changeDate,
      request_deadline: deadline,
      requested_on: null,
      due_date: null,
      ...STEPS_NOT_TAKEN,
      obligation_owner_id: ctx.actor.id,
      explanations: JSON.stringify([notice.explanation, timing.explanation]),
      policy_version: policy.number,
      team_id: row.team_id,
      department_id: row.department_id,
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, { action: 'personnel.change.announce', entity: SUBJECT, entityId: changeId, after: { ...body, deadline } });
    const facts = dueFacts({ kind: 'change', change_date: body.changeDate, request_deadline: deadline, notice_on: today, due_date: null });
    if (facts)
      await openObligation(db, ctx, { facts, ownerId: ctx.actor.id, subject: { type: SUBJECT, id: changeId }, link: link(changeId) });
    await askClient(db, at, await clientApproversOf(db, site.id), 'clientReport.personnelNotice', {
      name: row.name,
      date: body.changeDate,
    });
    return changeId;
  });
  return getChange(ctx, id);
}

/** RS-7: the client IT office asks to replace a resident of its site; the company has 15 working days (policy). */
export async function requestReplacement(ctx: Ctx, body: TReplacementCreate): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const { row, site, cal } = await residentFor(ctx, db, body.outgoingUserId);
    const today = todayAt(ctx, cal);
    const policy = await policyOn(db, today);
    const due = replacementDue(policy.document.attendance, policy.number, cal, today);
    const owners = await managersToAsk(db, row, 'personnel.manage');
    const changeId = await repo.insertChange(db, {
      kind: 'replacement',
      status: 'client_requested',
      site_id: site.id,
      outgoing_user_id: row.id,
      incoming_user_id: null,
      incoming_name: null,
      qualifications: null,
      cv_storage_key: null,
      cv_file_name: null,
      cv_content_type: null,
      cv_size: null,
      cv_sha256: null,
      reason: body.reason,
      reason_kind: body.reasonKind,
      notice_on: today,
      change_date: null,
      request_deadline: null,
      requested_on: null,
      due_date: due.dueDate,
      ...STEPS_NOT_TAKEN,
      obligation_owner_id: owners[0] ?? null,
      explanations: JSON.stringify([due.explanation]),
      policy_version: policy.number,
      team_id: row.team_id,
      department_id: row.department_id,
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'personnel.replacement.request',
      entity: SUBJECT,
      entityId: changeId,
      after: { ...body, dueDate: due.dueDate },
    });
    const facts = dueFacts({ kind: 'replacement', change_date: null, request_deadline: null, notice_on: today, due_date: due.dueDate });
    if (facts && owners[0] != null)
      await openObligation(db, ctx, { facts, ownerId: owners[0], subject: { type: SUBJECT, id: changeId }, link: link(changeId) });
    await tell(db, at, owners, changeId, 'personnel.replaceAsked', { name: row.name, due: due.dueDate });
    return changeId;
  });
  return getChange(ctx, id);
}

const CV_TYPES = (type: string) => type === 'application/pdf' || type.startsWith('image/') || type.includes('officedocument');

/** RS-6: the newcomer's CV and qualification certificates (one file), before the request is filed. */
export async function uploadCv(ctx: Ctx, id: number, read: () => Promise<Upload>, storage: FileStorage): Promise<TPersonnelChange> {
  const row = await rowFor(ctx, id);
  if (row.status !== 'notice' && row.status !== 'client_requested') throw badStatus(row.status);
  const upload = await read();
  const file = acceptFile(upload, {
    accepts: CV_TYPES,
    unsupported: () => refuse('unsupported_media_type', 'personnel.cvType'),
  });
  const key = newStorageKey(ctx.clock.now());
  await storage.put(key, file.data);
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const current = await rowFor(ctx, id, db);
    const set = {
      cv_storage_key: key,
      cv_file_name: file.fileName,
      cv_content_type: file.contentType,
      cv_size: file.size,
      cv_sha256: file.sha256,
    };
    await repo.bumpChange(db, id, current.version, set, at);
    await recordAudit(db, ctx, {
      action: 'personnel.change.cv',
      entity: SUBJECT,
      entityId: id,
      after: { fileName: file.fileName, sha256: file.sha256 },
    });
  });
  return getChange(ctx, id);
}

export async function readCv(ctx: Ctx, id: number, storage: FileStorage) {
  const row = await rowFor(ctx, id);
  if (!row.cv_storage_key) throw notFound('CV');
  return {
    fileName: row.cv_file_name ?? 'cv',
    contentType: row.cv_content_type ?? 'application/octet-stream',
    data: await storage.read(row.cv_storage_key),
  };
}

/**
 * RS-6: the change request (人员变更申请) with the newcomer and the CV, at least 12 working days (policy) before the
 * change on the site's calendar — 422 RS-6 when later. RS-7: the change date the company proposes lies on or before
 * the replacement's due date — 422 RS-7 when later.
 */
export async function submitRequest(ctx: Ctx, id: number, body: TChangeRequestSubmit): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await rowFor(ctx, id, db);
    if (row.status !== 'notice' && row.status !== 'client_requested') throw badStatus(row.status);
    if (row.version !== body.version) throw versionConflict('The personnel change');
    if (!row.cv_storage_key)
      throw refuse('rule_violation', 'personnel.cvMissing', {}, { ruleId: row.kind === 'replacement' ? 'RS-7' : 'RS-6' });
    const cal = await siteCalendar(db, row.site_calendar_id);
    const today = todayAt(ctx, cal);
    const policy = await policyOn(db, today);
    const explanations = JSON.parse(row.explanations) as TExplanation[];
    let changeDate = row.change_date;
    if (row.kind === 'change') {
      if (!changeDate) throw badStatus(row.status);
      const timing = checkRequestTiming(policy.document.attendance, policy.number, cal, today, changeDate);
      if (timing.refusal) throw rejectWith(timing.refusal);
      explanations.push(timing.explanation);
    } else {
      if (!body.changeDate) throw invalidValue('body.changeDate', 'name the date the newcomer takes over', 'RS-7');
      changeDate = body.changeDate;
      const notWorking = checkChangeDate(cal, changeDate);
      if (notWorking) throw rejectWith({ ...notWorking, ruleId: 'RS-7' });
      const late = checkReplacementDate(row.due_date ?? changeDate, changeDate);
      if (late) throw rejectWith(late);
    }
    if (body.incomingUserId !== undefined) {
      const [incoming] = await staffRows(db, { ids: [body.incomingUserId] });
      if (!incoming || incoming.id === row.outgoing_user_id) throw invalidValue('body.incomingUserId', 'no such active member of staff');
    }
    const set = {
      status: 'requested',
      incoming_user_id: body.incomingUserId ?? null,
      incoming_name: body.incomingName,
      qualifications: body.qualifications,
      change_date: changeDate,
      requested_on: at,
      explanations: JSON.stringify(explanations),
    };
    await repo.bumpChange(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'personnel.change.request',
      entity: SUBJECT,
      entityId: id,
      before: { status: row.status },
      after: { ...body, changeDate },
    });
    const facts = dueFacts(row);
    if (row.kind === 'change' && facts && row.obligation_owner_id != null)
      await fulfilObligation(db, ctx, {
        facts,
        ownerId: row.obligation_owner_id,
        subject: { type: SUBJECT, id },
        link: link(id),
        receivedAt: at,
        evidence: { type: SUBJECT, id },
      });
    const [outgoing] = await staffRows(db, { ids: [row.outgoing_user_id] });
    if (outgoing)
      await tell(db, at, await managersToAsk(db, outgoing, 'personnel.approve'), id, 'personnel.toApprove', {
        outgoing: row.outgoing_name,
        incoming: body.incomingName,
      });
  });
  return getChange(ctx, id);
}

/** RS-6: the company approves (never a change of their own); then the client IT office of the site, when it has one. */
export async function companyDecide(ctx: Ctx, id: number, body: TPersonnelDecision): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await rowFor(ctx, id, db);
    if (row.outgoing_user_id === ctx.actor.id || row.incoming_user_id === ctx.actor.id) throw refuse('forbidden', 'personnel.ownDecision');
    if (row.status !== 'requested') throw badStatus(row.status);
    const client = body.approve ? await clientApproversOf(db, row.site_id) : [];
    const status = !body.approve ? 'rejected' : client.length > 0 ? 'company_approved' : 'approved';
    const set = { status, company_decided_by: ctx.actor.id, company_decided_at: at, company_comment: body.comment ?? null };
    await repo.bumpChange(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: `personnel.change.company_${body.approve ? 'approve' : 'reject'}`,
      entity: SUBJECT,
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    if (status === 'rejected') await cancelObligationsOf(db, ctx, { type: SUBJECT, id }, 'rejected');
    if (status === 'company_approved')
      await askClient(db, at, client, 'client.personnelChange', { outgoing: row.outgoing_name, incoming: row.incoming_name ?? '' });
    await tell(db, at, [row.created_by], id, status === 'rejected' ? 'personnel.companyRejected' : 'personnel.companyApproved');
  });
  return getChange(ctx, id);
}

/** RS-6: the client IT office of the site gives the second approval. */
export async function clientDecide(ctx: Ctx, id: number, body: TPersonnelDecision): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await rowFor(ctx, id, db);
    if (row.site_id !== ctx.actor.siteId) throw forbidden('Only the client IT office of this site decides');
    if (row.status !== 'company_approved') throw refuse('illegal_transition', 'personnel.noClientApproval');
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      client_decided_by: ctx.actor.id,
      client_decided_at: at,
      client_comment: body.comment ?? null,
    };
    await repo.bumpChange(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: `personnel.change.client_${body.approve ? 'approve' : 'reject'}`,
      entity: SUBJECT,
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    if (!body.approve) await cancelObligationsOf(db, ctx, { type: SUBJECT, id }, 'rejected by the client');
    await tell(
      db,
      at,
      [row.created_by, ...(row.company_decided_by ? [row.company_decided_by] : [])],
      id,
      body.approve ? 'personnel.clientApproved' : 'personnel.clientRejected',
    );
  });
  return getChange(ctx, id);
}

/** RS-6/RS-7: the handover starts after both approvals and lasts at least 10 working days (policy) of the site. */
export async function startHandover(ctx: Ctx, id: number, body: THandoverStart): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await rowFor(ctx, id, db);
    if (row.status !== 'approved') throw refuse('illegal_transition', 'personnel.handoverBeforeApproval');
    const cal = await siteCalendar(db, row.site_calendar_id);
    const policy = await policyOn(db, body.start);
    const check = checkHandover(policy.document.attendance, policy.number, cal, row.kind as 'change' | 'replacement', body.start, body.end);
    if (check.refusal) throw rejectWith(check.refusal);
    const explanations = [...(JSON.parse(row.explanations) as TExplanation[]), check.explanation];
    const set = { status: 'handover', handover_start: body.start, handover_end: body.end, explanations: JSON.stringify(explanations) };
    await repo.bumpChange(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'personnel.handover.start',
      entity: SUBJECT,
      entityId: id,
      before: { status: row.status },
      after: { start: body.start, end: body.end },
    });
    await tell(db, at, [row.outgoing_user_id, ...(row.incoming_user_id ? [row.incoming_user_id] : [])], id, 'personnel.handover', {
      start: body.start,
      end: body.end,
    });
  });
  return getChange(ctx, id);
}

/** RS-6: an item of the handover checklist is done (operations documents, status report, on-site training). */
export async function tickChecklist(ctx: Ctx, id: number, body: THandoverTick): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await rowFor(ctx, id, db);
    if (row.status !== 'handover') throw badStatus(row.status);
    const checklist = JSON.parse(row.checklist) as Checklist;
    checklist[body.item] = { by: ctx.actor.id, byName: ctx.actor.name, at, note: body.note ?? null };
    await repo.bumpChange(db, id, body.version, { checklist: JSON.stringify(checklist) }, at);
    await recordAudit(db, ctx, {
      action: 'personnel.handover.tick',
      entity: SUBJECT,
      entityId: id,
      after: { item: body.item, note: body.note ?? null },
    });
  });
  return getChange(ctx, id);
}

/** RS-6: the client may test the newcomer; the result is recorded. */
export async function recordTest(ctx: Ctx, id: number, body: TNewcomerTest): Promise<TPersonnelChange> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await rowFor(ctx, id, db);
    if (row.site_id !== ctx.actor.siteId) throw forbidden('Only the client IT office of this site tests the newcomer');
    if (row.status !== 'approved' && row.status !== 'handover') throw badStatus(row.status);
    const set = { test_passed: body.passed ? 1 : 0, test_note: body.note, tested_by: ctx.actor.id, tested_at: at };
    await repo.bumpChange(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'personnel.newcomer.test',
      entity: SUBJECT,
      entityId: id,
      after: { passed: body.passed, note: body.note },
    });
    await tell(db, at, [row.created_by], id, body.passed ? 'personnel.testPassed' : 'personnel.testFailed');
  });
  return getChange(ctx, id);
}

/** Who may sign in a role: the outgoing or incoming resident themself (a manager records a newcomer without an account), the client IT office of the site. */
export function maySign(ctx: Ctx, row: repo.ChangeRow, role: 'outgoing' | 'incoming' | 'client'): boolean {
  if (role === 'outgoing') return row.outgoing_user_id === ctx.actor.id;
  if (role === 'incoming') return row.incoming_user_id != null ? row.incoming_user_id === ctx.actor.id : can(ctx.actor, 'personnel.manage');
  return can(ctx.actor, 'personnel.client') && row.site_id === ctx.actor.siteId;
}
