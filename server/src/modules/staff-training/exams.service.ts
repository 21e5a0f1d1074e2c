import {
  type TBankQuestion,
  type TExam,
  type TExamAnswer,
  type TExamAnswers,
  type TExamQuestion,
  type TExamResult,
  type TExamSummary,
  type TExplanation,
  type ZExamCreate,
  type ZExamQuestionCreate,
  type ZExamQuestionUpdate,
  examWindowState,
  gradeExam,
  localDateOf,
} from '@techserve/core';
import type { z } from 'zod';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { fieldDetail, forbidden, notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { localMidnightIso, addDays } from '../field/field.dates';
import { assertMonthOpen } from '../months/months.service';
import { policyOn } from '../policy/policy-in-force';
import { sessionFor, staffOrRefuse, viewerOf } from './sessions.service';
import * as repo from './staff-training.repository';

// TRN-1: an exam on the day of an internal training, from the question bank per product: single and multiple choice
// graded automatically, written answers by the trainer, the pass mark from the policy; TRN-3: knowledge exams at
// irregular intervals. A failed exam is a fact for AP-10.

type Option = { id: string; text: string };
/** A question as the exam keeps it (copied from the bank when the exam is set). */
type PaperQuestion = TExamQuestion & { text: string; options: Option[] };

const bad = (path: string, reason: Parameters<typeof fieldDetail>[1], params: Record<string, string | number> = {}) =>
  refuse('invalid_value', reason, params, { ruleId: 'TRN-1', details: [fieldDetail(path, reason, params)] });

const toQuestion = (r: repo.QuestionRow): TBankQuestion => ({
  id: r.id,
  productId: r.product_id,
  productName: r.product_name,
  kind: r.kind as TBankQuestion['kind'],
  text: r.text,
  options: JSON.parse(r.options) as Option[],
  correct: JSON.parse(r.correct) as string[],
  points: r.points,
  active: Boolean(r.active),
  version: r.version,
});

export async function listQuestions(ctx: Ctx, q: { limit: number; cursor?: string; productId?: number; general?: '1' | '0' }) {
  const after = cursorId(q.cursor);
  const rows = await repo.listQuestionRows(ctx.db, { productId: q.productId, generalOnly: q.general === '1', after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(toQuestion), nextCursor };
}

async function questionFor(db: Db, id: number) {
  const row = await repo.findQuestion(db, id);
  if (!row) throw notFound('Question');
  return row;
}

export async function createQuestion(ctx: Ctx, body: z.output<typeof ZExamQuestionCreate>): Promise<TBankQuestion> {
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    if (body.productId != null && !(await repo.productName(db, body.productId))) throw bad('body.productId', 'training.noSuchProduct');
    const row = {
      id: await repo.insertQuestion(db, {
        product_id: body.productId ?? null,
        kind: body.kind,
        text: body.text,
        options: JSON.stringify(body.options),
        correct: JSON.stringify(body.correct),
        points: body.points,
        active: 1,
        created_by: ctx.actor.id,
        created_at: at,
        updated_at: at,
      }),
    };
    await recordAudit(db, ctx, { action: 'staff_training.question.create', entity: 'exam_question', entityId: row.id, after: body });
    return row.id;
  });
  return toQuestion(await questionFor(ctx.db, id));
}

/** Editing a bank question never changes an exam already set (each exam keeps its own copy of the paper). */
export async function updateQuestion(ctx: Ctx, id: number, body: z.output<typeof ZExamQuestionUpdate>): Promise<TBankQuestion> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const before = await questionFor(db, id);
    if (body.productId != null && !(await repo.productName(db, body.productId))) throw bad('body.productId', 'training.noSuchProduct');
    const set = {
      product_id: body.productId ?? null,
      kind: body.kind,
      text: body.text,
      options: JSON.stringify(body.options),
      correct: JSON.stringify(body.correct),
      points: body.points,
      active: body.active ? 1 : 0,
    };
    await repo.bump(db, 'exam_questions', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'staff_training.question.update',
      entity: 'exam_question',
      entityId: id,
      before: toQuestion(before),
      after: set,
    });
  });
  return toQuestion(await questionFor(ctx.db, id));
}

