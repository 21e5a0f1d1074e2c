/**
 * The monthly appraisal sheet (AP-1..AP-15, design: "The people half"). A sheet is core's `appraise` of the policy
 * version in force on the month's last day and the month's facts (appraisal.facts.ts, set-based), plus the chain's
 * scores and the reviewers' adjustments. draft → approved (the GM's score and signature) → final (the month closed).
 * A signed sheet is never recomputed: it keeps the policy version and the inputs digest it was signed with; a fact
 * that changes later is corrected through the months module's adjustments, never silently.
 */
import {
  type TAppraisalApprove,
  type TAppraisalDisputeCreate,
  type TAppraisalDisputeDecision,
  type TAppraisalGrade,
  type TAppraisalListQuery,
  type TAppraisalReview,
  type TAppraisalScheme,
  type TAppraisalSheet,
  type TItemScores,
  type TScorer,
  type TSelfAppraisal,
  dayOfMonthClamped,
  invalidScore,
  monthDates,
  monthOfDate,
  previousMonth,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { isMonthClosed } from '../months/months.service';
import { fulfilObligation } from '../obligations/obligations.service';
import { type PolicyAt, policyOn } from '../policy/policy-in-force';
import { monthFacts } from './appraisal.facts';
import * as repo from './appraisal.repository';
import { type StoredAdjustment, type StoredScorers, ZERO_CARRY, computeSheet, nextStep, toSheet } from './appraisal.sheet';

const parse = <T>(text: string): T => JSON.parse(text) as T;
const policyOf = (db: Db, month: string) => policyOn(db, monthDates(month).last);

function need(ctx: Ctx, permission: 'appraisal.self' | 'appraisal.review' | 'appraisal.approve') {
  if (!can(ctx.actor, permission)) throw forbidden(`This needs the permission "${permission}"`);
}

/** Bad input (AP-3): a score above its item's weight, a fraction, or an item the policy does not have. */
function assertScores(policy: PolicyAt, scores: TItemScores) {
  const bad = invalidScore(policy.document.appraisal.schemeA, scores);
  if (!bad) return;
  if (bad.weight === null) throw refuse('invalid_value', 'appraisal.noSuchItem', { itemId: bad.itemId }, { ruleId: 'AP-3' });
  throw refuse('invalid_value', 'appraisal.scoreAboveWeight', { itemId: bad.itemId, weight: bad.weight }, { ruleId: 'AP-3' });
}

async function sheetsOut(db: Db, rows: repo.SheetRow[], policy: PolicyAt): Promise<TAppraisalSheet[]> {
  const disputes = await repo.disputesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSheet(r, disputes, policy.document.appraisal));
}

async function sheetOut(db: Db, ctx: Ctx, id: number): Promise<TAppraisalSheet> {
  const row = await repo.findSheet(db, ctx.actor, id);
  if (!row) throw notFound('Appraisal sheet');
  return (await sheetsOut(db, [row], await policyOf(db, row.month)))[0];
}

type Change = {
  scores?: Partial<Record<TScorer, TItemScores>>;
  scorers?: StoredScorers;
  adjustments?: StoredAdjustment[];
  extra?: Record<string, unknown>;
};

/**
 * Computes (or recomputes) the draft sheets of these people for the month, set-based: one read of each kind of fact
 * for all of them, the previous month's sheets for the runs that cross the month end and this year's for AP-5.
 * Signed sheets are left as they are. Returns the ids of the sheets written.
 */
