import type { TAppraisalPolicy } from '../policy/appraisalPolicy';

/** SR-9 / AP-8: a rating grade, best first: 优 / 良 / 中 / 差. */
export type TRatingGrade = 'excellent' | 'good' | 'fair' | 'poor';

/** AP-8: one rated service (its three ratings in the order attitude, skill, result). */
export type TRatedService = {
  ticketId: number;
  /** The request's code as people know it (SR-2026-0012). */
  ref: string;
  ratedAt: string;
  attitude: TRatingGrade;
  skill: TRatingGrade;
  result: TRatingGrade;
};

/** AP-9: a visit sign-off without the customer's signature, or with a forged one. */
export type TSignatureFault = { letterId: number; ref: string; date: string; fault: 'missing' | 'forged' };

/** AP-7: a letter's estimated duration overrun (without approved force majeure: those are left out by the reader). */
export type TEstimateOverrun = { letterId: number; ref: string; estimatedMinutes: number; actualMinutes: number };

/** AP-9 / AP-14: a report or notice that was handed in late (an obligation judged late). */
export type TLateObligation = { obligationId: number; kind: string; period: string; dueAt: string };

/** AP-10: an exam graded this month. */
export type TExamFact = { attemptId: number; examId: number; title: string; passed: boolean; gradedAt: string };

/** IN-1 / IN-2: an incident, with its local calendar date (the company's time zone). */
export type TIncidentFact = { incidentId: number; classId: 'I' | 'II'; date: string };

/** Attendance of the month (late arrivals, early leaves, absences); null while attendance is not recorded. */
export type TAttendanceCounts = {
  late: number;
  earlyLeave: number;
  absence: number;
  /** RS-9: the month's conduct points (attendance and recorded offences), when the residents module provides them. */
  conductPoints?: number;
};

/** A source of facts that may not be recorded by this installation: null means "not recorded", never zero. */
export type TMaybeRecorded<T> = T | null;

/** What earlier months leave to this one (read from the previous month's sheet; zeros when there is none). */
export type TAppraisalCarry = {
  /** AP-8: the 中 ratings in a row at the end of the previous month (not yet fined). */
  fairRun: number;
  /** AP-13: clean months in a row before this one, not yet rewarded. */
  cleanMonths: number;
  /** AP-14: months in a row before this one without a department Class I incident, not yet rewarded. */
  monthsWithoutClassI: number;
};

/** AP-2b / AP-3: the scores of one reviewer, by leaf item id (integers, 0 to the item's weight). */
export type TItemScores = Record<string, number>;

/** AP-2: who scored, in chain order; 'self' is the self-appraisal (自评), shown but never graded. */
export type TScorer = 'self' | 'departmentManager' | 'vp' | 'gm';

/** AP-3: the data behind the workload item: the region's devices and their monthly failure rate. */
export type TWorkloadFacts = { devices: number; failureRate: number };

/** The month's facts about one person; lists hold only this person's facts. */
export type TAppraisalFacts = {
  userId: number;
  /** 'YYYY-MM'. */
  month: string;
  /** AP-14: a supervisor is also appraised for the department. */
  supervisor: boolean;
  services: TRatedService[];
  signatureFaults: TSignatureFault[];
  /** AP-7: null when letters carry no estimated duration. */
  overruns: TMaybeRecorded<TEstimateOverrun[]>;
  lateWeeklyReports: TLateObligation[];
  exams: TExamFact[];
  /** AP-10: exam failures graded before this month. */
  examFailuresBefore: number;
  /** IN-1/IN-2: this person's incidents of this month and of the months the windows reach back (AP-12: 6). */
  incidents: TIncidentFact[];
  attendance: TMaybeRecorded<TAttendanceCounts>;
  /** AP-3: null when the region's devices are not recorded: the reviewers score the item. */
  workload: TMaybeRecorded<TWorkloadFacts>;
  /** AP-2b: the scores recorded so far. */
  scores: Partial<Record<TScorer, TItemScores>>;
  /** AP-5: this year's grades of the earlier months. */
  yearGrades: TAppraisalGrade[];
  carry: TAppraisalCarry;
  /** AP-14, for a supervisor: the department's facts. */
  department?: TDepartmentFacts;
};

/** AP-14: what a supervisor answers for. */
export type TDepartmentFacts = {
  /** Weekly and monthly reports and incident notices of the supervisor handed in late this month. */
  lateReports: TLateObligation[];
  /** The department's incidents of this month and of the months the window reaches back (AP-14: 3). */
  incidents: (TIncidentFact & { engineerId: number })[];
  /** Sign-offs of the department's letters this month without a signature, or a forged one. */
  signatureFaults: (TSignatureFault & { engineerId: number })[];
};

/** AP-4. */
export type TAppraisalGrade = 'A' | 'B' | 'C';

export type TAppraisalPolicyRef = { appraisal: TAppraisalPolicy; version: number | null };
