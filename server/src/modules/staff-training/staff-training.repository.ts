import type { Insertable } from 'kysely';
import type {
  CertificatesTable,
  ExamQuestionsTable,
  ExamsTable,
  ProductTestTasksTable,
  StaffTrainingSessionsTable,
} from '../../db/schema.incidents';
import { updateVersioned } from '../../db/versioned';
import type { Db } from '../../http/context';

/*
 * Set-based reads for the appraisal (AP-10 exam failures, AP-16 technical growth). Instants are ISO UTC text; [from, to)
 * are the UTC bounds of the company-local month. An exam result is a fact of the month its grade became final
 * (`graded_at`): a written answer graded later counts in the month it was graded.
 *
 *   examResultsBetween(db, { from, to, userIds? }) → ExamResultFact[]
 *     { attemptId, examId, examKind: 'training'|'knowledge', userId, points, maxPoints, passPercent, passed, gradedAt }
 *   examFailureCounts(db, { before, userIds }) → Map<userId, failures graded before `before`> (AP-10: three in total)
 *   attendanceBetween(db, { from, to, userIds? }) → { sessionId, kind, userId, status, startsAt }[] (TRN-1 sessions held)
 */

export type ExamResultFact = {
  attemptId: number;
  examId: number;
  examKind: 'training' | 'knowledge';
  userId: number;
  points: number;
  maxPoints: number;
  passPercent: number;
  passed: boolean;
  gradedAt: string;
};

export async function examResultsBetween(db: Db, q: { from: string; to: string; userIds?: number[] }): Promise<ExamResultFact[]> {
  let query = db
    .selectFrom('exam_attempts')
    .innerJoin('exams', 'exams.id', 'exam_attempts.exam_id')
    .select([
      'exam_attempts.id',
      'exam_attempts.exam_id',
      'exams.kind',
      'exam_attempts.user_id',
      'exam_attempts.points',
      'exams.max_points',
      'exams.pass_percent',
      'exam_attempts.passed',
      'exam_attempts.graded_at',
    ])
    .where('exam_attempts.status', '=', 'graded')
    .where('exam_attempts.graded_at', '>=', q.from)
    .where('exam_attempts.graded_at', '<', q.to);
  if (q.userIds) query = query.where('exam_attempts.user_id', 'in', q.userIds.length ? q.userIds : [0]);
  const rows = await query.orderBy('exam_attempts.graded_at').orderBy('exam_attempts.id').execute();
  return rows.map((r) => ({
    attemptId: r.id,
    examId: r.exam_id,
    examKind: r.kind as ExamResultFact['examKind'],
    userId: r.user_id,
    points: Number(r.points ?? 0),
    maxPoints: r.max_points,
    passPercent: r.pass_percent,
    passed: Boolean(r.passed),
    gradedAt: r.graded_at as string,
  }));
}

