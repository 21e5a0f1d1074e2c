import type { Generated } from 'kysely';

// Kysely table types of the residents module (migration 20261207_0110_residents).
type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

export interface ResidentContractsTable extends Stamps {
  id: Id;
  site_id: number;
  headcount: number;
  start_date: string;
  end_date: string;
  note: string | null;
  created_by: number;
}

export interface ResidentEquipmentTable extends Stamps {
  id: Id;
  site_id: number;
  name: string;
  model: string | null;
  serial_no: string | null;
  location: string | null;
  note: string | null;
  created_by: number;
}

export interface ResidentBackupsTable {
  id: Id;
  site_id: number;
  at: string;
  target: string;
  medium: string | null;
  result: string;
  note: string | null;
  recorded_by: number;
  created_at: string;
}

export interface ResidentConfigChangesTable {
  id: Id;
  site_id: number;
  at: string;
  system: string;
  description: string;
  authorised_by: string;
  authorised_at: string;
  reference: string | null;
  recorded_by: number;
  created_at: string;
}

export interface ResidentOperationsRecordsTable extends Stamps {
  id: Id;
  site_id: number;
  date: string;
  start_time: string;
  end_time: string;
  place: string;
  content: string;
  result: string;
  people: string;
  headcount: number;
  status: string;
  signer_name: string | null;
  signature_key: string | null;
  signature_type: string | null;
  signature_size: number | null;
  signature_sha256: string | null;
  approver_id: number | null;
  signed_at: string | null;
  recorded_by: number;
}

export interface ResidentConductPointsTable extends Stamps {
  id: Id;
  user_id: number;
  site_id: number | null;
  team_id: number | null;
  department_id: number | null;
  date: string;
  item_id: string;
  item_name_zh: string;
  item_name_en: string;
  points: number;
  source: string;
  policy_version: number | null;
  evidence: string;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  storage_key: string | null;
  status: string;
  withdrawn_by: number | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  adjustment_id: number | null;
  recorded_by: number;
}

export type ResidentTables = {
  resident_contracts: ResidentContractsTable;
  resident_equipment: ResidentEquipmentTable;
  resident_backups: ResidentBackupsTable;
  resident_config_changes: ResidentConfigChangesTable;
  resident_operations_records: ResidentOperationsRecordsTable;
  resident_conduct_points: ResidentConductPointsTable;
};
