import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Json, type TestApp, api, createTestApp, createUser, expectStatus } from '../../test/harness';
import { type FieldWorld, approvedLetterFixture, fieldWorld } from '../field/letters.fixtures';
import { scheduledRound } from './surveys.service';
import { surveyRatingsBetween } from './surveys.repository';

// SR-11b: periodic satisfaction surveys through the API, on SQLite and PostgreSQL. The clock starts Monday 2026-03-02.

let t: TestApp;
let w: FieldWorld;
let portal: Agent;
let round: Json;
let token: string;

const QUESTIONS = [
  { id: 'attitude', kind: 'rating', text: { 'zh-CN': '服务态度', en: 'Attitude' } },
  { id: 'skill', kind: 'rating', text: { 'zh-CN': '技术水平', en: 'Skill' } },
  { id: 'suggestions', kind: 'text', required: false, text: { 'zh-CN': '建议', en: 'Suggestions' } },
];

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  w = await fieldWorld(t, 'sv');
  // eng visits the customer on 2026-03-03: he served it in March.
  await approvedLetterFixture(w, '2026-03-03T01:00:00Z');
  await expectStatus(
    await w.supervisor.post(api('/contacts'), { customerId: w.ids.customer, name: '钱主任', email: 'qian@hospital.example' }),
    201,
  );
  await expectStatus(await w.supervisor.post(api('/contacts'), { customerId: w.ids.customer, name: '孙工', phone: '13900001002' }), 201);
  await createUser(w.admin, { username: 'sv.portal', roleKey: 'customer_contact', customerId: w.ids.customer, phone: '13900001002' });
  portal = await t.login('sv.portal', 'password-123');
});
afterAll(async () => t?.close());

