import type { Generated } from 'kysely';

// Kysely table types of obligations and the month (migration 20261207_0040_obligations).
type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** Anything due (design: "Obligations"). state: open | on_time | late | excused | cancelled. */
export interface ObligationsTable extends Stamps {
  id: Id;
  kind: string;
  owner_id: number;
  subject_type: Generated<string>;
  subject_id: Generated<number>;
  period: string;
  due_at: string;
  due_date: string;
  month: string;
  state: string;
  done_at: string | null;
  late_minutes: number | null;
  explanation: string;
  judgement: string | null;
  policy_version: number | null;
  calendar_id: number | null;
  evidence_type: string | null;
  evidence_id: number | null;
  link: string | null;
  excused_by: number | null;
  excused_at: string | null;
  excused_reason: string | null;
  cancelled_reason: string | null;
  team_id: number | null;
  department_id: number | null;
  reminded_at: string | null;
  flagged_at: string | null;
}

/** A closed month (a month without a row is open). */
export interface MonthsTable {
  month: string;
  state: string;
  closed_by: number | null;
  closed_at: string | null;
  note: string | null;
}

/** A correction of a closed month's fact, booked in an open month; append-only. */
export interface MonthAdjustmentsTable {
  id: Id;
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
}

export interface ObligationTables {
  obligations: ObligationsTable;
  months: MonthsTable;
  month_adjustments: MonthAdjustmentsTable;
}