export async function examFailureCounts(db: Db, q: { before: string; userIds: number[] }): Promise<Map<number, number>> {
  if (q.userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('exam_attempts')
    .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'graded')
    .where('passed', '=', 0)
    .where('graded_at', '<', q.before)
    .where('user_id', 'in', q.userIds)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

export async function attendanceBetween(db: Db, q: { from: string; to: string; userIds?: number[] }) {
  let query = db
    .selectFrom('staff_training_attendees')
    .innerJoin('staff_training_sessions as s', 's.id', 'staff_training_attendees.session_id')
    .select(['s.id as session_id', 's.kind', 'staff_training_attendees.user_id', 'staff_training_attendees.status', 's.starts_at'])
    .where('s.status', '=', 'held')
    .where('s.starts_at', '>=', q.from)
    .where('s.starts_at', '<', q.to);
  if (q.userIds) query = query.where('staff_training_attendees.user_id', 'in', q.userIds.length ? q.userIds : [0]);
  const rows = await query.orderBy('s.starts_at').execute();
  return rows.map((r) => ({ sessionId: r.session_id, kind: r.kind, userId: r.user_id, status: r.status, startsAt: r.starts_at }));
}

/** TRN-3 set-based: the number of certificates issued in [fromDate, toDate) to each of these people (AP-16 growth). */
export async function certificatesIssuedBetween(db: Db, q: { fromDate: string; toDate: string; userIds: number[] }) {
  const rows = await db
    .selectFrom('certificates')
    .select(['user_id', (eb) => eb.fn.countAll().as('n')])
    .where('issued_on', '>=', q.fromDate)
    .where('issued_on', '<', q.toDate)
    .where('user_id', 'in', q.userIds.length ? q.userIds : [0])
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

type Versioned = 'staff_training_sessions' | 'exam_questions' | 'exams' | 'exam_attempts' | 'certificates' | 'product_test_tasks';
const WHAT: Record<Versioned, string> = {
  staff_training_sessions: 'Training session',
  exam_questions: 'Question',
  exams: 'Exam',
  exam_attempts: 'Exam paper',
  certificates: 'Certificate',
  product_test_tasks: 'Test task',
};

/** UPDATE with the version read: 409 when someone changed it meanwhile. */
export const bump = (db: Db, table: Versioned, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, table, id, version, set, at, WHAT[table]);

export const productName = (db: Db, id: number) => db.selectFrom('products').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

// Sessions ----------------------------------------------------------------------------------------------------------

export const sessionsQuery = (db: Db) =>
  db
    .selectFrom('staff_training_sessions')
    .leftJoin('products', 'products.id', 'staff_training_sessions.product_id')
    .leftJoin('users as trainer', 'trainer.id', 'staff_training_sessions.trainer_id')
    .selectAll('staff_training_sessions')
    .select(['products.name as product_name', 'trainer.name as trainer_user_name']);
export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionsQuery>['executeTakeFirstOrThrow']>>;

export async function attendeesOf(db: Db, sessionIds: number[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('staff_training_attendees')
    .innerJoin('users', 'users.id', 'staff_training_attendees.user_id')
    .select(['staff_training_attendees.session_id', 'staff_training_attendees.user_id', 'staff_training_attendees.status', 'users.name'])
    .where('staff_training_attendees.session_id', 'in', sessionIds)
    .orderBy('users.name')
    .execute();
}

export async function examIdsOfSessions(db: Db, sessionIds: number[]) {
  if (sessionIds.length === 0) return [];
  return db.selectFrom('exams').select(['id', 'session_id']).where('session_id', 'in', sessionIds).orderBy('id').execute();
}

// Questions and exams --------------------------------------------------------------------------------------------------

export const questionsQuery = (db: Db) =>
  db
    .selectFrom('exam_questions')
    .leftJoin('products', 'products.id', 'exam_questions.product_id')
    .selectAll('exam_questions')
    .select('products.name as product_name');
export type QuestionRow = Awaited<ReturnType<ReturnType<typeof questionsQuery>['executeTakeFirstOrThrow']>>;

export const examsQuery = (db: Db) =>
  db
    .selectFrom('exams')
    .leftJoin('products', 'products.id', 'exams.product_id')
    .leftJoin('users as trainer', 'trainer.id', 'exams.trainer_id')
    .selectAll('exams')
    .select([
      'products.name as product_name',
      'trainer.name as trainer_name',
      (eb) =>
        eb
          .selectFrom('exam_attempts')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('exam_attempts.exam_id', '=', 'exams.id')
          .as('candidates'),
      (eb) =>
        eb
          .selectFrom('exam_attempts')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('exam_attempts.exam_id', '=', 'exams.id')
          .where('exam_attempts.status', '!=', 'pending')
          .as('submitted'),
    ]);
export type ExamRow = Awaited<ReturnType<ReturnType<typeof examsQuery>['executeTakeFirstOrThrow']>>;

export const attemptsQuery = (db: Db) =>
  db
    .selectFrom('exam_attempts')
    .innerJoin('exams', 'exams.id', 'exam_attempts.exam_id')
    .innerJoin('users', 'users.id', 'exam_attempts.user_id')
    .selectAll('exam_attempts')
    .select(['exams.title as exam_title', 'exams.kind as exam_kind', 'exams.max_points', 'exams.closes_at', 'users.name as user_name']);
export type AttemptRow = Awaited<ReturnType<ReturnType<typeof attemptsQuery>['executeTakeFirstOrThrow']>>;

// Certificates and test tasks ------------------------------------------------------------------------------------------

export const certificatesQuery = (db: Db) =>
  db
    .selectFrom('certificates')
    .innerJoin('users', 'users.id', 'certificates.user_id')
    .selectAll('certificates')
    .select('users.name as user_name');
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificatesQuery>['executeTakeFirstOrThrow']>>;

/** TRN-3: certificates whose reminder period has begun by `lastExpiry` and that were not reminded for this expiry yet. */
export function certificatesToRemind(db: Db, lastExpiry: string, limit: number) {
  return certificatesQuery(db)
    .where('certificates.expires_on', 'is not', null)
    .where('certificates.expires_on', '<=', lastExpiry)
    .where((eb) =>
      eb.or([eb('certificates.reminded_for', 'is', null), eb('certificates.reminded_for', '!=', eb.ref('certificates.expires_on'))]),
    )
    .where('users.status', '=', 'active')
    .orderBy('certificates.expires_on')
    .limit(limit)
    .execute();
}

export const testTasksQuery = (db: Db) =>
  db
    .selectFrom('product_test_tasks')
    .innerJoin('users as assignee', 'assignee.id', 'product_test_tasks.assignee_id')
    .leftJoin('users as creator', 'creator.id', 'product_test_tasks.created_by')
    .leftJoin('products', 'products.id', 'product_test_tasks.product_id')
    .selectAll('product_test_tasks')
    .select(['assignee.name as assignee_name', 'creator.name as creator_name', 'products.name as product_name']);
export type TestTaskRow = Awaited<ReturnType<ReturnType<typeof testTasksQuery>['executeTakeFirstOrThrow']>>;

/** TRN-2: which of these people are on an approved trip covering the date (the work is done between trips). */
export async function travellingOn(db: Db, userIds: number[], date: string): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('travel_requests')
    .select('user_id')
    .distinct()
    .where('user_id', 'in', userIds)
    .where('status', '=', 'approved')
    .where('start_date', '<=', date)
    .where('end_date', '>=', date)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

// Scoped reads and writes --------------------------------------------------------------------------------------------

type Viewer = { id: number; manager: boolean };

/** Sessions a person sees: all with training.manage (unless `mine`), else those they attend or give. */
function sessionsVisible(db: Db, viewer: Viewer, mine: boolean) {
  const q = sessionsQuery(db);
  if (viewer.manager && !mine) return q;
  return q.where((eb) =>
    eb.or([
      eb('staff_training_sessions.trainer_id', '=', viewer.id),
      eb.exists(
        eb
          .selectFrom('staff_training_attendees as a')
          .select('a.user_id')
          .whereRef('a.session_id', '=', 'staff_training_sessions.id')
          .where('a.user_id', '=', viewer.id),
      ),
    ]),
  );
}

export const findSession = (db: Db, viewer: Viewer, id: number) =>
  sessionsVisible(db, viewer, false).where('staff_training_sessions.id', '=', id).executeTakeFirst();

export function listSessionRows(db: Db, viewer: Viewer, q: { mine: boolean; after: number | null; limit: number }) {
  let query = sessionsVisible(db, viewer, q.mine);
  if (q.after !== null) query = query.where('staff_training_sessions.id', '<', q.after);
  return query.orderBy('staff_training_sessions.id', 'desc').limit(q.limit).execute();
}

export async function insertSession(db: Db, values: Omit<Insertable<StaffTrainingSessionsTable>, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('staff_training_sessions').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Replaces (or first sets) a session's attendance. */
export async function setAttendees(db: Db, sessionId: number, rows: { userId: number; status: string }[], replace: boolean) {
  if (replace) await db.deleteFrom('staff_training_attendees').where('session_id', '=', sessionId).execute();
  if (rows.length)
    await db
      .insertInto('staff_training_attendees')
      .values(rows.map((r) => ({ session_id: sessionId, user_id: r.userId, status: r.status })))
      .execute();
}

export async function insertQuestion(db: Db, values: Omit<Insertable<ExamQuestionsTable>, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('exam_questions').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export const findQuestion = (db: Db, id: number) => questionsQuery(db).where('exam_questions.id', '=', id).executeTakeFirst();

export function listQuestionRows(db: Db, q: { productId?: number; generalOnly: boolean; after: number | null; limit: number }) {
  let query = questionsQuery(db);
  if (q.productId) query = query.where('exam_questions.product_id', '=', q.productId);
  if (q.generalOnly) query = query.where('exam_questions.product_id', 'is', null);
  if (q.after !== null) query = query.where('exam_questions.id', '<', q.after);
  return query.orderBy('exam_questions.id', 'desc').limit(q.limit).execute();
}

export const activeQuestions = (db: Db, ids: number[]) =>
  ids.length
    ? questionsQuery(db).where('exam_questions.id', 'in', ids).where('exam_questions.active', '=', 1).execute()
    : Promise.resolve([]);

/** Exams a person sees: all with training.manage (unless `mine`), else those they set or sit. */
function examsVisible(db: Db, viewer: Viewer, mine: boolean) {
  const q = examsQuery(db);
  if (viewer.manager && !mine) return q;
  return q.where((eb) =>
    eb.or([
      eb('exams.trainer_id', '=', viewer.id),
      eb.exists(
        eb.selectFrom('exam_attempts as a').select('a.id').whereRef('a.exam_id', '=', 'exams.id').where('a.user_id', '=', viewer.id),
      ),
    ]),
  );
}

export const findExam = (db: Db, viewer: Viewer, id: number) =>
  examsVisible(db, viewer, false).where('exams.id', '=', id).executeTakeFirst();

export function listExamRows(db: Db, viewer: Viewer, q: { mine: boolean; after: number | null; limit: number }) {
  let query = examsVisible(db, viewer, q.mine);
  if (q.after !== null) query = query.where('exams.id', '<', q.after);
  return query.orderBy('exams.id', 'desc').limit(q.limit).execute();
}

export async function insertExam(db: Db, values: Omit<Insertable<ExamsTable>, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('exams').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertAttempts(db: Db, examId: number, userIds: number[], at: string) {
  if (userIds.length === 0) return;
  await db
    .insertInto('exam_attempts')
    .values(userIds.map((userId) => ({ exam_id: examId, user_id: userId, status: 'pending', created_at: at, updated_at: at })))
    .execute();
}

export const attemptsOfExam = (db: Db, examId: number) =>
  attemptsQuery(db).where('exam_attempts.exam_id', '=', examId).orderBy('users.name').execute();
export const attemptOf = (db: Db, examId: number, userId: number) =>
  attemptsQuery(db).where('exam_attempts.exam_id', '=', examId).where('exam_attempts.user_id', '=', userId).executeTakeFirst();
export const attemptById = (db: Db, examId: number, attemptId: number) =>
  attemptsQuery(db).where('exam_attempts.id', '=', attemptId).where('exam_attempts.exam_id', '=', examId).executeTakeFirst();
export const attemptsOfUser = (db: Db, examIds: number[], userId: number) =>
  examIds.length
    ? attemptsQuery(db).where('exam_attempts.exam_id', 'in', examIds).where('exam_attempts.user_id', '=', userId).execute()
    : Promise.resolve([]);

export function listResultRows(db: Db, q: { userId?: number; from?: string; to?: string; after: number | null; limit: number }) {
  let query = attemptsQuery(db).where('exam_attempts.status', '!=', 'pending');
  if (q.userId) query = query.where('exam_attempts.user_id', '=', q.userId);
  if (q.from) query = query.where('exams.opens_at', '>=', q.from);
  if (q.to) query = query.where('exams.opens_at', '<', q.to);
  if (q.after !== null) query = query.where('exam_attempts.id', '<', q.after);
  return query.orderBy('exam_attempts.id', 'desc').limit(q.limit).execute();
}

export async function insertCertificate(db: Db, values: Omit<Insertable<CertificatesTable>, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('certificates').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findCertificate(db: Db, viewer: Viewer, id: number) {
  let q = certificatesQuery(db).where('certificates.id', '=', id);
  if (!viewer.manager) q = q.where('certificates.user_id', '=', viewer.id);
  return q.executeTakeFirst();
}

/** Certificates by holder and by state (the state as dates: expired before today, expiring up to `remindBy`). */
export function listCertificateRows(
  db: Db,
  q: { userId?: number; state?: string; today: string; remindBy: string; after: number | null; limit: number },
) {
  let query = certificatesQuery(db);
  if (q.userId) query = query.where('certificates.user_id', '=', q.userId);
  if (q.state === 'permanent') query = query.where('certificates.expires_on', 'is', null);
  if (q.state === 'expired') query = query.where('certificates.expires_on', '<', q.today);
  if (q.state === 'expiring')
    query = query.where('certificates.expires_on', '>=', q.today).where('certificates.expires_on', '<=', q.remindBy);
  if (q.state === 'valid') query = query.where('certificates.expires_on', '>', q.remindBy);
  if (q.after !== null) query = query.where('certificates.id', '<', q.after);
  return query.orderBy('certificates.id', 'desc').limit(q.limit).execute();
}

/** TRN-3: claims a certificate's reminder for its expiry date; false when it was already reminded for it. */
export async function claimReminder(db: Db, id: number, expiresOn: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('certificates')
    .set({ reminded_for: expiresOn, reminded_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('reminded_for', 'is', null), eb('reminded_for', '!=', expiresOn)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertTestTask(db: Db, values: Omit<Insertable<ProductTestTasksTable>, 'id' | 'version'>): Promise<number> {
  return (await db.insertInto('product_test_tasks').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findTestTask(db: Db, viewer: Viewer, id: number) {
  let q = testTasksQuery(db).where('product_test_tasks.id', '=', id);
  if (!viewer.manager) q = q.where('product_test_tasks.assignee_id', '=', viewer.id);
  return q.executeTakeFirst();
}

export function listTestTaskRows(db: Db, viewer: Viewer, q: { mine: boolean; status?: string; after: number | null; limit: number }) {
  let query = testTasksQuery(db);
  if (q.mine || !viewer.manager) query = query.where('product_test_tasks.assignee_id', '=', viewer.id);
  if (q.status) query = query.where('product_test_tasks.status', '=', q.status);
  if (q.after !== null) query = query.where('product_test_tasks.id', '<', q.after);
  return query.orderBy('product_test_tasks.id', 'desc').limit(q.limit).execute();
}