async function writeDrafts(db: Db, ctx: Ctx, staff: repo.StaffRow[], month: string, changes: Map<number, Change> = new Map()) {
  const policy = await policyOf(db, month);
  const ids = staff.map((s) => s.id);
  const year = month.slice(0, 4);
  const earlier = Array.from({ length: Number(month.slice(5, 7)) - 1 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const previous = previousMonth(month);
  const [facts, history, current] = await Promise.all([
    monthFacts(db, policy.document.appraisal, staff, month, ctx.clock.now().getTime(), ctx.timeZone),
    repo.sheetsOf(db, ids, [...new Set([...earlier, previous])]),
    repo.sheetsOf(db, ids, [month]),
  ]);
  const existing = new Map(current.map((r) => [r.user_id, r]));
  const at = nowIso(ctx.clock);
  const written: number[] = [];
  for (const s of staff) {
    const row = existing.get(s.id);
    if (row && row.state !== 'draft') continue;
    const change = changes.get(s.id) ?? {};
    const scores = change.scores ?? (row ? parse<Partial<Record<TScorer, TItemScores>>>(row.scores) : {});
    const scorers = change.scorers ?? (row ? parse<StoredScorers>(row.scorers) : {});
    const adjustments = change.adjustments ?? (row ? parse<StoredAdjustment[]>(row.adjustments) : []);
    const prior = history.find((h) => h.user_id === s.id && h.month === previous);
    const yearGrades = history
      .filter((h) => h.user_id === s.id && h.month.startsWith(year) && h.month < month && h.grade)
      .map((h) => h.grade as TAppraisalGrade);
    const { result, digest } = computeSheet(policy, facts.get(s.id)!, {
      scores,
      yearGrades,
      carry: prior ? parse(prior.carry) : ZERO_CARRY,
    });
    const amount = result.amountFen + adjustments.reduce((sum, a) => sum + a.amountFen, 0);
    const values = {
      department_id: s.department_id,
      team_id: s.team_id,
      policy_version: policy.number,
      inputs_digest: digest,
      lines: JSON.stringify(result.lines),
      adjustments: JSON.stringify(adjustments),
      scores: JSON.stringify(scores),
      scorers: JSON.stringify(scorers),
      carry: JSON.stringify(result.carry),
      grade: result.grade,
      total_tenths: result.totalTenths,
      amount_fen: amount,
      computed_at: at,
      updated_at: at,
      ...change.extra,
    };
    if (!row) {
      const id = await repo.insertSheet(db, { ...values, user_id: s.id, month, state: 'draft', created_at: at });
      await recordAudit(db, ctx, {
        action: 'appraisal.sheet.draft',
        entity: 'appraisal_sheet',
        entityId: id,
        after: { month, digest, grade: result.grade, amountFen: amount },
      });
      written.push(id);
      continue;
    }
    if (!(await repo.updateSheet(db, row.id, row.version, values))) throw versionConflict('Appraisal sheet');
    if (row.inputs_digest !== digest || changes.has(s.id)) {
      await recordAudit(db, ctx, {
        action: 'appraisal.sheet.recompute',
        entity: 'appraisal_sheet',
        entityId: row.id,
        before: { digest: row.inputs_digest, grade: row.grade, amountFen: Number(row.amount_fen) },
        after: { digest, grade: result.grade, amountFen: amount },
      });
    }
    written.push(row.id);
  }
  return written;
}

function assertNotFuture(ctx: Ctx, month: string) {
  if (month > monthOfDate(todayOf(ctx))) throw refuse('rule_violation', 'appraisal.futureMonth', { month }, { ruleId: 'AP-15' });
}

// Routes -----------------------------------------------------------------------------------------------------------

/** AP-1..AP-4: the items and weights in force for the month, the self-appraisal's due day and the chain. */
export async function schemeOf(ctx: Ctx, month: string): Promise<TAppraisalScheme> {
  need(ctx, 'appraisal.self');
  const policy = await policyOf(ctx.db, month);
  const p = policy.document.appraisal;
  const a = p.schemeA;
  return {
    month,
    policyVersion: policy.number,
    activeScheme: p.activeScheme,
    selfDueDate: dayOfMonthClamped(month, a.proposalDueDay),
    chain: a.approvalChain,
    grades: a.grades,
    items: a.items.flatMap((item) =>
      (item.children.length > 0 ? item.children : [{ ...item, children: undefined }]).map((leaf) => ({
        id: leaf.id,
        group: item.children.length > 0 ? item.name : null,
        name: leaf.name,
        weight: leaf.weight,
        description: leaf.description ?? null,
        computed: leaf.id === a.workload.itemId,
      })),
    ),
  };
}

/** The month's sheets: one's own (appraisal.self) or those in the reviewer's data scope (appraisal.review). */
export async function listSheets(ctx: Ctx, q: TAppraisalListQuery): Promise<{ items: TAppraisalSheet[] }> {
  need(ctx, q.view === 'team' ? 'appraisal.review' : 'appraisal.self');
  const rows = await repo.listSheets(ctx.db, ctx.actor, q.month, q.view === 'mine');
  return { items: await sheetsOut(ctx.db, rows, await policyOf(ctx.db, q.month)) };
}

export async function getSheet(ctx: Ctx, id: number): Promise<TAppraisalSheet> {
  const row = await repo.findSheet(ctx.db, ctx.actor, id);
  if (!row || (row.user_id === ctx.actor.id ? !can(ctx.actor, 'appraisal.self') : !can(ctx.actor, 'appraisal.review')))
    throw notFound('Appraisal sheet');
  return (await sheetsOut(ctx.db, [row], await policyOf(ctx.db, row.month)))[0];
}

/** AP-15: drafts (or recomputes) the month's sheets of everybody in the reviewer's scope from the month's facts. */
export async function computeSheets(ctx: Ctx, month: string): Promise<{ items: TAppraisalSheet[] }> {
  need(ctx, 'appraisal.review');
  assertNotFuture(ctx, month);
  await ctx.db.transaction().execute(async (db) => {
    const staff = repo.appraisedOnly(await repo.staffInScope(db, ctx.actor));
    await writeDrafts(db, ctx, staff, month);
    // AP-15: the department's supervisor drawing up an ended month's sheets fulfils the appraisal-sheet obligation,
    // judged on time within the policy's first working days of the next month (a later draft keeps that judgement).
    if (ctx.actor.scope === 'department' && ctx.actor.departmentId !== null && month < monthOfDate(todayOf(ctx))) {
      await fulfilObligation(db, ctx, {
        facts: { kind: 'appraisal_sheet', month },
        ownerId: ctx.actor.id,
        subject: { type: 'department', id: ctx.actor.departmentId },
        receivedAt: nowIso(ctx.clock),
        link: `/appraisal/team?month=${month}`,
      });
    }
  });
  return listSheets(ctx, { month, view: 'team' });
}

/** AP-1/AP-2b: the self-appraisal (自评), before the policy's due day of the month. */
export async function selfAppraise(ctx: Ctx, body: TSelfAppraisal): Promise<TAppraisalSheet> {
  need(ctx, 'appraisal.self');
  assertNotFuture(ctx, body.month);
  const id = await ctx.db.transaction().execute(async (db) => {
    const policy = await policyOf(db, body.month);
    const dueDate = dayOfMonthClamped(body.month, policy.document.appraisal.schemeA.proposalDueDay);
    if (todayOf(ctx) >= dueDate) throw refuse('rule_violation', 'appraisal.selfLate', { dueDate }, { ruleId: 'AP-1' });
    assertScores(policy, body.scores);
    const [me] = repo.appraisedOnly(await repo.staffInScope(db, { ...ctx.actor, scope: 'own' }, ctx.actor.id));
    if (!me) throw forbidden('Only members of staff below the appraisal chain’s signers are appraised (AP-2)');
    const [row] = await repo.sheetsOf(db, [me.id], [body.month]);
    if (row && row.state !== 'draft') throw refuse('conflict', 'appraisal.alreadySigned', {}, { ruleId: 'AP-2' });
    const scores = { ...(row ? parse<Partial<Record<TScorer, TItemScores>>>(row.scores) : {}), self: body.scores };
    const scorers = { ...(row ? parse<StoredScorers>(row.scorers) : {}), self: { id: me.id, name: me.name, at: nowIso(ctx.clock) } };
    const [written] = await writeDrafts(
      db,
      ctx,
      [me],
      body.month,
      new Map([[me.id, { scores, scorers, extra: { self_at: nowIso(ctx.clock) } }]]),
    );
    await recordAudit(db, ctx, {
      action: 'appraisal.self',
      entity: 'appraisal_sheet',
      entityId: written,
      after: { month: body.month, scores: body.scores },
    });
    return written;
  });
  return sheetOut(ctx.db, ctx, id);
}

/** The sheet a reviewer acts on: in scope, not their own (AP-2), still a draft. */
async function reviewable(db: Db, ctx: Ctx, id: number, version: number) {
  const row = await repo.findSheet(db, ctx.actor, id);
  if (!row) throw notFound('Appraisal sheet');
  if (row.user_id === ctx.actor.id) throw refuse('rule_violation', 'appraisal.ownSheet', {}, { ruleId: 'AP-2' });
  if (row.state === 'final') throw refuse('conflict', 'appraisal.frozen', { month: row.month }, { ruleId: 'AP-15' });
  if (row.state !== 'draft') throw refuse('conflict', 'appraisal.alreadySigned', {}, { ruleId: 'AP-2' });
  if (row.version !== version) throw versionConflict('Appraisal sheet');
  const [person] = await repo.staffInScope(db, ctx.actor, row.user_id);
  if (!person) throw notFound('Appraisal sheet');
  return { row, person, policy: await policyOf(db, row.month) };
}

/** AP-2: a step scores only after every step before it, and never after a later step has scored. */
function assertStep(policy: PolicyAt, scores: Partial<Record<TScorer, TItemScores>>, step: TScorer) {
  const chain: readonly TScorer[] = policy.document.appraisal.schemeA.approvalChain;
  if (!chain.includes(step)) throw refuse('rule_violation', 'appraisal.notInChain', { step }, { ruleId: 'AP-2' });
  const next = nextStep(chain, scores, false);
  const index = chain.indexOf(step);
  const laterScored = chain.slice(index + 1).some((s) => scores[s]);
  if ((next !== null && chain.indexOf(next) < index) || laterScored) {
    throw refuse('conflict', 'appraisal.outOfOrder', { step: next ?? step }, { ruleId: 'AP-2' });
  }
}

/**
 * AP-2/AP-2b: the department manager's (first) or the VP's (second) score per item, with adjustments and their reasons.
 * The step is the reviewer's: the built-in VP role scores the second step, other reviewers the first.
 */
export async function reviewSheet(ctx: Ctx, id: number, body: TAppraisalReview): Promise<TAppraisalSheet> {
  need(ctx, 'appraisal.review');
  const step: TScorer = ctx.actor.roleKey === 'vp' ? 'vp' : ctx.actor.roleKey === 'gm' ? 'gm' : 'departmentManager';
  await ctx.db.transaction().execute(async (db) => {
    const { row, person, policy } = await reviewable(db, ctx, id, body.version);
    assertScores(policy, body.scores);
    const scores = parse<Partial<Record<TScorer, TItemScores>>>(row.scores);
    if (step === 'gm')
      throw refuse(
        'conflict',
        'appraisal.outOfOrder',
        { step: nextStep(policy.document.appraisal.schemeA.approvalChain, scores, false) ?? 'gm' },
        { ruleId: 'AP-2' },
      );
    assertStep(policy, { ...scores, [step]: undefined }, step);
    const at = nowIso(ctx.clock);
    const adjustments = [
      ...parse<StoredAdjustment[]>(row.adjustments),
      ...body.adjustments.map((a) => ({
        amountFen: a.amountFen,
        reason: a.reason,
        byId: ctx.actor.id,
        byName: ctx.actor.name,
        at,
        disputeId: null,
      })),
    ];
    await writeDrafts(
      db,
      ctx,
      [person],
      row.month,
      new Map([
        [
          person.id,
          {
            scores: { ...scores, [step]: body.scores },
            scorers: { ...parse<StoredScorers>(row.scorers), [step]: { id: ctx.actor.id, name: ctx.actor.name, at } },
            adjustments,
          },
        ],
      ]),
    );
    await recordAudit(db, ctx, {
      action: 'appraisal.review',
      entity: 'appraisal_sheet',
      entityId: id,
      before: { scores: scores[step] ?? null },
      after: { step, scores: body.scores, adjustments: body.adjustments },
    });
  });
  return sheetOut(ctx.db, ctx, id);
}

/** AP-2: the GM's final score and signature; the sheet is then no longer recomputed. */
export async function approveSheet(ctx: Ctx, id: number, body: TAppraisalApprove): Promise<TAppraisalSheet> {
  need(ctx, 'appraisal.approve');
  await ctx.db.transaction().execute(async (db) => {
    const { row, person, policy } = await reviewable(db, ctx, id, body.version);
    assertScores(policy, body.scores);
    const scores = parse<Partial<Record<TScorer, TItemScores>>>(row.scores);
    const chain = policy.document.appraisal.schemeA.approvalChain;
    const inChain = chain.includes('gm');
    if (inChain) assertStep(policy, scores, 'gm');
    else if (nextStep(chain, scores, false) !== null)
      throw refuse('conflict', 'appraisal.outOfOrder', { step: nextStep(chain, scores, false)! }, { ruleId: 'AP-2' });
    const at = nowIso(ctx.clock);
    await writeDrafts(
      db,
      ctx,
      [person],
      row.month,
      new Map([
        [
          person.id,
          {
            scores: inChain ? { ...scores, gm: body.scores } : scores,
            scorers: inChain ? { ...parse<StoredScorers>(row.scorers), gm: { id: ctx.actor.id, name: ctx.actor.name, at } } : undefined,
            extra: { state: 'approved', approved_by: ctx.actor.id, approved_at: at },
          },
        ],
      ]),
    );
    await recordAudit(db, ctx, {
      action: 'appraisal.approve',
      entity: 'appraisal_sheet',
      entityId: id,
      before: { state: 'draft' },
      after: { state: 'approved', scores: body.scores },
    });
  });
  return sheetOut(ctx.db, ctx, id);
}

/** AP-15: once the month is closed, its signed sheets in scope become final (sent to finance); unsigned ones are listed. */
export async function freezeSheets(ctx: Ctx, month: string): Promise<{ frozen: number; notSigned: number[] }> {
  need(ctx, 'appraisal.approve');
  return ctx.db.transaction().execute(async (db) => {
    if (!(await isMonthClosed(db, month))) throw refuse('conflict', 'appraisal.monthNotClosed', { month }, { ruleId: 'AP-15' });
    const rows = await repo.listSheets(db, ctx.actor, month, false);
    const frozen = await repo.freezeMonth(
      db,
      month,
      nowIso(ctx.clock),
      rows.map((r) => r.user_id),
    );
    const notSigned = rows.filter((r) => r.state === 'draft').map((r) => r.id);
    await recordAudit(db, ctx, { action: 'appraisal.freeze', entity: 'appraisal_month', entityId: month, after: { frozen, notSigned } });
    return { frozen, notSigned };
  });
}

/** AP-15: the person appraised disputes a line with a reason, until the sheet is final. */
export async function disputeLine(ctx: Ctx, id: number, body: TAppraisalDisputeCreate): Promise<TAppraisalSheet> {
  need(ctx, 'appraisal.self');
  await ctx.db.transaction().execute(async (db) => {
    const row = await repo.findSheet(db, ctx.actor, id);
    if (!row) throw notFound('Appraisal sheet');
    if (row.user_id !== ctx.actor.id) throw refuse('rule_violation', 'appraisal.notYourSheet', {}, { ruleId: 'AP-15' });
    if (row.state === 'final') throw refuse('conflict', 'appraisal.frozen', { month: row.month }, { ruleId: 'AP-15' });
    const sheet = (await sheetsOut(db, [row], await policyOf(db, row.month)))[0];
    if (!sheet.lines.some((l) => l.key === body.lineKey)) throw refuse('invalid_value', 'appraisal.noSuchLine', {}, { ruleId: 'AP-15' });
    const at = nowIso(ctx.clock);
    const disputeId = await repo.insertDispute(db, {
      sheet_id: id,
      line_key: body.lineKey,
      reason: body.reason,
      raised_by: ctx.actor.id,
      state: 'open',
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'appraisal.dispute',
      entity: 'appraisal_dispute',
      entityId: disputeId,
      after: { sheetId: id, lineKey: body.lineKey, reason: body.reason },
    });
  });
  return sheetOut(ctx.db, ctx, id);
}

/** AP-15: the reviewer decides a dispute with a reason; upheld books the correction on the sheet as an adjustment. */
export async function decideDispute(ctx: Ctx, disputeId: number, body: TAppraisalDisputeDecision): Promise<TAppraisalSheet> {
  need(ctx, 'appraisal.review');
  const sheetId = await ctx.db.transaction().execute(async (db) => {
    const dispute = await repo.findDispute(db, disputeId);
    const row = dispute && (await repo.findSheet(db, ctx.actor, dispute.sheet_id));
    if (!dispute || !row) throw notFound('Dispute');
    if (row.user_id === ctx.actor.id) throw refuse('rule_violation', 'appraisal.ownSheet', {}, { ruleId: 'AP-2' });
    if (row.state === 'final') throw refuse('conflict', 'appraisal.frozen', { month: row.month }, { ruleId: 'AP-15' });
    if (dispute.state !== 'open') throw refuse('conflict', 'appraisal.disputeDecided', {}, { ruleId: 'AP-15' });
    if (body.upheld && !body.amountFen) throw refuse('invalid_value', 'appraisal.amountRequired', {}, { ruleId: 'AP-15' });
    const at = nowIso(ctx.clock);
    const ok = await repo.decideDispute(db, disputeId, body.version, {
      state: body.upheld ? 'upheld' : 'rejected',
      decision: body.reason,
      amount_fen: body.upheld ? body.amountFen : null,
      decided_by: ctx.actor.id,
      decided_at: at,
      updated_at: at,
    });
    if (!ok) throw versionConflict('Dispute');
    if (body.upheld) {
      const adjustments = [
        ...parse<StoredAdjustment[]>(row.adjustments),
        { amountFen: body.amountFen!, reason: body.reason, byId: ctx.actor.id, byName: ctx.actor.name, at, disputeId },
      ];
      const amount = Number(row.amount_fen) + body.amountFen!;
      if (
        !(await repo.updateSheet(db, row.id, row.version, { adjustments: JSON.stringify(adjustments), amount_fen: amount, updated_at: at }))
      ) {
        throw versionConflict('Appraisal sheet');
      }
    }
    await recordAudit(db, ctx, {
      action: 'appraisal.dispute.decide',
      entity: 'appraisal_dispute',
      entityId: disputeId,
      before: { state: 'open' },
      after: { state: body.upheld ? 'upheld' : 'rejected', reason: body.reason, amountFen: body.upheld ? body.amountFen : null },
    });
    return row.id;
  });
  return sheetOut(ctx.db, ctx, sheetId);
}
