import {
  bilingualMail,
  type TSurvey,
  type TSurveyAnswer,
  type TSurveyDetail,
  type TSurveyForm,
  type TSurveyQuestion,
  type TSurveyResults,
  type ZSurveyCreate,
  SURVEY_GRADES,
  aggregateSurveyRatings,
  explain,
  localDateOf,
  previousSurveyPeriod,
  surveyPeriodOf,
  surveyLinkExpiry,
} from '@techserve/core';
import type { z } from 'zod';
import { nowIso, todayOf } from '../../http/clock';
import type { Clock } from '../../http/clock';
import type { Ctx, Db } from '../../http/context';
import { fieldDetail, notFound, refuse } from '../../http/errors';
import { cursorId, pageOf } from '../../http/pagination';
import { queueMail } from '../../mail/outbox.repository';
import { recordAudit } from '../audit/audit.service';
import { localRange } from '../field/field.dates';
import { assertMonthOpen } from '../months/months.service';
import { policyOn } from '../policy/policy-in-force';
import { readSurveyToken, surveyPath, surveyToken } from './survey-links';
import * as repo from './surveys.repository';

// SR-11b: periodic satisfaction surveys (满意度调查). A round invites every contact of the chosen customers once; each
// answers by a signed e-mailed link (no account) or in the portal, once; answers are aggregated per customer, engineer
// (who served the customer in the surveyed period) and region.

type SurveyCreateBody = z.output<typeof ZSurveyCreate>;

function toSurvey(r: repo.RoundRow, nowMs: number): TSurvey {
  return {
    id: r.id,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    questions: JSON.parse(r.questions) as TSurveyQuestion[],
    status: r.status === 'closed' || Date.parse(r.closes_at) <= nowMs ? 'closed' : 'open',
    sentAt: r.sent_at,
    closesAt: r.closes_at,
    invited: Number(r.invited ?? 0),
    answered: Number(r.answered ?? 0),
    explanation: JSON.parse(r.explanation),
    createdByName: r.creator_name,
    policyVersion: r.policy_version,
    version: r.version,
  };
}

async function roundFor(db: Db, id: number) {
  const row = await repo.findRound(db, id);
  if (!row) throw notFound('Survey');
  return row;
}

export async function listSurveys(ctx: Ctx, q: { limit: number; cursor?: string }) {
  const after = cursorId(q.cursor);
  const rows = await repo.listRoundRows(ctx.db, after, q.limit + 1);
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  const now = ctx.clock.now().getTime();
  return { items: items.map((r) => toSurvey(r, now)), nextCursor };
}

export async function getSurvey(ctx: Ctx, id: number): Promise<TSurveyDetail> {
  const row = await roundFor(ctx.db, id);
  const invitations = await repo.invitationsOfRound(ctx.db, id);
  return Object.assign(toSurvey(row, ctx.clock.now().getTime()), {
    invitations: invitations.map((i) => ({
      id: i.id,
      customerId: i.customer_id,
      customerName: i.customer_name,
      contactId: i.contact_id,
      contactName: i.contact_name,
      email: i.email,
      mailed: Boolean(i.mailed),
      expiresAt: i.expires_at,
      answeredAt: i.answered_at,
      channel: i.channel as 'link' | 'portal' | null,
    })),
  });
}

export type SurveySender = {
  clock: Clock;
  actor: { id: number; name: string } | null;
  ip: string | null;
  requestId: string | null;
  publicUrl: string;
};

/**
 * SR-11b: sends a round — one invitation per contact of the customers (every customer with contacts by default), who
 * served each customer in the period (for the per-engineer results), and an e-mail with the signed link to each contact
 * with an address. The period defaults to the one before today's by the policy's interval; the link works for the
 * policy's response days.
 */
