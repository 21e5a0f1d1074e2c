import type { Generated } from 'kysely';

// Kysely table types of the personnel module (migration 20261207_0120_personnel).
export interface PersonnelChangesTable {
  id: Generated<number>;
  kind: string;
  status: string;
  site_id: number;
  outgoing_user_id: number;
  incoming_user_id: number | null;
  incoming_name: string | null;
  qualifications: string | null;
  cv_storage_key: string | null;
  cv_file_name: string | null;
  cv_content_type: string | null;
  cv_size: number | null;
  cv_sha256: string | null;
  reason: string;
  reason_kind: string | null;
  notice_on: string | null;
  change_date: string | null;
  request_deadline: string | null;
  requested_on: string | null;
  due_date: string | null;
  company_decided_by: number | null;
  company_decided_at: string | null;
  company_comment: string | null;
  client_decided_by: number | null;
  client_decided_at: string | null;
  client_comment: string | null;
  handover_start: string | null;
  handover_end: string | null;
  checklist: Generated<string>;
  test_passed: number | null;
  test_note: string | null;
  tested_by: number | null;
  tested_at: string | null;
  pdf_storage_key: string | null;
  pdf_sha256: string | null;
  completed_at: string | null;
  obligation_owner_id: number | null;
  cancelled_by: Generated<number | null>;
  cancelled_at: Generated<string | null>;
  cancel_reason: Generated<string | null>;
  explanations: Generated<string>;
  policy_version: number | null;
  team_id: number | null;
  department_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface PersonnelChangeSignaturesTable {
  id: Generated<number>;
  change_id: number;
  role: string;
  user_id: number;
  method: string;
  storage_key: string | null;
  content_type: string | null;
  sha256: string | null;
  ip: string | null;
  signed_at: string;
}

/** RS-4b/item 3: the client IT office's second approval on a leave request or an attendance correction. */
export type ClientDecisionColumns = {
  client_status: string | null;
  client_decided_by: number | null;
  client_decided_at: string | null;
  client_comment: string | null;
};

export type PersonnelTables = {
  personnel_changes: PersonnelChangesTable;
  personnel_change_signatures: PersonnelChangeSignaturesTable;
};
