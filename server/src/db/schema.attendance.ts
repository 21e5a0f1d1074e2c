import type { Generated } from 'kysely';
import type { ClientDecisionColumns } from './schema.personnel';

// Kysely table types of the attendance module (migration 20261207_0030_attendance).
type Id = Generated<number>;
type Scoped = { site_id: number | null; team_id: number | null; department_id: number | null };

export interface AttendancePunchesTable extends Scoped {
  id: Id;
  user_id: number;
  at: string;
  date: string;
  source: string;
  latitude: number | null;
  longitude: number | null;
  accuracy_m: number | null;
  distance_m: number | null;
  outside_geofence: Generated<number>;
  no_position: Generated<number>;
  outside_network: Generated<number>;
  ip: string | null;
  import_key: string | null;
  created_at: string;
}

export interface AttendanceCorrectionsTable extends Scoped, ClientDecisionColumns {
  id: Id;
  user_id: number;
  date: string;
  time: string;
  at: string;
  reason: string;
  status: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  adjustment_id: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AttendanceAbsenceReportsTable extends Scoped {
  id: Id;
  user_id: number;
  date: string;
  kind: string;
  note: string;
  reported_by: number;
  created_at: string;
}

export interface AttendanceDaysTable extends Scoped {
  user_id: number;
  date: string;
  month: string;
  status: string;
  absent: number;
  late_count: number;
  late_minutes: number;
  early_count: number;
  early_minutes: number;
  missing_punches: number;
  evaluation: string;
  digest: string | null;
  policy_version: number | null;
  computed_at: string;
}

export interface AttendanceSitesTable {
  site_id: number;
  override: string;
  geofence: string | null;
  networks: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface AttendanceMachineMappingsTable {
  machine_type: string;
  mapping: string;
  updated_by: number | null;
  updated_at: string;
}

export interface AttendanceSpotChecksTable {
  id: Id;
  site_id: number;
  at: string;
  note: string | null;
  checked_by: number;
  created_at: string;
}

export interface AttendanceSpotCheckPeopleTable {
  spot_check_id: number;
  user_id: number;
  finding: string;
  absence_report_id: number | null;
}

export interface AttendanceOvertimeTable extends Scoped {
  id: Id;
  user_id: number;
  kind: string;
  project_id: number | null;
  date: string;
  start_time: string;
  end_time: string;
  start_at: string;
  end_at: string;
  reason: string;
  status: string;
  requested_by: number;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
  /** AT-5b: approved after its month closed, paid in this month (an adjustment); null: paid in its own month. */
  booked_month: Generated<string | null>;
  adjustment_id: Generated<number | null>;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export type AttendanceTables = {
  attendance_overtime: AttendanceOvertimeTable;
  attendance_spot_checks: AttendanceSpotChecksTable;
  attendance_spot_check_people: AttendanceSpotCheckPeopleTable;
  attendance_machine_mappings: AttendanceMachineMappingsTable;
  attendance_punches: AttendancePunchesTable;
  attendance_corrections: AttendanceCorrectionsTable;
  attendance_absence_reports: AttendanceAbsenceReportsTable;
  attendance_days: AttendanceDaysTable;
  attendance_sites: AttendanceSitesTable;
};
