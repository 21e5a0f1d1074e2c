import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, fieldWorld } from '../field/letters.fixtures';
import { remindCertificates } from './certificates.service';
import { examFailureCounts, examResultsBetween } from './staff-training.repository';

// TRN-1..3 internal training (内部培训), exams, certificates and test tasks through the API, on SQLite and PostgreSQL.
// The clock starts Monday 2026-03-02 09:00 Shanghai.

let t: TestApp;
let w: FieldWorld;
let portal: Agent;
let session: Json;
let questions: Json[];
let exam: Json;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'tr');
  await createUser(w.admin, { username: 'tr.portal', roleKey: 'customer_contact', customerId: w.ids.customer });
  portal = await t.login('tr.portal', 'password-123');
});
afterAll(async () => t?.close());

const sessionBody = (extra: Json = {}) => ({
  kind: 'product',
  title: 'DS300 存储新版本培训',
  trainerId: w.ids.supervisor,
  startsAt: '2026-03-03T01:00:00Z',
  endsAt: '2026-03-03T05:00:00Z',
  location: '三楼会议室',
  attendeeIds: [w.ids.engineer, w.ids.engineer2],
  ...extra,
});
const attemptOf = async (userId: number) =>
  t.database.db
    .selectFrom('exam_attempts')
    .selectAll()
    .where('exam_id', '=', exam.id)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();

describe('who may do what (TRN-1)', () => {
  it('lets only a training manager plan; refuses the training pages to sales and to a customer contact', async () => {
    expect((await w.engineer.post(api('/staff-training/sessions'), sessionBody())).statusCode).toBe(403);
    expect((await w.sales.get(api('/staff-training/sessions'))).statusCode).toBe(403);
    expect((await portal.get(api('/staff-training/exams'))).statusCode).toBe(403);
  });
});

