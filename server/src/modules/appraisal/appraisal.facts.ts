import {
  type TAppraisalFacts,
  type TAppraisalPolicy,
  type TLateObligation,
  type TRatingGrade,
  addMonths,
  localDateOf,
  monthInstants,
} from '@techserve/core';
import type { Db } from '../../http/context';
import { incidentFactsBetween } from '../incidents/incidents.repository';
import { obligationsForMonth } from '../obligations/obligations.service';
import { examFailureCounts, examResultsBetween } from '../staff-training/staff-training.repository';
import { attendanceOfMonth } from './appraisal.attendance';
import * as repo from './appraisal.repository';

/** The facts of a person's month without the sheet's own state (scores, the year's grades, the carry). */
export type MonthFacts = Omit<TAppraisalFacts, 'scores' | 'yearGrades' | 'carry'>;

const GRADES = new Set(['excellent', 'good', 'fair', 'poor']);
const grade = (g: string): TRatingGrade => (GRADES.has(g) ? (g as TRatingGrade) : 'good');
const iso = (ms: number) => new Date(ms).toISOString();
// AP-14: the supervisor answers for these late documents (the engineers' weekly reports are their own, AP-9).
const SUPERVISOR_KINDS = new Set(['supervisor_weekly_report', 'monthly_service_report', 'incident_notice']);

/** AP-14: a department's supervisor: its manager, or a member whose role's data scope is the department (ORG-1). */
export const isSupervisor = (s: repo.StaffRow) => s.role_scope === 'department' || (s.manager_id !== null && s.manager_id === s.id);

/**
 * Set-based: the month's facts of many people at once, read through the other modules' exported reads (obligations,
 * incidents, staff training) and this module's repository (ratings, sign-offs), with the months the policy's windows
 * reach back. Attendance comes from the attendance module's roll-up (appraisal.attendance.ts); the letters' estimate overruns (no force-majeure
 * approval is recorded) and the workload data (devices and failure rates per region) are not recorded yet: null,
 * shown on the sheet as "not recorded" (overruns) or scored by the reviewers (workload), never as zero.
 */
export async function monthFacts(
  db: Db,
  p: TAppraisalPolicy,
  staff: repo.StaffRow[],
  month: string,
  nowMs: number,
  tz: string,
): Promise<Map<number, MonthFacts>> {
  const span = monthInstants(month, tz);
  const from = iso(span.start);
  const to = iso(span.end);
  const b = p.schemeB;
  const reach = Math.max(b.engineer.dismissal.months, b.engineer.downgradeClassI.months, b.supervisor.downgradeClassI.months);
  const windowFrom = iso(monthInstants(addMonths(month, -reach), tz).start);
  const ids = staff.map((s) => s.id);
  const [ratings, unsigned, obligations, exams, failures, incidents, attendance] = await Promise.all([
    repo.ratingsBetween(db, from, to, ids),
    repo.unsignedSignoffsBetween(db, from, to),
    obligationsForMonth(db, month, ids, nowMs),
    examResultsBetween(db, { from, to, userIds: ids }),
    examFailureCounts(db, { before: from, userIds: ids }),
    incidentFactsBetween(db, { from: windowFrom, to }),
    attendanceOfMonth(db, month, ids, nowMs),
  ]);
  const out = new Map<number, MonthFacts>();
  for (const s of staff) {
    out.set(s.id, {
      userId: s.id,
      month,
      supervisor: isSupervisor(s),
      services: [],
      signatureFaults: [],
      overruns: null,
      lateWeeklyReports: [],
      exams: [],
      examFailuresBefore: failures.get(s.id) ?? 0,
      incidents: [],
      attendance: attendance ? (attendance.get(s.id) ?? { late: 0, earlyLeave: 0, absence: 0 }) : null,
      workload: null,
    });
  }
  for (const r of ratings) {
    out.get(r.assignee_id as number)?.services.push({
      ticketId: r.ticket_id,
      ref: r.number,
      ratedAt: r.created_at,
      attitude: grade(r.attitude),
      skill: grade(r.skill),
      result: grade(r.result),
    });
  }
  const dateOf = (instant: string) => localDateOf(Date.parse(instant), tz);
  for (const u of unsigned) {
    out.get(u.user_id)?.signatureFaults.push({ letterId: u.letter_id, ref: u.title, date: dateOf(u.recorded_at), fault: 'missing' });
  }
  const supervisorLate = new Map<number, TLateObligation[]>();
  for (const o of obligations) {
    if (o.state !== 'late') continue;
    const late = { obligationId: o.id, kind: o.kindName['zh-CN'], period: o.period, dueAt: o.dueAt };
    if (o.kind === 'weekly_report') out.get(o.ownerId)?.lateWeeklyReports.push(late);
    else if (SUPERVISOR_KINDS.has(o.kind)) supervisorLate.set(o.ownerId, [...(supervisorLate.get(o.ownerId) ?? []), late]);
  }
  for (const e of exams) {
    out
      .get(e.userId)
      ?.exams.push({ attemptId: e.attemptId, examId: e.examId, title: `#${e.examId}`, passed: e.passed, gradedAt: e.gradedAt });
  }
  for (const i of incidents) {
    out.get(i.engineerId)?.incidents.push({ incidentId: i.id, classId: i.classId, date: dateOf(i.occurredAt) });
  }
  for (const s of staff) {
    const f = out.get(s.id)!;
    if (!f.supervisor || s.department_id === null) continue;
    f.department = {
      lateReports: supervisorLate.get(s.id) ?? [],
      incidents: incidents
        .filter((i) => i.departmentId === s.department_id)
        .map((i) => ({ incidentId: i.id, classId: i.classId, date: dateOf(i.occurredAt), engineerId: i.engineerId })),
      signatureFaults: [...new Map(unsigned.map((u) => [u.id, u])).values()]
        .filter((u) => u.department_id === s.department_id)
        .map((u) => ({
          letterId: u.letter_id,
          ref: u.title,
          date: dateOf(u.recorded_at),
          fault: 'missing' as const,
          engineerId: u.user_id,
        })),
    };
  }
  return out;
}
