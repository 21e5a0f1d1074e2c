import type { TSurveyGrade, TSurveyRatingFact } from '@techserve/core';
import type { Insertable } from 'kysely';
import type { SurveyAnswersTable, SurveyInvitationsTable, SurveyResponsesTable, SurveyRoundsTable } from '../../db/schema.incidents';
import { updateVersioned } from '../../db/versioned';
import type { Db } from '../../http/context';

/*
 * Set-based reads for the appraisal (AP-16 customer satisfaction) and the monthly service report (WR-5). Instants are
 * ISO UTC text; [from, to) are the UTC bounds of the company-local period.
 *
 *   surveyRatingsBetween(db, { from, to, customerIds? }) → TSurveyRatingFact[] (core)
 *     { responseId, customerId, regionId, engineerIds: number[], questionId, grade: excellent|good|fair|poor }
 *     — every rating of the survey responses submitted in [from, to); engineerIds are those who served the customer
 *     in the round's period. Aggregate with core's aggregateSurveyRatings(facts, 'engineer'|'customer'|'region'|'all',
 *     policy.incidents.surveys.satisfiedFrom, policyVersion).
 *   surveyResponseCountsBetween(db, { from, to }) → { invited, answered } of the rounds sent in [from, to).
 */

export async function surveyRatingsBetween(db: Db, q: { from: string; to: string; customerIds?: number[] }): Promise<TSurveyRatingFact[]> {
  let query = db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_responses.id as response_id',
      'survey_responses.round_id',
      'survey_responses.customer_id',
      'survey_responses.region_id',
      'survey_answers.question_id',
      'survey_answers.grade',
    ])
    .where('survey_responses.submitted_at', '>=', q.from)
    .where('survey_responses.submitted_at', '<', q.to)
    .where('survey_answers.grade', 'is not', null);
  if (q.customerIds) query = query.where('survey_responses.customer_id', 'in', q.customerIds.length ? q.customerIds : [0]);
  const rows = await query.orderBy('survey_responses.id').orderBy('survey_answers.question_id').execute();
  return withEngineers(db, rows);
}

/** The ratings of one round (its results page). */
export async function roundRatings(db: Db, roundId: number): Promise<TSurveyRatingFact[]> {
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_responses.id as response_id',
      'survey_responses.round_id',
      'survey_responses.customer_id',
      'survey_responses.region_id',
      'survey_answers.question_id',
      'survey_answers.grade',
    ])
    .where('survey_responses.round_id', '=', roundId)
    .where('survey_answers.grade', 'is not', null)
    .orderBy('survey_responses.id')
    .orderBy('survey_answers.question_id')
    .execute();
  return withEngineers(db, rows);
}

type RatingRow = {
  response_id: number;
  round_id: number;
  customer_id: number;
  region_id: number | null;
  question_id: string;
  grade: string | null;
};

