/**
 * The month (design: "The month"): per company, open → closed. A closed month's facts are frozen; a later correction
 * is booked as an adjustment in the next open month, visible and explained, never a silent edit.
 *
 * API for other modules (call inside your own transaction, pass it as `db`):
 *   assertMonthOpen(db, dateOrMonth)      throws 409 `months.closed` {month} when the month of a 'YYYY-MM-DD' or
 *                                         'YYYY-MM' is closed; call it before writing or changing a fact of that month.
 *   isMonthClosed(db, month)              boolean.
 *   nextOpenMonth(db, month)              the first month after `month` that is not closed.
 *   bookAdjustment(db, actingCtx, {...})  books a correction of a closed month's fact (who, kind, rule id, the fact's
 *                                         type/id/month, the sentence in zh-CN and en, an amount in fen or a delta) in
 *                                         the next open month, audited; returns it.
 *   adjustmentsForMonth(db, month, ids?)  set-based read of the adjustments booked in a month for many people (the
 *                                         appraisal reads it), or for everyone when ids is omitted.
 * Routes (months.routes.ts): list a year's months, close a month (months.close), list and create adjustments.
 */
import {
  type TAdjustment,
  type TAdjustmentCreate,
  type TAdjustmentListQuery,
  type TLocalizedText,
  type TMonthStatus,
  monthDates,
  monthOfDate,
  nextMonth,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { fieldDetail, forbidden, refuse } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import * as repo from './months.repository';

/** Who acts, as the audit records it (a background job acts as nobody). */
export type ActingCtx = Parameters<typeof recordAudit>[1];

const monthOf = (dateOrMonth: string) => (dateOrMonth.length > 7 ? monthOfDate(dateOrMonth) : dateOrMonth);

export async function isMonthClosed(db: Db, month: string): Promise<boolean> {
  return (await repo.closedMonthRows(db, [month])).length > 0;
}

/** 409 `months.closed` when the month of a date ('YYYY-MM-DD') or a month ('YYYY-MM') is closed. */
export async function assertMonthOpen(db: Db, dateOrMonth: string): Promise<void> {
  const month = monthOf(dateOrMonth);
  if (await isMonthClosed(db, month)) throw refuse('conflict', 'months.closed', { month });
}

/** The first month after `month` that is not closed. */
export async function nextOpenMonth(db: Db, month: string): Promise<string> {
  const closed = new Set(await repo.closedMonthsAfter(db, month));
  let m = nextMonth(month);
  while (closed.has(m)) m = nextMonth(m);
  return m;
}

export type AdjustmentInput = {
  userId: number;
  kind: string;
  ruleId?: string | null;
  fact: { type: string; id: number | null; month: string };
  explanation: TLocalizedText;
  amountFen?: number | null;
  delta?: Record<string, unknown> | null;
};

const toAdjustment = (r: repo.AdjustmentRow): TAdjustment => ({
  id: r.id,
  month: r.month,
  userId: r.user_id,
  userName: r.user_name,
  kind: r.kind,
  ruleId: r.rule_id,
  factType: r.fact_type,
  factId: r.fact_id,
  factMonth: r.fact_month,
  explanation: { 'zh-CN': r.explanation_zh, en: r.explanation_en },
  amountFen: r.amount_fen == null ? null : Number(r.amount_fen),
  delta: r.delta ? (JSON.parse(r.delta) as Record<string, unknown>) : null,
  createdBy: r.created_by != null ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
  createdAt: r.created_at,
});

/**
 * Books a correction of a closed month's fact in the next open month (the fact's month must be closed: an open
 * month is corrected directly), with an audit entry in the caller's transaction.
 */
export async function bookAdjustment(db: Db, acting: ActingCtx, input: AdjustmentInput): Promise<TAdjustment> {
  if (!(await isMonthClosed(db, input.fact.month))) throw refuse('conflict', 'months.factMonthOpen', { month: input.fact.month });
  const month = await nextOpenMonth(db, input.fact.month);
  const at = nowIso(acting.clock);
  const id = await repo.insertAdjustment(db, {
    month,
    user_id: input.userId,
    kind: input.kind,
    rule_id: input.ruleId ?? null,
    fact_type: input.fact.type,
    fact_id: input.fact.id,
    fact_month: input.fact.month,
    explanation_zh: input.explanation['zh-CN'],
    explanation_en: input.explanation.en,
    amount_fen: input.amountFen ?? null,
    delta: input.delta ? JSON.stringify(input.delta) : null,
    created_by: acting.actor?.id ?? null,
    created_at: at,
  });
  await recordAudit(db, acting, {
    action: 'month.adjustment.book',
    entity: 'month_adjustment',
    entityId: id,
    after: {
      month,
      userId: input.userId,
      kind: input.kind,
      fact: input.fact,
      amountFen: input.amountFen ?? null,
      delta: input.delta ?? null,
    },
  });
  const row = await repo.adjustmentsQuery(db).where('a.id', '=', id).executeTakeFirstOrThrow();
  return toAdjustment(row);
}

/** Set-based: the adjustments booked in `month` for these people (everyone when userIds is omitted). */
export async function adjustmentsForMonth(db: Db, month: string, userIds?: number[]): Promise<TAdjustment[]> {
  return (await repo.adjustmentRowsForMonth(db, month, userIds ?? null)).map(toAdjustment);
}

// Routes -----------------------------------------------------------------------------------------------------------

/** The twelve months of a year, open or closed, and whether each has ended. */
export async function listMonths(ctx: Ctx, year: number): Promise<{ items: TMonthStatus[] }> {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const closed = new Map((await repo.closedMonthRows(ctx.db, months)).map((r) => [r.month, r]));
  const today = todayOf(ctx);
  return {
    items: months.map((month) => {
      const r = closed.get(month);
      return {
        month,
        state: r ? 'closed' : 'open',
        closedBy: r?.closed_by != null ? { id: r.closed_by, name: r.closed_by_name ?? '' } : null,
        closedAt: r?.closed_at ?? null,
        note: r?.note ?? null,
        ended: monthDates(month).last < today,
      };
    }),
  };
}

/**
 * Closes an ended month (months.close: HR or the supervisor), audited and final: from now on its facts refuse
 * changes (409 `months.closed`) and corrections become adjustments of the next open month.
 */
export async function closeMonth(ctx: Ctx, month: string, note: string | undefined): Promise<TMonthStatus> {
  if (!can(ctx.actor, 'months.close')) throw forbidden('This needs the permission "months.close"');
  if (monthDates(month).last >= todayOf(ctx)) throw refuse('rule_violation', 'months.notEnded', { month });
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    if (await isMonthClosed(db, month)) throw refuse('conflict', 'months.alreadyClosed', { month });
    await repo.insertClosedMonth(db, { month, closedBy: ctx.actor.id, closedAt: at, note: note?.trim() || null });
    await recordAudit(db, ctx, {
      action: 'month.close',
      entity: 'month',
      entityId: month,
      before: { state: 'open' },
      after: { state: 'closed', note },
    });
  });
  const year = Number(month.slice(0, 4));
  return (await listMonths(ctx, year)).items.find((m) => m.month === month) as TMonthStatus;
}

