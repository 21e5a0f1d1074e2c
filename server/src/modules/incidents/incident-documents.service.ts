import type { TDueFacts, TIncident } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { forbidden, refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { fulfilObligation, openObligation } from '../obligations/obligations.service';
import { badField, illegalState } from './incidents.shared';
import * as repo from './incidents.repository';
import { getIncident, incidentFor, incidentLink, tellIncident } from './incidents.service';

// IN-1..3: after resolution the engineer's reflection (事故反思), the supervisor's review with the engineer (事故总结)
// and the incident notice (事故通报) are obligations: the obligations module computes when each is due (the policy's
// working days on the owner's calendar: incidents.reflectionDueWorkingDays for the reflection,
// incidents.noticeDueWorkingDays for the review and the notice, counted from the resolution — IN-3 says "after an
// incident") and judges the filing on time or late by the time received. The review may be filed on its own
// (POST /review) or with the notice (the notice needs the review: it reports what the review found).

const DOC_TEXT = {
  reflection: { 'zh-CN': '事故反思', en: 'reflection' },
  review: { 'zh-CN': '事故总结', en: 'incident review' },
  notice: { 'zh-CN': '事故通报', en: 'incident notice' },
};
type DocKind = keyof typeof DOC_TEXT;
type DocObligation = 'reflection' | 'incident_review' | 'incident_notice';
const subjectOf = (id: number) => ({ type: 'incident', id });
const factsOf = (kind: DocObligation, resolvedAt: string): TDueFacts => ({ kind, eventAt: Date.parse(resolvedAt) });

/**
 * IN-1/IN-3: the incident is resolved. The reflection (the engineer's, when the class asks for one), the review and
 * the notice (the supervisor's, when the policy asks) are opened as obligations due by the policy in force.
 */
export async function resolveIncident(
  ctx: Ctx,
  id: number,
  body: { version: number; resolution: string; resolvedAt?: string },
): Promise<TIncident> {
  const at = nowIso(ctx.clock);
  const resolvedAt = body.resolvedAt ? new Date(body.resolvedAt).toISOString() : at;
  if (Date.parse(resolvedAt) > ctx.clock.now().getTime()) throw badField('body.resolvedAt', 'incidents.inFuture', {}, 'IN-1');
  await ctx.db.transaction().execute(async (db) => {
    const row = await incidentFor(ctx, id, db);
    if (row.version !== body.version) throw repo.staleIncident();
    if (row.status !== 'open') throw illegalState(row.status);
    if (Date.parse(resolvedAt) < Date.parse(row.occurred_at))
      throw badField('body.resolvedAt', 'incidents.resolvedBeforeOccurred', { occurredAt: row.occurred_at }, 'IN-1');
    const set: Record<string, unknown> = {
      status: 'resolved',
      resolution: body.resolution,
      resolved_at: resolvedAt,
      resolved_by: ctx.actor.id,
    };
    const link = incidentLink(id);
    if (row.reflection_required) {
      const o = await openObligation(db, ctx, {
        facts: factsOf('reflection', resolvedAt),
        ownerId: row.engineer_id,
        subject: subjectOf(id),
        link,
      });
      Object.assign(set, {
        reflection_obligation_id: o.id,
        reflection_due_at: o.dueAt,
        reflection_due_explanation: JSON.stringify(o.explanation),
      });
    }
    if (row.notice_required && row.notice_owner_id != null) {
      // IN-3: the review with the engineer, then the notice; both the supervisor's, due by incidents.noticeDueWorkingDays.
      const review = await openObligation(db, ctx, {
        facts: factsOf('incident_review', resolvedAt),
        ownerId: row.notice_owner_id,
        subject: subjectOf(id),
        link,
      });
      Object.assign(set, {
        review_obligation_id: review.id,
        review_due_at: review.dueAt,
        review_due_explanation: JSON.stringify(review.explanation),
      });
      const o = await openObligation(db, ctx, {
        facts: factsOf('incident_notice', resolvedAt),
        ownerId: row.notice_owner_id,
        subject: subjectOf(id),
        link,
      });
      Object.assign(set, { notice_obligation_id: o.id, notice_due_at: o.dueAt, notice_due_explanation: JSON.stringify(o.explanation) });
    }
    await repo.bump(db, 'incidents', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'incident.resolve',
      entity: 'incident',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    if (row.reflection_required) await tellIncident(db, at, [row.engineer_id], id, 'incident.reflectionDue');
    if (row.notice_required && row.notice_owner_id) await tellIncident(db, at, [row.notice_owner_id], id, 'incident.noticeDue');
  });
  return getIncident(ctx, id);
}

/** The incident is closed once every required document is in. */
const closesWith = (row: repo.IncidentRow, filed: 'reflection' | 'notice') =>
  (filed === 'reflection' || !row.reflection_required || row.reflection_at != null) &&
  (filed === 'notice' || !row.notice_required || row.notice_at != null);

const filedAt = (row: repo.IncidentRow, kind: DocKind) =>
  kind === 'reflection' ? row.reflection_at : kind === 'review' ? row.review_at : row.notice_at;

function assertDocumentAllowed(row: repo.IncidentRow, kind: DocKind) {
  const what = DOC_TEXT[kind];
  const ruleId = kind === 'reflection' ? 'IN-1' : 'IN-3';
  const required = kind === 'reflection' ? row.reflection_required : row.notice_required;
  if (!required) throw refuse('rule_violation', 'incidents.notRequired', { what }, { ruleId });
  if (row.status === 'open') throw refuse('illegal_transition', 'incidents.notResolved', { what }, { ruleId });
  if (row.status === 'void') throw illegalState(row.status);
  if (filedAt(row, kind) != null) throw refuse('conflict', 'incidents.alreadyFiled', { what });
}

/** Fulfils the document's obligation by the time received (on time or late; 409 when its month is closed). */
async function fulfil(db: Db, ctx: Ctx, row: repo.IncidentRow, kind: DocObligation, ownerId: number, at: string) {
  await fulfilObligation(db, ctx, {
    facts: factsOf(kind, row.resolved_at as string),
    ownerId,
    subject: subjectOf(row.id),
    link: incidentLink(row.id),
    receivedAt: at,
    evidence: subjectOf(row.id),
  });
}

/** IN-1/IN-2: the engineer named by the incident files the reflection (事故反思) after resolution. */
export async function fileReflection(ctx: Ctx, id: number, body: { version: number; text: string }): Promise<TIncident> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await incidentFor(ctx, id, db);
    if (row.engineer_id !== ctx.actor.id) throw refuse('forbidden', 'incidents.notYourReflection', {}, { ruleId: 'IN-1' });
    if (row.version !== body.version) throw repo.staleIncident();
    assertDocumentAllowed(row, 'reflection');
    await fulfil(db, ctx, row, 'reflection', row.engineer_id, at);
    const set = {
      reflection_text: body.text,
      reflection_at: at,
      reflection_by: ctx.actor.id,
      ...(closesWith(row, 'reflection') ? { status: 'closed' } : {}),
    };
    await repo.bump(db, 'incidents', id, body.version, set, at);
    await recordAudit(db, ctx, { action: 'incident.reflection', entity: 'incident', entityId: id, after: { reflection_at: at } });
    if (row.notice_owner_id) await tellIncident(db, at, [row.notice_owner_id], id, 'incident.reflectionFiled', { name: row.engineer_name });
  });
  return getIncident(ctx, id);
}