/** Attaches who served each customer in each round's period (one query for all rounds and customers). */
async function withEngineers(db: Db, rows: RatingRow[]): Promise<TSurveyRatingFact[]> {
  const rounds = [...new Set(rows.map((r) => r.round_id))];
  const served = rounds.length
    ? await db.selectFrom('survey_round_engineers').select(['round_id', 'customer_id', 'user_id']).where('round_id', 'in', rounds).execute()
    : [];
  const byKey = new Map<string, number[]>();
  for (const s of served) {
    const key = `${s.round_id}:${s.customer_id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s.user_id]);
  }
  return rows.map((r) => ({
    responseId: r.response_id,
    customerId: r.customer_id,
    regionId: r.region_id,
    engineerIds: byKey.get(`${r.round_id}:${r.customer_id}`) ?? [],
    questionId: r.question_id,
    grade: r.grade as TSurveyGrade,
  }));
}

export async function surveyResponseCountsBetween(db: Db, q: { from: string; to: string }) {
  const row = await db
    .selectFrom('survey_invitations')
    .innerJoin('survey_rounds', 'survey_rounds.id', 'survey_invitations.round_id')
    .select((eb) => [eb.fn.countAll<number>().as('invited'), eb.fn.count<number>('survey_invitations.answered_at').as('answered')])
    .where('survey_rounds.sent_at', '>=', q.from)
    .where('survey_rounds.sent_at', '<', q.to)
    .executeTakeFirstOrThrow();
  return { invited: Number(row.invited), answered: Number(row.answered) };
}

// Rounds -----------------------------------------------------------------------------------------------------------

export const roundsQuery = (db: Db) =>
  db
    .selectFrom('survey_rounds')
    .leftJoin('users as creator', 'creator.id', 'survey_rounds.created_by')
    .selectAll('survey_rounds')
    .select([
      'creator.name as creator_name',
      (eb) =>
        eb
          .selectFrom('survey_invitations')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('survey_invitations.round_id', '=', 'survey_rounds.id')
          .as('invited'),
      (eb) =>
        eb
          .selectFrom('survey_invitations')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('survey_invitations.round_id', '=', 'survey_rounds.id')
          .where('survey_invitations.answered_at', 'is not', null)
          .as('answered'),
    ]);
export type RoundRow = Awaited<ReturnType<ReturnType<typeof roundsQuery>['executeTakeFirstOrThrow']>>;

export const bumpRound = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'survey_rounds', id, version, set, at, 'Survey');

export const invitationsOfRound = (db: Db, roundId: number) =>
  db
    .selectFrom('survey_invitations')
    .innerJoin('customers', 'customers.id', 'survey_invitations.customer_id')
    .innerJoin('customer_contacts', 'customer_contacts.id', 'survey_invitations.contact_id')
    .select([
      'survey_invitations.id',
      'survey_invitations.customer_id',
      'survey_invitations.contact_id',
      'survey_invitations.email',
      'survey_invitations.mailed',
      'survey_invitations.expires_at',
      'survey_invitations.answered_at',
      'survey_invitations.channel',
      'customers.name as customer_name',
      'customer_contacts.name as contact_name',
    ])
    .where('survey_invitations.round_id', '=', roundId)
    .orderBy('customers.name')
    .orderBy('customer_contacts.name')
    .execute();

/** SR-11b: the contacts of these customers (all customers with contacts when null), with their customer's region. */
export function contactsOf(db: Db, customerIds: number[] | null) {
  let q = db
    .selectFrom('customer_contacts')
    .innerJoin('customers', 'customers.id', 'customer_contacts.customer_id')
    .select([
      'customer_contacts.id',
      'customer_contacts.customer_id',
      'customer_contacts.name',
      'customer_contacts.email',
      'customers.name as customer_name',
      'customers.region_id',
    ]);
  if (customerIds) q = q.where('customer_contacts.customer_id', 'in', customerIds.length ? customerIds : [0]);
  return q.orderBy('customer_contacts.customer_id').orderBy('customer_contacts.id').execute();
}

/**
 * SR-11b: who served these customers in [from, to): the assignees of their requests resolved then, and the engineers of
 * their visits (responsibility letters) with an appointment then. One query each for all customers.
 */
export async function servedBy(db: Db, customerIds: number[], from: string, to: string): Promise<{ customerId: number; userId: number }[]> {
  if (customerIds.length === 0) return [];
  const [tickets, visits] = await Promise.all([
    db
      .selectFrom('tickets')
      .select(['customer_id', 'assignee_id'])
      .distinct()
      .where('customer_id', 'in', customerIds)
      .where('assignee_id', 'is not', null)
      .where('resolved_at', '>=', from)
      .where('resolved_at', '<', to)
      .execute(),
    db
      .selectFrom('letter_engineers')
      .innerJoin('responsibility_letters as rl', 'rl.id', 'letter_engineers.letter_id')
      .select(['rl.customer_id', 'letter_engineers.user_id'])
      .distinct()
      .where('rl.customer_id', 'in', customerIds)
      .where('rl.appointment_at', '>=', from)
      .where('rl.appointment_at', '<', to)
      .execute(),
  ]);
  const seen = new Set<string>();
  const out: { customerId: number; userId: number }[] = [];
  for (const [customerId, userId] of [
    ...tickets.map((t) => [t.customer_id, t.assignee_id as number] as const),
    ...visits.map((v) => [v.customer_id, v.user_id] as const),
  ]) {
    const key = `${customerId}:${userId}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ customerId, userId });
    }
  }
  return out;
}

/** The invitation behind a link or a portal answer, with its round. */
export const invitationQuery = (db: Db) =>
  db
    .selectFrom('survey_invitations')
    .innerJoin('survey_rounds', 'survey_rounds.id', 'survey_invitations.round_id')
    .innerJoin('customers', 'customers.id', 'survey_invitations.customer_id')
    .innerJoin('customer_contacts', 'customer_contacts.id', 'survey_invitations.contact_id')
    .select([
      'survey_invitations.id',
      'survey_invitations.round_id',
      'survey_invitations.customer_id',
      'survey_invitations.contact_id',
      'survey_invitations.region_id',
      'survey_invitations.expires_at',
      'survey_invitations.answered_at',
      'survey_rounds.title',
      'survey_rounds.period_start',
      'survey_rounds.period_end',
      'survey_rounds.questions',
      'survey_rounds.status as round_status',
      'survey_rounds.closes_at',
      'customers.name as customer_name',
      'customer_contacts.name as contact_name',
      'customer_contacts.email as contact_email',
      'customer_contacts.phone as contact_phone',
    ]);
export type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['executeTakeFirstOrThrow']>>;

