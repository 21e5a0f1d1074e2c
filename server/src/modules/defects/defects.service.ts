import { type TDefectAnswer, type TDefectReport, type TDefectReportCreate, localDateOf } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { holdersOf } from '../org/org.repository';
import { getTicket } from '../tickets/tickets.detail';
import { insertEntry } from '../tickets/tickets.repository';
import * as repo from './defects.repository';
import * as discussions from './discussions.repository';

// SR-15: product defects and quality problems found while servicing a request, sent to R&D or production as a
// tracked report (owner, target date) and answered; the answer is fed back to the request's timeline.

/** The timeline note's words (a timeline entry, not a notification). */
const TARGET_TEXT = { rnd: { zh: '研发', en: 'R&D' }, production: { zh: '生产', en: 'production' } } as const;
const REPORTED = { rnd: 'ticket.defectReportedRnd', production: 'ticket.defectReportedProduction' } as const;

const toDefect = (r: repo.DefectRow): TDefectReport => ({
  id: r.id,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  target: r.target as TDefectReport['target'],
  description: r.description,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  targetDate: r.target_date,
  status: r.status as TDefectReport['status'],
  answer: r.answer,
  answeredByName: r.answerer_name,
  answeredAt: r.answered_at,
  createdByName: r.reporter_name,
  createdAt: r.created_at,
  version: r.version,
});

/** SR-15: an answerer sees every report; a reporter their own. */
export async function listDefects(ctx: Ctx, status?: string) {
  const reporterId = can(ctx.actor, 'defects.answer') ? undefined : ctx.actor.id;
  return { items: (await repo.listDefects(ctx.db, { reporterId, status })).map(toDefect) };
}

/** SR-15: the reports of a request, read through the request's own scope (404 outside it). */
export async function defectsOfTicket(ctx: Ctx, ticketId: number) {
  await getTicket(ctx, ticketId);
  return { items: (await repo.defectsOfTicket(ctx.db, ticketId)).map(toDefect) };
}

/** SR-15: a report is seen by an answerer, its reporter and the participants of its team discussion (404 otherwise). */
export async function visibleDefect(ctx: Ctx, id: number, db = ctx.db) {
  const row = await repo.findDefect(db, id);
  if (!row) throw notFound('Defect report');
  if (can(ctx.actor, 'defects.answer') || row.created_by === ctx.actor.id) return row;
  if (!(await discussions.isParticipant(db, id, ctx.actor.id))) throw notFound('Defect report');
  return row;
}

/**
 * SR-15: report a defect found while servicing a request. The owner must be able to answer (defects.answer) and the
 * target date must not be past (422 with a reason); the request's timeline gets an internal entry and the owner is told.
 */
export async function reportDefect(ctx: Ctx, ticketId: number, body: TDefectReportCreate): Promise<TDefectReport> {
  const t = await getTicket(ctx, ticketId);
  if (!(await holdersOf(ctx.db, 'defects.answer')).includes(body.ownerId))
    throw refuse(
      'invalid_value',
      'defects.ownerCannotAnswer',
      {},
      { ruleId: 'SR-15', details: [{ path: 'body.ownerId', message: 'cannot answer' }] },
    );
  const today = localDateOf(ctx.clock.now().getTime(), ctx.timeZone);
  if (body.targetDate < today)
    throw refuse(
      'invalid_value',
      'defects.targetDatePast',
      { today },
      { ruleId: 'SR-15', details: [{ path: 'body.targetDate', message: 'past' }] },
    );
  const at = nowIso(ctx.clock);
  const to = TARGET_TEXT[body.target];
  const id = await ctx.db.transaction().execute(async (db) => {
    const id = await repo.insertDefect(db, {
      ticket_id: ticketId,
      target: body.target,
      description: body.description,
      owner_id: body.ownerId,
      target_date: body.targetDate,
      status: 'open',
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    });
    await insertEntry(db, {
      ticketId,
      kind: 'note',
      visibility: 'internal',
      authorId: ctx.actor.id,
      body: `缺陷报告已提交${to.zh}（目标日期 ${body.targetDate}）/ Defect report sent to ${to.en} (target ${body.targetDate}): ${body.description}`,
      data: { defectReport: id, target: body.target, ownerId: body.ownerId, targetDate: body.targetDate },
      at,
    });
    await recordAudit(db, ctx, {
      action: 'defect.report',
      entity: 'defect_report',
      entityId: id,
      after: { ticketId, target: body.target, ownerId: body.ownerId, targetDate: body.targetDate },
    });
    await notify(db, at, {
      userIds: [body.ownerId],
      kind: 'defect_reported',
      message: REPORTED[body.target],
      params: { number: t.number, description: body.description.slice(0, 500) },
      link: '/defects',
      ticketId,
    });
    return id;
  });
  return toDefect(await visibleDefect(ctx, id));
}

/**
 * SR-15: the R&D or production owner answers; the answer is fed back to the request (internal timeline entry) and
 * the reporter and the request's assignee are told. An answered report is not answered again (409), nor one whose team
 * discussion has no conclusion yet (409: the team discusses before the solution is fixed).
 */
export async function answerDefect(ctx: Ctx, id: number, body: TDefectAnswer): Promise<TDefectReport> {
  const before = await visibleDefect(ctx, id);
  if (before.status !== 'open') throw refuse('conflict', 'defects.alreadyAnswered', {}, { ruleId: 'SR-15' });
  if ((await discussions.findDiscussion(ctx.db, id))?.status === 'open')
    throw refuse('conflict', 'defects.discussionOpen', {}, { ruleId: 'SR-15' });
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    if (!(await repo.answerDefect(db, id, body.version, { answer: body.answer, answered_by: ctx.actor.id, answered_at: at })))
      throw versionConflict('The defect report');
    await insertEntry(db, {
      ticketId: before.ticket_id,
      kind: 'note',
      visibility: 'internal',
      authorId: ctx.actor.id,
      body: `缺陷报告答复：${body.answer}`,
      data: { defectReport: id, answer: body.answer },
      at,
    });
    await recordAudit(db, ctx, {
      action: 'defect.answer',
      entity: 'defect_report',
      entityId: id,
      before: { status: before.status },
      after: { status: 'answered', answer: body.answer },
    });
    const t = await getTicket(ctx, before.ticket_id, db).catch(() => null);
    await notify(db, at, {
      userIds: [before.created_by, ...(t?.assigneeId ? [t.assigneeId] : [])],
      kind: 'defect_answered',
      message: 'ticket.defectAnswered',
      params: { number: before.ticket_number, answer: body.answer.slice(0, 500) },
      link: `/tickets/${before.ticket_id}`,
      ticketId: before.ticket_id,
    });
  });
  return toDefect(await visibleDefect(ctx, id));
}
