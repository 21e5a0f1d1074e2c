import type { Actor, Db } from '../../http/context';
import { scopeFilter } from '../../http/scope';

/** The closed months among `months` (a month without a row is open). */
export function closedMonthRows(db: Db, months: string[]) {
  if (months.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('months')
    .leftJoin('users', 'users.id', 'months.closed_by')
    .select(['months.month', 'months.state', 'months.closed_by', 'months.closed_at', 'months.note', 'users.name as closed_by_name'])
    .where('months.month', 'in', months)
    .where('months.state', '=', 'closed')
    .execute();
}
export type MonthRow = Awaited<ReturnType<typeof closedMonthRows>>[number];

/** Closed months after `month`, in order (to find the next open one). */
export async function closedMonthsAfter(db: Db, month: string): Promise<string[]> {
  const rows = await db
    .selectFrom('months')
    .select('month')
    .where('month', '>', month)
    .where('state', '=', 'closed')
    .orderBy('month')
    .execute();
  return rows.map((r) => r.month);
}

export async function insertClosedMonth(db: Db, row: { month: string; closedBy: number; closedAt: string; note: string | null }) {
  await db
    .insertInto('months')
    .values({ month: row.month, state: 'closed', closed_by: row.closedBy, closed_at: row.closedAt, note: row.note })
    .execute();
}

export type AdjustmentInsert = {
  month: string;
  user_id: number;
  kind: string;
  rule_id: string | null;
  fact_type: string;
  fact_id: number | null;
  fact_month: string;
  explanation_zh: string;
  explanation_en: string;
  amount_fen: number | null;
  delta: string | null;
  created_by: number | null;
  created_at: string;
};

export async function insertAdjustment(db: Db, row: AdjustmentInsert): Promise<number> {
  const r = await db.insertInto('month_adjustments').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Adjustments with the person's and the author's names. */
export const adjustmentsQuery = (db: Db) =>
  db
    .selectFrom('month_adjustments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('users as c', 'c.id', 'a.created_by')
    .select([
      'a.id',
      'a.month',
      'a.user_id',
      'a.kind',
      'a.rule_id',
      'a.fact_type',
      'a.fact_id',
      'a.fact_month',
      'a.explanation_zh',
      'a.explanation_en',
      'a.amount_fen',
      'a.delta',
      'a.created_by',
      'a.created_at',
      'u.name as user_name',
      'u.team_id',
      'u.department_id',
      'c.name as created_by_name',
    ]);
export type AdjustmentRow = Awaited<ReturnType<ReturnType<typeof adjustmentsQuery>['executeTakeFirstOrThrow']>>;

/** Set-based: the adjustments booked in a month, for many people at once (all when userIds is null). */
export function adjustmentRowsForMonth(db: Db, month: string, userIds: number[] | null): Promise<AdjustmentRow[]> {
  if (userIds && userIds.length === 0) return Promise.resolve([]);
  let q = adjustmentsQuery(db).where('a.month', '=', month);
  if (userIds) q = q.where('a.user_id', 'in', userIds);
  return q.orderBy('a.id').execute();
}

export async function activeStaffExists(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).where('customer_id', 'is', null).executeTakeFirst();
  return row != null;
}

/** A page of adjustments within the actor's data scope, newest first. */
export function adjustmentsPage(db: Db, actor: Actor, f: { month?: string; userId?: number; beforeId: number | null }, limit: number) {
  let q = adjustmentsQuery(db).where((eb) =>
    scopeFilter(eb, actor, { owner: 'a.user_id', team: 'u.team_id', department: 'u.department_id' }),
  );
  if (f.month) q = q.where('a.month', '=', f.month);
  if (f.userId) q = q.where('a.user_id', '=', f.userId);
  if (f.beforeId != null) q = q.where('a.id', '<', f.beforeId);
  return q.orderBy('a.id', 'desc').limit(limit).execute();
}
