/**
 * AP-6 monthly best employee (优秀员工). Anyone on the staff votes once a month for a colleague (never themself), for
 * this month or the last one while its voting is open; what is stored cannot tell who voted for whom (migration 0160:
 * who voted in one table, the counts in another, no ballot). Closing the voting ranks the candidates; the policy's
 * number per month of them go through the manager → VP → GM, any of whom may veto with a reason when the nominee had
 * a complaint, a quality issue (an incident) or was slack that month; the place then passes to the next by votes.
 * The GM's confirmation makes the bonus a fact of the month: `bestEmployeeBonuses` (set-based) is what the appraisal
 * sheet and pay read.
 */
import {
  type TAwardBonus,
  type TAwardCandidate,
  type TAwardDecision,
  type TAwardRound,
  type TAwardStep,
  type TAwardVote,
  bestEmployeeBonus,
  candidatesToReview,
  monthDates,
  monthInstants,
  monthOfDate,
  nextAwardStep,
  previousMonth,
  rankCandidates,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { complaintFactsBetween, incidentFactsBetween } from '../incidents/incidents.repository';
import { assertMonthOpen } from '../months/months.service';
import { policyOn } from '../policy/policy-in-force';
import * as repo from './kpi.repository';

const policyOf = (db: Db, month: string) => policyOn(db, monthDates(month).last);
const STEP_NAMES: Record<TAwardStep, string> = { manager: '部门经理 / the manager', vp: '副总 / the VP', gm: '总经理 / the GM' };

/** The facts of the month that allow a veto (AP-6), per nominee. */
async function vetoFacts(db: Db, month: string, userIds: number[], timeZone: string) {
  const span = monthInstants(month, timeZone);
  const q = { from: new Date(span.start).toISOString(), to: new Date(span.end).toISOString(), userIds };
  const [complaints, incidents] = await Promise.all([complaintFactsBetween(db, q), incidentFactsBetween(db, q)]);
  const count = (ids: (number | null)[]) =>
    ids.reduce((m, id) => (id === null ? m : m.set(id, (m.get(id) ?? 0) + 1)), new Map<number, number>());
  return { complaints: count(complaints.map((c) => c.aboutUserId)), incidents: count(incidents.map((i) => i.engineerId)) };
}

const done = (c: repo.CandidateRow) => ({ manager: c.manager_at !== null, vp: c.vp_at !== null, gm: c.gm_at !== null });

function toCandidate(c: repo.CandidateRow, flags: Awaited<ReturnType<typeof vetoFacts>>): TAwardCandidate {
  const step = (name: string | null, at: string | null) => (at === null ? null : { by: name ?? '', at });
  return {
    id: c.id,
    nomineeId: c.nominee_id,
    nomineeName: c.nominee_name,
    votes: c.votes,
    rank: c.rank,
    state: c.state as TAwardCandidate['state'],
    nextStep: c.state === 'in_review' ? nextAwardStep(done(c)) : null,
    steps: { manager: step(c.manager_name, c.manager_at), vp: step(c.vp_name, c.vp_at), gm: step(c.gm_name, c.gm_at) },
    veto:
      c.veto_at === null
        ? null
        : {
            step: c.veto_step as TAwardStep,
            ground: c.veto_ground as NonNullable<TAwardCandidate['veto']>['ground'],
            reason: c.veto_reason ?? '',
            by: c.veto_name ?? '',
            at: c.veto_at,
          },
    flags: { complaints: flags.complaints.get(c.nominee_id) ?? 0, incidents: flags.incidents.get(c.nominee_id) ?? 0 },
    bonusFen: c.bonus_fen,
    explanation:
      c.state === 'confirmed' && c.bonus_fen !== null ? bestEmployeeBonus(c.month, c.votes, c.bonus_fen, c.policy_version) : null,
    version: c.version,
  };
}

/** The month's round as the actor sees it: the nominees (never themself) while voting, the candidates after. */
export async function getRound(ctx: Ctx, month: string): Promise<TAwardRound> {
  const db = ctx.db;
  const policy = await policyOf(db, month);
  const best = policy.document.appraisal.schemeA.bestEmployee;
  const round = await repo.roundOf(db, month);
  const base = { month, perMonth: best.perMonth, bonusFen: best.bonusFen, policyVersion: round?.policy_version ?? policy.number };
  if (!round) {
    const nominees = (await repo.staff(db, null)).filter((s) => s.id !== ctx.actor.id).map((s) => ({ id: s.id, name: s.name }));
    return { ...base, state: 'none', voted: false, voters: 0, nominees, candidates: [] };
  }
  const [nominees, voted, voters, rows] = await Promise.all([
    repo.nomineesOf(db, round.id),
    repo.hasVoted(db, round.id, ctx.actor.id),
    repo.voterCount(db, round.id),
    repo.candidatesOf(db, round.id),
  ]);
  const flags = await vetoFacts(
    db,
    month,
    rows.map((r) => r.nominee_id),
    ctx.timeZone,
  );
  return {
    ...base,
    state: round.state as 'voting' | 'review',
    voted,
    voters,
    nominees: round.state === 'voting' ? nominees.filter((n) => n.id !== ctx.actor.id) : [],
    candidates: rows.map((r) => toCandidate(r, flags)),
  };
}

/** AP-6: one anonymous vote a month; never for oneself (422), never twice (409). */
export async function vote(ctx: Ctx, body: TAwardVote): Promise<TAwardRound> {
  const thisMonth = monthOfDate(todayOf(ctx));
  if (body.month !== thisMonth && body.month !== previousMonth(thisMonth))
    throw refuse('invalid_value', 'awards.votingNotOpen', { month: body.month }, { ruleId: 'AP-6' });
  if (body.nomineeId === ctx.actor.id) throw refuse('invalid_value', 'awards.selfVote', {}, { ruleId: 'AP-6' });
  const policy = await policyOf(ctx.db, body.month);
  await ctx.db.transaction().execute(async (db) => {
    const at = nowIso(ctx.clock);
    const round =
      (await repo.roundOf(db, body.month)) ??
      (await repo.openRound(
        db,
        body.month,
        policy.number,
        (await repo.staff(db, null)).map((s) => s.id),
        at,
      ));
    if (round.state !== 'voting') throw refuse('conflict', 'awards.votingClosed', { month: body.month }, { ruleId: 'AP-6' });
    const nominees = await repo.nomineesOf(db, round.id);
    if (!nominees.some((n) => n.id === body.nomineeId)) throw refuse('invalid_value', 'awards.notNominee', {}, { ruleId: 'AP-6' });
    if (!(await repo.markVoter(db, round.id, ctx.actor.id)))
      throw refuse('conflict', 'awards.alreadyVoted', { month: body.month }, { ruleId: 'AP-6' });
    await repo.countVote(db, round.id, body.nomineeId);
    // The audit says that the actor voted, never for whom.
    await recordAudit(db, ctx, { action: 'awards.vote', entity: 'award_round', entityId: round.id, after: { month: body.month } });
  });
  return getRound(ctx, body.month);
}

/** AP-6: after the month, the tallies rank the candidates; the first places go to review. */
export async function closeVoting(ctx: Ctx, month: string): Promise<TAwardRound> {
  if (month >= monthOfDate(todayOf(ctx))) throw refuse('invalid_value', 'kpi.periodNotEnded', { period: month }, { ruleId: 'AP-6' });
  const policy = await policyOf(ctx.db, month);
  await ctx.db.transaction().execute(async (db) => {
    const at = nowIso(ctx.clock);
    const round = await repo.roundOf(db, month);
    if (!round) throw refuse('invalid_value', 'awards.noVotes', { month }, { ruleId: 'AP-6' });
    const ranked = rankCandidates((await repo.talliesOf(db, round.id)).map((t) => ({ nomineeId: t.nominee_id, votes: t.votes })));
    if (ranked.length === 0) throw refuse('invalid_value', 'awards.noVotes', { month }, { ruleId: 'AP-6' });
    if (!(await repo.closeVoting(db, round, at))) throw refuse('conflict', 'awards.votingClosed', { month }, { ruleId: 'AP-6' });
    await repo.insertCandidates(db, round.id, ranked, at);
    await fillPlaces(db, round.id, policy.document.appraisal.schemeA.bestEmployee.perMonth, at);
    await recordAudit(db, ctx, {
      action: 'awards.closeVoting',
      entity: 'award_round',
      entityId: round.id,
      after: { month, candidates: ranked },
    });
  });
  return getRound(ctx, month);
}

async function fillPlaces(db: Db, roundId: number, perMonth: number, at: string) {
  const rows = await repo.candidatesOf(db, roundId);
  await repo.setInReview(
    db,
    candidatesToReview(
      rows.map((r) => ({ id: r.id, rank: r.rank, state: r.state as TAwardCandidate['state'] })),
      perMonth,
    ),
    at,
  );
}

/** The actor's place in the chain (as in the appraisal's chain: the VP, the GM, otherwise the department manager). */
const stepOf = (ctx: Ctx): TAwardStep => (ctx.actor.roleKey === 'gm' ? 'gm' : ctx.actor.roleKey === 'vp' ? 'vp' : 'manager');

/** AP-6: the manager, the VP and the GM approve in turn; any of them vetoes with a ground of the month and a reason. */
export async function decide(ctx: Ctx, id: number, body: TAwardDecision): Promise<TAwardRound> {
  const step = stepOf(ctx);
  if (step === 'gm' ? !can(ctx.actor, 'awards.confirm') : !can(ctx.actor, 'awards.review'))
    throw forbidden(`This needs the permission "${step === 'gm' ? 'awards.confirm' : 'awards.review'}"`);
  const month = await ctx.db.transaction().execute(async (db) => {
    const at = nowIso(ctx.clock);
    const c = await repo.findCandidate(db, id);
    if (!c) throw notFound('Candidate');
    if (step === 'manager' && ctx.actor.scope !== 'all' && ctx.actor.departmentId !== c.department_id)
      throw refuse('forbidden', 'kpi.notInScope', {}, { ruleId: 'AP-6' });
    if (c.nominee_id === ctx.actor.id) throw refuse('forbidden', 'awards.ownCandidacy', {}, { ruleId: 'AP-6' });
    if (c.state !== 'in_review') throw refuse('conflict', 'awards.notInReview', {}, { ruleId: 'AP-6' });
    const policy = await policyOf(db, c.month);
    if (body.decision === 'veto') {
      if (body.ground !== 'slackness') {
        const facts = await vetoFacts(db, c.month, [c.nominee_id], ctx.timeZone);
        const n = (body.ground === 'complaint' ? facts.complaints : facts.incidents).get(c.nominee_id) ?? 0;
        if (n === 0) throw refuse('invalid_value', 'awards.noGroundFact', { ground: body.ground }, { ruleId: 'AP-6' });
      }
      await repo.updateCandidate(
        db,
        c.id,
        body.version,
        { state: 'vetoed', veto_step: step, veto_ground: body.ground, veto_reason: body.reason, veto_by: ctx.actor.id, veto_at: at },
        at,
      );
      await fillPlaces(db, c.round_id, policy.document.appraisal.schemeA.bestEmployee.perMonth, at);
      await recordAudit(db, ctx, {
        action: 'awards.veto',
        entity: 'award_candidate',
        entityId: c.id,
        before: { state: c.state },
        after: { state: 'vetoed', step, ground: body.ground, reason: body.reason },
      });
      return c.month;
    }
    const next = nextAwardStep(done(c));
    if (next !== step) throw refuse('conflict', 'awards.outOfOrder', { step: STEP_NAMES[next ?? 'gm'] }, { ruleId: 'AP-6' });
    const set: Record<string, unknown> = { [`${step}_by`]: ctx.actor.id, [`${step}_at`]: at };
    if (step === 'gm') {
      // The bonus is a fact of the month: a closed month takes none (its corrections are adjustments).
      await assertMonthOpen(db, c.month);
      const best = policy.document.appraisal.schemeA.bestEmployee;
      Object.assign(set, { state: 'confirmed', bonus_fen: best.bonusFen, policy_version: policy.number });
    }
    await repo.updateCandidate(db, c.id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: step === 'gm' ? 'awards.confirm' : 'awards.approve',
      entity: 'award_candidate',
      entityId: c.id,
      before: { state: c.state },
      after: { step, ...(step === 'gm' ? { state: 'confirmed', bonusFen: set.bonus_fen } : {}) },
    });
    return c.month;
  });
  return getRound(ctx, month);
}

/** AP-6 set-based read for the appraisal sheet and pay: the month's confirmed best employees and their bonuses. */
export async function bestEmployeeBonuses(db: Db, month: string, userIds?: number[]): Promise<TAwardBonus[]> {
  const rows = await repo.confirmedOfMonth(db, month, userIds);
  return rows.map((r) => ({
    userId: r.nominee_id,
    name: r.name,
    bonusFen: r.bonus_fen ?? 0,
    explanation: bestEmployeeBonus(month, r.votes, r.bonus_fen ?? 0, r.policy_version),
  }));
}
