import type {
  TDefectDiscussion,
  TDefectDiscussionCommentCreate,
  TDefectDiscussionConclude,
  TDefectDiscussionOpen,
  TDefectDiscussionResult,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { holdersOf } from '../org/org.repository';
import { insertEntry } from '../tickets/tickets.repository';
import { visibleDefect } from './defects.service';
import * as repo from './discussions.repository';

// SR-15 「复杂故障由团队讨论后确定解决方案」: a complex fault behind a defect report is discussed by a team before the
// solution is fixed. Whoever may see the report raises the discussion with its participants; they comment; the
// raiser, the report's owner or an answerer records the conclusion, which is fed back to the request's timeline. The
// report is answered only after the conclusion (defects.service). Every change is audited and the team is told.

async function load(db: Db, row: repo.DiscussionRow): Promise<TDefectDiscussion> {
  const [participants, comments] = await Promise.all([repo.participantsOf(db, row.id), repo.commentsOf(db, row.id)]);
  return {
    id: row.id,
    defectId: row.defect_id,
    topic: row.topic,
    status: row.status as TDefectDiscussion['status'],
    participants: participants.map((p) => ({ id: p.id, name: p.name })),
    comments: comments.map((c) => ({
      id: c.id,
      authorId: c.author_id,
      authorName: c.author_name,
      body: c.body,
      createdAt: c.created_at,
    })),
    conclusion: row.conclusion,
    concludedByName: row.concluder_name,
    concludedAt: row.concluded_at,
    createdById: row.created_by,
    createdByName: row.creator_name,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** SR-15: the team discussion of a defect report, or null when none was raised (404 outside the report's scope). */
export async function getDiscussion(ctx: Ctx, defectId: number): Promise<TDefectDiscussionResult> {
  await visibleDefect(ctx, defectId);
  const row = await repo.findDiscussion(ctx.db, defectId);
  return { discussion: row ? await load(ctx.db, row) : null };
}

/**
 * SR-15: raises the team discussion of an open defect report. The raiser always takes part; every participant must
 * be able to reach defect reports (defects.report: 422 otherwise). One discussion per report (409).
 */
export async function openDiscussion(ctx: Ctx, defectId: number, body: TDefectDiscussionOpen): Promise<TDefectDiscussionResult> {
  const defect = await visibleDefect(ctx, defectId);
  if (defect.status !== 'open') throw refuse('conflict', 'defects.alreadyAnswered', {}, { ruleId: 'SR-15' });
  if (await repo.findDiscussion(ctx.db, defectId)) throw refuse('conflict', 'defects.discussionExists', {}, { ruleId: 'SR-15' });
  const allowed = new Set(await holdersOf(ctx.db, 'defects.report'));
  const stranger = body.participantIds.findIndex((id) => !allowed.has(id));
  if (stranger >= 0)
    throw refuse(
      'invalid_value',
      'defects.participantCannotJoin',
      {},
      { ruleId: 'SR-15', details: [{ path: `body.participantIds.${stranger}`, message: 'cannot take part' }] },
    );
  const participantIds = [...new Set([ctx.actor.id, ...body.participantIds])];
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const id = await repo.insertDiscussion(db, { defectId, topic: body.topic, createdBy: ctx.actor.id, at, participantIds });
    await insertEntry(db, {
      ticketId: defect.ticket_id,
      kind: 'note',
      visibility: 'internal',
      authorId: ctx.actor.id,
      body: `复杂故障提交团队讨论 / Complex fault raised for team discussion: ${body.topic}`,
      data: { defectReport: defectId, discussion: id, participantIds },
      at,
    });
    await recordAudit(db, ctx, {
      action: 'defect.discussion.open',
      entity: 'defect_discussion',
      entityId: id,
      after: { defectId, topic: body.topic, participantIds },
    });
    await notify(db, at, {
      userIds: participantIds.filter((u) => u !== ctx.actor.id),
      kind: 'defect_discussion',
      message: 'ticket.defectDiscussionOpened',
      params: { number: defect.ticket_number, topic: body.topic.slice(0, 500) },
      link: `/defects?discussion=${defectId}`,
      ticketId: defect.ticket_id,
    });
  });
  return getDiscussion(ctx, defectId);
}

async function openOne(ctx: Ctx, defectId: number) {
  const defect = await visibleDefect(ctx, defectId);
  const row = await repo.findDiscussion(ctx.db, defectId);
  if (!row) throw refuse('not_found', 'defects.noDiscussion', {}, { ruleId: 'SR-15' });
  if (row.status !== 'open') throw refuse('conflict', 'defects.discussionConcluded', {}, { ruleId: 'SR-15' });
  return { defect, row };
}

/** SR-15: a participant comments on an open discussion (403 for others); the other participants are told. */
export async function commentOnDiscussion(
  ctx: Ctx,
  defectId: number,
  body: TDefectDiscussionCommentCreate,
): Promise<TDefectDiscussionResult> {
  const { defect, row } = await openOne(ctx, defectId);
  if (!(await repo.isParticipant(ctx.db, defectId, ctx.actor.id)))
    throw refuse('forbidden', 'defects.notParticipant', {}, { ruleId: 'SR-15' });
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await repo.insertComment(db, { discussionId: row.id, authorId: ctx.actor.id, body: body.body, at });
    await recordAudit(db, ctx, {
      action: 'defect.discussion.comment',
      entity: 'defect_discussion',
      entityId: row.id,
      after: { body: body.body },
    });
    const others = (await repo.participantsOf(db, row.id)).map((p) => p.id).filter((u) => u !== ctx.actor.id);
    await notify(db, at, {
      userIds: others,
      kind: 'defect_discussion',
      message: 'ticket.defectDiscussionComment',
      params: { number: defect.ticket_number, text: body.body.slice(0, 500) },
      link: `/defects?discussion=${defectId}`,
      ticketId: defect.ticket_id,
      email: false,
    });
  });
  return getDiscussion(ctx, defectId);
}

