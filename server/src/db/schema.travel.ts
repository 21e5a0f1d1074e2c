import type { Generated } from 'kysely';

// Kysely table types of the travel module's tables (migration 20261123_0009_travel).
type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

export interface TravelRequestsTable extends Stamps {
  id: Id;
  user_id: number;
  status: string;
  start_date: string;
  end_date: string;
  purpose: string;
  work_type: string;
  board_provided: number;
  letter_id: number | null;
  ticket_id: number | null;
  segments: string;
  team_id: number | null;
  department_id: number | null;
  approved_transport: Generated<string>;
  new_employee: Generated<number>;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  special_daily_fen: number | null;
  special_reason: string | null;
  special_status: string | null;
  special_decided_by: number | null;
  special_decided_at: string | null;
  extension_start_date: string | null;
  extension_end_date: string | null;
  extension_reason: string | null;
  extension_status: string | null;
  extension_decided_by: number | null;
  extension_decided_at: string | null;
  policy_version: number | null;
}

export interface TravelAdvancesTable extends Stamps {
  id: Id;
  request_id: number;
  user_id: number;
  amount_fen: number;
  reason: string;
  status: string;
  letter_status: string | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  paid_by: number | null;
  paid_at: string | null;
  settled_claim_id: number | null;
}

export interface TravelLogsTable extends Stamps {
  id: Id;
  request_id: number;
  user_id: number;
  date: string;
  place: string;
  work_done: string;
}

export interface TravelLogGapsTable {
  id: Id;
  user_id: number;
  date: string;
  request_id: number;
  rule: string;
  source: string;
  window_start: string;
  explanation: string;
  created_at: string;
}

export interface TravelClaimsTable extends Stamps {
  id: Id;
  request_id: number;
  user_id: number;
  status: string;
  actual_start_date: string;
  actual_end_date: string;
  expenses: string;
  expenses_fen: number;
  allowance_fen: number;
  allowance_lines: string;
  advance_fen: number;
  payable_fen: number;
  note: string | null;
  policy_version: number | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  paid_by: number | null;
  paid_at: string | null;
}

export interface TravelClaimReceiptsTable {
  id: Id;
  claim_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  created_at: string;
}

export interface TravelTables {
  travel_requests: TravelRequestsTable;
  travel_advances: TravelAdvancesTable;
  travel_logs: TravelLogsTable;
  travel_log_gaps: TravelLogGapsTable;
  travel_claims: TravelClaimsTable;
  travel_claim_receipts: TravelClaimReceiptsTable;
}