/** The review's fields once filed (its obligation fulfilled by the time received). */
async function recordReview(db: Db, ctx: Ctx, row: repo.IncidentRow, text: string, at: string) {
  await fulfil(db, ctx, row, 'incident_review', row.notice_owner_id ?? ctx.actor.id, at);
  return { review_text: text, review_at: at, review_by: ctx.actor.id };
}

/** IN-3: the supervisor reviews the incident with the engineer (事故总结): causes and lessons, due by the policy. */
export async function fileReview(ctx: Ctx, id: number, body: { version: number; text: string }): Promise<TIncident> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await incidentFor(ctx, id, db);
    if (row.version !== body.version) throw repo.staleIncident();
    if (row.engineer_id === ctx.actor.id) throw forbidden('The incident review is held by the supervisor, not the engineer it names');
    assertDocumentAllowed(row, 'review');
    const set = await recordReview(db, ctx, row, body.text, at);
    await repo.bump(db, 'incidents', id, body.version, set, at);
    await recordAudit(db, ctx, { action: 'incident.review', entity: 'incident', entityId: id, after: { review_at: at } });
    await tellIncident(db, at, [row.engineer_id], id, 'incident.reviewFiled');
  });
  return getIncident(ctx, id);
}

/**
 * IN-3: the supervisor sends the incident notice (事故通报) to the department. The review comes first: filed already
 * (then the body carries none: 409 when it does), or filed with the notice (then its obligation is fulfilled too);
 * neither is 422 `incidents.reviewMissing`.
 */
export async function fileNotice(ctx: Ctx, id: number, body: { version: number; review?: string; notice: string }): Promise<TIncident> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await incidentFor(ctx, id, db);
    if (row.version !== body.version) throw repo.staleIncident();
    if (row.engineer_id === ctx.actor.id) throw forbidden('The incident notice is sent by the supervisor, not the engineer it names');
    assertDocumentAllowed(row, 'notice');
    let review = {};
    if (row.review_at == null) {
      if (!body.review) throw badField('body.review', 'incidents.reviewMissing', {}, 'IN-3');
      review = await recordReview(db, ctx, row, body.review, at);
    } else if (body.review) throw refuse('conflict', 'incidents.alreadyFiled', { what: DOC_TEXT.review });
    await fulfil(db, ctx, row, 'incident_notice', row.notice_owner_id ?? ctx.actor.id, at);
    const set = {
      ...review,
      notice_text: body.notice,
      notice_at: at,
      notice_by: ctx.actor.id,
      ...(closesWith(row, 'notice') ? { status: 'closed' } : {}),
    };
    await repo.bump(db, 'incidents', id, body.version, set, at);
    await recordAudit(db, ctx, { action: 'incident.notice', entity: 'incident', entityId: id, after: { notice_at: at } });
    const recipients = await repo.departmentStaff(db, row.department_id);
    await notify(db, at, {
      userIds: [...recipients, row.engineer_id],
      kind: 'incident_notice',
      message: 'incident.notice',
      params: { title: row.title, notice: body.notice },
      link: incidentLink(id),
    });
  });
  return getIncident(ctx, id);
}
