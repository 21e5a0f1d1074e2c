import { sql } from 'kysely';
import { updateVersioned } from '../../db/versioned';
import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';

/*
 * AP-6 and AP-16 queries. The vote touches award_voters and award_tallies only (see the migration 0160 for why they
 * cannot be linked); nothing here reads or writes a ballot, because none is stored.
 */

/** Active members of staff (not customer contacts nor client IT offices), optionally in the actor's data scope. */
export function staff(db: Db, actor: Actor | null) {
  let q = db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select(['users.id', 'users.name', 'users.department_id', 'departments.manager_id'])
    .where('users.status', '=', 'active')
    .where('users.customer_id', 'is', null)
    .where('users.site_id', 'is', null);
  if (actor) q = q.where((eb) => scopeFilter(eb, actor, { owner: 'users.id', team: 'users.team_id', department: 'users.department_id' }));
  return q.orderBy('users.id').execute();
}
export type StaffRow = Awaited<ReturnType<typeof staff>>[number];

// AP-6 -------------------------------------------------------------------------------------------------------------------

export const roundOf = (db: Db, month: string) =>
  db.selectFrom('award_rounds').select(['id', 'month', 'state', 'policy_version', 'version']).where('month', '=', month).executeTakeFirst();
export type RoundRow = NonNullable<Awaited<ReturnType<typeof roundOf>>>;

