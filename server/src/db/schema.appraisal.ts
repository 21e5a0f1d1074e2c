import type { Generated } from 'kysely';

type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** AP-15; state: draft | approved | final. JSON as text: lines, adjustments, scores, scorers, carry. */
export interface AppraisalSheetsTable extends Stamps {
  id: Id;
  user_id: number;
  month: string;
  department_id: number | null;
  team_id: number | null;
  state: string;
  policy_version: number | null;
  inputs_digest: string;
  lines: string;
  adjustments: string;
  scores: string;
  scorers: string;
  carry: string;
  grade: string | null;
  total_tenths: number | null;
  amount_fen: number;
  self_at: string | null;
  computed_at: string;
  approved_by: number | null;
  approved_at: string | null;
  frozen_at: string | null;
}

/** AP-15: an engineer disputes a line; the supervisor decides. state: open | upheld | rejected. */
export interface AppraisalDisputesTable extends Stamps {
  id: Id;
  sheet_id: number;
  line_key: string;
  reason: string;
  raised_by: number;
  state: string;
  decision: string | null;
  amount_fen: number | null;
  decided_by: number | null;
  decided_at: string | null;
}

export interface AppraisalTables {
  appraisal_sheets: AppraisalSheetsTable;
  appraisal_disputes: AppraisalDisputesTable;
}