/** A portal user's invitations: their company's contacts with the same e-mail address or phone number. */
export async function portalInvitations(db: Db, user: { customerId: number; email: string | null; phone: string | null }) {
  if (!user.email && !user.phone) return [];
  return invitationQuery(db)
    .where('survey_invitations.customer_id', '=', user.customerId)
    .where((eb) =>
      eb.or([
        ...(user.email ? [eb(eb.fn('lower', ['customer_contacts.email']), '=', user.email.toLowerCase())] : []),
        ...(user.phone ? [eb('customer_contacts.phone', '=', user.phone)] : []),
      ]),
    )
    .orderBy('survey_invitations.id', 'desc')
    .limit(50)
    .execute();
}

export function userContactInfo(db: Db, userId: number) {
  return db.selectFrom('users').select(['customer_id', 'email', 'phone']).where('id', '=', userId).executeTakeFirst();
}

/** The secret that signs the e-mailed links, created on first use (one per install; both databases keep the first). */
export async function linkSecret(db: Db, fresh: string, at: string): Promise<string> {
  await db
    .insertInto('survey_link_keys')
    .values({ name: 'survey', secret: fresh, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('survey_link_keys').select('secret').where('name', '=', 'survey').executeTakeFirstOrThrow();
  return row.secret;
}

/** Free-text answers of a round, for the results page. */
export const roundComments = (db: Db, roundId: number) =>
  db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .innerJoin('survey_invitations', 'survey_invitations.id', 'survey_responses.invitation_id')
    .innerJoin('customers', 'customers.id', 'survey_responses.customer_id')
    .innerJoin('customer_contacts', 'customer_contacts.id', 'survey_invitations.contact_id')
    .select([
      'customers.name as customer_name',
      'customer_contacts.name as contact_name',
      'survey_answers.question_id',
      'survey_answers.text',
    ])
    .where('survey_responses.round_id', '=', roundId)
    .where('survey_answers.text', 'is not', null)
    .orderBy('survey_responses.id')
    .limit(500)
    .execute();

/** Names for result groups. */
export async function groupNames(db: Db, by: 'customer' | 'engineer' | 'region', ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const table = by === 'customer' ? 'customers' : by === 'engineer' ? 'users' : 'regions';
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The newest round (its questionnaire is the template of the next automatic one) and whether a period has a round. */
export const latestRound = (db: Db) =>
  db.selectFrom('survey_rounds').select(['id', 'questions', 'title']).orderBy('id', 'desc').limit(1).executeTakeFirst();
export const roundSentBetween = (db: Db, from: string, to: string) =>
  db.selectFrom('survey_rounds').select('id').where('sent_at', '>=', from).where('sent_at', '<', to).limit(1).executeTakeFirst();
export const roundForPeriod = (db: Db, periodStart: string) =>
  db.selectFrom('survey_rounds').select('id').where('period_start', '=', periodStart).limit(1).executeTakeFirst();

// Writes ---------------------------------------------------------------------------------------------------------------

export async function insertRound(db: Db, values: Omit<Insertable<SurveyRoundsTable>, 'id' | 'version'>) {
  return db.insertInto('survey_rounds').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function insertRoundEngineers(db: Db, roundId: number, served: { customerId: number; userId: number }[]) {
  if (served.length === 0) return;
  await db
    .insertInto('survey_round_engineers')
    .values(served.map((s) => ({ round_id: roundId, customer_id: s.customerId, user_id: s.userId })))
    .execute();
}

export function insertInvitations(db: Db, rows: Omit<Insertable<SurveyInvitationsTable>, 'id'>[]) {
  return db.insertInto('survey_invitations').values(rows).returning(['id', 'contact_id']).execute();
}

/** Marks an invitation answered unless it already is; false when another answer came first. */
export async function claimInvitation(db: Db, id: number, at: string, channel: string): Promise<boolean> {
  const res = await db
    .updateTable('survey_invitations')
    .set({ answered_at: at, channel })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertResponse(db: Db, values: Omit<Insertable<SurveyResponsesTable>, 'id'>): Promise<number> {
  return (await db.insertInto('survey_responses').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertAnswers(db: Db, rows: Insertable<SurveyAnswersTable>[]) {
  if (rows.length) await db.insertInto('survey_answers').values(rows).execute();
}

export function findRound(db: Db, id: number) {
  return roundsQuery(db).where('survey_rounds.id', '=', id).executeTakeFirst();
}

export function listRoundRows(db: Db, after: number | null, limit: number) {
  let query = roundsQuery(db);
  if (after !== null) query = query.where('survey_rounds.id', '<', after);
  return query.orderBy('survey_rounds.id', 'desc').limit(limit).execute();
}

export function findInvitation(db: Db, id: number) {
  return invitationQuery(db).where('survey_invitations.id', '=', id).executeTakeFirst();
}
