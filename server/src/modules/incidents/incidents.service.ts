import {
  type TReasonParams,
  type TExplanation,
  type TIncident,
  type TIncidentBasis,
  type TIncidentClass,
  type TIncidentCreate,
  type TIncidentListQuery,
  type TIncidentUpdate,
  type TIncidentAdjustmentCreate,
  type TAdjustment,
  explain,
  localDateOf,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { letterFor } from '../field/field.access.repository';
import { notify } from '../notifications/notifications.service';
import { approversOf } from '../org/approvers';
import { policyOn } from '../policy/policy-in-force';
import { ticketFor } from '../tickets/tickets.access';
import { assertMonthOpen, bookAdjustment } from '../months/months.service';
import { cancelObligationsOf } from '../obligations/obligations.service';
import { complaintFor } from './complaints.service';
import { documentObligations, documentsOf } from './incident-documents';
import { badField, illegalState, staffMember } from './incidents.shared';
import * as repo from './incidents.repository';

// IN-1..3: service incidents (服务事故). A Class I mobilises the supervisor and R&D at once; after resolution the
// engineer writes a reflection (事故反思) and the supervisor reviews it with the engineer and sends the incident notice
// (事故通报), each due by the policy on the company calendar.

const BASIS_TEXT: Record<TIncidentBasis, { zh: string; en: string }> = {
  complaint: { zh: '客户投诉', en: 'a customer complaint' },
  improperOperation: {
    zh: '操作不当或未按流程操作造成客户工作中断',
    en: "improper operation or not following the process interrupted the customer's work",
  },
  lateReport: {
    zh: '现场问题未及时反馈，公司须另派人员到现场',
    en: 'a site problem not reported in time forced the company to send someone else',
  },
};

export async function incidentFor(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: Db = ctx.db) {
  const row = await repo.findIncident(db, ctx.actor, id);
  if (!row) throw notFound('Incident');
  return row;
}

const classOf = (classes: TIncidentClass[], id: string) => classes.find((c) => c.id === id);

async function toIncident(db: Db, r: repo.IncidentRow, obligations: Awaited<ReturnType<typeof documentObligations>>): Promise<TIncident> {
  const policy = await policyOn(db, localDateOf(Date.parse(r.occurred_at)));
  const cls = classOf(policy.document.incidents.classes, r.class_id);
  return {
    id: r.id,
    classId: r.class_id as 'I' | 'II',
    className: cls?.name ?? { 'zh-CN': `${r.class_id} 类事故`, en: `Class ${r.class_id} incident` },
    basis: r.basis as TIncidentBasis,
    classExplanation: JSON.parse(r.class_explanation) as TExplanation,
    engineerId: r.engineer_id,
    engineerName: r.engineer_name,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    letterId: r.letter_id,
    complaintId: r.complaint_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    productId: r.product_id,
    productName: r.product_name,
    title: r.title,
    description: r.description,
    occurredAt: r.occurred_at,
    status: r.status as TIncident['status'],
    mobilisedAt: r.mobilised_at,
    alerted: JSON.parse(r.alerted) as TIncident['alerted'],
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
    documents: documentsOf(r, obligations),
    review: r.review_text,
    voidReason: r.void_reason,
    createdByName: r.creator_name,
    policyVersion: r.policy_version,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** Incidents as the API gives them, their documents' obligations read in one query. */
async function toIncidents(ctx: Ctx, rows: repo.IncidentRow[]): Promise<TIncident[]> {
  const obligations = await documentObligations(ctx.db, rows, ctx.clock.now().getTime());
  return Promise.all(rows.map((r) => toIncident(ctx.db, r, obligations)));
}

export async function getIncident(ctx: Ctx, id: number): Promise<TIncident> {
  return (await toIncidents(ctx, [await incidentFor(ctx, id)]))[0];
}

export async function listIncidents(ctx: Ctx, q: TIncidentListQuery) {
  const after = cursorId(q.cursor);
  const rows = await repo.listIncidentRows(ctx.db, ctx.actor, { ...q, mine: q.view === 'mine', after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await toIncidents(ctx, items), nextCursor };
}

/** IN-1/IN-2: the explanation of the class chosen, by the policy's definition it meets. */
function classExplanation(cls: TIncidentClass, basis: TIncidentBasis, policyVersion: number, complaintProposal: TExplanation | null) {
  const ruleId = cls.id === 'I' ? 'IN-1' : 'IN-2';
  const b = BASIS_TEXT[basis];
  return explain({
    ruleId,
    policyVersion,
    inputs: { classId: cls.id, basis, complaintProposal: complaintProposal?.result ?? null },
    result: cls.id,
    zh: `${cls.name['zh-CN']}（依据：${b.zh}）——${cls.definition['zh-CN']}${cls.mobiliseAllResources ? '；主管须立即调动全部资源（含研发）全力解决' : ''}${cls.reflectionRequired ? '；事故解决后须写出事故反思' : ''}`,
    en: `${cls.name.en} (basis: ${b.en}) — ${cls.definition.en}${cls.mobiliseAllResources ? '; the supervisor mobilises all resources, R&D included, at once' : ''}${cls.reflectionRequired ? '; a reflection is written after resolution' : ''}`,
  });
}

type Concerns = { ticketId: number | null; letterId: number | null; complaintId: number | null; productId: number | null };

/** What the incident concerns, checked in the actor's scope; gives the customer, product and region. */
async function concernedFacts(ctx: Ctx, db: Db, c: Concerns) {
  let customerId: number | null = null;
  let productId: number | null = c.productId;
  if (productId != null && !(await repo.productExists(db, productId)))
    throw badField('body.productId', 'incidents.noSuchProduct', {}, 'IN-1');
  let regionId: number | null = null;
  let proposal: TExplanation | null = null;
  if (c.complaintId != null) {
    const complaint = await complaintFor(ctx, c.complaintId, db).catch(() => null);
    if (!complaint) throw badField('body.complaintId', 'incidents.noSuchComplaint', {}, 'IN-1');
    customerId = complaint.customer_id;
    regionId = complaint.region_id;
    productId ??= complaint.product_id;
    proposal = JSON.parse(complaint.proposal_explanation) as TExplanation;
  }
  if (c.ticketId != null) {
    const visible = await ticketFor(ctx, c.ticketId, db).catch(() => null);
    if (!visible) throw badField('body.ticketId', 'incidents.noSuchTicket', {}, 'IN-1');
    customerId ??= visible.customer_id;
    productId ??= visible.product_id;
    regionId ??= visible.region_id;
  }
  if (c.letterId != null) {
    const visible = await letterFor(ctx, c.letterId, db).catch(() => null);
    if (!visible) throw badField('body.letterId', 'incidents.noSuchVisit', {}, 'IN-1');
    const facts = await repo.letterFacts(db, c.letterId);
    customerId ??= facts?.customer_id ?? null;
    productId ??= facts?.product_id ?? null;
    regionId ??= facts?.region_id ?? null;
  }
  return { customerId, productId, regionId, proposal };
}

/** IN-3: who owes the review and notice — the engineer's department manager, else their supervisor with incidents.manage. */
async function noticeOwner(db: Db, engineer: { id: number; teamId: number | null; departmentId: number | null }, fallback: number) {
  const manager = await repo.departmentManager(db, engineer.departmentId);
  if (manager && manager !== engineer.id) return manager;
  const approvers = await approversOf(
    db,
    { user_id: engineer.id, team_id: engineer.teamId, department_id: engineer.departmentId },
    'incidents.manage',
  );
  return approvers[0] ?? fallback;
}

export const incidentLink = (id: number) => `/incidents/${id}`;
type TIncidentNews =
  | 'incident.mobilise'
  | 'incident.recorded'
  | 'incident.reflectionDue'
  | 'incident.noticeDue'
  | 'incident.reflectionFiled'
  | 'incident.reviewFiled';
export const tellIncident = (
  db: Db,
  at: string,
  userIds: number[],
  id: number,
  message: TIncidentNews,
  params: TReasonParams = {},
  kind = 'incident',
) =>
  notify(db, at, {
    userIds,
    kind,
    message,
    params: { ...params, id },
    link: incidentLink(id),
  });

type NewIncident = TIncidentCreate & { classId: 'I' | 'II' };

/** Records an incident inside a transaction (shared by POST /incidents and a complaint's raise). */
export async function insertIncident(ctx: Ctx, db: Db, body: NewIncident, at: string): Promise<number> {
  // An incident is a fact of the month it occurred in: a closed month takes no new one (a correction is an adjustment).
  await assertMonthOpen(db, localDateOf(Date.parse(body.occurredAt)));
  const policy = await policyOn(db, localDateOf(Date.parse(body.occurredAt)));
  const cls = classOf(policy.document.incidents.classes, body.classId);
  if (!cls) throw badField('body.classId', 'incidents.noSuchClass', { classId: body.classId }, 'IN-1');
  const engineer = await staffMember(db, body.engineerId, 'body.engineerId', 'IN-1');
  const concerns = {
    ticketId: body.ticketId ?? null,
    letterId: body.letterId ?? null,
    complaintId: body.complaintId ?? null,
    productId: body.productId ?? null,
  };
  const facts = await concernedFacts(ctx, db, concerns);
  const explanation = classExplanation(cls, body.basis, policy.number, facts.proposal);
  const owner = await noticeOwner(db, engineer, ctx.actor.id);
  // IN-1: a Class I mobilises the supervisor(s) and R&D (the product's experts) at once.
  const alerted: TIncident['alerted'] = [];
  if (cls.mobiliseAllResources) {
    const supervisors = await approversOf(
      db,
      { user_id: engineer.id, team_id: engineer.teamId, department_id: engineer.departmentId },
      'incidents.manage',
    );
    const names = await repo.userNames(db, [...new Set([...supervisors, owner])]);
    for (const [id, name] of names) if (id !== engineer.id) alerted.push({ id, name, role: 'supervisor' });
    const experts = facts.productId != null ? await repo.productExperts(db, facts.productId) : [];
    for (const e of experts)
      if (!alerted.some((a) => a.id === e.id) && e.id !== engineer.id) alerted.push({ id: e.id, name: e.name, role: 'rnd' });
  }
  const row = {
    id: await repo.insertIncident(db, {
      class_id: cls.id,
      basis: body.basis,
      class_explanation: JSON.stringify(explanation),
      engineer_id: engineer.id,
      ticket_id: concerns.ticketId,
      letter_id: concerns.letterId,
      complaint_id: concerns.complaintId,
      customer_id: facts.customerId,
      product_id: facts.productId,
      title: body.title,
      description: body.description,
      occurred_at: new Date(body.occurredAt).toISOString(),
      status: 'open',
      mobilised_at: cls.mobiliseAllResources ? at : null,
      alerted: JSON.stringify(alerted),
      reflection_required: cls.reflectionRequired ? 1 : 0,
      notice_required: policy.document.incidents.noticeRequired ? 1 : 0,
      notice_owner_id: owner,
      team_id: engineer.teamId,
      department_id: engineer.departmentId,
      region_id: facts.regionId,
      created_by: ctx.actor.id,
      policy_version: policy.number,
      created_at: at,
      updated_at: at,
    }),
  };
  await recordAudit(db, ctx, { action: 'incident.create', entity: 'incident', entityId: row.id, after: { ...body, alerted } });
  if (alerted.length)
    await tellIncident(
      db,
      at,
      alerted.map((a) => a.id),
      row.id,
      'incident.mobilise',
      { class: cls.name, title: body.title, engineer: engineer.name },
      'incident_mobilise',
    );
  await tellIncident(db, at, [engineer.id], row.id, 'incident.recorded', { class: cls.name, title: body.title });
  return row.id;
}

/**
 * IN-1/IN-2: records an incident by the policy's definitions. Its class and the fact it concerns (a request, a visit or
 * a complaint) are required — refused with the rule otherwise — and nothing is saved on any refusal.
 */
export async function createIncident(ctx: Ctx, body: TIncidentCreate): Promise<TIncident> {
  if (!body.classId) throw badField('body.classId', 'incidents.classRequired', {}, 'IN-1');
  if (body.ticketId == null && body.letterId == null && body.complaintId == null)
    throw badField('body.ticketId', 'incidents.factRequired', {}, 'IN-1');
  if (Date.parse(body.occurredAt) > ctx.clock.now().getTime()) throw badField('body.occurredAt', 'incidents.inFuture', {}, 'IN-1');
  const at = nowIso(ctx.clock);
  const classId = body.classId;
  const id = await ctx.db.transaction().execute(async (db) => {
    const newId = await insertIncident(ctx, db, { ...body, classId }, at);
    if (body.complaintId != null) await repo.linkComplaintIncident(db, body.complaintId, newId, at, null);
    return newId;
  });
  return getIncident(ctx, id);
}

/** SR-14 → IN-1/IN-2: raises the incident a complaint proposes (or the class the manager chooses). */
export async function raiseFromComplaint(ctx: Ctx, complaintId: number, version: number, classId?: 'I' | 'II'): Promise<TIncident> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const c = await complaintFor(ctx, complaintId, db);
    if (c.version !== version) throw repo.staleComplaint();
    if (c.incident_id != null) throw refuse('conflict', 'complaints.incidentExists', { incidentId: c.incident_id }, { ruleId: 'SR-14' });
    const chosen = classId ?? (c.proposed_class as 'I' | 'II' | null);
    if (!chosen || c.about_user_id == null) throw badField('body.classId', 'complaints.noIncidentProposed', {}, 'SR-14');
    const newId = await insertIncident(
      ctx,
      db,
      {
        classId: chosen,
        basis: 'complaint',
        engineerId: c.about_user_id,
        ticketId: c.ticket_id,
        letterId: c.letter_id,
        complaintId: c.id,
        productId: c.product_id,
        title: c.subject,
        description: c.description,
        occurredAt: c.received_at,
      },
      at,
    );
    await repo.bump(db, 'complaints', c.id, version, { incident_id: newId }, at);
    await recordAudit(db, ctx, {
      action: 'complaint.raise_incident',
      entity: 'complaint',
      entityId: c.id,
      after: { incidentId: newId, classId: chosen },
    });
    return newId;
  });
  return getIncident(ctx, id);
}

/** Corrects an incident's class, basis, engineer (while open) or text, with the reason in the audit log. */
export async function updateIncident(ctx: Ctx, id: number, body: TIncidentUpdate): Promise<TIncident> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await incidentFor(ctx, id, db);
    if (row.version !== body.version) throw repo.staleIncident();
    if (row.status === 'void') throw illegalState(row.status);
    await assertMonthOpen(db, localDateOf(Date.parse(row.occurred_at)));
    const set: Record<string, unknown> = {};
    const policy = await policyOn(db, localDateOf(Date.parse(row.occurred_at)));
    const classId = body.classId ?? (row.class_id as 'I' | 'II');
    const basis = body.basis ?? (row.basis as TIncidentBasis);
    if (body.classId !== undefined || body.basis !== undefined) {
      const cls = classOf(policy.document.incidents.classes, classId);
      if (!cls) throw badField('body.classId', 'incidents.noSuchClass', { classId }, 'IN-1');
      Object.assign(set, { class_id: cls.id, basis, class_explanation: JSON.stringify(classExplanation(cls, basis, policy.number, null)) });
    }
    if (body.engineerId !== undefined && body.engineerId !== row.engineer_id) {
      if (row.status !== 'open') throw illegalState(row.status);
      const engineer = await staffMember(db, body.engineerId, 'body.engineerId', 'IN-1');
      Object.assign(set, { engineer_id: engineer.id, team_id: engineer.teamId, department_id: engineer.departmentId });
    }
    if (body.title !== undefined) set.title = body.title;
    if (body.description !== undefined) set.description = body.description;
    await repo.bump(db, 'incidents', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'incident.correct',
      entity: 'incident',
      entityId: id,
      before: { class_id: row.class_id, basis: row.basis, engineer_id: row.engineer_id, title: row.title },
      after: { ...set, reason: body.reason },
    });
  });
  return getIncident(ctx, id);
}

