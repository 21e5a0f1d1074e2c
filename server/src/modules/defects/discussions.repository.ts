import type { Db } from '../../http/context';

// SR-15 team discussions of complex faults behind defect reports: one per report, its participants and comments.
// Scope: read through the defect report's own scope (the service checks it first).

export function findDiscussion(db: Db, defectId: number) {
  return db
    .selectFrom('defect_discussions')
    .innerJoin('users as creator', 'creator.id', 'defect_discussions.created_by')
    .leftJoin('users as concluder', 'concluder.id', 'defect_discussions.concluded_by')
    .selectAll('defect_discussions')
    .select(['creator.name as creator_name', 'concluder.name as concluder_name'])
    .where('defect_discussions.defect_id', '=', defectId)
    .executeTakeFirst();
}
export type DiscussionRow = NonNullable<Awaited<ReturnType<typeof findDiscussion>>>;

export function participantsOf(db: Db, discussionId: number) {
  return db
    .selectFrom('defect_discussion_participants')
    .innerJoin('users', 'users.id', 'defect_discussion_participants.user_id')
    .select(['users.id', 'users.name'])
    .where('defect_discussion_participants.discussion_id', '=', discussionId)
    .orderBy('users.id')
    .execute();
}

export function commentsOf(db: Db, discussionId: number) {
  return db
    .selectFrom('defect_discussion_comments')
    .innerJoin('users', 'users.id', 'defect_discussion_comments.author_id')
    .select([
      'defect_discussion_comments.id',
      'defect_discussion_comments.author_id',
      'users.name as author_name',
      'defect_discussion_comments.body',
      'defect_discussion_comments.created_at',
    ])
    .where('defect_discussion_comments.discussion_id', '=', discussionId)
    .orderBy('defect_discussion_comments.id')
    .limit(1000)
    .execute();
}

/** Whether the user takes part in the discussion of the defect report. */
export async function isParticipant(db: Db, defectId: number, userId: number) {
  const row = await db
    .selectFrom('defect_discussions')
    .innerJoin('defect_discussion_participants', 'defect_discussion_participants.discussion_id', 'defect_discussions.id')
    .select('defect_discussions.id')
    .where('defect_discussions.defect_id', '=', defectId)
    .where('defect_discussion_participants.user_id', '=', userId)
    .executeTakeFirst();
  return row != null;
}

export async function insertDiscussion(
  db: Db,
  v: { defectId: number; topic: string; createdBy: number; at: string; participantIds: number[] },
) {
  const id = (
    await db
      .insertInto('defect_discussions')
      .values({
        defect_id: v.defectId,
        topic: v.topic,
        status: 'open',
        created_by: v.createdBy,
        created_at: v.at,
        updated_at: v.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('defect_discussion_participants')
    .values(v.participantIds.map((user_id) => ({ discussion_id: id, user_id })))
    .execute();
  return id;
}

export async function insertComment(db: Db, v: { discussionId: number; authorId: number; body: string; at: string }) {
  await db
    .insertInto('defect_discussion_comments')
    .values({ discussion_id: v.discussionId, author_id: v.authorId, body: v.body, created_at: v.at })
    .execute();
  // A comment moves the version on: a conclusion recorded by someone who had not seen it gets 409.
  await db
    .updateTable('defect_discussions')
    .set((eb) => ({ updated_at: v.at, version: eb('version', '+', 1) }))
    .where('id', '=', v.discussionId)
    .execute();
}

/** Records the conclusion at the version read while still open; false when someone changed it first (409). */
export async function concludeDiscussion(db: Db, id: number, version: number, v: { conclusion: string; by: number; at: string }) {
  const r = await db
    .updateTable('defect_discussions')
    .set((eb) => ({
      status: 'concluded',
      conclusion: v.conclusion,
      concluded_by: v.by,
      concluded_at: v.at,
      updated_at: v.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