export async function sendRound(db: Db, sender: SurveySender, body: SurveyCreateBody, auto = false): Promise<number> {
  const at = nowIso(sender.clock);
  const today = localDateOf(sender.clock.now().getTime());
  const policy = await policyOn(db, today);
  const rules = policy.document.incidents.surveys;
  const period = previousSurveyPeriod(today, rules.intervalMonths);
  const periodStart = body.periodStart ?? period.start;
  const periodEnd = body.periodEnd ?? (body.periodStart ? today : period.end);
  if (periodEnd < periodStart)
    throw refuse('invalid_value', 'field.invalid', {}, { ruleId: 'SR-11b', details: [fieldDetail('body.periodEnd', 'field.invalid')] });
  const contacts = await repo.contactsOf(db, body.customerIds ?? null);
  if (contacts.length === 0)
    throw refuse(
      'invalid_value',
      'surveys.noRecipients',
      {},
      { ruleId: 'SR-11b', details: [fieldDetail('body.customerIds', 'surveys.noRecipients')] },
    );
  const expiresMs = surveyLinkExpiry(policy.document.incidents, sender.clock.now().getTime());
  const closesAt = new Date(expiresMs).toISOString();
  const explanation = explain({
    ruleId: 'SR-11b',
    policyVersion: policy.number,
    inputs: { intervalMonths: rules.intervalMonths, responseDays: rules.responseDays, periodStart, periodEnd, auto },
    result: { closesAt },
    zh: `${auto ? `按政策每 ${rules.intervalMonths} 个月自动发出` : '手动发出'}的满意度调查，调查期间 ${periodStart}～${periodEnd}，问卷链接 ${rules.responseDays} 天内有效`,
    en: `${auto ? `sent automatically every ${rules.intervalMonths} months by the policy` : 'sent by hand'}: a satisfaction survey of ${periodStart}–${periodEnd}; the link works for ${rules.responseDays} days`,
  });
  return db.transaction().execute(async (trx) => {
    const round = await repo.insertRound(trx, {
      title: body.title,
      period_start: periodStart,
      period_end: periodEnd,
      questions: JSON.stringify(body.questions),
      status: 'open',
      sent_at: at,
      closes_at: closesAt,
      auto: auto ? 1 : 0,
      explanation: JSON.stringify(explanation),
      created_by: sender.actor?.id ?? null,
      policy_version: policy.number,
      created_at: at,
      updated_at: at,
    });
    const customerIds = [...new Set(contacts.map((c) => c.customer_id))];
    const range = localRange(periodStart, periodEnd);
    const served = await repo.servedBy(trx, customerIds, range.start, range.end);
    await repo.insertRoundEngineers(trx, round.id, served);
    const invitations = await repo.insertInvitations(
      trx,
      contacts.map((c) => ({
        round_id: round.id,
        customer_id: c.customer_id,
        contact_id: c.id,
        region_id: c.region_id,
        email: c.email,
        mailed: c.email ? 1 : 0,
        expires_at: closesAt,
        created_at: at,
      })),
    );
    const byContact = new Map(contacts.map((c) => [c.id, c]));
    const mails = [];
    for (const inv of invitations) {
      const c = byContact.get(inv.contact_id);
      if (!c?.email) continue;
      const link = `${sender.publicUrl}${surveyPath(await surveyToken(trx, inv.id, expiresMs, at))}`;
      const mail = bilingualMail('survey.invitation', {
        title: body.title,
        name: c.name,
        customer: c.customer_name,
        start: periodStart,
        end: periodEnd,
        link,
        days: rules.responseDays,
      });
      mails.push({
        to_address: c.email,
        subject: mail.subject,
        text_body: mail.text,
        html_body: null,
        created_at: at,
        send_after: at,
      });
    }
    await queueMail(trx, mails);
    await recordAudit(trx, sender, {
      action: auto ? 'survey.send_auto' : 'survey.send',
      entity: 'survey',
      entityId: round.id,
      after: { title: body.title, periodStart, periodEnd, invited: invitations.length, mailed: mails.length },
    });
    return round.id;
  });
}

export async function createSurvey(ctx: Ctx, body: SurveyCreateBody, publicUrl: string): Promise<TSurveyDetail> {
  const id = await sendRound(ctx.db, { ...ctx, publicUrl }, body);
  return getSurvey(ctx, id);
}

export async function closeSurvey(ctx: Ctx, id: number, version: number): Promise<TSurveyDetail> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await roundFor(db, id);
    if (row.status === 'closed') throw refuse('illegal_transition', 'common.illegalTransition', { state: 'closed' });
    await repo.bumpRound(db, id, version, { status: 'closed', closes_at: row.closes_at < at ? row.closes_at : at }, at);
    await recordAudit(db, ctx, { action: 'survey.close', entity: 'survey', entityId: id });
  });
  return getSurvey(ctx, id);
}

