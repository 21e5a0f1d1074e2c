import type { FieldTables } from './schema.field';
import type { FieldVisitTables } from './schema.field-visits';
import type { ProjectTables } from './schema.projects';
import type { TravelTables } from './schema.travel';
import type { LeaveTables } from './schema.leave';
import type { ObligationTables } from './schema.obligations';
import type { ReportTables } from './schema.reports';
import type { IncidentsTables } from './schema.incidents';
import type { AttendanceTables } from './schema.attendance';
import type { HandoverTables } from './schema.handover';
import type { AppraisalTables } from './schema.appraisal';
import type { ResidentTables } from './schema.residents';
import type { TwoFactorTables } from './schema.two-factor';
import type { KpiTables } from './schema.kpi';
import type { PersonnelTables } from './schema.personnel';
import type { PayTables } from './schema.pay';
import type { DefectTables } from './schema.defects';
import type { Generated } from 'kysely';

// Instants are ISO-8601 UTC strings ('2026-11-23T08:30:00.000Z') on both databases so that ordering and
// comparison are textual and identical; calendar dates are 'YYYY-MM-DD'; money integer fen; JSON as text.

type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

export interface RolesTable extends Stamps {
  id: Id;
  key: string;
  name: string;
  name_en: string;
  scope: string;
  permissions: string; // JSON array
  builtin: number;
  require_two_factor: Generated<number>;
}

export interface UsersTable extends Stamps {
  id: Id;
  username: string;
  password_hash: string;
  name: string;
  employee_no: string | null;
  /** AT-4b/TR-3: 入职日期 'YYYY-MM-DD' (migration 0171). */
  hire_date: Generated<string | null>;
  phone: string | null;
  email: string | null;
  status: string;
  role_id: number;
  department_id: number | null;
  team_id: number | null;
  level_id: number | null;
  customer_id: number | null;
  site_id: number | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  must_change_password: Generated<number>;
  /** ORG-1: 1 or 2 (二线). */
  tier: Generated<number>;
}

