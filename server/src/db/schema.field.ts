import type { TLetterStatus } from '@techserve/core';
import type { Generated } from 'kysely';

// Kysely table types of the field module's tables (migration 20261123_0008_field).
type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** FS-1 service notice (服务通知单). status: pending | signed | rejected. */
export interface ServiceNoticesTable extends Stamps {
  id: Id;
  status: string;
  customer_id: number | null;
  customer_unit: string | null;
  site_id: number | null;
  site_address: string | null;
  contact_name: string;
  contact_phone: string;
  type: string;
  title: string;
  requirements: string;
  site_situation: string;
  created_by: number;
  signed_by: number | null;
  signed_as: string | null; // gm | department_head
  signed_at: string | null;
  gm_absent_reason: string | null;
  rejected_by: number | null;
  rejected_at: string | null;
  reject_reason: string | null;
  ticket_id: number | null;
}

/** FS-2 responsibility letter (项目责任书). JSON columns as text. */
export interface ResponsibilityLettersTable extends Stamps {
  id: Id;
  status: TLetterStatus;
  notice_id: number | null;
  ticket_id: number | null;
  customer_id: number;
  site_id: number | null;
  region_id: number | null;
  department_id: number | null;
  title: string;
  site_confirmation: string | null;
  site_mismatch: Generated<number>;
  site_clarification: string | null;
  planned_solution: string | null;
  kit: Generated<string>;
  appointment_at: string | null;
  estimated_minutes: number | null;
  travel_plan: string | null;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  reject_reason: string | null;
  confirmed_by: number | null;
  confirmed_at: string | null;
  booked_by: number | null;
  booked_at: string | null;
  ledger_note: string | null;
  evaluation: string | null;
  created_by: number;
}

export interface LetterEngineersTable {
  letter_id: number;
  user_id: number;
  is_lead: number;
}

/** FS-5: append-only appointment history. */
export interface LetterAppointmentChangesTable {
  id: Id;
  letter_id: number;
  from_at: string | null;
  to_at: string;
  called_at: string;
  called_whom: string;
  reason: string;
  changed_by: number;
  created_at: string;
}

/** FS-11: an engineer's plan for a day. */
export interface StandupPlansTable extends Stamps {
  id: Id;
  user_id: number;
  date: string;
  text: string;
  updated_by: number;
}

export interface ScheduleFeedTokensTable {
  user_id: number;
  token_hash: string; // sha256 hex of the secret token
  created_at: string;
}

export interface FieldTables {
  service_notices: ServiceNoticesTable;
  responsibility_letters: ResponsibilityLettersTable;
  letter_engineers: LetterEngineersTable;
  letter_appointment_changes: LetterAppointmentChangesTable;
  standup_plans: StandupPlansTable;
  schedule_feed_tokens: ScheduleFeedTokensTable;
}
