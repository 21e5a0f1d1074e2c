import {
  phraseOf,
  type TMeeting,
  type TMeetingAction,
  type ZMeetingActionCreate,
  type ZMeetingActionUpdate,
  type ZMeetingCreate,
  type ZMeetingUpdate,
  actionItemState,
  localDateOf,
  plusDays,
} from '@techserve/core';
import type { z } from 'zod';
import { type Clock, nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { staffOrRefuse as staffOrRefuseBy } from '../incidents/incidents.shared';
import * as repo from './meetings.repository';

/** MTG-1: an owner's action items as one line in both languages (each with its due date when it has one). */
function actionList(items: { title: string; dueOn?: string | null }[]) {
  const parts = items.map((a) =>
    a.dueOn ? phraseOf('meeting.itemDue', { title: a.title, due: a.dueOn }) : phraseOf('meeting.item', { title: a.title }),
  );
  const sep = phraseOf('meeting.separator');
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(sep['zh-CN']), en: parts.map((p) => p.en).join(sep.en) };
}

// MTG-1: the department meets regularly; the minutes are kept and their action items followed up — each owner sees
// theirs, overdue ones stand out, a job reminds the owner the day before the due date and tells the owner and the
// chair once it is overdue, the next meeting of the same kind shows the earlier meetings' items still open for review,
// and FS-11's daily stand-up can be minuted as a meeting of its own.

/** Owners are reminded this many days before an action item's due date (not in the documents; a choice). */
export const ACTION_REMINDER_DAYS = 1;
/** The most earlier open items one meeting shows for review. */
const CARRIED_OVER_LIMIT = 200;

const staffOrRefuse = (db: Db, ids: number[], path: string) => staffOrRefuseBy(db, ids, path, 'meetings.noSuchUser', 'MTG-1');

function toAction(r: repo.ActionRow, today: string): TMeetingAction {
  const doneOn = r.done_at ? localDateOf(Date.parse(r.done_at)) : null;
  const s = actionItemState({ status: r.status as 'open' | 'done' | 'cancelled', dueOn: r.due_on, doneOn }, today);
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    title: r.title,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status as TMeetingAction['status'],
    state: s.state,
    explanation: s.explanation,
    note: r.note,
    doneAt: r.done_at,
    version: r.version,
  };
}

async function toMeetings(db: Db, rows: repo.MeetingRow[], today: string): Promise<TMeeting[]> {
  const ids = rows.map((r) => r.id);
  const latest = rows.reduce((m, r) => (r.held_at > m ? r.held_at : m), '');
  const [attendees, actions, earlier] = await Promise.all([
    repo.attendeesOf(db, ids),
    repo.actionsOfMeetings(db, ids),
    repo.openActionsOfEarlierMeetings(db, {
      kinds: [...new Set(rows.map((r) => r.kind))],
      before: latest,
      limit: CARRIED_OVER_LIMIT * Math.max(1, rows.length),
    }),
  ]);
  return rows.map((r) => {
    const mine = actions.filter((a) => a.meeting_id === r.id).map((a) => toAction(a, today));
    const carriedOver = earlier
      .filter((a) => a.meeting_kind === r.kind && a.meeting_held_at < r.held_at && a.department_id === r.department_id)
      .slice(-CARRIED_OVER_LIMIT)
      .map((a) => toAction(a, today));
    return {
      id: r.id,
      kind: r.kind as TMeeting['kind'],
      title: r.title,
      heldAt: r.held_at,
      location: r.location,
      chairId: r.chair_id,
      chairName: r.chair_name,
      attendees: attendees.filter((a) => a.meeting_id === r.id).map((a) => ({ id: a.id, name: a.name })),
      minutes: r.minutes,
      standupDate: r.standup_date,
      actions: mine,
      openActions: mine.filter((a) => a.state === 'open' || a.state === 'overdue').length,
      overdueActions: mine.filter((a) => a.state === 'overdue').length,
      carriedOver,
      createdByName: r.creator_name,
      version: r.version,
    };
  });
}