export interface UserRegionsTable {
  user_id: number;
  region_id: number;
}
export interface UserSkillsTable {
  user_id: number;
  skill: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie value
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Id;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface DepartmentsTable extends Stamps {
  id: Id;
  name: string;
  code: string | null;
  parent_id: number | null;
  manager_id: number | null;
}
export interface TeamsTable extends Stamps {
  id: Id;
  name: string;
  department_id: number;
  lead_id: number | null;
  deputy_id: number | null;
}
export interface RegionsTable extends Stamps {
  id: Id;
  name: string;
  code: string | null;
  parent_id: number | null;
}
export interface ProductLinesTable extends Stamps {
  id: Id;
  name: string;
  code: string | null;
}
export interface ProductsTable extends Stamps {
  id: Id;
  name: string;
  product_line_id: number;
  model: string | null;
  code: string | null;
}
export interface ProductExpertsTable {
  product_id: number;
  user_id: number;
  rank: number;
}
export interface EngineerLevelsTable extends Stamps {
  id: Id;
  level: number;
  name: string;
  base_pay_fen: number;
  description: string | null;
}

export interface AuditLogTable {
  id: Id;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  user_id: number;
  method: string;
  path: string;
  body_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface PolicyVersionsTable extends Stamps {
  id: Id;
  number: number;
  status: 'draft' | 'submitted' | 'published';
  effective_from: string | null;
  document: string; // JSON of a ZPolicy document
  note: string | null;
  created_by: number | null;
  published_at: string | null;
  published_by: number | null;
  // GOV-1 (migration 0080): submission for approval, the approver's comment, the last rejection
  submitted_at: string | null;
  submitted_by: number | null;
  approval_comment: string | null;
  rejected_at: string | null;
  rejected_by: number | null;
  rejection_comment: string | null;
}

export interface CalendarsTable extends Stamps {
  id: Id;
  name: string;
  is_default: number;
  definition: string; // JSON TCalendarDefinition
}

export interface CustomersTable extends Stamps {
  id: Id;
  name: string;
  short_name: string | null;
  code: string | null;
  industry: string | null;
  address: string | null;
  region_id: number | null;
  note: string | null;
  created_by: number | null;
}
export interface CustomerContactsTable extends Stamps {
  id: Id;
  customer_id: number;
  name: string;
  phone: string | null;
  email: string | null;
  position: string | null;
  is_primary: number;
}
export interface CustomerSitesTable extends Stamps {
  id: Id;
  customer_id: number;
  name: string;
  address: string | null;
  region_id: number | null;
  calendar_id: number | null;
  contact_id: number | null;
}
export interface InstalledProductsTable extends Stamps {
  id: Id;
  customer_id: number;
  site_id: number | null;
  product_id: number;
  serial_number: string;
  installed_on: string | null;
  accepted_on: string | null;
  warranty_end_override: string | null;
  note: string | null;
}
export interface PartReplacementsTable {
  id: Id;
  installed_product_id: number;
  part: string;
  replaced_on: string;
  note: string | null;
  created_at: string;
  created_by: number | null;
}
/** CU-1 visits and CU-2 inspections as region tasks (migration 0210). */
export interface CustomerCareTasksTable extends Stamps {
  id: Id;
  kind: string;
  task_key: string;
  customer_id: number;
  installed_product_id: number | null;
  region_id: number | null;
  period: string;
  due_date: string;
  state: string;
  done_on: string | null;
  recorded_by: number | null;
  note: string | null;
  explanation: string;
  policy_version: number | null;
}
/** CU-6: devices and documents taken for repair, logged in and out (migration 0210). */
export interface CustodyRecordsTable extends Stamps {
  id: Id;
  customer_id: number;
  installed_product_id: number | null;
  ticket_id: number | null;
  kind: string;
  item: string;
  kept_at: string | null;
  received_at: string;
  received_by: number;
  condition_in: string;
  handed_in_by: string;
  signature_in: string;
  returned_at: string | null;
  returned_by: number | null;
  condition_out: string | null;
  taken_back_by: string | null;
  signature_out: string | null;
}
/** CU-3: fees of chargeable repairs, handed to finance by month (migration 0210). */
export interface RepairFeesTable {
  id: Id;
  customer_id: number;
  installed_product_id: number | null;
  ticket_id: number | null;
  description: string;
  part: string | null;
  caused_by_people: number;
  basis: string;
  fee_fen: number;
  parts_fen: number;
  total_fen: number;
  agreed_on: string;
  month: string;
  sales_user_id: number;
  head_user_id: number;
  explanation: string;
  policy_version: number | null;
  created_by: number;
  created_at: string;
}
export interface ServiceContractsTable extends Stamps {
  id: Id;
  customer_id: number;
  number: string;
  starts_on: string;
  ends_on: string;
  service_content: string | null;
  fee_fen: number;
  sla_level_id: string;
  coverage: string;
  note: string | null;
}

export interface NotificationsTable {
  id: Id;
  user_id: number;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  /** Issue 13 (migration 0320): the catalogue kind (core/src/messages) and its parameters as JSON; null on older rows. */
  message: string | null;
  params: string | null;
  link: string | null;
  ticket_id: number | null;
  read_at: string | null;
  created_at: string;
}
export interface MailOutboxTable {
  id: Id;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: string;
  send_after: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
}
export interface MailAttachmentsTable {
  id: Id;
  mail_id: number;
  file_name: string;
  content_type: string;
  content_base64: string;
}
export interface JobLeasesTable {
  name: string;
  owner: string;
  locked_until: string;
}

// Service requests (SR-1..13) ------------------------------------------------------------------------------
export interface TicketCountersTable {
  day: string;
  last: number;
}
export interface TicketsTable extends Stamps {
  id: Id;
  number: string;
  type: string;
  channel: string;
  title: string;
  description: string;
  customer_id: number;
  contact_id: number | null;
  site_id: number | null;
  installed_product_id: number | null;
  product_id: number | null;
  region_id: number | null;
  contract_id: number | null;
  urgency: string;
  impact: string;
  priority: string;
  priority_explanation: string;
  eligibility: string;
  eligibility_explanation: string;
  sla_level_id: string;
  calendar_id: number | null;
  policy_version: number | null;
  needs_visit: Generated<number>;
  state: string;
  assignee_id: number | null;
  team_id: number | null;
  department_id: number | null;
  tier: Generated<number>;
  created_by: number | null;
  cause: string | null;
  solution: string | null;
  committed_at: string | null;
  cancel_reason: string | null;
  reopen_count: Generated<number>;
  sla_events: Generated<string>;
  /** CU-4: the contract's coverage when the request runs on a contract; null: the level's calendar mode. */
  sla_coverage: 'business' | '24x7' | null;
  next_due_at: string | null;
  sla_breached: Generated<number>;
  sla_state: Generated<string>;
  assigned_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  /** PostgreSQL only: array_to_tsvector of core's indexTerms. */
  search_vector?: unknown;
}
export interface TicketSearchTable {
  rowid: number;
  terms: string;
}
export interface TicketEntriesTable {
  id: Id;
  ticket_id: number;
  kind: string;
  visibility: string;
  author_id: number | null;
  body: string | null;
  data: string | null;
  created_at: string;
}
export interface TicketAttachmentsTable {
  id: Id;
  ticket_id: number;
  entry_id: number | null;
  visibility: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
}
export interface TicketEscalationsTable {
  id: Id;
  ticket_id: number;
  kind: string;
  from_user_id: number | null;
  to_user_id: number | null;
  rnd_person: string | null;
  description: string;
  target_at: string | null;
  state: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: number | null;
  created_at: string;
}
export interface TicketRatingsTable {
  ticket_id: number;
  attitude: string;
  skill: string;
  result: string;
  comment: string | null;
  via: string;
  signed_by: string | null;
  signature: string | null;
  rated_by: number | null;
  created_at: string;
}
export interface TicketChangeRequestsTable {
  ticket_id: number;
  customer_written_confirmation: Generated<number>;
  confirmation_note: string | null;
  discussed_with_sales: Generated<number>;
  discussed_with_rnd: Generated<number>;
  decision: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_comment: string | null;
}
export interface TicketFollowupsTable extends Stamps {
  id: Id;
  ticket_id: number;
  customer_id: number;
  due_on: string;
  state: string;
  satisfaction: string | null;
  note: string | null;
  done_at: string | null;
  done_by: number | null;
}
/** SR-8: canned replies, a team's templates (team_id null = every team). */
export interface CannedRepliesTable extends Stamps {
  id: Id;
  team_id: number | null;
  title: string;
  body: string;
  created_by: number;
}
export interface TicketViewsTable {
  id: Id;
  user_id: number;
  name: string;
  query: string;
  created_at: string;
}
export interface TicketSlaAlertsTable {
  id: Id;
  ticket_id: number;
  target: string;
  kind: string;
  due_at: string;
  created_at: string;
}

export interface DB
  extends
    FieldTables,
    FieldVisitTables,
    TravelTables,
    ProjectTables,
    LeaveTables,
    ObligationTables,
    ReportTables,
    IncidentsTables,
    AttendanceTables,
    AppraisalTables,
    ResidentTables,
    TwoFactorTables,
    KpiTables,
    HandoverTables,
    PersonnelTables,
    PayTables,
    DefectTables {
  roles: RolesTable;
  users: UsersTable;
  user_regions: UserRegionsTable;
  user_skills: UserSkillsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  departments: DepartmentsTable;
  teams: TeamsTable;
  regions: RegionsTable;
  product_lines: ProductLinesTable;
  products: ProductsTable;
  product_experts: ProductExpertsTable;
  engineer_levels: EngineerLevelsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  calendars: CalendarsTable;
  policy_versions: PolicyVersionsTable;
  customers: CustomersTable;
  customer_contacts: CustomerContactsTable;
  customer_sites: CustomerSitesTable;
  installed_products: InstalledProductsTable;
  part_replacements: PartReplacementsTable;
  customer_care_tasks: CustomerCareTasksTable;
  custody_records: CustodyRecordsTable;
  repair_fees: RepairFeesTable;
  service_contracts: ServiceContractsTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  ticket_search: TicketSearchTable;
  ticket_entries: TicketEntriesTable;
  ticket_attachments: TicketAttachmentsTable;
  ticket_escalations: TicketEscalationsTable;
  ticket_ratings: TicketRatingsTable;
  ticket_change_requests: TicketChangeRequestsTable;
  ticket_followups: TicketFollowupsTable;
  ticket_views: TicketViewsTable;
  canned_replies: CannedRepliesTable;
  ticket_sla_alerts: TicketSlaAlertsTable;
  notifications: NotificationsTable;
  mail_outbox: MailOutboxTable;
  mail_attachments: MailAttachmentsTable;
  job_leases: JobLeasesTable;
}
