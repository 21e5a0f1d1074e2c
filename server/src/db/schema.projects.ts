import type { Generated } from 'kysely';

// Kysely table types of the projects module's tables (migration 20261123_0010_projects): FS-12..14.

type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };
/** Scope columns copied onto each header row (region from the site or customer; department/team from the creator). */
type ScopeCols = { region_id: number | null; department_id: number | null; team_id: number | null };

export interface ProjectsTable extends Stamps, ScopeCols {
  id: Id;
  name: string;
  contract_id: number;
  customer_id: number;
  site_id: number | null;
  manager_id: number | null;
  /** FS-12b: the salesperson who signs the technical handover (migration 0170). */
  sales_id: number | null;
  status: string;
  description: string | null;
  started_on: string | null;
  commissioned_on: string | null;
  acceptance_due_on: string | null;
  acceptance_days: number | null;
  policy_version: number | null;
  accepted_on: string | null;
  accepted_by: string | null;
  closed_at: string | null;
  created_by: number;
}
export interface ProjectMembersTable {
  project_id: number;
  user_id: number;
}
export interface ProjectPlanItemsTable extends Stamps {
  id: Id;
  project_id: number;
  name: string;
  planned_start: string;
  planned_end: string;
  done_percent: Generated<number>;
}
export interface ProjectMaterialsTable extends Stamps {
  id: Id;
  project_id: number;
  name: string;
  spec: string | null;
  quantity: number;
  unit: string | null;
  supplier: string | null;
  expected_arrival: string;
  arrived_on: string | null;
}
export interface ProjectCostsTable extends Stamps {
  id: Id;
  project_id: number;
  category: string;
  description: string | null;
  amount_fen: number; // bigint (parsed to a number by the pg type parser)
}
export interface ProjectHandoverDocumentsTable extends Stamps {
  id: Id;
  project_id: number;
  document_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  signed_by: string | null;
  signed_on: string | null;
  signed_recorded_by: number | null;
}
/** FS-12b: one signatory's signature on a project's technical handover (migration 0170). */
export interface ProjectHandoverSignaturesTable {
  id: Id;
  project_id: number;
  user_id: number;
  signed_at: string;
}
export interface DeliveriesTable extends Stamps, ScopeCols {
  id: Id;
  project_id: number | null;
  contract_id: number | null;
  customer_id: number;
  contact_id: number | null;
  status: string;
  address: string | null;
  expected_on: string | null;
  notified_at: string | null;
  notified_by: number | null;
  signer_name: string | null;
  signature: string | null;
  signed_at: string | null;
  discrepancy: Generated<number>;
  created_by: number;
}
export interface DeliveryItemsTable {
  id: Id;
  delivery_id: number;
  name: string;
  spec: string | null;
  qty_expected: number;
  qty_checked: number | null;
  note: string | null;
}
export interface TrainingsTable extends Stamps, ScopeCols {
  id: Id;
  customer_id: number;
  project_id: number | null;
  ticket_id: number | null;
  title: string;
  status: string;
  completed_at: string | null;
  created_by: number;
}
export interface TrainingSessionsTable extends Stamps {
  id: Id;
  training_id: number;
  place: string;
  starts_at: string;
  ends_at: string;
  content: string;
}
export interface TrainingTraineesTable extends Stamps {
  id: Id;
  training_id: number;
  name: string;
  position: string | null;
  signed_off_at: string | null;
  signed_off_by: number | null;
  note: string | null;
}
export interface TrainingAttendanceTable {
  session_id: number;
  trainee_id: number;
}

export interface ProjectTables {
  projects: ProjectsTable;
  project_members: ProjectMembersTable;
  project_plan_items: ProjectPlanItemsTable;
  project_materials: ProjectMaterialsTable;
  project_costs: ProjectCostsTable;
  project_handover_documents: ProjectHandoverDocumentsTable;
  project_handover_signatures: ProjectHandoverSignaturesTable;
  deliveries: DeliveriesTable;
  delivery_items: DeliveryItemsTable;
  trainings: TrainingsTable;
  training_sessions: TrainingSessionsTable;
  training_trainees: TrainingTraineesTable;
  training_attendance: TrainingAttendanceTable;
}
