import type { Generated } from 'kysely';

// Kysely table types of SR-15 defect reports and their team discussions (migrations 0260, 0300).

type Id = Generated<number>;
type Stamps = { created_at: string; updated_at: string; version: Generated<number> };

/** SR-15: a defect report to R&D or production, its answer fed back to the request. */
export interface DefectReportsTable extends Stamps {
  id: Id;
  ticket_id: number;
  target: string;
  description: string;
  owner_id: number;
  target_date: string;
  status: string;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  created_by: number;
}
/** SR-15: the team discussion of a complex fault behind a defect report (one per report). */
export interface DefectDiscussionsTable extends Stamps {
  id: Id;
  defect_id: number;
  topic: string;
  status: string;
  conclusion: string | null;
  concluded_by: number | null;
  concluded_at: string | null;
  created_by: number;
}
export interface DefectDiscussionParticipantsTable {
  discussion_id: number;
  user_id: number;
}
/** Append-only. */
export interface DefectDiscussionCommentsTable {
  id: Id;
  discussion_id: number;
  author_id: number;
  body: string;
  created_at: string;
}

export interface DefectTables {
  defect_reports: DefectReportsTable;
  defect_discussions: DefectDiscussionsTable;
  defect_discussion_participants: DefectDiscussionParticipantsTable;
  defect_discussion_comments: DefectDiscussionCommentsTable;
}