async function meetingFor(db: Db, id: number) {
  const row = await repo.findMeeting(db, id);
  if (!row) throw notFound('Meeting');
  return row;
}

export async function getMeeting(ctx: Ctx, id: number): Promise<TMeeting> {
  return (await toMeetings(ctx.db, [await meetingFor(ctx.db, id)], todayOf(ctx)))[0];
}

export async function listMeetings(ctx: Ctx, q: { limit: number; cursor?: string; kind?: TMeeting['kind'] }) {
  const after = cursorId(q.cursor);
  const rows = await repo.listMeetingRows(ctx.db, { kind: q.kind, after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: await toMeetings(ctx.db, items, todayOf(ctx)), nextCursor };
}

async function insertActions(
  ctx: Ctx,
  db: Db,
  meetingId: number,
  title: string,
  actions: z.output<typeof ZMeetingActionCreate>[],
  at: string,
) {
  if (actions.length === 0) return;
  await staffOrRefuse(
    db,
    actions.map((a) => a.ownerId),
    'body.actions',
  );
  await repo.insertActions(
    db,
    actions.map((a) => ({
      meeting_id: meetingId,
      title: a.title,
      owner_id: a.ownerId,
      due_on: a.dueOn ?? null,
      status: 'open',
      created_at: at,
      updated_at: at,
    })),
  );
  for (const owner of new Set(actions.map((a) => a.ownerId))) {
    const items = actions.filter((a) => a.ownerId === owner);
    await notify(db, at, {
      userIds: [owner],
      kind: 'meeting_action',
      message: 'meeting.actions',
      params: { title, items: actionList(items) },
      link: `/meetings/${meetingId}`,
    });
  }
}

/** MTG-1: minutes a meeting with its attendees and action items; the owners are told what they took on. */
export async function createMeeting(ctx: Ctx, body: z.output<typeof ZMeetingCreate>): Promise<TMeeting> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    await staffOrRefuse(db, [...body.attendeeIds, ...(body.chairId != null ? [body.chairId] : [])], 'body.attendeeIds');
    const row = {
      id: await repo.insertMeeting(db, {
        kind: body.kind,
        title: body.title,
        held_at: new Date(body.heldAt).toISOString(),
        location: body.location || null,
        chair_id: body.chairId ?? ctx.actor.id,
        minutes: body.minutes,
        standup_date: body.kind === 'standup' ? (body.standupDate ?? localDateOf(Date.parse(body.heldAt))) : (body.standupDate ?? null),
        department_id: ctx.actor.departmentId,
        created_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      }),
    };
    await repo.setAttendees(db, row.id, body.attendeeIds, false);
    await insertActions(ctx, db, row.id, body.title, body.actions, at);
    await recordAudit(db, ctx, { action: 'meeting.create', entity: 'meeting', entityId: row.id, after: { ...body, minutes: undefined } });
    return row.id;
  });
  return getMeeting(ctx, id);
}

export async function updateMeeting(ctx: Ctx, id: number, body: z.output<typeof ZMeetingUpdate>): Promise<TMeeting> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    await meetingFor(db, id);
    const set: Record<string, unknown> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.location !== undefined) set.location = body.location || null;
    if (body.minutes !== undefined) set.minutes = body.minutes;
    await repo.bump(db, 'meetings', id, body.version, set, at);
    if (body.attendeeIds) {
      await staffOrRefuse(db, body.attendeeIds, 'body.attendeeIds');
      await repo.setAttendees(db, id, body.attendeeIds, true);
    }
    await recordAudit(db, ctx, {
      action: 'meeting.update',
      entity: 'meeting',
      entityId: id,
      after: { ...set, attendeeIds: body.attendeeIds },
    });
  });
  return getMeeting(ctx, id);
}

