import type { Insertable, Updateable } from 'kysely';
import type { CannedRepliesTable } from '../../db/schema';
import type { Actor, Db } from '../../http/context';

// SR-8 canned replies. Everyone who works requests sees the templates of every team (team_id null) and of their own
// team; a department- or company-wide role sees all teams' (design: data scopes in the repository).

const columns = [
  'canned_replies.id',
  'canned_replies.team_id',
  'teams.name as team_name',
  'canned_replies.title',
  'canned_replies.body',
  'canned_replies.updated_at',
  'canned_replies.version',
] as const;

export const seesEveryTeam = (actor: Actor) => actor.scope === 'all' || actor.scope === 'department';

function visible(db: Db, actor: Actor) {
  const q = db.selectFrom('canned_replies').leftJoin('teams', 'teams.id', 'canned_replies.team_id').select(columns);
  if (seesEveryTeam(actor)) return q;
  return q.where((eb) =>
    eb.or([eb('canned_replies.team_id', 'is', null), ...(actor.teamId != null ? [eb('canned_replies.team_id', '=', actor.teamId)] : [])]),
  );
}

export function listReplies(db: Db, actor: Actor, teamId?: number) {
  return visible(db, actor)
    .$if(teamId != null, (q) => q.where('canned_replies.team_id', '=', teamId as number))
    .orderBy('canned_replies.title')
    .orderBy('canned_replies.id')
    .limit(500)
    .execute();
}
export type ReplyRow = Awaited<ReturnType<typeof listReplies>>[number];

export function findReply(db: Db, actor: Actor, id: number) {
  return visible(db, actor).where('canned_replies.id', '=', id).executeTakeFirst();
}

export async function teamExists(db: Db, teamId: number) {
  return !!(await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst());
}

export async function insertReply(db: Db, v: Insertable<CannedRepliesTable>) {
  return (await db.insertInto('canned_replies').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates at the version read; false when someone changed it first (409). */
export async function updateReply(db: Db, id: number, version: number, set: Updateable<CannedRepliesTable>) {
  const r = await db
    .updateTable('canned_replies')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteReply(db: Db, id: number) {
  await db.deleteFrom('canned_replies').where('id', '=', id).execute();
}
