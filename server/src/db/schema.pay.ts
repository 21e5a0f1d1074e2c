import type { Generated } from 'kysely';

type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** PAY-1/PAY-5: a person's base tier and whether the field allowance (野外补贴) applies (0/1). */
export interface PayProfilesTable extends Stamps {
  id: Id;
  user_id: number;
  base_tier_id: string;
  field_allowance: number;
  /** PAY-3: paid by welder grade (1..8) instead of the tier; null for none. */
  welder_grade: number | null;
  /** PAY-3: the date the welder grade took effect (the grade-up's six months count from it); null when not recorded. */
  welder_grade_since: string | null;
  /** PAY-3/PAY-3b: 1 while in probation. */
  probation: Generated<number>;
  updated_by: number;
}

/** PAY-3: the days of a month's work that cannot be counted by the metre. */
export interface PayMonthInputsTable extends Stamps {
  id: Id;
  user_id: number;
  month: string;
  non_piece_days: number;
  updated_by: number;
}

/** PAY-3: a share of a month's commission paid later; kind: settlement | retention. */
export interface PayCommissionEntriesTable extends Stamps {
  id: Id;
  user_id: number;
  project_id: number;
  earned_month: string;
  kind: string;
  amount_fen: number;
  policy_version: number | null;
  release_on: string | null;
  released_month: string | null;
  released_at: string | null;
}

/** PAY-3c: a project contracted (承包) to an employee; no salary from start_on to end_on (null: open). */
export interface PayContractsTable extends Stamps {
  id: Id;
  user_id: number;
  project_id: number;
  start_on: string;
  end_on: string | null;
  note: Generated<string>;
  created_by: number;
  updated_by: number;
}

/** PAY-3b: a probation assessment (append-only); items: JSON of the five items passed or not; result: passed | failed. */
export interface PayProbationAssessmentsTable {
  id: Id;
  user_id: number;
  assessed_on: string;
  effective_on: string;
  items: string;
  result: string;
  welder_grade: number | null;
  base_tier_id: string;
  policy_version: number | null;
  explanation: string;
  note: string;
  assessed_by: number;
  created_at: string;
}

/** PAY-2: a half-year's ranking bonus page (JSON) as first exported with the period's last month; append-only. */
export interface PayRankingSnapshotsTable {
  id: Id;
  period_from: string;
  period_to: string;
  page: string;
  fixed_by: number | null;
  fixed_at: string;
}

export interface PayTables {
  pay_profiles: PayProfilesTable;
  pay_month_inputs: PayMonthInputsTable;
  pay_commission_entries: PayCommissionEntriesTable;
  pay_contracts: PayContractsTable;
  pay_probation_assessments: PayProbationAssessmentsTable;
  pay_ranking_snapshots: PayRankingSnapshotsTable;
}
