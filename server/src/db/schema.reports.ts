import type { Generated } from 'kysely';

// Kysely table types of the reports (migration 20261207_0041_reports): WR-1, WR-2, WR-4, WR-5, WR-7, RS-10.
type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };
type ScopeCols = { team_id: number | null; department_id: number | null };

export interface DailyLogsTable extends Stamps, ScopeCols {
  id: Id;
  user_id: number;
  date: string;
  summary: string;
  items: string;
  tasks: string;
  problems: string;
  tomorrow: string;
  total_minutes: number;
  site_id: number | null;
  submitted_at: string;
}

export interface WeeklyPlansTable extends Stamps, ScopeCols {
  id: Id;
  user_id: number;
  week_start: string;
  items: string;
  note: string;
  status: string;
  submitted_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
}

export interface WeeklyReportsTable extends ScopeCols {
  id: Id;
  user_id: number;
  kind: string;
  week_start: string;
  summary: string;
  problems: string;
  next_week: string;
  market_feedback: string;
  stats: string;
  file_name: string;
  submitted_at: string;
  created_at: string;
}

export interface MonthlyReportsTable {
  id: Id;
  department_id: number;
  month: string;
  data: string;
  comment: string;
  submitted_by: number;
  submitted_at: string;
}

export interface VolumeReportsTable extends Stamps, ScopeCols {
  id: Id;
  user_id: number;
  project_id: number;
  month: string;
  status: string;
  note: string;
  submitted_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
}

export interface VolumeLinesTable {
  id: Id;
  report_id: number;
  pipe_type: string;
  band: string;
  job_type: string;
  centimetres: number;
  verified_centimetres: number | null;
}

export interface ReportTables {
  daily_logs: DailyLogsTable;
  weekly_plans: WeeklyPlansTable;
  weekly_reports: WeeklyReportsTable;
  monthly_reports: MonthlyReportsTable;
  volume_reports: VolumeReportsTable;
  volume_lines: VolumeLinesTable;
}