export async function addAction(ctx: Ctx, meetingId: number, body: z.output<typeof ZMeetingActionCreate>): Promise<TMeeting> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const m = await meetingFor(db, meetingId);
    await insertActions(ctx, db, meetingId, m.title, [body], at);
    await recordAudit(db, ctx, { action: 'meeting.action.create', entity: 'meeting', entityId: meetingId, after: body });
  });
  return getMeeting(ctx, meetingId);
}

/** MTG-1: follows an action item up — its owner or a meeting manager marks it done or cancelled, notes progress, reschedules. */
export async function updateAction(ctx: Ctx, id: number, body: z.output<typeof ZMeetingActionUpdate>): Promise<TMeetingAction> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await repo.findAction(db, id);
    if (!row) throw notFound('Action item');
    if (row.owner_id !== ctx.actor.id && !can(ctx.actor, 'meetings.manage'))
      throw refuse('forbidden', 'meetings.notYourAction', {}, { ruleId: 'MTG-1' });
    const set: Record<string, unknown> = {};
    if (body.status !== undefined) {
      set.status = body.status;
      set.done_at = body.status === 'done' ? at : null;
    }
    if (body.note !== undefined) set.note = body.note || null;
    if (body.dueOn !== undefined) set.due_on = body.dueOn;
    await repo.bump(db, 'meeting_actions', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'meeting.action.update',
      entity: 'meeting_action',
      entityId: id,
      before: { status: row.status, due_on: row.due_on },
      after: set,
    });
  });
  const row = await repo.findAction(ctx.db, id);
  if (!row) throw notFound('Action item');
  return toAction(row, todayOf(ctx));
}

/** MTG-1: the action items to follow up — mine, or everyone's for a meeting manager; open (incl. overdue), overdue, done. */
export async function listActions(
  ctx: Ctx,
  q: { limit: number; cursor?: string; view: 'mine' | 'all'; state: 'open' | 'overdue' | 'done' | 'all' },
) {
  const after = cursorId(q.cursor);
  const today = todayOf(ctx);
  const rows = await repo.listActionRows(ctx.db, {
    ownerId: q.view === 'mine' || !can(ctx.actor, 'meetings.manage') ? ctx.actor.id : undefined,
    state: q.state,
    today,
    after,
    limit: q.limit + 1,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map((r) => toAction(r, today)), nextCursor };
}

/**
 * MTG-1 follow-up (a job): each open action item's owner is reminded ACTION_REMINDER_DAYS before its due date, and
 * once it is overdue the owner and the meeting's chair are told — each once per due date (a new date re-arms both).
 * Returns how many notices were sent.
 */
export async function followUpActions(db: Db, clock: Clock): Promise<number> {
  const today = todayOf({ clock });
  const at = nowIso(clock);
  const rows = await repo.actionsToFollowUp(db, { today, remindOn: plusDays(today, ACTION_REMINDER_DAYS), limit: 500 });
  let sent = 0;
  for (const r of rows) {
    const dueOn = r.due_on as string;
    const action = toAction(r, today);
    const overdue = dueOn < today;
    if (!(await repo.claimActionNotice(db, r.id, overdue ? 'overdue' : 'reminder', dueOn))) continue;
    const why = action.explanation.text;
    await notify(db, at, {
      userIds: overdue && r.chair_id != null && r.chair_id !== r.owner_id ? [r.owner_id, r.chair_id] : [r.owner_id],
      kind: overdue ? 'meeting_action_overdue' : 'meeting_action_reminder',
      message: overdue ? 'meeting.actionOverdue' : 'meeting.actionDueSoon',
      params: { title: r.title, meeting: r.meeting_title, why, owner: r.owner_name },
      link: `/meetings/${r.meeting_id}`,
    });
    sent++;
  }
  return sent;
}

export const meetingActionsFollowUpJob = (deps: { db: Db; clock: Clock }) => ({
  name: 'meetings.action-follow-up',
  everyMs: 60 * 60_000,
  run: async () => {
    await followUpActions(deps.db, deps.clock);
  },
});
