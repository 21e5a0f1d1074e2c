import { type CompiledCalendar, addWorkingDays, isWorkingDay, localDateInZone, workingIntervalsOn, zoneOffsetAt } from '../calendar';
import { type TExplanation, explain } from '../explanation';
import type { TIncidentsPolicy } from '../policy/incidentsPolicy';

export type TIncidentDocumentKind = 'reflection' | 'notice';

export type TIncidentDocumentDue = {
  kind: TIncidentDocumentKind;
  /** The company-local working day the document is due on. */
  dueDate: string;
  /** The due instant: the end of that day's working time on the company calendar (ISO UTC). */
  dueAt: string;
  explanation: TExplanation;
};

/** The end of a working day's working time (its last interval); the end of the local day on a 24×7 calendar. */
function endOfWorkingDay(cal: CompiledCalendar, date: string): number {
  const intervals = workingIntervalsOn(cal, date);
  return intervals[intervals.length - 1].end;
}

/**
 * IN-1/IN-2/IN-3: when the engineer's reflection (事故反思) and the supervisor's review and incident notice (事故通报)
 * are due — by the end of the N-th working day after the day the incident was resolved (N from the policy: reflection
 * `reflectionDueWorkingDays`, notice `noticeDueWorkingDays`), on the company calendar with its holidays and 调休
 * make-up days. N = 0 means the resolution day itself, or the next working day when it was resolved on a day off.
 * Judged by the time received (the obligation decides on time or late).
 */
export function incidentDocumentDue(
  policy: TIncidentsPolicy,
  policyVersion: number | null,
  cal: CompiledCalendar,
  kind: TIncidentDocumentKind,
  resolvedAtMs: number,
): TIncidentDocumentDue {
  const n = kind === 'reflection' ? policy.reflectionDueWorkingDays : policy.noticeDueWorkingDays;
  const resolvedOn = localDateInZone(cal.timeZone, resolvedAtMs);
  const dueDate = n === 0 && !isWorkingDay(cal, resolvedOn) ? addWorkingDays(cal, resolvedOn, 1) : addWorkingDays(cal, resolvedOn, n);
  const dueMs = endOfWorkingDay(cal, dueDate);
  const dueAt = new Date(dueMs).toISOString();
  const hhmm = localTimeOf(cal.timeZone, dueMs);
  const ruleId = kind === 'reflection' ? 'IN-1' : 'IN-3';
  const what =
    kind === 'reflection' ? { zh: '事故反思', en: 'reflection' } : { zh: '事故总结与事故通报', en: 'review and incident notice' };
  return {
    kind,
    dueDate,
    dueAt,
    explanation: explain({
      ruleId,
      policyVersion,
      inputs: { kind, resolvedAt: new Date(resolvedAtMs).toISOString(), resolvedOn, workingDays: n },
      result: dueAt,
      zh: `事故于 ${resolvedOn} 解决，${what.zh}须在其后第 ${n} 个工作日（${dueDate}）${hhmm} 前提交，以收到时间为准`,
      en: `resolved on ${resolvedOn}: the ${what.en} is due by ${dueDate} ${hhmm}, the end of the ${ordinal(n)} working day after, by time received`,
    }),
  };
}

/** 'HH:MM' of an instant in a time zone. */
export function localTimeOf(timeZone: string, ms: number): string {
  return new Date(ms + zoneOffsetAt(timeZone, ms)).toISOString().slice(11, 16);
}

const ordinal = (n: number) => (n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`);