function assertAdjustmentReader(ctx: Ctx) {
  if (!can(ctx.actor, 'reports.review') && !can(ctx.actor, 'months.close'))
    throw forbidden('This needs the permission "reports.review" or "months.close"');
}

/** Adjustments within the actor's data scope, newest first. */
export async function listAdjustments(ctx: Ctx, q: TAdjustmentListQuery) {
  assertAdjustmentReader(ctx);
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.adjustmentsPage(
    ctx.db,
    ctx.actor,
    { month: q.month, userId: q.userId, beforeId: after ? Number(after[0]) : null },
    q.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.id]);
  return { items: items.map(toAdjustment), nextCursor };
}

/** A manual correction of a closed month's fact, booked in the next open month (months.close). */
export async function createAdjustment(ctx: Ctx, body: TAdjustmentCreate): Promise<TAdjustment> {
  if (!can(ctx.actor, 'months.close')) throw forbidden('This needs the permission "months.close"');
  return ctx.db.transaction().execute(async (db) => {
    if (!(await repo.activeStaffExists(db, body.userId)))
      throw refuse('invalid_value', 'months.noSuchUser', {}, { details: [fieldDetail('body.userId', 'months.noSuchUser')] });
    const by = ctx.actor.name;
    return bookAdjustment(db, ctx, {
      userId: body.userId,
      kind: 'correction',
      ruleId: body.ruleId ?? null,
      fact: { type: body.factType, id: body.factId ?? null, month: body.factMonth },
      explanation: {
        'zh-CN': `${by} 更正 ${body.factMonth} 已结账的数据：${body.reason}`,
        en: `${by} corrects a fact of the closed month ${body.factMonth}: ${body.reason}`,
      },
      amountFen: body.amountFen ?? null,
    });
  });
}
