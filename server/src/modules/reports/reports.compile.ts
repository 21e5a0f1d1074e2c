import { type TExplanation, type TReportObligation, localDateOf, localInstant, plusDays } from '@techserve/core';
import type { Db } from '../../http/context';
import * as repo from './reports.repository';

/**
 * What the system already knows of people's work between two dates (company-local, inclusive), read set-based for
 * many people at once: requests worked (work records), time recorded (SR-10), visits (FS-5 check-in to check-out),
 * travel logs and trip days (AT-2). The daily log pre-fills from it (WR-2), the weekly report compiles it (WR-4) and
 * the workload analysis sums it (WR-8), so nobody types the same work twice.
 */
export type PersonWork = {
  tickets: { id: number; number: string; title: string; state: string; entries: number; minutes: number; resolved: boolean }[];
  timeMinutes: number;
  visits: { letterId: number; title: string; customerName: string; inAt: string; outAt: string | null; minutes: number }[];
  onSiteMinutes: number;
  travelLogs: { id: number; requestId: number; date: string; place: string; workDone: string }[];
  travelDays: number;
  dailyLogs: { date: string; summary: string; totalMinutes: number }[];
};

const emptyWork = (): PersonWork => ({
  tickets: [],
  timeMinutes: 0,
  visits: [],
  onSiteMinutes: 0,
  travelLogs: [],
  travelDays: 0,
  dailyLogs: [],
});

/** The instants of company-local dates [fromDate, toDate] as ISO UTC text [from, to). */
export function dateRange(fromDate: string, toDate: string, timeZone: string) {
  return {
    from: new Date(localInstant(timeZone, fromDate)).toISOString(),
    to: new Date(localInstant(timeZone, plusDays(toDate, 1))).toISOString(),
  };
}

function minutesOf(data: string | null): number {
  if (!data) return 0;
  try {
    const m = (JSON.parse(data) as { minutes?: unknown }).minutes;
    return typeof m === 'number' && Number.isFinite(m) ? Math.max(0, Math.round(m)) : 0;
  } catch {
    return 0;
  }
}

const overlapDays = (aStart: string, aEnd: string, bStart: string, bEnd: string) => {
  const start = aStart > bStart ? aStart : bStart;
  const end = aEnd < bEnd ? aEnd : bEnd;
  if (end < start) return 0;
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
};

