import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database';
import { foundation } from './migrations/20261123_0001_foundation';
import { policy } from './migrations/20261123_0002_policy';
import { calendars } from './migrations/20261123_0003_calendars';
import { customers } from './migrations/20261123_0004_customers';
import { tickets } from './migrations/20261123_0005_tickets';
import { notifications } from './migrations/20261123_0006_notifications';
import { fieldGrants } from './migrations/20261123_0007_field_grants';
import { field } from './migrations/20261123_0008_field';
import { travel } from './migrations/20261123_0009_travel';
import { projects } from './migrations/20261123_0010_projects';
import { fieldVisits } from './migrations/20261123_0011_field_visits';
import { mailAttachments } from './migrations/20261123_0012_mail_attachments';
import { openAssigneeIndex } from './migrations/20261203_0013_open_assignee_index';
import { leave } from './migrations/20261203_0014_leave';
import { obligations } from './migrations/20261207_0040_obligations';
import { reports } from './migrations/20261207_0041_reports';
import { incidents } from './migrations/20261207_0050_incidents';
import { surveys } from './migrations/20261207_0051_surveys';
import { staffTraining } from './migrations/20261207_0052_staff_training';
import { meetings } from './migrations/20261207_0053_meetings';
import { policyApproval } from './migrations/20261207_0080_policy_approval';
import { contractCoverageClock } from './migrations/20261207_0090_contract_coverage_clock';
import { engineerTier } from './migrations/20261207_0180_engineer_tier';
import { attendance } from './migrations/20261207_0030_attendance';
import { attendanceMachines } from './migrations/20261207_0031_attendance_machines';
import { attendanceDayDigest } from './migrations/20261207_0032_attendance_day_digest';
import { appraisal } from './migrations/20261207_0060_appraisal';
import { handover } from './migrations/20261207_0140_handover';
import { attendanceSpotChecks } from './migrations/20261207_0033_attendance_spot_checks';
import { attendanceOvertime } from './migrations/20261207_0130_attendance_overtime';
import { residents } from './migrations/20261207_0110_residents';
import { twoFactor } from './migrations/20261207_0100_two_factor';
import { kpi } from './migrations/20261207_0160_kpi';
import { searchAndReplies } from './migrations/20261207_0240_search_replies';
import { personnel } from './migrations/20261207_0120_personnel';
import { pay } from './migrations/20261207_0150_pay';
import { technicalHandover } from './migrations/20261207_0170_technical_handover';
import { userHireDate } from './migrations/20261207_0171_user_hire_date';
import { welderGradeSince } from './migrations/20261207_0190_welder_grade_since';
import { customerCare } from './migrations/20261207_0210_customer_care';
import { defects } from './migrations/20261207_0260_defects';
import { defectDiscussions } from './migrations/20261207_0300_defect_discussions';
import { overtimeBookedAndChangeCancel } from './migrations/20261207_0250_overtime_booked_cancel';
import { leaveFormArchive } from './migrations/20261207_0251_leave_form_archive';
import { payContracts } from './migrations/20261207_0270_pay_contracts';
import { probationAssessments } from './migrations/20261207_0271_probation_assessments';
import { incidentReview } from './migrations/20261207_0280_incident_review';
import { meetingActionFollowUp } from './migrations/20261207_0281_meeting_action_follow_up';
import { payRankingSnapshots } from './migrations/20261207_0290_pay_ranking_snapshots';
import { notificationMessages } from './migrations/20261207_0320_notification_messages';
import { dashboardGrants } from './migrations/20261207_0230_dashboard_grants';

/** Timestamped, named, never edited after they land (style.md 7). Same list on both databases. */
function migrationsFor(dialect: Database['dialect']): Record<string, Migration> {
  return {
    '20261123_0001_foundation': foundation(dialect),
    '20261123_0002_policy': policy(dialect),
    '20261123_0003_calendars': calendars(dialect),
    '20261123_0004_customers': customers(dialect),
    '20261123_0005_tickets': tickets(dialect),
    '20261123_0006_notifications': notifications(dialect),
    '20261123_0007_field_grants': fieldGrants(),
    '20261123_0008_field': field(dialect),
    '20261123_0009_travel': travel(dialect),
    '20261123_0010_projects': projects(dialect),
    '20261123_0011_field_visits': fieldVisits(dialect),
    '20261123_0012_mail_attachments': mailAttachments(dialect),
    '20261203_0013_open_assignee_index': openAssigneeIndex(),
    '20261203_0014_leave': leave(dialect),
    '20261207_0040_obligations': obligations(dialect),
    '20261207_0041_reports': reports(dialect),
    '20261207_0050_incidents': incidents(dialect),
    '20261207_0051_surveys': surveys(dialect),
    '20261207_0052_staff_training': staffTraining(dialect),
    '20261207_0053_meetings': meetings(dialect),
    '20261207_0080_policy_approval': policyApproval(dialect),
    '20261207_0090_contract_coverage_clock': contractCoverageClock(),
    '20261207_0180_engineer_tier': engineerTier(),
    '20261207_0030_attendance': attendance(dialect),
    '20261207_0031_attendance_machines': attendanceMachines(),
    '20261207_0032_attendance_day_digest': attendanceDayDigest(),
    '20261207_0060_appraisal': appraisal(dialect),
    '20261207_0033_attendance_spot_checks': attendanceSpotChecks(dialect),
    '20261207_0130_attendance_overtime': attendanceOvertime(dialect),
    '20261207_0110_residents': residents(dialect),
    '20261207_0100_two_factor': twoFactor(dialect),
    '20261207_0160_kpi': kpi(dialect),
    '20261207_0140_handover': handover(dialect),
    '20261207_0120_personnel': personnel(dialect),
    '20261207_0150_pay': pay(dialect),
    '20261207_0170_technical_handover': technicalHandover(dialect),
    '20261207_0171_user_hire_date': userHireDate(),
    '20261207_0190_welder_grade_since': welderGradeSince(),
    '20261207_0210_customer_care': customerCare(dialect),
    '20261207_0250_overtime_booked_cancel': overtimeBookedAndChangeCancel(),
    '20261207_0251_leave_form_archive': leaveFormArchive(),
    '20261207_0270_pay_contracts': payContracts(dialect),
    '20261207_0271_probation_assessments': probationAssessments(dialect),
    '20261207_0280_incident_review': incidentReview(dialect),
    '20261207_0281_meeting_action_follow_up': meetingActionFollowUp(dialect),
    '20261207_0290_pay_ranking_snapshots': payRankingSnapshots(dialect),
    '20261207_0230_dashboard_grants': dashboardGrants(),
    '20261207_0240_search_replies': searchAndReplies(dialect),
    '20261207_0260_defects': defects(dialect),
    '20261207_0300_defect_discussions': defectDiscussions(dialect),
    '20261207_0320_notification_messages': notificationMessages(),
  };
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(database.dialect) };
  // Modules number their migrations in their own ranges (0015–0019 security, 0030–0039 attendance, ...), so a release
  // may bring a migration numbered below one an install already ran: run it rather than refuse to start.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
