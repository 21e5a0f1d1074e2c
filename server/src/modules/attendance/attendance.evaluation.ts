import {
  type CompiledCalendar,
  type TAttendanceOverride,
  type TAttendanceRollup,
  type TAttendanceRules,
  type TAttendanceSiteSettings,
  type TDayEvaluation,
  type TEvalPunch,
  type TShift,
  type TAbsenceReportKind,
  attendanceRules,
  evaluateDay,
  localDateInZone,
  monthDates,
  plusDays,
  rollUpMonth,
  shiftOn,
} from '@techserve/core';
import type { Db } from '../../http/context';
import { loadCalendar, loadDefaultCalendar } from '../calendars/calendars.service';
import { grantedLeave } from '../leave/leave.repository';
import { isMonthClosed } from '../months/months.service';
import { type PolicyAt, policyOn } from '../policy/policy-in-force';
import * as repo from './attendance.repository';

/**
 * The evaluation of people's days (issue 14 items 4–7), set-based: one read per kind of fact for many people and
 * days — punches, approved corrections, approved leave (RS-4), trips (AT-1), reported absences (RS-3, AT-3) — then
 * core's evaluateDay per person-day against the shift of their calendar (a resident's site calendar) under the
 * policy in force that day with the site's override (POL-1). Stored per person-day in attendance_days while the
 * month is open (recomputed from the facts at each read and after each change); once the month is closed the stored
 * evaluation is final.
 */

export type SiteSettings = TAttendanceSiteSettings & { siteId: number; version: number };

export const toSiteSettings = (r: Awaited<ReturnType<typeof repo.siteSettingsRows>>[number]): SiteSettings => ({
  siteId: r.site_id,
  override: JSON.parse(r.override) as TAttendanceOverride,
  geofence: r.geofence ? (JSON.parse(r.geofence) as SiteSettings['geofence']) : null,
  networks: JSON.parse(r.networks) as string[],
  version: r.version,
});

export type Person = repo.StaffRow & { cal: CompiledCalendar; settings: SiteSettings | null };

/** Set-based: each person's calendar (their site's own when it has one, else the company's) and site settings. */
export async function peopleOf(db: Db, staff: repo.StaffRow[]): Promise<Person[]> {
  const company = await loadDefaultCalendar(db);
  const calendars = new Map<number, CompiledCalendar>();
  for (const id of new Set(staff.map((s) => s.site_calendar_id).filter((id): id is number => id != null)))
    calendars.set(id, (await loadCalendar(db, id)).compiled);
  const siteIds = [...new Set(staff.map((s) => s.site_id).filter((id): id is number => id != null))];
  const settings = new Map((await repo.siteSettingsRows(db, siteIds)).map((r) => [r.site_id, toSiteSettings(r)]));
  return staff.map((s) => ({
    ...s,
    cal: (s.site_calendar_id != null ? calendars.get(s.site_calendar_id) : undefined) ?? company.compiled,
    settings: s.site_id != null ? (settings.get(s.site_id) ?? null) : null,
  }));
}

/** Memo of the policy in force per date and of the rules per (policy version, site). */
export class RulesBook {
  readonly #policies = new Map<string, Promise<PolicyAt>>();
  readonly #rules = new Map<string, TAttendanceRules>();
  constructor(private readonly db: Db) {}

  policy(date: string): Promise<PolicyAt> {
    let p = this.#policies.get(date);
    if (!p) {
      p = policyOn(this.db, date);
      this.#policies.set(date, p);
    }
    return p;
  }

  async rules(person: Person, date: string): Promise<TAttendanceRules> {
    return this.rulesUnder(person, await this.policy(date));
  }

  /** The person's rules under a policy already read (no await per person-day). */
  rulesUnder(person: Person, policy: PolicyAt): TAttendanceRules {
    const key = `${policy.number}|${person.site_id ?? ''}`;
    let r = this.#rules.get(key);
    if (!r) {
      const site =
        person.site_id != null && person.settings
          ? { siteId: person.site_id, siteName: person.site_name ?? '', override: person.settings.override }
          : null;
      r = attendanceRules(policy.document.attendance, policy.number, site);
      this.#rules.set(key, r);
    }
    return r;
  }
}

const datesBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) out.push(d);
  return out;
};

