import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { notFound } from '../../http/errors';

// Data scopes of the field module (design: data scopes in the repository). 404 outside the scope, never 403.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- applies to whichever query selects from the table.
type Eb = ExpressionBuilder<DB, any>;
type Cond = ExpressionWrapper<DB, keyof DB, SqlBool>;
const all = () => sql<boolean>`1 = 1` as unknown as Cond;
const none = () => sql<boolean>`1 = 0` as unknown as Cond;

/** A user's own letters: those they are assigned to. */
export function onLetter(eb: Eb, userId: number, letterRef = 'responsibility_letters.id'): Cond {
  return eb.exists(
    eb
      .selectFrom('letter_engineers as le')
      .select('le.letter_id')
      .whereRef('le.letter_id', '=', sql.ref(letterRef))
      .where('le.user_id', '=', userId),
  ) as Cond;
}

/**
 * FS-2: letters an actor may see. Everyone sees the letters they are on, created, or that come from a notice they
 * wrote (FS-2: the author clarifies a mismatch); a team sees letters with one of its engineers or not yet staffed; a
 * department its own and unplaced letters; a region the letters of its regions.
 */
export function letterScope(eb: Eb, actor: Actor): Cond {
  const mine = eb.or([
    onLetter(eb, actor.id),
    eb('responsibility_letters.created_by', '=', actor.id),
    eb.exists(
      eb
        .selectFrom('service_notices as sn')
        .select('sn.id')
        .whereRef('sn.id', '=', 'responsibility_letters.notice_id')
        .where('sn.created_by', '=', actor.id),
    ),
  ]) as Cond;
  switch (actor.scope) {
    case 'all':
      return all();
    case 'team': {
      if (actor.teamId == null) return mine;
      const teamId = actor.teamId;
      return eb.or([
        mine,
        eb.exists(
          eb
            .selectFrom('letter_engineers as lt')
            .innerJoin('users as lu', 'lu.id', 'lt.user_id')
            .select('lt.letter_id')
            .whereRef('lt.letter_id', '=', 'responsibility_letters.id')
            .where('lu.team_id', '=', teamId),
        ),
        eb.not(
          eb.exists(
            eb.selectFrom('letter_engineers as ln').select('ln.letter_id').whereRef('ln.letter_id', '=', 'responsibility_letters.id'),
          ),
        ),
      ]) as Cond;
    }
    case 'department':
      return actor.departmentId == null
        ? mine
        : (eb.or([
            mine,
            eb('responsibility_letters.department_id', '=', actor.departmentId),
            eb('responsibility_letters.department_id', 'is', null),
          ]) as Cond);
    case 'region':
      return actor.regionIds.length === 0 ? mine : (eb.or([mine, eb('responsibility_letters.region_id', 'in', actor.regionIds)]) as Cond);
    case 'company':
    case 'site':
      return none();
    default:
      return mine;
  }
}

/**
 * FS-1: notices an actor may see. Authors see theirs; signers (field.sign) see all so they can sign; the
 * service department (all/department scope) sees all; a region sees its customers' notices.
 */
export function noticeScope(eb: Eb, actor: Actor): Cond {
  const mine = eb('service_notices.created_by', '=', actor.id) as Cond;
  if (actor.scope === 'all' || actor.scope === 'department' || can(actor, 'field.sign')) return all();
  if (actor.scope === 'company' || actor.scope === 'site') return none();
  if (actor.scope === 'region' && actor.regionIds.length > 0) {
    return eb.or([
      mine,
      eb.exists(
        eb
          .selectFrom('customers as nc')
          .select('nc.id')
          .whereRef('nc.id', '=', 'service_notices.customer_id')
          .where('nc.region_id', 'in', actor.regionIds),
      ),
    ]) as Cond;
  }
  return mine;
}

export async function letterFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await db
    .selectFrom('responsibility_letters')
    .selectAll('responsibility_letters')
    .where('responsibility_letters.id', '=', id)
    .where((eb) => letterScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound('Responsibility letter');
  return row;
}
export type LetterRow = Awaited<ReturnType<typeof letterFor>>;

export async function noticeFor(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await db
    .selectFrom('service_notices')
    .selectAll('service_notices')
    .where('service_notices.id', '=', id)
    .where((eb) => noticeScope(eb, ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound('Service notice');
  return row;
}
export type NoticeRow = Awaited<ReturnType<typeof noticeFor>>;

/** The actor is one of the letter's engineers. */
export async function isOnLetter(db: Db, letterId: number, userId: number): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('letter_engineers')
      .select('user_id')
      .where('letter_id', '=', letterId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );
}

/** FS-1: the GM is a user whose role key is 'gm'. */
export const isGm = (actor: Actor) => actor.roleKey === 'gm';

/** FS-1: the service department head: the manager of a department, or whose role's data scope is a department. */
export async function isDepartmentHead(db: Db, actor: Actor): Promise<boolean> {
  if (actor.scope === 'department') return true;
  return Boolean(await db.selectFrom('departments').select('id').where('manager_id', '=', actor.id).executeTakeFirst());
}