/** SR-11b: a round's answers aggregated per customer, engineer, region or overall, with the free comments. */
export async function surveyResults(ctx: Ctx, id: number, by: TSurveyResults['by']): Promise<TSurveyResults> {
  const round = await roundFor(ctx.db, id);
  const policy = await policyOn(ctx.db, todayOf(ctx));
  const facts = await repo.roundRatings(ctx.db, id);
  const groups = aggregateSurveyRatings(facts, by, policy.document.incidents.surveys.satisfiedFrom, policy.number);
  const names =
    by === 'all'
      ? new Map<number, string>()
      : await repo.groupNames(
          ctx.db,
          by,
          groups.map((g) => g.key).filter((k): k is number => k != null),
        );
  const comments = await repo.roundComments(ctx.db, round.id);
  return {
    by,
    groups: groups.map((g) => Object.assign(g, { name: g.key == null ? '—' : by === 'all' ? '' : (names.get(g.key) ?? `#${g.key}`) })),
    comments: comments.map((c) => ({
      customerName: c.customer_name,
      contactName: c.contact_name,
      questionId: c.question_id,
      text: c.text ?? '',
    })),
  };
}

// Answering ------------------------------------------------------------------------------------------------------------

function formOf(r: repo.InvitationRow, nowMs: number): TSurveyForm {
  const closed = r.round_status === 'closed' || Date.parse(r.closes_at) <= nowMs;
  const state = r.answered_at ? 'answered' : Date.parse(r.expires_at) <= nowMs ? 'expired' : closed ? 'closed' : 'open';
  return {
    invitationId: r.id,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    customerName: r.customer_name,
    contactName: r.contact_name,
    questions: JSON.parse(r.questions) as TSurveyQuestion[],
    state,
    expiresAt: r.expires_at,
    answeredAt: r.answered_at,
  };
}

async function invitationByToken(db: Db, token: string, at: string) {
  const read = await readSurveyToken(db, token, at);
  const row = read ? await repo.findInvitation(db, read.invitationId) : undefined;
  if (!read || !row || Math.floor(Date.parse(row.expires_at) / 1000) !== Math.floor(read.expiresAtMs / 1000))
    throw refuse('not_found', 'surveys.linkInvalid', {}, { ruleId: 'SR-11b' });
  return row;
}

/** The questionnaire behind an e-mailed link (no account). */
export async function formByToken(db: Db, clock: Clock, token: string): Promise<TSurveyForm> {
  return formOf(await invitationByToken(db, token, nowIso(clock)), clock.now().getTime());
}

/** A portal user's questionnaires: those sent to their company's contact with their e-mail or phone. */
export async function portalForms(ctx: Ctx): Promise<{ items: TSurveyForm[] }> {
  const me = await repo.userContactInfo(ctx.db, ctx.actor.id);
  if (!me?.customer_id) return { items: [] };
  const rows = await repo.portalInvitations(ctx.db, { customerId: me.customer_id, email: me.email, phone: me.phone });
  const now = ctx.clock.now().getTime();
  return { items: rows.map((r) => formOf(r, now)) };
}

/** Every rating question answered with a grade, text answers within the questionnaire; 422 naming the question otherwise. */
function checkAnswers(questions: TSurveyQuestion[], answers: TSurveyAnswer['answers']) {
  const details = [];
  const ids = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers)) if (!ids.has(key)) details.push(fieldDetail(`body.answers.${key}`, 'surveys.unknownQuestion'));
  for (const q of questions) {
    const a = answers[q.id];
    const empty = a === undefined || (typeof a === 'string' && a.trim() === '');
    if (empty) {
      if (q.required) details.push(fieldDetail(`body.answers.${q.id}`, 'surveys.answerMissing'));
      continue;
    }
    if (q.kind === 'rating' && !(SURVEY_GRADES as readonly string[]).includes(a))
      details.push(fieldDetail(`body.answers.${q.id}`, 'surveys.gradeExpected'));
  }
  if (details.length) throw refuse('invalid_value', details[0].reason ?? 'surveys.answerMissing', {}, { ruleId: 'SR-11b', details });
}

type Respondent = { channel: 'link' | 'portal'; userId: number | null };

/**
 * SR-11b: records a contact's answer — once per contact and round (a second one is refused, 409, even when two race:
 * `survey_responses.invitation_id` is unique), while the link is valid and the round open; nothing is saved otherwise.
 */