const groupBy = <T extends { user_id: number }>(rows: T[]) => {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.user_id);
    if (list) list.push(r);
    else m.set(r.user_id, [r]);
  }
  return m;
};
const covers = (spans: { start_date: string; end_date: string }[] | undefined, date: string) =>
  spans?.find((s) => s.start_date <= date && date <= s.end_date);

/**
 * Evaluates the people's days from..to that have begun by `asOf` (each in their calendar's time zone), from one read
 * per kind of fact.
 */
export async function evaluatePeople(
  db: Db,
  people: Person[],
  from: string,
  to: string,
  asOfMs: number,
  book = new RulesBook(db),
): Promise<Map<number, TDayEvaluation[]>> {
  const ids = people.map((p) => p.id);
  const [punchDays, corrections, leave, trips, reports] = await Promise.all([
    repo.punchDaysBetween(db, ids, from, to),
    repo.approvedCorrections(db, ids, from, to),
    ids.length ? grantedLeave(db, ids, from, to) : Promise.resolve([]),
    repo.tripsBetween(db, ids, from, to),
    repo.absenceReports(db, ids, from, to),
  ]);
  const punchesOf = groupBy(punchDays);
  const correctionsOf = groupBy(corrections);
  const leaveOf = groupBy(leave);
  const tripsOf = groupBy(trips);
  const reportsOf = groupBy(reports);
  const shifts = new Map<string, TShift>();
  const out = new Map<number, TDayEvaluation[]>();
  const dates = from <= to ? datesBetween(from, to) : [];
  const policyOf = new Map(await Promise.all(dates.map(async (d) => [d, await book.policy(d)] as const)));
  for (const person of people) {
    const today = localDateInZone(person.cal.timeZone, asOfMs);
    const last = to < today ? to : today;
    const byDate = new Map<string, TEvalPunch[]>();
    for (const day of punchesOf.get(person.id) ?? [])
      byDate.set(
        day.date,
        day.punches.split(',').map((p) => {
          const bar = p.indexOf('|');
          return { at: Date.parse(p.slice(0, bar)), source: p.slice(bar + 1) as TEvalPunch['source'] };
        }),
      );
    for (const c of correctionsOf.get(person.id) ?? []) {
      const list = byDate.get(c.date) ?? [];
      list.push({ at: Date.parse(c.at), source: 'correction' });
      byDate.set(c.date, list);
    }
    const days: TDayEvaluation[] = [];
    for (const date of dates) {
      if (date > last) break;
      const rules = book.rulesUnder(person, policyOf.get(date)!);
      const shiftKey = `${person.site_calendar_id ?? 0}|${rules.policyVersion}|${person.site_id ?? ''}|${date}`;
      let shift = shifts.get(shiftKey);
      if (!shift) {
        shift = shiftOn(person.cal, date, rules);
        shifts.set(shiftKey, shift);
      }
      const leaveDay = covers(leaveOf.get(person.id), date) as { id: number; type_id: string } | undefined;
      const trip = covers(tripsOf.get(person.id), date) as { id: number } | undefined;
      days.push(
        evaluateDay(rules, {
          shift,
          punches: byDate.get(date) ?? [],
          leave: leaveDay ? { id: leaveDay.id, typeId: leaveDay.type_id } : null,
          trip: trip ? { id: trip.id } : null,
          absenceReports: (reportsOf.get(person.id) ?? [])
            .filter((r) => r.date === date)
            .map((r) => ({ id: r.id, kind: r.kind as TAbsenceReportKind })),
          asOf: asOfMs,
          hireDate: person.hire_date,
        }),
      );
    }
    out.set(person.id, days);
  }
  return out;
}

/**
 * What a stored evaluation is compared by: the facts and values it was computed from, as they show in it (status, each
 * segment's punches and pending state, the explanations' rules, results and sources, the site's name). Equal digests
 * mean equal evaluations, without serialising each day of a month to compare it.
 */