describe('a session with attendance and an exam on the day (TRN-1, AP-10)', () => {
  it('plans a product session with its trainer and invites the attendees; a trainer is required', async () => {
    const noTrainer = await w.supervisor.post(api('/staff-training/sessions'), sessionBody({ trainerId: null }));
    expect(noTrainer.json().error).toMatchObject({ reason: 'training.trainerRequired', ruleId: 'TRN-1' });
    session = await expectStatus(await w.supervisor.post(api('/staff-training/sessions'), sessionBody()), 201);
    expect(session).toMatchObject({
      status: 'planned',
      trainerName: 'tr.sup',
      attendees: [expect.objectContaining({ status: 'invited' }), expect.anything()],
    });
    const mine = await expectStatus(await w.engineer.get(api('/staff-training/sessions')), 200);
    expect(mine.items.map((s: Json) => s.id)).toEqual([session.id]);
  });

  it('records attendance and marks the session held', async () => {
    session = await expectStatus(
      await w.supervisor.put(api(`/staff-training/sessions/${session.id}/attendance`), {
        version: session.version,
        attendees: [
          { userId: w.ids.engineer, status: 'present' },
          { userId: w.ids.engineer2, status: 'present' },
        ],
      }),
      200,
    );
    expect(session.status).toBe('held');
  });

  it('keeps a question bank: single choice has one right option, a written question none', async () => {
    const bad1 = await w.supervisor.post(api('/staff-training/questions'), {
      kind: 'single',
      text: 'x',
      points: 10,
      options: [
        { id: 'a', text: '1' },
        { id: 'b', text: '2' },
      ],
      correct: ['a', 'b'],
    });
    expect(bad1.statusCode).toBe(422);
    const bad2 = await w.supervisor.post(api('/staff-training/questions'), {
      kind: 'written',
      text: 'x',
      points: 10,
      options: [{ id: 'a', text: '1' }],
    });
    expect(bad2.statusCode).toBe(422);
    const opts = [
      { id: 'a', text: 'RAID 5' },
      { id: 'b', text: 'RAID 6' },
      { id: 'c', text: 'RAID 10' },
    ];
    questions = [
      await expectStatus(
        await w.supervisor.post(api('/staff-training/questions'), {
          kind: 'single',
          text: '允许同时坏两块盘的是？',
          points: 30,
          options: opts,
          correct: ['b'],
        }),
      ),
      await expectStatus(
        await w.supervisor.post(api('/staff-training/questions'), {
          kind: 'multiple',
          text: '有冗余的是？',
          points: 30,
          options: opts,
          correct: ['a', 'b', 'c'],
        }),
      ),
      await expectStatus(await w.supervisor.post(api('/staff-training/questions'), { kind: 'written', text: '简述扩容步骤', points: 40 })),
    ];
  });

  it('holds a training exam on the day of the session, for its attendees only', async () => {
    const body = {
      title: 'DS300 培训考试',
      kind: 'training',
      sessionId: session.id,
      questionIds: questions.map((q) => q.id),
      candidateIds: [w.ids.engineer, w.ids.engineer2],
      opensAt: '2026-03-03T06:00:00Z',
      closesAt: '2026-03-03T07:00:00Z',
    };
    const nextDay = await w.supervisor.post(api('/staff-training/exams'), {
      ...body,
      opensAt: '2026-03-04T06:00:00Z',
      closesAt: '2026-03-04T07:00:00Z',
    });
    expect(nextDay.json().error).toMatchObject({ reason: 'training.examOnTheDay', params: { date: '2026-03-03' } });
    const outsider = await w.supervisor.post(api('/staff-training/exams'), { ...body, candidateIds: [w.ids.sales] });
    expect(outsider.json().error.reason).toBe('training.notAttendee');
    exam = await expectStatus(await w.supervisor.post(api('/staff-training/exams'), body), 201);
    expect(exam).toMatchObject({ passPercent: 60, maxPoints: 100, candidates: 2, state: 'notOpen', policyVersion: 1 });
  });

  it('a candidate sees the paper without the right answers and cannot answer before it opens', async () => {
    const paper = await expectStatus(await w.engineer.get(api(`/staff-training/exams/${exam.id}`)), 200);
    expect(paper.questions.every((q: Json) => q.correct === null)).toBe(true);
    expect(paper.results).toBeNull();
    const early = await w.engineer.post(api(`/staff-training/exams/${exam.id}/answers`), { answers: {} });
    expect(early.json().error).toMatchObject({ reason: 'training.examNotOpen', ruleId: 'TRN-1' });
  });

  it('grades choice questions at once and waits for the trainer on the written answer', async () => {
    t.clock.set('2026-03-03T06:00:00Z');
    const [single, multiple, written] = questions.map((q) => String(q.id));
    const res = await expectStatus(
      await w.engineer.post(api(`/staff-training/exams/${exam.id}/answers`), {
        answers: {
          [single]: { choices: ['b'] },
          [multiple]: { choices: ['a', 'b'] },
          [written]: { text: '先备份，再加盘，最后扩容存储池' },
        },
      }),
      200,
    );
    expect(res.mine).toMatchObject({ status: 'submitted', points: 30, passed: null });
    const again = await w.engineer.post(api(`/staff-training/exams/${exam.id}/answers`), { answers: {} });
    expect(again.statusCode).toBe(409);
  });

  it('refuses an answer at the closing instant, saving nothing', async () => {
    t.clock.set('2026-03-03T07:00:00Z');
    const late = await w.engineer2.post(api(`/staff-training/exams/${exam.id}/answers`), {
      answers: { [questions[0].id]: { choices: ['b'] } },
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ reason: 'training.examClosed', ruleId: 'TRN-1' });
    expect((await attemptOf(w.ids.engineer2)).status).toBe('pending');
    const results = (await expectStatus(await w.supervisor.get(api(`/staff-training/exams/${exam.id}`)), 200)).results;
    expect(results.find((r: Json) => r.userId === w.ids.engineer2).status).toBe('absent');
  });

  it('the trainer grades the written answer: 59 of 100 fails (AP-10), a regrade to 60 passes at the mark', async () => {
    t.clock.set('2026-03-03T08:00:00Z');
    const attempt = await attemptOf(w.ids.engineer);
    const written = String(questions[2].id);
    expect(
      (
        await w.engineer.post(api(`/staff-training/exams/${exam.id}/attempts/${attempt.id}/grade`), {
          version: attempt.version,
          points: { [written]: 40 },
        })
      ).statusCode,
    ).toBe(403);
    const tooMany = await w.supervisor.post(api(`/staff-training/exams/${exam.id}/attempts/${attempt.id}/grade`), {
      version: attempt.version,
      points: { [written]: 41 },
    });
    expect(tooMany.json().error).toMatchObject({ reason: 'training.tooManyPoints', params: { max: 40 } });
    let graded = await expectStatus(
      await w.supervisor.post(api(`/staff-training/exams/${exam.id}/attempts/${attempt.id}/grade`), {
        version: attempt.version,
        points: { [written]: 29 },
      }),
      200,
    );
    let mine = graded.results.find((r: Json) => r.userId === w.ids.engineer);
    expect(mine).toMatchObject({ status: 'graded', points: 59, percent: 59, passed: false, explanation: { ruleId: 'AP-10' } });
    graded = await expectStatus(
      await w.supervisor.post(api(`/staff-training/exams/${exam.id}/attempts/${attempt.id}/grade`), {
        version: mine.version,
        points: { [written]: 30 },
      }),
      200,
    );
    mine = graded.results.find((r: Json) => r.userId === w.ids.engineer);
    expect(mine).toMatchObject({ points: 60, passed: true });
    const own = await expectStatus(await w.engineer.get(api(`/staff-training/exams/${exam.id}`)), 200);
    expect(own.questions[0].correct).toEqual(['b']);
    const results = await expectStatus(await w.engineer.get(api('/staff-training/results')), 200);
    expect(results.items.map((r: Json) => [r.examTitle, r.passed])).toEqual([['DS300 培训考试', true]]);
  });

  it('offers the month’s results and the failures so far for many people at once', async () => {
    const facts = await examResultsBetween(t.database.db, {
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      userIds: [w.ids.engineer, w.ids.engineer2],
    });
    expect(facts.map((f) => [f.userId, f.passed, f.points, f.maxPoints, f.passPercent])).toEqual([[w.ids.engineer, true, 60, 100, 60]]);
    expect(await examFailureCounts(t.database.db, { before: '2026-04-01T00:00:00Z', userIds: [w.ids.engineer] })).toEqual(new Map());
  });
});

