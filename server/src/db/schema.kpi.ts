import type { Generated } from 'kysely';

type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** AP-6: a month's nomination; state: voting | review. */
export interface AwardRoundsTable extends Stamps {
  id: Id;
  month: string;
  state: string;
  policy_version: number | null;
}

/** AP-6: who has voted (no time, no order, no nominee). */
export interface AwardVotersTable {
  round_id: number;
  voter_id: number;
}

/** AP-6: the votes of each nominee (no voter, no time, no order). */
export interface AwardTalliesTable {
  round_id: number;
  nominee_id: number;
  votes: number;
}

/** AP-6: a candidate by votes under review; state: waiting | in_review | confirmed | vetoed. */
export interface AwardCandidatesTable extends Stamps {
  id: Id;
  round_id: number;
  nominee_id: number;
  votes: number;
  rank: number;
  state: string;
  manager_by: number | null;
  manager_at: string | null;
  vp_by: number | null;
  vp_at: string | null;
  gm_by: number | null;
  gm_at: string | null;
  veto_step: string | null;
  veto_ground: string | null;
  veto_reason: string | null;
  veto_by: number | null;
  veto_at: string | null;
  bonus_fen: number | null;
  policy_version: number | null;
}

/** AP-16: a person's KPI review of a period ('YYYY-MM' or 'YYYY'); scores and the result as JSON text. */
export interface KpiReviewsTable extends Stamps {
  id: Id;
  user_id: number;
  period: string;
  self_scores: string;
  self_at: string | null;
  superior_scores: string;
  superior_by: number | null;
  superior_at: string | null;
  consolidated_by: number | null;
  consolidated_at: string | null;
  result: string | null;
}

export interface KpiTables {
  award_rounds: AwardRoundsTable;
  award_voters: AwardVotersTable;
  award_tallies: AwardTalliesTable;
  award_candidates: AwardCandidatesTable;
  kpi_reviews: KpiReviewsTable;
}