// Exams -----------------------------------------------------------------------------------------------------------------

const isTrainer = (ctx: Pick<Ctx, 'actor'>, exam: { trainer_id: number | null }) =>
  can(ctx.actor, 'training.manage') || exam.trainer_id === ctx.actor.id;

async function examFor(ctx: Pick<Ctx, 'actor' | 'db'>, id: number, db: Db = ctx.db) {
  const row = await repo.findExam(db, viewerOf(ctx), id);
  if (!row) throw notFound('Exam');
  return row;
}

function toResult(a: repo.AttemptRow, nowMs: number): TExamResult & { answers: Record<string, unknown> | null } {
  const closed = Date.parse(a.closes_at) <= nowMs;
  const status = a.status === 'pending' && closed ? 'absent' : (a.status as TExamResult['status']);
  const points = a.points;
  return {
    attemptId: a.id,
    examId: a.exam_id,
    examTitle: a.exam_title,
    examKind: a.exam_kind as TExamResult['examKind'],
    userId: a.user_id,
    userName: a.user_name,
    status,
    submittedAt: a.submitted_at,
    points,
    maxPoints: a.max_points,
    percent: points == null || a.max_points === 0 ? null : Math.round((points * 1000) / a.max_points) / 10,
    passed: a.passed == null ? null : Boolean(a.passed),
    gradedAt: a.graded_at,
    explanation: a.explanation ? (JSON.parse(a.explanation) as TExplanation) : null,
    answers: a.answers ? (JSON.parse(a.answers) as Record<string, unknown>) : null,
    version: a.version,
  };
}

function summaryOf(r: repo.ExamRow, nowMs: number): Omit<TExamSummary, 'myStatus' | 'myPassed'> {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as TExam['kind'],
    sessionId: r.session_id,
    productId: r.product_id,
    productName: r.product_name,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    state: examWindowState(Date.parse(r.opens_at), Date.parse(r.closes_at), nowMs),
    passPercent: r.pass_percent,
    maxPoints: r.max_points,
    trainerId: r.trainer_id,
    trainerName: r.trainer_name,
    candidates: Number(r.candidates ?? 0),
    submitted: Number(r.submitted ?? 0),
    policyVersion: r.policy_version,
    version: r.version,
  };
}

export async function getExam(ctx: Ctx, id: number): Promise<TExam> {
  const row = await examFor(ctx, id);
  const nowMs = ctx.clock.now().getTime();
  const paper = JSON.parse(row.questions) as PaperQuestion[];
  const attempts = await repo.attemptsOfExam(ctx.db, id);
  const mine = attempts.find((a) => a.user_id === ctx.actor.id);
  const trainer = isTrainer(ctx, row);
  // The right answers stay hidden from a candidate until their paper is graded.
  const reveal = trainer || mine?.status === 'graded';
  return Object.assign(summaryOf(row, nowMs), {
    questions: paper.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      options: q.options,
      points: q.points,
      correct: reveal ? q.correct : null,
    })),
    mine: mine ? toResult(mine, nowMs) : null,
    results: trainer ? attempts.map((a) => toResult(a, nowMs)) : null,
  });
}