/** Opens the month's round with a zero tally for every nominee (idempotent: a concurrent opener's round stands). */
export async function openRound(db: Db, month: string, policyVersion: number | null, nomineeIds: number[], at: string) {
  await db
    .insertInto('award_rounds')
    .values({ month, state: 'voting', policy_version: policyVersion, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('month').doNothing())
    .execute();
  const round = (await roundOf(db, month))!;
  if (nomineeIds.length > 0)
    await db
      .insertInto('award_tallies')
      .values(nomineeIds.map((id) => ({ round_id: round.id, nominee_id: id, votes: 0 })))
      .onConflict((oc) => oc.columns(['round_id', 'nominee_id']).doNothing())
      .execute();
  return round;
}

export const nomineesOf = (db: Db, roundId: number) =>
  db
    .selectFrom('award_tallies')
    .innerJoin('users', 'users.id', 'award_tallies.nominee_id')
    .select(['users.id', 'users.name'])
    .where('award_tallies.round_id', '=', roundId)
    .orderBy('users.id')
    .execute();

export const talliesOf = (db: Db, roundId: number) =>
  db.selectFrom('award_tallies').select(['nominee_id', 'votes']).where('round_id', '=', roundId).orderBy('nominee_id').execute();

export async function hasVoted(db: Db, roundId: number, voterId: number): Promise<boolean> {
  const row = await db
    .selectFrom('award_voters')
    .select('voter_id')
    .where('round_id', '=', roundId)
    .where('voter_id', '=', voterId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function voterCount(db: Db, roundId: number): Promise<number> {
  const row = await db
    .selectFrom('award_voters')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the voter (false when they had voted: the primary key holds one row per person and round). */
export async function markVoter(db: Db, roundId: number, voterId: number): Promise<boolean> {
  const res = await db
    .insertInto('award_voters')
    .values({ round_id: roundId, voter_id: voterId })
    .onConflict((oc) => oc.columns(['round_id', 'voter_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Counts the vote by rewriting every tally row of the round, so no row alone shows it was the one written. */
export async function countVote(db: Db, roundId: number, nomineeId: number) {
  await db
    .updateTable('award_tallies')
    .set({ votes: sql<number>`votes + (CASE WHEN nominee_id = ${nomineeId} THEN 1 ELSE 0 END)` })
    .where('round_id', '=', roundId)
    .execute();
}

export async function closeVoting(db: Db, round: RoundRow, at: string): Promise<boolean> {
  const res = await db
    .updateTable('award_rounds')
    .set({ state: 'review', updated_at: at, version: sql`version + 1` })
    .where('id', '=', round.id)
    .where('state', '=', 'voting')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertCandidates(db: Db, roundId: number, rows: { nomineeId: number; votes: number; rank: number }[], at: string) {
  if (rows.length === 0) return;
  await db
    .insertInto('award_candidates')
    .values(
      rows.map((r) => ({
        round_id: roundId,
        nominee_id: r.nomineeId,
        votes: r.votes,
        rank: r.rank,
        state: 'waiting',
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

const candidateColumns = [
  'c.id',
  'c.round_id',
  'c.nominee_id',
  'n.name as nominee_name',
  'n.department_id',
  'd.manager_id',
  'c.votes',
  'c.rank',
  'c.state',
  'c.manager_at',
  'c.vp_at',
  'c.gm_at',
  'mb.name as manager_name',
  'vb.name as vp_name',
  'gb.name as gm_name',
  'c.veto_step',
  'c.veto_ground',
  'c.veto_reason',
  'xb.name as veto_name',
  'c.veto_at',
  'c.bonus_fen',
  'c.policy_version',
  'c.version',
  'r.month',
] as const;

const candidatesQuery = (db: Db) =>
  db
    .selectFrom('award_candidates as c')
    .innerJoin('award_rounds as r', 'r.id', 'c.round_id')
    .innerJoin('users as n', 'n.id', 'c.nominee_id')
    .leftJoin('departments as d', 'd.id', 'n.department_id')
    .leftJoin('users as mb', 'mb.id', 'c.manager_by')
    .leftJoin('users as vb', 'vb.id', 'c.vp_by')
    .leftJoin('users as gb', 'gb.id', 'c.gm_by')
    .leftJoin('users as xb', 'xb.id', 'c.veto_by')
    .select(candidateColumns);
export type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidatesQuery>['executeTakeFirstOrThrow']>>;

export const candidatesOf = (db: Db, roundId: number) => candidatesQuery(db).where('c.round_id', '=', roundId).orderBy('c.rank').execute();
export const findCandidate = (db: Db, id: number) => candidatesQuery(db).where('c.id', '=', id).executeTakeFirst();

export const updateCandidate = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'award_candidates', id, version, set, at, 'Candidate');

export async function setInReview(db: Db, ids: number[], at: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('award_candidates')
    .set({ state: 'in_review', updated_at: at, version: sql`version + 1` })
    .where('id', 'in', ids)
    .execute();
}

/** AP-6 set-based: the month's confirmed best employees and their bonuses (the fact the appraisal and pay read). */
export function confirmedOfMonth(db: Db, month: string, userIds?: number[]) {
  let q = db
    .selectFrom('award_candidates as c')
    .innerJoin('award_rounds as r', 'r.id', 'c.round_id')
    .innerJoin('users as n', 'n.id', 'c.nominee_id')
    .select(['c.id', 'c.nominee_id', 'n.name', 'c.votes', 'c.bonus_fen', 'c.policy_version'])
    .where('r.month', '=', month)
    .where('c.state', '=', 'confirmed');
  if (userIds) q = q.where('c.nominee_id', 'in', userIds.length ? userIds : [0]);
  return q.orderBy('c.rank').execute();
}

// AP-16 ------------------------------------------------------------------------------------------------------------------

const reviewColumns = [
  'k.id',
  'k.user_id',
  'k.period',
  'k.self_scores',
  'k.superior_scores',
  'sb.name as superior_name',
  'k.consolidated_at',
  'cb.name as consolidated_name',
  'k.result',
  'k.version',
] as const;

export function reviewsOf(db: Db, period: string, userIds: number[]) {
  return db
    .selectFrom('kpi_reviews as k')
    .leftJoin('users as sb', 'sb.id', 'k.superior_by')
    .leftJoin('users as cb', 'cb.id', 'k.consolidated_by')
    .select(reviewColumns)
    .where('k.period', '=', period)
    .where('k.user_id', 'in', userIds.length ? userIds : [0])
    .execute();
}
export type ReviewRow = Awaited<ReturnType<typeof reviewsOf>>[number];

export async function insertReview(
  db: Db,
  values: {
    user_id: number;
    period: string;
    self_scores: string;
    self_at: string | null;
    superior_scores: string;
    superior_by: number | null;
    superior_at: string | null;
  },
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('kpi_reviews')
    .values({ ...values, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const updateReview = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'kpi_reviews', id, version, set, at, 'KPI review');

// PAY-2 / ORG-4 -----------------------------------------------------------------------------------------------------------

/** The regions and the active people responsible for each, with their role's permissions (ORG-4). */
export function regionsWithEngineers(db: Db) {
  return db
    .selectFrom('regions')
    .leftJoin('user_regions', 'user_regions.region_id', 'regions.id')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'user_regions.user_id').on('users.status', '=', 'active'))
    .leftJoin('roles', 'roles.id', 'users.role_id')
    .select([
      'regions.id as region_id',
      'regions.name as region_name',
      'users.id as user_id',
      'users.name as user_name',
      'roles.permissions',
    ])
    .orderBy('regions.id')
    .orderBy('users.id')
    .execute();
}

/** AP-16: the HR-consolidated results of these months (the ranking reads the consolidated score only). */
export function consolidatedResults(db: Db, months: string[]) {
  return db
    .selectFrom('kpi_reviews')
    .select(['user_id', 'period', 'result'])
    .where('period', 'in', months.length ? months : [''])
    .where('consolidated_at', 'is not', null)
    .execute();
}