const responses = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('survey_responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const publicGet = (tok: string) => t.anonymous().get(api(`/public/surveys/${tok}`));
const publicPost = (tok: string, answers: Json) => t.anonymous().post(api(`/public/surveys/${tok}`), { answers });

describe('who may do what (SR-11b)', () => {
  it('refuses the rounds to an engineer and sending one to a customer contact', async () => {
    expect((await w.engineer.get(api('/surveys'))).statusCode).toBe(403);
    expect((await portal.post(api('/surveys'), { title: 'x', questions: QUESTIONS })).statusCode).toBe(403);
  });
});

describe('a round goes to every contact, by signed e-mail link or the portal (SR-11b)', () => {
  it('invites each contact once, remembers who served the customer in the period and e-mails the link to those with an address', async () => {
    round = await expectStatus(
      await w.supervisor.post(api('/surveys'), {
        title: '2026 年 3 月满意度调查',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        questions: QUESTIONS,
      }),
      201,
    );
    expect(round).toMatchObject({
      invited: 2,
      answered: 0,
      status: 'open',
      closesAt: '2026-04-01T01:00:00.000Z',
      explanation: { ruleId: 'SR-11b' },
    });
    expect(round.invitations.map((i: Json) => [i.contactName, i.mailed])).toEqual([
      ['孙工', false],
      ['钱主任', true],
    ]);
    const served = await t.database.db.selectFrom('survey_round_engineers').select('user_id').where('round_id', '=', round.id).execute();
    expect(served.map((s) => s.user_id)).toEqual([w.ids.engineer]);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'text_body'])
      .where('to_address', '=', 'qian@hospital.example')
      .executeTakeFirstOrThrow();
    const link = /http:\/\/[^/\s]+\/survey\/(\S+)/.exec(mail.text_body);
    expect(link).not.toBeNull();
    token = link![1];
  });

  it('shows the questionnaire behind the link without an account, and refuses a forged token', async () => {
    const form = await expectStatus(await publicGet(token), 200);
    expect(form).toMatchObject({ state: 'open', contactName: '钱主任', title: '2026 年 3 月满意度调查' });
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const res = await publicGet(forged);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.reason).toBe('surveys.linkInvalid');
  });

  it('refuses incomplete or unknown answers naming the question, and saves nothing', async () => {
    const before = await responses();
    const cases: Array<[Json, string]> = [
      [{ attitude: 'good' }, 'body.answers.skill'],
      [{ attitude: 'good', skill: 'superb' }, 'body.answers.skill'],
      [{ attitude: 'good', skill: 'good', price: 'good' }, 'body.answers.price'],
    ];
    for (const [answers, path] of cases) {
      const res = await publicPost(token, answers);
      expect(res.statusCode, JSON.stringify(answers)).toBe(422);
      expect(res.json().error.details.map((d: Json) => d.path)).toContain(path);
    }
    expect(await responses()).toBe(before);
  });

  it('takes one answer per contact: the second through the same link is refused (409) and nothing more is saved', async () => {
    t.clock.set('2026-03-05T02:00:00Z');
    const ok = await expectStatus(await publicPost(token, { attitude: 'excellent', skill: 'fair', suggestions: '希望提前电话通知' }), 201);
    expect(ok.answeredAt).toBe('2026-03-05T02:00:00.000Z');
    const before = await responses();
    const again = await publicPost(token, { attitude: 'poor', skill: 'poor' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ reason: 'surveys.alreadyAnswered', ruleId: 'SR-11b' });
    expect(await responses()).toBe(before);
    expect((await expectStatus(await publicGet(token), 200)).state).toBe('answered');
  });

  it('lets the portal contact answer the questionnaire sent to them, once', async () => {
    const mine = await expectStatus(await portal.get(api('/portal/surveys')), 200);
    expect(mine.items.map((f: Json) => [f.contactName, f.state])).toEqual([['孙工', 'open']]);
    const id = mine.items[0].invitationId;
    await expectStatus(await portal.post(api(`/portal/surveys/${id}`), { answers: { attitude: 'good', skill: 'good' } }), 201);
    expect((await portal.post(api(`/portal/surveys/${id}`), { answers: { attitude: 'good', skill: 'good' } })).statusCode).toBe(409);
    const qianInvitation = round.invitations.find((i: Json) => i.contactName === '钱主任').id;
    expect((await portal.post(api(`/portal/surveys/${qianInvitation}`), { answers: { attitude: 'good', skill: 'good' } })).statusCode).toBe(
      404,
    );
  });

  it('aggregates per engineer, customer and region: 优良 count as satisfied by default', async () => {
    const byEngineer = await expectStatus(await w.supervisor.get(api(`/surveys/${round.id}/results?by=engineer`)), 200);
    expect(byEngineer.groups).toEqual([
      expect.objectContaining({ key: w.ids.engineer, name: 'sv.eng', responses: 2, ratings: 4, satisfiedPercent: 75, averagePoints: 3 }),
    ]);
    const byCustomer = await expectStatus(await w.supervisor.get(api(`/surveys/${round.id}/results?by=customer`)), 200);
    expect(byCustomer.groups[0]).toMatchObject({ key: w.ids.customer, counts: { excellent: 1, good: 2, fair: 1, poor: 0 } });
    expect(byCustomer.comments).toEqual([
      { customerName: 'sv-市第一医院', contactName: '钱主任', questionId: 'suggestions', text: '希望提前电话通知' },
    ]);
    const byRegion = await expectStatus(await w.supervisor.get(api(`/surveys/${round.id}/results?by=region`)), 200);
    expect(byRegion.groups[0]).toMatchObject({ key: w.ids.region, name: 'sv-华东' });
    const detail = await expectStatus(await w.supervisor.get(api(`/surveys/${round.id}`)), 200);
    expect(detail.answered).toBe(2);
  });

  it('the link works until its expiry instant and not at it (30 days by the policy)', async () => {
    const second = await expectStatus(
      await w.supervisor.post(api('/surveys'), {
        title: '补充调查',
        periodStart: '2026-03-01',
        periodEnd: '2026-03-31',
        questions: QUESTIONS,
        customerIds: [w.ids.customer],
      }),
      201,
    );
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'qian@hospital.example')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const tok = /\/survey\/(\S+)/.exec(mail.text_body)![1];
    t.clock.set(new Date(Date.parse(second.closesAt) - 1).toISOString());
    expect((await expectStatus(await publicGet(tok), 200)).state).toBe('open');
    t.clock.set(second.closesAt);
    expect((await expectStatus(await publicGet(tok), 200)).state).toBe('expired');
    const late = await publicPost(tok, { attitude: 'good', skill: 'good' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toMatchObject({ reason: 'surveys.linkExpired', ruleId: 'SR-11b' });
  });
});

describe('the next round goes out at the policy interval (SR-11b)', () => {
  it('sends Q1’s round on the first day of Q2 with the newest questionnaire, once; none while a round went out this quarter', async () => {
    t.clock.set('2026-03-31T02:00:00Z');
    expect(await scheduledRound(t.database.db, t.clock, 'https://service.example.com')).toBeNull();
    t.clock.set('2026-04-01T02:00:00Z');
    const id = await scheduledRound(t.database.db, t.clock, 'https://service.example.com');
    expect(id).not.toBeNull();
    const auto = await expectStatus(await w.supervisor.get(api(`/surveys/${id}`)), 200);
    expect(auto).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-03-31', title: '客户满意度调查 2026-Q1', invited: 2 });
    expect(auto.questions.map((q: Json) => q.id)).toEqual(['attitude', 'skill', 'suggestions']);
    expect(auto.explanation.text['zh-CN']).toContain('按政策每 3 个月自动发出');
    expect(await scheduledRound(t.database.db, t.clock, 'https://service.example.com')).toBeNull();
  });

  it('offers the month’s ratings with who served each customer, for the appraisal and the monthly report', async () => {
    const facts = await surveyRatingsBetween(t.database.db, { from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    expect(facts).toHaveLength(4);
    expect(facts.every((f) => f.engineerIds.includes(w.ids.engineer))).toBe(true);
  });
});