/**
 * SR-15: records the team's conclusion (the raiser, the report's owner or an answerer; 403 otherwise) at the version
 * read (409 when stale: a comment came in since). The conclusion is fed back to the request's timeline and the team
 * and the report's owner are told; the report can then be answered.
 */
export async function concludeDiscussion(ctx: Ctx, defectId: number, body: TDefectDiscussionConclude): Promise<TDefectDiscussionResult> {
  const { defect, row } = await openOne(ctx, defectId);
  if (row.created_by !== ctx.actor.id && defect.owner_id !== ctx.actor.id && !can(ctx.actor, 'defects.answer'))
    throw refuse('forbidden', 'defects.cannotConclude', {}, { ruleId: 'SR-15' });
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    if (!(await repo.concludeDiscussion(db, row.id, body.version, { conclusion: body.conclusion, by: ctx.actor.id, at })))
      throw versionConflict('The discussion');
    await insertEntry(db, {
      ticketId: defect.ticket_id,
      kind: 'note',
      visibility: 'internal',
      authorId: ctx.actor.id,
      body: `团队讨论结论 / Team discussion concluded: ${body.conclusion}`,
      data: { defectReport: defectId, discussion: row.id, conclusion: body.conclusion },
      at,
    });
    await recordAudit(db, ctx, {
      action: 'defect.discussion.conclude',
      entity: 'defect_discussion',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'concluded', conclusion: body.conclusion },
    });
    const team = (await repo.participantsOf(db, row.id)).map((p) => p.id);
    await notify(db, at, {
      userIds: [...team, defect.owner_id].filter((u) => u !== ctx.actor.id),
      kind: 'defect_discussion_concluded',
      message: 'ticket.defectDiscussionConcluded',
      params: { number: defect.ticket_number, conclusion: body.conclusion.slice(0, 500) },
      link: `/defects?discussion=${defectId}`,
      ticketId: defect.ticket_id,
    });
  });
  return getDiscussion(ctx, defectId);
}