async function answer(db: Db, clock: Clock, row: repo.InvitationRow, body: TSurveyAnswer, who: Respondent) {
  const at = nowIso(clock);
  const nowMs = clock.now().getTime();
  if (row.answered_at) throw refuse('conflict', 'surveys.alreadyAnswered', { answeredAt: row.answered_at }, { ruleId: 'SR-11b' });
  if (Date.parse(row.expires_at) <= nowMs)
    throw refuse('rule_violation', 'surveys.linkExpired', { expiresAt: row.expires_at }, { ruleId: 'SR-11b' });
  if (row.round_status === 'closed' || Date.parse(row.closes_at) <= nowMs)
    throw refuse('illegal_transition', 'surveys.closed', {}, { ruleId: 'SR-11b' });
  const questions = JSON.parse(row.questions) as TSurveyQuestion[];
  checkAnswers(questions, body.answers);
  await db.transaction().execute(async (trx) => {
    // A response is a fact (AP-16, WR-5) of the month it is received in.
    await assertMonthOpen(trx, localDateOf(nowMs));
    if (!(await repo.claimInvitation(trx, row.id, at, who.channel)))
      throw refuse('conflict', 'surveys.alreadyAnswered', { answeredAt: at }, { ruleId: 'SR-11b' });
    const responseId = await repo.insertResponse(trx, {
      invitation_id: row.id,
      round_id: row.round_id,
      customer_id: row.customer_id,
      region_id: row.region_id,
      channel: who.channel,
      respondent_user_id: who.userId,
      submitted_at: at,
    });
    const items = questions
      .filter((q) => body.answers[q.id] !== undefined && String(body.answers[q.id]).trim() !== '')
      .map((q) => ({
        response_id: responseId,
        question_id: q.id,
        grade: q.kind === 'rating' ? String(body.answers[q.id]) : null,
        text: q.kind === 'text' ? String(body.answers[q.id]).trim() : null,
      }));
    await repo.insertAnswers(trx, items);
    await recordAudit(
      trx,
      { clock, actor: null, ip: null, requestId: null },
      { action: 'survey.answer', entity: 'survey_invitation', entityId: row.id, after: { channel: who.channel, userId: who.userId } },
    );
  });
  return { ok: true as const, answeredAt: at };
}

export async function answerByToken(db: Db, clock: Clock, token: string, body: TSurveyAnswer) {
  const row = await invitationByToken(db, token, nowIso(clock));
  return answer(db, clock, row, body, { channel: 'link', userId: null });
}

export async function answerInPortal(ctx: Ctx, invitationId: number, body: TSurveyAnswer) {
  const me = await repo.userContactInfo(ctx.db, ctx.actor.id);
  const mine = me?.customer_id
    ? await repo.portalInvitations(ctx.db, { customerId: me.customer_id, email: me.email, phone: me.phone })
    : [];
  const row = mine.find((r) => r.id === invitationId);
  if (!row) throw refuse('not_found', 'surveys.notYourCompany', {}, { ruleId: 'SR-11b' });
  return answer(ctx.db, ctx.clock, row, body, { channel: 'portal', userId: ctx.actor.id });
}

// The interval --------------------------------------------------------------------------------------------------------

/**
 * SR-11b: at the policy's interval a new round goes out by itself — in a period in which no round was sent yet, about
 * the period before (unless that one has its round), with the newest round's questionnaire to every customer with contacts. The first round of a company
 * is sent by hand (its questionnaire is the template of the next ones). Returns the new round's id, if any.
 */
export async function scheduledRound(db: Db, clock: Clock, publicUrl: string): Promise<number | null> {
  const today = localDateOf(clock.now().getTime());
  const policy = await policyOn(db, today);
  const interval = policy.document.incidents.surveys.intervalMonths;
  // Once per period: nothing when a round already went out in this one (by hand or automatically).
  const current = localRange(surveyPeriodOf(today, interval).start, surveyPeriodOf(today, interval).end);
  if (await repo.roundSentBetween(db, current.start, current.end)) return null;
  const period = previousSurveyPeriod(today, interval);
  if (await repo.roundForPeriod(db, period.start)) return null;
  const template = await repo.latestRound(db);
  if (!template) return null;
  const contacts = await repo.contactsOf(db, null);
  if (contacts.length === 0) return null;
  return sendRound(
    db,
    { clock, actor: null, ip: null, requestId: null, publicUrl },
    {
      title: `客户满意度调查 ${period.label}`,
      periodStart: period.start,
      periodEnd: period.end,
      questions: JSON.parse(template.questions) as TSurveyQuestion[],
    },
    true,
  );
}

export const surveysScheduleJob = (deps: { db: Db; clock: Clock; publicUrl: string }) => ({
  name: 'surveys.schedule',
  everyMs: 60 * 60_000,
  run: async () => {
    await scheduledRound(deps.db, deps.clock, deps.publicUrl);
  },
});