export async function listExams(ctx: Ctx, q: { limit: number; cursor?: string; view: 'mine' | 'all' }) {
  const after = cursorId(q.cursor);
  const rows = await repo.listExamRows(ctx.db, viewerOf(ctx), { mine: q.view === 'mine', after, limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  const ids = items.map((r) => r.id);
  const mine = await repo.attemptsOfUser(ctx.db, ids, ctx.actor.id);
  const nowMs = ctx.clock.now().getTime();
  return {
    items: items.map((r) => {
      const a = mine.find((m) => m.exam_id === r.id);
      const result = a ? toResult(a, nowMs) : null;
      return Object.assign(summaryOf(r, nowMs), { myStatus: result?.status ?? null, myPassed: result?.passed ?? null });
    }),
    nextCursor,
  };
}

/**
 * TRN-1/TRN-3: sets an exam — a copy of the chosen bank questions (active ones), the candidates (for a training exam:
 * attendees of the session, held on its day), the window and the pass mark of the policy in force on the exam day.
 */
export async function createExam(ctx: Ctx, body: z.output<typeof ZExamCreate>): Promise<TExam> {
  const at = nowIso(ctx.clock);
  const examDay = localDateOf(Date.parse(body.opensAt));
  const id = await ctx.db.transaction().execute(async (db) => {
    if (body.productId != null && !(await repo.productName(db, body.productId))) throw bad('body.productId', 'training.noSuchProduct');
    const candidates = await staffOrRefuse(db, body.candidateIds, 'body.candidateIds');
    // The session's trainer grades its exam; a knowledge exam is graded by whoever sets it.
    let trainerId = ctx.actor.id;
    if (body.sessionId != null) {
      const session = await sessionFor(ctx, body.sessionId, db).catch(() => null);
      if (!session) throw bad('body.sessionId', 'training.noSuchSession');
      trainerId = session.trainer_id ?? trainerId;
      const day = localDateOf(Date.parse(session.starts_at));
      if (body.kind === 'training' && day !== examDay) throw bad('body.opensAt', 'training.examOnTheDay', { date: day });
      const attendees = new Set((await repo.attendeesOf(db, [session.id])).map((a) => a.user_id));
      const outsider = candidates.find((c) => !attendees.has(c.id));
      if (outsider) throw bad('body.candidateIds', 'training.notAttendee', { name: outsider.name });
    }
    const unique = [...new Set(body.questionIds)];
    const bank = await repo.activeQuestions(db, unique);
    const missing = unique.find((q) => !bank.some((b) => b.id === q));
    if (missing !== undefined) throw bad('body.questionIds', 'training.noSuchQuestion', { questionId: missing });
    const paper: PaperQuestion[] = unique.map((qid) => {
      const q = toQuestion(bank.find((b) => b.id === qid) as repo.QuestionRow);
      return { id: q.id, kind: q.kind, text: q.text, options: q.options, correct: q.correct, points: q.points };
    });
    const policy = await policyOn(db, examDay);
    const row = {
      id: await repo.insertExam(db, {
        title: body.title,
        kind: body.kind,
        session_id: body.sessionId ?? null,
        product_id: body.productId ?? null,
        opens_at: new Date(body.opensAt).toISOString(),
        closes_at: new Date(body.closesAt).toISOString(),
        pass_percent: policy.document.incidents.training.examPassPercent,
        max_points: paper.reduce((s, q) => s + q.points, 0),
        questions: JSON.stringify(paper),
        trainer_id: trainerId,
        department_id: ctx.actor.departmentId,
        policy_version: policy.number,
        created_at: at,
        updated_at: at,
      }),
    };
    await repo.insertAttempts(
      db,
      row.id,
      candidates.map((c) => c.id),
      at,
    );
    await recordAudit(db, ctx, { action: 'staff_training.exam.create', entity: 'exam', entityId: row.id, after: body });
    await notify(db, at, {
      userIds: candidates.map((c) => c.id),
      kind: 'staff_exam',
      message: 'training.exam',
      params: { title: body.title, opensAt: body.opensAt },
      link: `/staff-training/exams/${row.id}`,
    });
    return row.id;
  });
  return getExam(ctx, id);
}

/** The answers match the paper: known questions, offered options, one option for a single choice; 422 naming the question. */
function checkAnswers(paper: PaperQuestion[], answers: TExamAnswers['answers']) {
  for (const [key, a] of Object.entries(answers)) {
    const q = paper.find((p) => String(p.id) === key);
    if (!q) throw bad(`body.answers.${key}`, 'training.notInPaper', { questionId: key });
    const choices = a.choices ?? [];
    const offered = new Set(q.options.map((o) => o.id));
    const unknown = choices.find((c) => !offered.has(c));
    if (unknown !== undefined) throw bad(`body.answers.${key}`, 'training.choiceNotOffered', { choice: unknown });
    if (q.kind === 'single' && new Set(choices).size > 1) throw bad(`body.answers.${key}`, 'training.singleChoice');
  }
}

const writtenOf = (s: string | null) => (s ? (JSON.parse(s) as Record<string, number>) : {});

async function announceResult(
  db: Db,
  at: string,
  userId: number,
  examId: number,
  title: string,
  passed: boolean,
  explanation: TExplanation,
) {
  await notify(db, at, {
    userIds: [userId],
    kind: 'staff_exam_result',
    message: passed ? 'training.examPassed' : 'training.examFailed',
    params: { title, explanation: explanation.text },
    link: `/staff-training/exams/${examId}`,
  });
}

/**
 * TRN-1: a candidate hands in their paper, once, while the exam is open (from its opening until its close; after the
 * close it is refused with the rule and nothing is saved). Choice questions are graded at once; with no written
 * answers the result is final.
 */
export async function submitAnswers(ctx: Ctx, examId: number, body: TExamAnswers): Promise<TExam> {
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  await ctx.db.transaction().execute(async (db) => {
    const exam = await examFor(ctx, examId, db);
    const attempt = await repo.attemptOf(db, examId, ctx.actor.id);
    if (!attempt) throw refuse('forbidden', 'training.notCandidate', {}, { ruleId: 'TRN-1' });
    const state = examWindowState(Date.parse(exam.opens_at), Date.parse(exam.closes_at), nowMs);
    if (state === 'closed') throw refuse('rule_violation', 'training.examClosed', { closesAt: exam.closes_at }, { ruleId: 'TRN-1' });
    if (state === 'notOpen') throw refuse('rule_violation', 'training.examNotOpen', { opensAt: exam.opens_at }, { ruleId: 'TRN-1' });
    if (attempt.status !== 'pending')
      throw refuse('conflict', 'training.alreadySubmitted', { submittedAt: attempt.submitted_at ?? '' }, { ruleId: 'TRN-1' });
    const paper = JSON.parse(exam.questions) as PaperQuestion[];
    checkAnswers(paper, body.answers);
    const grade = gradeExam(paper, body.answers as Record<string, TExamAnswer>, {}, exam.pass_percent, exam.policy_version);
    // A final result is a fact (AP-10) of the month it is graded in.
    if (grade.complete) await assertMonthOpen(db, localDateOf(nowMs));
    const set = {
      status: grade.complete ? 'graded' : 'submitted',
      answers: JSON.stringify(body.answers),
      submitted_at: at,
      written_points: JSON.stringify({}),
      points: grade.points,
      passed: grade.passed == null ? null : grade.passed ? 1 : 0,
      explanation: JSON.stringify(grade.explanation),
      graded_at: grade.complete ? at : null,
    };
    await repo.bump(db, 'exam_attempts', attempt.id, attempt.version, set, at);
    await recordAudit(db, ctx, {
      action: 'staff_training.exam.submit',
      entity: 'exam_attempt',
      entityId: attempt.id,
      after: { points: grade.points, complete: grade.complete },
    });
    if (grade.complete) await announceResult(db, at, ctx.actor.id, examId, exam.title, Boolean(grade.passed), grade.explanation);
  });
  return getExam(ctx, examId);
}

/**
 * TRN-1: the trainer grades the written answers of a handed-in paper (0 to each question's points); once every written
 * answer has its points the result is final — a failure is a fact for AP-10. Regrading a graded paper replaces its result.
 */
export async function gradeAttempt(
  ctx: Ctx,
  examId: number,
  attemptId: number,
  body: { version: number; points: Record<string, number> },
): Promise<TExam> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const exam = await examFor(ctx, examId, db);
    if (!isTrainer(ctx, exam)) throw refuse('forbidden', 'training.notYourExam', {}, { ruleId: 'TRN-1' });
    const attempt = await repo.attemptById(db, examId, attemptId);
    if (!attempt) throw notFound('Exam paper');
    if (attempt.user_id === ctx.actor.id) throw forbidden('Your own paper is graded by another trainer');
    if (attempt.status === 'pending') throw refuse('illegal_transition', 'training.notSubmitted', {}, { ruleId: 'TRN-1' });
    // A regrade changes a result of the month it was graded in, and the new result counts in this one (AP-10).
    if (attempt.graded_at) await assertMonthOpen(db, localDateOf(Date.parse(attempt.graded_at)));
    await assertMonthOpen(db, localDateOf(ctx.clock.now().getTime()));
    const paper = JSON.parse(exam.questions) as PaperQuestion[];
    for (const [key, pts] of Object.entries(body.points)) {
      const q = paper.find((p) => String(p.id) === key);
      if (!q) throw bad(`body.points.${key}`, 'training.notInPaper', { questionId: key });
      if (q.kind !== 'written') throw bad(`body.points.${key}`, 'training.notWritten', { questionId: key });
      if (pts > q.points) throw bad(`body.points.${key}`, 'training.tooManyPoints', { questionId: key, max: q.points });
    }
    const written = { ...writtenOf(attempt.written_points), ...body.points };
    const answers = attempt.answers ? (JSON.parse(attempt.answers) as Record<string, TExamAnswer>) : {};
    const grade = gradeExam(paper, answers, written, exam.pass_percent, exam.policy_version);
    const set = {
      status: grade.complete ? 'graded' : 'submitted',
      written_points: JSON.stringify(written),
      points: grade.points,
      passed: grade.passed == null ? null : grade.passed ? 1 : 0,
      explanation: JSON.stringify(grade.explanation),
      graded_at: grade.complete ? at : null,
      graded_by: ctx.actor.id,
    };
    await repo.bump(db, 'exam_attempts', attemptId, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'staff_training.exam.grade',
      entity: 'exam_attempt',
      entityId: attemptId,
      before: { status: attempt.status, points: attempt.points, passed: attempt.passed },
      after: { ...set, explanation: undefined },
    });
    if (grade.complete) await announceResult(db, at, attempt.user_id, examId, exam.title, Boolean(grade.passed), grade.explanation);
  });
  return getExam(ctx, examId);
}

