import type { Generated } from 'kysely';

// Kysely table types of complaints and incidents (20261207_0050), surveys (0051), internal training (0052) and
// meetings (0053).
type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** SR-14 complaints (客户投诉). */
export interface ComplaintsTable extends Stamps {
  id: Id;
  customer_id: number;
  contact_id: number | null;
  complainant_name: string;
  complainant_phone: string | null;
  level: string;
  recipient_name: string;
  received_at: string;
  about_user_id: number | null;
  subject: string;
  description: string;
  ticket_id: number | null;
  letter_id: number | null;
  product_id: number | null;
  status: string;
  proposed_class: string | null;
  proposal_explanation: string;
  incident_id: number | null;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  acknowledge_note: string | null;
  handling: string | null;
  handled_at: string | null;
  handled_by: number | null;
  confirmed_by: string | null;
  confirmation_channel: string | null;
  confirmation_note: string | null;
  closed_at: string | null;
  team_id: number | null;
  department_id: number | null;
  region_id: number | null;
  created_by: number | null;
  policy_version: number | null;
}

/** IN-1..3 service incidents (服务事故). */
export interface IncidentsTable extends Stamps {
  id: Id;
  class_id: string;
  basis: string;
  class_explanation: string;
  engineer_id: number;
  ticket_id: number | null;
  letter_id: number | null;
  complaint_id: number | null;
  customer_id: number | null;
  product_id: number | null;
  title: string;
  description: string;
  occurred_at: string;
  status: string;
  mobilised_at: string | null;
  alerted: Generated<string>;
  resolution: string | null;
  resolved_at: string | null;
  resolved_by: number | null;
  reflection_required: Generated<number>;
  notice_required: Generated<number>;
  reflection_due_at: string | null;
  reflection_due_explanation: string | null;
  reflection_obligation_id: number | null;
  reflection_text: string | null;
  reflection_at: string | null;
  reflection_by: number | null;
  notice_due_at: string | null;
  notice_due_explanation: string | null;
  notice_obligation_id: number | null;
  notice_owner_id: number | null;
  review_text: string | null;
  /** IN-3: the supervisor's review (事故总结) as its own obligation (migration 0280). */
  review_due_at: string | null;
  review_due_explanation: string | null;
  review_obligation_id: number | null;
  review_at: string | null;
  review_by: number | null;
  notice_text: string | null;
  notice_at: string | null;
  notice_by: number | null;
  void_reason: string | null;
  team_id: number | null;
  department_id: number | null;
  region_id: number | null;
  created_by: number | null;
  policy_version: number | null;
}

/** SR-11b survey rounds. */
export interface SurveyRoundsTable extends Stamps {
  id: Id;
  title: string;
  period_start: string;
  period_end: string;
  questions: string;
  status: string;
  sent_at: string;
  closes_at: string;
  auto: Generated<number>;
  explanation: string;
  created_by: number | null;
  policy_version: number | null;
}
export interface SurveyInvitationsTable {
  id: Id;
  round_id: number;
  customer_id: number;
  contact_id: number;
  region_id: number | null;
  email: string | null;
  mailed: Generated<number>;
  expires_at: string;
  answered_at: string | null;
  channel: string | null;
  created_at: string;
}
export interface SurveyRoundEngineersTable {
  round_id: number;
  customer_id: number;
  user_id: number;
}
export interface SurveyResponsesTable {
  id: Id;
  invitation_id: number;
  round_id: number;
  customer_id: number;
  region_id: number | null;
  channel: string;
  respondent_user_id: number | null;
  submitted_at: string;
}
export interface SurveyAnswersTable {
  response_id: number;
  question_id: string;
  grade: string | null;
  text: string | null;
}
export interface SurveyLinkKeysTable {
  name: string;
  secret: string;
  created_at: string;
}

/** TRN-1 internal training sessions (内部培训). */
export interface StaffTrainingSessionsTable extends Stamps {
  id: Id;
  kind: string;
  title: string;
  product_id: number | null;
  trainer_id: number | null;
  trainer_name: string | null;
  starts_at: string;
  ends_at: string;
  location: string | null;
  description: string | null;
  status: string;
  department_id: number | null;
  created_by: number | null;
}
export interface StaffTrainingAttendeesTable {
  session_id: number;
  user_id: number;
  status: string;
}
export interface ExamQuestionsTable extends Stamps {
  id: Id;
  product_id: number | null;
  kind: string;
  text: string;
  options: string;
  correct: string;
  points: number;
  active: Generated<number>;
  created_by: number | null;
}
export interface ExamsTable extends Stamps {
  id: Id;
  title: string;
  kind: string;
  session_id: number | null;
  product_id: number | null;
  opens_at: string;
  closes_at: string;
  pass_percent: number;
  max_points: number;
  questions: string;
  trainer_id: number | null;
  department_id: number | null;
  policy_version: number | null;
}
export interface ExamAttemptsTable extends Stamps {
  id: Id;
  exam_id: number;
  user_id: number;
  status: string;
  answers: string | null;
  submitted_at: string | null;
  written_points: string | null;
  points: number | null;
  passed: number | null;
  explanation: string | null;
  graded_at: string | null;
  graded_by: number | null;
}
/** TRN-3 professional certificates. */
export interface CertificatesTable extends Stamps {
  id: Id;
  user_id: number;
  name: string;
  issuer: string | null;
  number: string | null;
  issued_on: string | null;
  expires_on: string | null;
  reminded_for: string | null;
  reminded_at: string | null;
  created_by: number | null;
}
/** TRN-2 product test tasks with R&D. */
export interface ProductTestTasksTable extends Stamps {
  id: Id;
  kind: string;
  title: string;
  product_id: number | null;
  assignee_id: number;
  rnd_contact: string | null;
  due_on: string | null;
  description: string | null;
  status: string;
  result: string | null;
  done_at: string | null;
  team_id: number | null;
  department_id: number | null;
  created_by: number | null;
}

/** MTG-1 meetings. */
export interface MeetingsTable extends Stamps {
  id: Id;
  kind: string;
  title: string;
  held_at: string;
  location: string | null;
  chair_id: number | null;
  minutes: string;
  standup_date: string | null;
  department_id: number | null;
  created_by: number | null;
}
export interface MeetingAttendeesTable {
  meeting_id: number;
  user_id: number;
}
export interface MeetingActionsTable extends Stamps {
  id: Id;
  meeting_id: number;
  title: string;
  owner_id: number;
  due_on: string | null;
  status: string;
  note: string | null;
  done_at: string | null;
  /** MTG-1 follow-up (migration 0281): the due date the reminder / the overdue notice was last sent for. */
  reminded_for: string | null;
  overdue_notified_for: string | null;
}

export type IncidentsTables = {
  complaints: ComplaintsTable;
  incidents: IncidentsTable;
  survey_rounds: SurveyRoundsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_round_engineers: SurveyRoundEngineersTable;
  survey_responses: SurveyResponsesTable;
  survey_answers: SurveyAnswersTable;
  survey_link_keys: SurveyLinkKeysTable;
  staff_training_sessions: StaffTrainingSessionsTable;
  staff_training_attendees: StaffTrainingAttendeesTable;
  exam_questions: ExamQuestionsTable;
  exams: ExamsTable;
  exam_attempts: ExamAttemptsTable;
  certificates: CertificatesTable;
  product_test_tasks: ProductTestTasksTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_actions: MeetingActionsTable;
};