describe('a closed month keeps its exam results (AP-10)', () => {
  it('refuses to regrade a paper graded in a closed month (409)', async () => {
    t.clock.set('2026-04-02T02:00:00Z');
    await expectStatus(await w.supervisor.post(api('/months/2026-03/close'), {}), 200);
    const attempt = await attemptOf(w.ids.engineer);
    const res = await w.supervisor.post(api(`/staff-training/exams/${exam.id}/attempts/${attempt.id}/grade`), {
      version: attempt.version,
      points: { [String(questions[2].id)]: 40 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ reason: 'months.closed', params: { month: '2026-03' } });
    expect((await attemptOf(w.ids.engineer)).points).toBe(60);
  });
});

describe('certificates with expiry reminders (TRN-3)', () => {
  it('records an engineer’s own certificate and states it expiring from exactly 30 days before expiry', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const cert = await expectStatus(
      await w.engineer.post(api('/staff-training/certificates'), { name: '网络工程师认证', issuer: '某厂商', expiresOn: '2026-04-02' }),
      201,
    );
    expect(cert).toMatchObject({ state: 'valid', daysLeft: 31, explanation: { ruleId: 'TRN-3' } });
    expect(await remindCertificates(t.database.db, t.clock)).toBe(0);
    t.clock.set('2026-03-03T02:00:00Z');
    expect(await remindCertificates(t.database.db, t.clock)).toBe(1);
    expect(await remindCertificates(t.database.db, t.clock)).toBe(0);
    const notes = await t.database.db.selectFrom('notifications').select('user_id').where('kind', '=', 'certificate_expiry').execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([w.ids.engineer, w.ids.supervisor].sort());
    const list = await expectStatus(await w.engineer.get(api('/staff-training/certificates?state=expiring')), 200);
    expect(list.items.map((c: Json) => c.id)).toEqual([cert.id]);
    // Renewed: a new expiry is reminded again in its own time.
    const renewed = await expectStatus(
      await w.engineer.patch(api(`/staff-training/certificates/${cert.id}`), {
        version: list.items[0].version,
        name: '网络工程师认证',
        expiresOn: '2029-04-02',
      }),
      200,
    );
    expect(renewed.state).toBe('valid');
    expect(await remindCertificates(t.database.db, t.clock)).toBe(0);
    expect((await w.engineer2.get(api(`/staff-training/certificates`))).json().items).toEqual([]);
  });
});

