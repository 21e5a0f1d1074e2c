import type { Insertable } from 'kysely';
import type { MeetingActionsTable, MeetingsTable } from '../../db/schema.incidents';
import { updateVersioned } from '../../db/versioned';
import type { Db } from '../../http/context';

/*
 * Set-based read for the appraisal (AP-3 execution, AP-16 teamwork) and the weekly report:
 *   actionItemsDueBetween(db, { from, to, userIds? }) → { id, meetingId, ownerId, dueOn, status, doneAt }[]
 *     — the action items due on company-local dates from..to (inclusive), of these owners when given.
 */
export async function actionItemsDueBetween(db: Db, q: { from: string; to: string; userIds?: number[] }) {
  let query = db
    .selectFrom('meeting_actions')
    .select(['id', 'meeting_id', 'owner_id', 'due_on', 'status', 'done_at'])
    .where('due_on', '>=', q.from)
    .where('due_on', '<=', q.to);
  if (q.userIds) query = query.where('owner_id', 'in', q.userIds.length ? q.userIds : [0]);
  const rows = await query.orderBy('due_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    ownerId: r.owner_id,
    dueOn: r.due_on as string,
    status: r.status,
    doneAt: r.done_at,
  }));
}

export const bump = (
  db: Db,
  table: 'meetings' | 'meeting_actions',
  id: number,
  version: number,
  set: Record<string, unknown>,
  at: string,
) => updateVersioned(db, table, id, version, set, at, table === 'meetings' ? 'Meeting' : 'Action item');

export const meetingsQuery = (db: Db) =>
  db
    .selectFrom('meetings')
    .leftJoin('users as chair', 'chair.id', 'meetings.chair_id')
    .leftJoin('users as creator', 'creator.id', 'meetings.created_by')
    .selectAll('meetings')
    .select(['chair.name as chair_name', 'creator.name as creator_name']);
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingsQuery>['executeTakeFirstOrThrow']>>;

export const actionsQuery = (db: Db) =>
  db
    .selectFrom('meeting_actions')
    .innerJoin('meetings', 'meetings.id', 'meeting_actions.meeting_id')
    .innerJoin('users as owner', 'owner.id', 'meeting_actions.owner_id')
    .selectAll('meeting_actions')
    .select(['meetings.title as meeting_title', 'meetings.department_id', 'owner.name as owner_name']);
export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['executeTakeFirstOrThrow']>>;

export async function attendeesOf(db: Db, meetingIds: number[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_attendees')
    .innerJoin('users', 'users.id', 'meeting_attendees.user_id')
    .select(['meeting_attendees.meeting_id', 'users.id', 'users.name'])
    .where('meeting_attendees.meeting_id', 'in', meetingIds)
    .orderBy('users.name')
    .execute();
}

export const findMeeting = (db: Db, id: number) => meetingsQuery(db).where('meetings.id', '=', id).executeTakeFirst();

export function listMeetingRows(db: Db, q: { kind?: string; after: number | null; limit: number }) {
  let query = meetingsQuery(db);
  if (q.kind) query = query.where('meetings.kind', '=', q.kind);
  if (q.after !== null) query = query.where('meetings.id', '<', q.after);
  return query.orderBy('meetings.id', 'desc').limit(q.limit).execute();
}

export async function insertMeeting(db: Db, values: Omit<Insertable<MeetingsTable>, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('meetings').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Sets (or replaces) a meeting's attendees. */
export async function setAttendees(db: Db, meetingId: number, userIds: number[], replace: boolean) {
  if (replace) await db.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length)
    await db
      .insertInto('meeting_attendees')
      .values(unique.map((userId) => ({ meeting_id: meetingId, user_id: userId })))
      .execute();
}

export async function insertActions(db: Db, rows: Omit<Insertable<MeetingActionsTable>, 'id' | 'version'>[]) {
  if (rows.length) await db.insertInto('meeting_actions').values(rows).execute();
}

export const actionsOfMeetings = (db: Db, ids: number[]) =>
  ids.length
    ? actionsQuery(db).where('meeting_actions.meeting_id', 'in', ids).orderBy('meeting_actions.id').execute()
    : Promise.resolve([]);

export const findAction = (db: Db, id: number) => actionsQuery(db).where('meeting_actions.id', '=', id).executeTakeFirst();

/** MTG-1: action items by owner and state ('open' includes overdue; 'overdue': open past their due date). */
export function listActionRows(db: Db, q: { ownerId?: number; state: string; today: string; after: number | null; limit: number }) {
  let query = actionsQuery(db);
  if (q.ownerId !== undefined) query = query.where('meeting_actions.owner_id', '=', q.ownerId);
  if (q.state === 'open') query = query.where('meeting_actions.status', '=', 'open');
  if (q.state === 'overdue') query = query.where('meeting_actions.status', '=', 'open').where('meeting_actions.due_on', '<', q.today);
  if (q.state === 'done') query = query.where('meeting_actions.status', '=', 'done');
  if (q.after !== null) query = query.where('meeting_actions.id', '<', q.after);
  return query.orderBy('meeting_actions.id', 'desc').limit(q.limit).execute();
}

/**
 * MTG-1 follow-up: open action items whose reminder is due (due on `remindOn`, not yet reminded for that date) or that
 * are overdue (due before `today`, the owner not yet told for that date), with their meeting's chair.
 */
export function actionsToFollowUp(db: Db, q: { today: string; remindOn: string; limit: number }) {
  return actionsQuery(db)
    .select('meetings.chair_id')
    .where('meeting_actions.status', '=', 'open')
    .where('meeting_actions.due_on', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('meeting_actions.due_on', '>=', q.today),
          eb('meeting_actions.due_on', '<=', q.remindOn),
          eb.or([
            eb('meeting_actions.reminded_for', 'is', null),
            eb('meeting_actions.reminded_for', '!=', eb.ref('meeting_actions.due_on')),
          ]),
        ]),
        eb.and([
          eb('meeting_actions.due_on', '<', q.today),
          eb.or([
            eb('meeting_actions.overdue_notified_for', 'is', null),
            eb('meeting_actions.overdue_notified_for', '!=', eb.ref('meeting_actions.due_on')),
          ]),
        ]),
      ]),
    )
    .orderBy('meeting_actions.due_on')
    .orderBy('meeting_actions.id')
    .limit(q.limit)
    .execute();
}

/** Claims the reminder or the overdue notice of an item for its due date (once across instances); false: already sent. */
export async function claimActionNotice(db: Db, id: number, which: 'reminder' | 'overdue', dueOn: string): Promise<boolean> {
  const column = which === 'reminder' ? 'reminded_for' : 'overdue_notified_for';
  const res = await db
    .updateTable('meeting_actions')
    .set({ [column]: dueOn })
    .where('id', '=', id)
    .where('due_on', '=', dueOn)
    .where((eb) => eb.or([eb(column, 'is', null), eb(column, '!=', dueOn)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * MTG-1: the action items still open from earlier meetings of these kinds (held before `before`), for review at the
 * next meeting of the same kind; one query for a page of meetings.
 */
export function openActionsOfEarlierMeetings(db: Db, q: { kinds: string[]; before: string; limit: number }) {
  if (q.kinds.length === 0) return Promise.resolve([]);
  return actionsQuery(db)
    .select(['meetings.kind as meeting_kind', 'meetings.held_at as meeting_held_at'])
    .where('meeting_actions.status', '=', 'open')
    .where('meetings.kind', 'in', q.kinds)
    .where('meetings.held_at', '<', q.before)
    .orderBy('meetings.held_at')
    .orderBy('meeting_actions.id')
    .limit(q.limit)
    .execute();
}