/** An incident recorded in error is voided with its reason (kept, never deleted). */
export async function voidIncident(ctx: Ctx, id: number, body: { version: number; reason: string }): Promise<TIncident> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await incidentFor(ctx, id, db);
    if (row.version !== body.version) throw repo.staleIncident();
    if (row.status === 'void') throw illegalState(row.status);
    await assertMonthOpen(db, localDateOf(Date.parse(row.occurred_at)));
    await cancelObligationsOf(db, ctx, { type: 'incident', id }, body.reason);
    await repo.bump(db, 'incidents', id, body.version, { status: 'void', void_reason: body.reason }, at);
    if (row.complaint_id != null) await repo.linkComplaintIncident(db, row.complaint_id, null, at, id);
    await recordAudit(db, ctx, {
      action: 'incident.void',
      entity: 'incident',
      entityId: id,
      before: { status: row.status },
      after: { status: 'void', reason: body.reason },
    });
  });
  return getIncident(ctx, id);
}

/**
 * A correction of an incident whose month is closed (its facts are frozen): booked as an adjustment of the next open
 * month — the class it should have had, or that it should not count — visible in the adjustments and to the appraisal.
 * 409 while the month is open (correct the incident itself then).
 */
export async function bookIncidentAdjustment(ctx: Ctx, id: number, body: TIncidentAdjustmentCreate): Promise<TAdjustment> {
  return ctx.db.transaction().execute(async (db) => {
    const row = await incidentFor(ctx, id, db);
    if (row.status === 'void') throw illegalState(row.status);
    const month = localDateOf(Date.parse(row.occurred_at)).slice(0, 7);
    const change = body.classId ? { classId: { from: row.class_id, to: body.classId } } : { counts: { from: true, to: false } };
    const zh = body.classId
      ? `${month} 的事故 #${id}（${row.title}）应为 ${body.classId} 类而非 ${row.class_id} 类：${body.reason}`
      : `${month} 的事故 #${id}（${row.title}）不应计入：${body.reason}`;
    const en = body.classId
      ? `incident #${id} of ${month} (${row.title}) should be Class ${body.classId}, not ${row.class_id}: ${body.reason}`
      : `incident #${id} of ${month} (${row.title}) should not count: ${body.reason}`;
    return bookAdjustment(db, ctx, {
      userId: row.engineer_id,
      kind: 'incident_correction',
      ruleId: (body.classId ?? row.class_id) === 'I' ? 'IN-1' : 'IN-2',
      fact: { type: 'incident', id, month },
      explanation: { 'zh-CN': zh, en },
      delta: change,
    });
  });
}