/** Set-based: each person's work between two dates. */
export async function compileWork(
  db: Db,
  userIds: number[],
  fromDate: string,
  toDate: string,
  nowMs: number,
  timeZone: string,
): Promise<Map<number, PersonWork>> {
  const out = new Map<number, PersonWork>(userIds.map((id) => [id, emptyWork()]));
  if (userIds.length === 0) return out;
  const { from, to } = dateRange(fromDate, toDate, timeZone);
  const [worked, times, checkins, logs, trips, daily] = await Promise.all([
    repo.ticketsWorked(db, userIds, from, to),
    repo.timeEntries(db, userIds, from, to),
    repo.visitCheckins(db, userIds, from, to),
    repo.travelLogs(db, userIds, fromDate, toDate),
    repo.trips(db, userIds, fromDate, toDate),
    repo.dailyLogsBetween(db, userIds, fromDate, toDate),
  ]);
  const ticketMinutes = new Map<string, number>();
  for (const e of times) {
    const person = e.author_id == null ? undefined : out.get(e.author_id);
    if (!person) continue;
    const m = minutesOf(e.data);
    person.timeMinutes += m;
    const key = `${e.author_id}:${e.ticket_id}`;
    ticketMinutes.set(key, (ticketMinutes.get(key) ?? 0) + m);
  }
  for (const t of worked) {
    const person = t.author_id == null ? undefined : out.get(t.author_id);
    if (!person) continue;
    person.tickets.push({
      id: t.id,
      number: t.number,
      title: t.title,
      state: t.state,
      entries: Number(t.entries),
      minutes: ticketMinutes.get(`${t.author_id}:${t.id}`) ?? 0,
      resolved: t.resolved_at != null && t.resolved_at >= from && t.resolved_at < to,
    });
  }
  // FS-5: a check-in is paired with the same person's next check-out at the same letter.
  const openIn = new Map<string, (typeof checkins)[number]>();
  const toMs = Date.parse(to);
  for (const c of checkins) {
    const person = out.get(c.user_id);
    if (!person) continue;
    const key = `${c.user_id}:${c.letter_id}`;
    if (c.kind === 'in') {
      openIn.set(key, c);
      continue;
    }
    const started = openIn.get(key);
    if (!started) continue;
    openIn.delete(key);
    const minutes = Math.max(0, Math.round((Date.parse(c.at) - Date.parse(started.at)) / 60_000));
    person.visits.push({ letterId: c.letter_id, title: c.title, customerName: c.customer_name, inAt: started.at, outAt: c.at, minutes });
    person.onSiteMinutes += minutes;
  }
  for (const [key, started] of openIn) {
    const person = out.get(Number(key.split(':')[0]));
    if (!person) continue;
    // Still on site at the end of the range: counted until then (or until now for today, bounded by the range).
    const minutes = Math.max(0, Math.round((Math.min(toMs, nowMs) - Date.parse(started.at)) / 60_000));
    person.visits.push({
      letterId: started.letter_id,
      title: started.title,
      customerName: started.customer_name,
      inAt: started.at,
      outAt: null,
      minutes,
    });
    person.onSiteMinutes += minutes;
  }
  for (const l of logs)
    out.get(l.user_id)?.travelLogs.push({ id: l.id, requestId: l.request_id, date: l.date, place: l.place, workDone: l.work_done });
  for (const t of trips) {
    const person = out.get(t.user_id);
    if (person) person.travelDays += overlapDays(t.start_date, t.end_date, fromDate, toDate);
  }
  for (const d of daily) out.get(d.user_id)?.dailyLogs.push({ date: d.date, summary: d.summary, totalMinutes: Number(d.total_minutes) });
  for (const p of out.values()) p.visits.sort((a, b) => a.inAt.localeCompare(b.inAt));
  return out;
}

/** The obligation behind a report as the report shows it (its late mark and both explanations). */
export function toReportObligation(r: repo.ReportObligationRow | undefined, nowMs: number): TReportObligation | null {
  if (!r) return null;
  return {
    id: r.id,
    state: r.state as TReportObligation['state'],
    overdue: r.state === 'open' && Date.parse(r.due_at) < nowMs,
    dueAt: r.due_at,
    dueDate: r.due_date,
    doneAt: r.done_at,
    lateMinutes: r.late_minutes == null ? null : Number(r.late_minutes),
    explanation: JSON.parse(r.explanation) as TExplanation,
    judgement: r.judgement ? (JSON.parse(r.judgement) as TExplanation) : null,
    excusedBy: r.excused_by != null ? { id: r.excused_by, name: r.excused_by_name ?? '' } : null,
    excusedReason: r.excused_reason,
  };
}

/** Obligations of many (owner, period) pairs of one kind, keyed `${ownerId}|${period}`. */
export async function obligationsByPair(db: Db, kind: string, pairs: { ownerId: number; period: string }[], nowMs: number) {
  const rows = await repo.obligationRows(db, kind, pairs);
  return new Map(rows.map((r) => [`${r.owner_id}|${r.period}`, toReportObligation(r, nowMs)]));
}

/** The company-local date of an instant. */
export const localDate = (ms: number, timeZone: string) => localDateOf(ms, timeZone);

/** Obligations of one kind about subjects, keyed `${ownerId}|${period}|${subjectId}`. */
export async function obligationsBySubject(
  db: Db,
  kind: string,
  subjectType: string,
  triples: { ownerId: number; period: string; subjectId: number }[],
  nowMs: number,
) {
  const rows = await repo.subjectObligationRows(db, kind, subjectType, triples);
  return new Map(rows.map((r) => [`${r.owner_id}|${r.period}|${r.subject_id}`, toReportObligation(r, nowMs)]));
}