describe('product test tasks with R&D between trips (TRN-2)', () => {
  it('gives an engineer a test document task; the engineer reports the result and may not cancel it', async () => {
    const task = await expectStatus(
      await w.supervisor.post(api('/staff-training/test-tasks'), {
        kind: 'testDocument',
        title: 'DS300 v2.1 发布后测试',
        assigneeId: w.ids.engineer,
        rndContact: '研发部 王工',
        dueOn: '2026-03-20',
      }),
      201,
    );
    expect(task).toMatchObject({ status: 'assigned', assigneeTravelling: false, rndContact: '研发部 王工' });
    expect(
      (await w.engineer.patch(api(`/staff-training/test-tasks/${task.id}`), { version: task.version, status: 'cancelled' })).statusCode,
    ).toBe(403);
    const done = await expectStatus(
      await w.engineer.patch(api(`/staff-training/test-tasks/${task.id}`), {
        version: task.version,
        status: 'done',
        result: '测试用例 42 条全部通过，发现 1 个界面问题已提交研发',
      }),
      200,
    );
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-03-03T02:00:00.000Z' });
    expect((await w.engineer2.get(api('/staff-training/test-tasks'))).json().items).toEqual([]);
  });
});

describe('TRN-3 knowledge exams and TRN-1 session kinds', () => {
  let product: number;
  let bank: Json[];

  beforeAll(async () => {
    const line = await expectStatus(await w.admin.post(api('/product-lines'), { name: 'tr-监护' }), 201);
    product = (await expectStatus(await w.admin.post(api('/products'), { name: 'tr-PM-8000', productLineId: line.id }), 201)).id;
    const choice = (text: string, productId: number | null) => ({
      productId,
      kind: 'single',
      text,
      points: 50,
      options: [
        { id: 'a', text: '是' },
        { id: 'b', text: '否' },
      ],
      correct: ['a'],
    });
    bank = [
      await expectStatus(await w.supervisor.post(api('/staff-training/questions'), choice('PM-8000 支持 12 导联吗？', product))),
      await expectStatus(await w.supervisor.post(api('/staff-training/questions'), choice('PM-8000 可联网吗？', product))),
      await expectStatus(await w.supervisor.post(api('/staff-training/questions'), choice('上门前须电话预约吗？', null))),
    ];
  });

  it('the question bank filters by product, and the general questions apart', async () => {
    const mine = await expectStatus(await w.supervisor.get(api(`/staff-training/questions?productId=${product}`)), 200);
    expect(mine.items.map((q: Json) => q.id).sort()).toEqual([bank[0].id, bank[1].id].sort());
    expect(mine.items.every((q: Json) => q.productId === product && q.productName === 'tr-PM-8000')).toBe(true);
    const general = await expectStatus(await w.supervisor.get(api('/staff-training/questions?general=1')), 200);
    expect(general.items.map((q: Json) => q.id)).toContain(bank[2].id);
    expect(general.items.every((q: Json) => q.productId === null)).toBe(true);
  });

  it('sets a knowledge exam not tied to a session, on any day; it is answered, graded and counted as a result (TRN-3, AP-10)', async () => {
    t.clock.set('2026-06-10T01:00:00Z');
    const exam = await expectStatus(
      await w.supervisor.post(api('/staff-training/exams'), {
        title: 'PM-8000 知识抽考',
        kind: 'knowledge',
        productId: product,
        questionIds: [bank[0].id, bank[1].id],
        candidateIds: [w.ids.engineer, w.ids.engineer2],
        opensAt: '2026-06-10T02:00:00Z',
        closesAt: '2026-06-10T03:00:00Z',
      }),
      201,
    );
    expect(exam).toMatchObject({
      kind: 'knowledge',
      sessionId: null,
      productId: product,
      productName: 'tr-PM-8000',
      maxPoints: 100,
      passPercent: 60,
      candidates: 2,
      trainerId: w.ids.supervisor,
    });
    t.clock.set('2026-06-10T02:30:00Z');
    const [q1, q2] = [String(bank[0].id), String(bank[1].id)];
    const res = await expectStatus(
      await w.engineer2.post(api(`/staff-training/exams/${exam.id}/answers`), {
        answers: { [q1]: { choices: ['a'] }, [q2]: { choices: ['b'] } },
      }),
      200,
    );
    expect(res.mine).toMatchObject({ status: 'graded', points: 50, passed: false, examKind: 'knowledge' });
    const facts = await examResultsBetween(t.database.db, {
      from: '2026-05-31T16:00:00.000Z',
      to: '2026-06-30T16:00:00.000Z',
      userIds: [w.ids.engineer2],
    });
    expect(facts.map((f) => [f.userId, f.passed, f.points])).toEqual([[w.ids.engineer2, false, 50]]);
    const listed = await expectStatus(await w.engineer2.get(api('/staff-training/exams')), 200);
    expect(listed.items.find((e: Json) => e.id === exam.id)).toMatchObject({ kind: 'knowledge', myStatus: 'graded', myPassed: false });
  });

  it('accepts and lists sessions of every kind: onboarding, skills and external (an external trainer by name)', async () => {
    const made = [
      await expectStatus(
        await w.supervisor.post(
          api('/staff-training/sessions'),
          sessionBody({ kind: 'onboarding', title: '新员工入职培训', startsAt: '2026-06-15T01:00:00Z', endsAt: '2026-06-15T09:00:00Z' }),
        ),
        201,
      ),
      await expectStatus(
        await w.supervisor.post(
          api('/staff-training/sessions'),
          sessionBody({ kind: 'skills', title: '焊接技能培训', startsAt: '2026-06-16T01:00:00Z', endsAt: '2026-06-16T05:00:00Z' }),
        ),
        201,
      ),
      await expectStatus(
        await w.supervisor.post(
          api('/staff-training/sessions'),
          sessionBody({
            kind: 'external',
            title: 'ISO 9000 外部培训',
            trainerId: null,
            trainerName: '质量认证中心',
            startsAt: '2026-06-17T01:00:00Z',
            endsAt: '2026-06-17T09:00:00Z',
          }),
        ),
        201,
      ),
    ];
    expect(made.map((s) => `${s.kind} ${s.trainerName}`)).toEqual(['onboarding tr.sup', 'skills tr.sup', 'external 质量认证中心']);
    const all = await expectStatus(await w.supervisor.get(api('/staff-training/sessions?view=all')), 200);
    const kinds = new Map(all.items.map((s: Json) => [s.id, s.kind]));
    expect(made.map((s) => kinds.get(s.id))).toEqual(['onboarding', 'skills', 'external']);
    const mine = await expectStatus(await w.engineer.get(api('/staff-training/sessions')), 200);
    expect(mine.items.map((s: Json) => s.id)).toEqual(expect.arrayContaining(made.map((s) => s.id)));
    const unknown = await w.supervisor.post(api('/staff-training/sessions'), sessionBody({ kind: 'seminar' }));
    expect(unknown.statusCode).toBe(400);
  });
});
