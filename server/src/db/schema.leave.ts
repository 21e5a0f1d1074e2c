import type { Generated } from 'kysely';
import type { ClientDecisionColumns } from './schema.personnel';

// Kysely table type of the leave module (migration 20261203_0014_leave).
export interface LeaveRequestsTable extends ClientDecisionColumns {
  id: Generated<number>;
  user_id: number;
  status: string;
  type_id: string;
  start_date: string;
  end_date: string;
  days: number;
  reason: string;
  stand_in_id: number | null;
  contact_phone: string | null;
  emergency: Generated<number>;
  late: Generated<number>;
  required_notice_days: Generated<number>;
  days_ahead: Generated<number>;
  certificate_required: Generated<number>;
  certificate_received_at: string | null;
  extends_id: number | null;
  explanation: string;
  team_id: number | null;
  department_id: number | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  policy_version: number | null;
  /** RS-4b: the emergency form signed and archived (a PDF) by the client IT office or supervision unit. */
  form_archived_by: Generated<number | null>;
  form_archived_at: Generated<string | null>;
  form_signature_key: Generated<string | null>;
  form_pdf_key: Generated<string | null>;
  form_pdf_sha256: Generated<string | null>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export type LeaveTables = { leave_requests: LeaveRequestsTable };