export function dayDigest(person: Person, d: TDayEvaluation): string {
  const segs = d.segments.map((s) => `${s.inAt ?? ''},${s.outAt ?? ''},${s.pending ? 1 : 0}`).join(';');
  const why = d.explanations
    .map(
      (e) =>
        `${e.ruleId}:${e.policyVersion ?? ''}:${String(e.result)}:${String((e.inputs as { source?: string }).source ?? '')}:${String((e.inputs as { leave?: number; trip?: number; report?: number }).leave ?? (e.inputs as { trip?: number }).trip ?? (e.inputs as { report?: number }).report ?? '')}`,
    )
    .join(';');
  return `${d.status}|${d.kind}|${segs}|${why}|${person.site_name ?? ''}`;
}

/** The stored row of a person-day's evaluation (with its digest). */
export function toDayRow(person: Person, d: TDayEvaluation, at: string, digest = dayDigest(person, d)): repo.DayRow {
  return {
    user_id: person.id,
    date: d.date,
    month: d.date.slice(0, 7),
    status: d.status,
    absent: d.absent ? 1 : 0,
    late_count: d.lateCount,
    late_minutes: d.lateMinutes,
    early_count: d.earlyCount,
    early_minutes: d.earlyMinutes,
    missing_punches: d.missingPunches,
    evaluation: JSON.stringify(d),
    digest,
    policy_version: d.explanations[0]?.policyVersion ?? null,
    site_id: person.site_id,
    team_id: person.team_id,
    department_id: person.department_id,
    computed_at: at,
  };
}

export type MonthResult = { closed: boolean; days: Map<number, TDayEvaluation[]>; rollups: Map<number, TAttendanceRollup> };

/**
 * Item 7: the people's month. Open: evaluated from the facts and the changed person-days stored. Closed: the stored
 * evaluation (final); a person without any stored day is evaluated once and stored (the facts are frozen too).
 */
export async function monthOf(db: Db, people: Person[], month: string, asOfMs: number): Promise<MonthResult> {
  const { first, last } = monthDates(month);
  const closed = await isMonthClosed(db, month);
  const ids = people.map((p) => p.id);
  // Closed: the stored documents are the result; open: only the digests, to store what changed.
  const storedOf = groupBy(closed ? await repo.storedDays(db, month, ids) : []);
  const digestsOf = groupBy(closed ? [] : await repo.storedDigests(db, month, ids));
  const book = new RulesBook(db);
  const at = new Date(asOfMs).toISOString();
  const toEvaluate = closed ? people.filter((p) => !storedOf.has(p.id)) : people;
  const fresh = await evaluatePeople(db, toEvaluate, first, last, asOfMs, book);
  const changed: repo.DayRow[] = [];
  for (const person of toEvaluate) {
    const before = new Map((digestsOf.get(person.id) ?? []).map((r) => [r.date, r.digest]));
    for (const d of fresh.get(person.id) ?? []) {
      const digest = dayDigest(person, d);
      if (before.get(d.date) !== digest) changed.push(toDayRow(person, d, at, digest));
    }
  }
  await repo.upsertDays(db, changed);
  const days = new Map<number, TDayEvaluation[]>();
  for (const person of people) {
    const list = fresh.get(person.id) ?? (storedOf.get(person.id) ?? []).map((r) => JSON.parse(r.evaluation) as TDayEvaluation);
    days.set(
      person.id,
      [...list].sort((a, b) => a.date.localeCompare(b.date)),
    );
  }
  const rollups = new Map<number, TAttendanceRollup>();
  for (const person of people) {
    const rules = await book.rules(person, last);
    const r = rollUpMonth(rules, month, days.get(person.id) ?? []);
    rollups.set(person.id, { ...r, userId: person.id, userName: person.name, siteId: person.site_id, siteName: person.site_name ?? null });
  }
  return { closed, days, rollups };
}

/**
 * For other modules (the appraisal): the month's attendance roll-up of many people at once (everyone on staff when
 * userIds is omitted), each with its explanations (RS-5 explanation due, RS-9 points, AT-3 proposal). Call inside your
 * transaction; while the month is open it stores the recomputed person-days.
 */
export async function attendanceForMonth(db: Db, month: string, userIds?: number[], asOfMs = Date.now()): Promise<TAttendanceRollup[]> {
  const people = await peopleOf(db, await repo.staffRows(db, { ids: userIds ?? null }));
  const { rollups } = await monthOf(db, people, month, asOfMs);
  return people.map((p) => rollups.get(p.id)!);
}