/** The trainer closes the exam before its planned end: no more answers from now on. */
export async function closeExam(ctx: Ctx, examId: number, version: number): Promise<TExam> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const exam = await examFor(ctx, examId, db);
    if (!isTrainer(ctx, exam)) throw refuse('forbidden', 'training.notYourExam', {}, { ruleId: 'TRN-1' });
    if (Date.parse(exam.closes_at) <= ctx.clock.now().getTime())
      throw refuse('illegal_transition', 'common.illegalTransition', { state: 'closed' });
    await repo.bump(db, 'exams', examId, version, { closes_at: at }, at);
    await recordAudit(db, ctx, {
      action: 'staff_training.exam.close',
      entity: 'exam',
      entityId: examId,
      before: { closes_at: exam.closes_at },
      after: { closes_at: at },
    });
  });
  return getExam(ctx, examId);
}

/** Results per person (AP-10 facts): one's own, or anyone's with training.manage. */
export async function listResults(ctx: Ctx, q: { limit: number; cursor?: string; userId?: number; from?: string; to?: string }) {
  const after = cursorId(q.cursor);
  const rows = await repo.listResultRows(ctx.db, {
    userId: can(ctx.actor, 'training.manage') ? q.userId : ctx.actor.id,
    from: q.from ? localMidnightIso(q.from) : undefined,
    to: q.to ? localMidnightIso(addDays(q.to, 1)) : undefined,
    after,
    limit: q.limit + 1,
  });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  const nowMs = ctx.clock.now().getTime();
  return {
    items: items.map((a) => {
      const { answers: _answers, ...result } = toResult(a, nowMs);
      return result;
    }),
    nextCursor,
  };
}
