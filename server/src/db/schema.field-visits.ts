import type { Generated } from 'kysely';

// Kysely table types of the on-site tables (migration 20261123_0011_field_visits).
type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** FS-5 check-in/out; kind: in | out; append-only. */
export interface VisitCheckinsTable {
  id: Id;
  letter_id: number;
  user_id: number;
  kind: string;
  at: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  confirmed_with: string | null;
  note: string | null;
}

/** FS-6 service record (售后维修单 / 服务记录), one per letter. */
export interface ServiceRecordsTable extends Stamps {
  id: Id;
  letter_id: number;
  diagnosis: string;
  work_done: string;
  solved: number | null;
  restored_original: Generated<number>;
  unsolved_on: string | null;
  report_required: Generated<number>;
  report_text: string | null;
  report_photo_ids: string | null; // JSON number[]
  report_filed_at: string | null;
  report_filed_by: number | null;
  updated_by: number;
}

export interface VisitPartsTable {
  id: Id;
  letter_id: number;
  part: string;
  quantity: number;
  installed_product_id: number | null;
  part_replacement_id: number | null;
  created_by: number;
  created_at: string;
}

export interface VisitExpertConsultsTable {
  id: Id;
  letter_id: number;
  expert_user_id: number | null;
  expert_name: string;
  question: string;
  answer: string;
  created_by: number;
  created_at: string;
}

/** purpose: photo | difficulty | record_pdf. */
export interface VisitFilesTable {
  id: Id;
  letter_id: number;
  purpose: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  ticket_attachment_id: number | null;
  uploaded_by: number;
  created_at: string;
}

/** FS-7/FS-8 customer signatures; append-only. */
export interface VisitSignaturesTable {
  id: Id;
  letter_id: number;
  signer_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  recorded_by: number;
  recorded_at: string;
  lat: number | null;
  lng: number | null;
  ip: string | null;
}

/** FS-8 sign-off; one per letter; append-only. */
export interface VisitSignoffsTable {
  id: Id;
  letter_id: number;
  attitude: string | null;
  skill: string | null;
  result: string | null;
  comment: string | null;
  signature_id: number | null;
  unsigned_reason: string | null;
  pdf_file_id: number;
  rating_on_request: Generated<number>;
  recorded_by: number;
  recorded_at: string;
}

/** FS-7; status: open | customer_signed | countersigned. */
export interface VisitExtraTasksTable extends Stamps {
  id: Id;
  letter_id: number;
  description: string;
  estimate_minutes: number;
  status: string;
  customer_signature_id: number | null;
  countersigned_by: number | null;
  countersigned_at: string | null;
  created_by: number;
}

/** FS-9; decision: pending | approved | declined | automatic. */
export interface VisitReturnRequestsTable {
  id: Id;
  letter_id: number;
  completion_note: string;
  return_plan: string;
  requested_by: number;
  requested_at: string;
  decision: string;
  decided_by: number | null;
  decided_at: string | null;
  decline_reason: string | null;
}

export interface FieldVisitTables {
  visit_checkins: VisitCheckinsTable;
  service_records: ServiceRecordsTable;
  visit_parts: VisitPartsTable;
  visit_expert_consults: VisitExpertConsultsTable;
  visit_files: VisitFilesTable;
  visit_signatures: VisitSignaturesTable;
  visit_signoffs: VisitSignoffsTable;
  visit_extra_tasks: VisitExtraTasksTable;
  visit_return_requests: VisitReturnRequestsTable;
}
