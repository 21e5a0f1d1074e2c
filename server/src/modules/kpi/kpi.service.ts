/**
 * AP-16/AP-16b KPIs of a month (the monthly review, due in the first days of the next month) or a year (the annual
 * review, in January): the rates come from the facts other modules count — the WR-5 monthly report's per-engineer
 * counts (computeMonthlyReport: requests resolved, on-site arrivals in time, ratings), staff training's exams,
 * sessions and certificates — and core's kpiResult consolidates self + superior + customer with the policy's
 * weights and proposes targeted training for the weak items. HR's consolidation keeps the result as it was.
 */
import {
  type TKpiFacts,
  type TKpiListQuery,
  type TKpiPage,
  type TKpiPerson,
  type TKpiResult,
  type TKpiScores,
  dayOfMonthClamped,
  kpiResult,
  monthDates,
  monthInstants,
  monthOfDate,
  nextMonth,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { policyOn } from '../policy/policy-in-force';
import { computeMonthlyReport } from '../service-reports/service-reports.service';
import { attendanceBetween, certificatesIssuedBetween, examResultsBetween } from '../staff-training/staff-training.repository';
import { fulfilKpiReview } from './kpi.obligations';
import * as repo from './kpi.repository';

const isYear = (period: string) => period.length === 4;
const monthsOf = (period: string) =>
  isYear(period) ? Array.from({ length: 12 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`) : [period];
const lastMonthOf = (period: string) => (isYear(period) ? `${period}-12` : period);
const policyOf = (db: Db, period: string) => policyOn(db, monthDates(lastMonthOf(period)).last);
const parse = (text: string | undefined): TKpiScores => (text ? (JSON.parse(text) as TKpiScores) : {});

const zeroFacts = (): TKpiFacts => ({
  requests: 0,
  resolved: 0,
  onsiteDecided: 0,
  onsiteMet: 0,
  ratings: 0,
  ratingsGoodOrBetter: 0,
  examsTaken: 0,
  examsPassed: 0,
  sessionsInvited: 0,
  sessionsAttended: 0,
  certificates: 0,
});

/** Set-based: the period's facts of these people, one read of each kind (the monthly report once per department and month). */
async function periodFacts(
  db: Db,
  staff: repo.StaffRow[],
  period: string,
  nowMs: number,
  timeZone: string,
): Promise<Map<number, TKpiFacts>> {
  const out = new Map(staff.map((s) => [s.id, zeroFacts()]));
  const ids = staff.map((s) => s.id);
  const months = monthsOf(period).filter((m) => monthInstants(m, timeZone).start <= nowMs);
  if (months.length === 0) return out;
  const departments = [...new Set(staff.map((s) => s.department_id).filter((d): d is number => d !== null))];
  const reports = await Promise.all(departments.flatMap((d) => months.map((m) => computeMonthlyReport(db, d, m, nowMs, timeZone))));
  for (const r of reports) {
    for (const e of r.engineers) {
      const f = out.get(e.userId);
      if (!f) continue;
      f.requests += e.requests;
      f.resolved += e.resolved;
      f.onsiteDecided += e.onsiteDecided;
      f.onsiteMet += e.onsiteMet;
      f.ratings += e.ratings;
      f.ratingsGoodOrBetter += e.ratingsGoodOrBetter;
    }
  }
  const from = new Date(monthInstants(months[0], timeZone).start).toISOString();
  const to = new Date(monthInstants(months[months.length - 1], timeZone).end).toISOString();
  const [exams, sessions, certificates] = await Promise.all([
    examResultsBetween(db, { from, to, userIds: ids }),
    attendanceBetween(db, { from, to, userIds: ids }),
    certificatesIssuedBetween(db, { fromDate: `${months[0]}-01`, toDate: `${nextMonth(months[months.length - 1])}-01`, userIds: ids }),
  ]);
  for (const e of exams) {
    const f = out.get(e.userId)!;
    f.examsTaken++;
    if (e.passed) f.examsPassed++;
  }
  // TRN-1: an excused absence is left out; present counts as attended.
  for (const s of sessions) {
    if (s.status === 'excused') continue;
    const f = out.get(s.userId)!;
    f.sessionsInvited++;
    if (s.status === 'present') f.sessionsAttended++;
  }
  for (const [userId, n] of certificates) out.get(userId)!.certificates += n;
  return out;
}

/** AP-16: the monthly review by the policy's day of the next month; the annual one by the end of its month. */
function dueDateOf(period: string, kpi: { monthlyReviewDueDay: number; annualReviewMonth: number }) {
  if (!isYear(period)) return dayOfMonthClamped(nextMonth(period), kpi.monthlyReviewDueDay);
  return monthDates(`${Number(period) + 1}-${String(kpi.annualReviewMonth).padStart(2, '0')}`).last;
}

function assertEnded(ctx: Ctx, period: string) {
  const thisMonth = monthOfDate(todayOf(ctx));
  if (lastMonthOf(period) >= thisMonth) throw refuse('invalid_value', 'kpi.periodNotEnded', { period }, { ruleId: 'AP-16' });
}

async function page(ctx: Ctx, staff: repo.StaffRow[], period: string): Promise<TKpiPage> {
  const db = ctx.db;
  const policy = await policyOf(db, period);
  const k = policy.document.appraisal.kpi;
  const [facts, reviews] = await Promise.all([
    periodFacts(db, staff, period, ctx.clock.now().getTime(), ctx.timeZone),
    repo.reviewsOf(
      db,
      period,
      staff.map((s) => s.id),
    ),
  ]);
  const byUser = new Map(reviews.map((r) => [r.user_id, r]));
  const items = staff.map((s): TKpiPerson => {
    const r = byUser.get(s.id);
    const result: TKpiResult = r?.result
      ? (JSON.parse(r.result) as TKpiResult)
      : kpiResult(k, policy.number, period, facts.get(s.id)!, { self: parse(r?.self_scores), superior: parse(r?.superior_scores) });
    return {
      userId: s.id,
      name: s.name,
      reviewId: r?.id ?? null,
      version: r?.version ?? null,
      superiorBy: r?.superior_name ?? null,
      consolidatedBy: r?.consolidated_name ?? null,
      consolidatedAt: r?.consolidated_at ?? null,
      ...result,
    };
  });
  return {
    period,
    kind: isYear(period) ? 'year' : 'month',
    dueDate: dueDateOf(period, k),
    policyVersion: policy.number,
    weights: k.weights,
    weakBelowPercent: k.weakBelowPercent,
    items,
  };
}

/** The period's KPIs: mine (kpi.self), or of everybody in my scope (kpi.review / kpi.consolidate). */
export async function listKpis(ctx: Ctx, q: TKpiListQuery): Promise<TKpiPage> {
  if (q.period > monthOfDate(todayOf(ctx)) && !isYear(q.period)) throw refuse('invalid_value', 'kpi.periodNotEnded', { period: q.period });
  if (q.view === 'team') {
    if (!can(ctx.actor, 'kpi.review') && !can(ctx.actor, 'kpi.consolidate')) throw forbidden('This needs the permission "kpi.review"');
    return page(ctx, await repo.staff(ctx.db, ctx.actor), q.period);
  }
  if (!can(ctx.actor, 'kpi.self')) throw forbidden('This needs the permission "kpi.self"');
  return page(
    ctx,
    (await repo.staff(ctx.db, null)).filter((s) => s.id === ctx.actor.id),
    q.period,
  );
}

/** Writes the self or the superior's scores of a person's period (refused once HR has consolidated it). */
async function writeScores(ctx: Ctx, userId: number, period: string, who: 'self' | 'superior', scores: TKpiScores, version?: number) {
  await ctx.db.transaction().execute(async (db) => {
    const at = nowIso(ctx.clock);
    const [row] = await repo.reviewsOf(db, period, [userId]);
    if (row?.consolidated_at) throw refuse('conflict', 'kpi.consolidated', { period }, { ruleId: 'AP-16' });
    const set =
      who === 'self'
        ? { self_scores: JSON.stringify(scores), self_at: at }
        : { superior_scores: JSON.stringify(scores), superior_by: ctx.actor.id, superior_at: at };
    let id: number;
    if (row) {
      await repo.updateReview(db, row.id, version ?? row.version, set, at);
      id = row.id;
    } else {
      id = await repo.insertReview(
        db,
        { user_id: userId, period, self_scores: '{}', self_at: null, superior_scores: '{}', superior_by: null, superior_at: null, ...set },
        at,
      );
    }
    // AP-16: the score fulfils the writer's review obligation of the period.
    await fulfilKpiReview(db, ctx, period, who === 'self' ? null : userId);
    await recordAudit(db, ctx, {
      action: `kpi.${who}`,
      entity: 'kpi_review',
      entityId: id,
      before: row ? { scores: parse(who === 'self' ? row.self_scores : row.superior_scores) } : null,
      after: { period, userId, scores },
    });
  });
}

/** AP-16: my self-appraisal of the items, once the period has ended. */
export async function selfScore(ctx: Ctx, period: string, scores: TKpiScores): Promise<TKpiPage> {
  assertEnded(ctx, period);
  await writeScores(ctx, ctx.actor.id, period, 'self', scores);
  return listKpis(ctx, { period, view: 'mine' });
}

async function personInScope(ctx: Ctx, userId: number) {
  const person = (await repo.staff(ctx.db, ctx.actor)).find((s) => s.id === userId);
  if (!person) throw refuse('not_found', 'kpi.notInScope', {}, { ruleId: 'AP-16' });
  return person;
}

/** AP-16: the superior's scores of a person in their scope (never their own). */
export async function superiorScore(ctx: Ctx, userId: number, period: string, scores: TKpiScores, version?: number): Promise<TKpiPage> {
  assertEnded(ctx, period);
  if (userId === ctx.actor.id) throw refuse('forbidden', 'kpi.ownReview', {}, { ruleId: 'AP-16' });
  await personInScope(ctx, userId);
  await writeScores(ctx, userId, period, 'superior', scores, version);
  return listKpis(ctx, { period, view: 'team' });
}

/** AP-16: HR consolidates a person's period: the result is kept as computed now (AP-16b training proposals included). */
export async function consolidate(ctx: Ctx, userId: number, period: string, version: number): Promise<TKpiPage> {
  assertEnded(ctx, period);
  const person = await personInScope(ctx, userId);
  const current = (await page(ctx, [person], period)).items[0];
  if (current.reviewId === null) throw refuse('invalid_value', 'kpi.nothingToConsolidate', {}, { ruleId: 'AP-16' });
  if (current.consolidatedAt) throw refuse('conflict', 'kpi.consolidated', { period }, { ruleId: 'AP-16' });
  await ctx.db.transaction().execute(async (db) => {
    const at = nowIso(ctx.clock);
    const result: TKpiResult = { items: current.items, consolidated: current.consolidated, training: current.training };
    await repo.updateReview(
      db,
      current.reviewId!,
      version,
      { consolidated_by: ctx.actor.id, consolidated_at: at, result: JSON.stringify(result) },
      at,
    );
    await recordAudit(db, ctx, {
      action: 'kpi.consolidate',
      entity: 'kpi_review',
      entityId: current.reviewId!,
      after: { period, userId, consolidated: result.consolidated.value, training: result.training.map((t) => t.item) },
    });
  });
  return listKpis(ctx, { period, view: 'team' });
}
