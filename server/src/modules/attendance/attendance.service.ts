import {
  type TAttendanceDay,
  type TAttendanceMonth,
  type TAttendanceRollupList,
  type TAttendanceSiteSettings,
  type TAttendanceToday,
  type TDayEvaluation,
  type TPunch,
  type TPunchCreate,
  ZPunchCreate,
  localDateInZone,
  monthDates,
  shiftOn,
} from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { isMonthClosed } from '../months/months.service';
import { openObligations, type ObligationSpec } from '../obligations/obligations.service';
import { type Person, RulesBook, evaluatePeople, monthOf, peopleOf, toDayRow, toSiteSettings } from './attendance.evaluation';
import * as repo from './attendance.repository';

/**
 * Attendance (issue 14): punches (RS-1: the server's time, the position when given, the site's geofence and office
 * network — a punch outside is kept and flagged), the clock-in card, a person's month and the roll-up per person and
 * site (RS-5), site settings (POL-1). Corrections and reported absences: attendance.corrections.ts.
 */

/** Two punches within this many minutes are one tap twice (a technical guard against double submission, not policy). */
const DOUBLE_TAP_MINUTES = 1;

export const toPunch = (r: repo.PunchRow): TPunch => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  at: r.at,
  date: r.date,
  source: r.source as TPunch['source'],
  latitude: r.latitude == null ? null : Number(r.latitude),
  longitude: r.longitude == null ? null : Number(r.longitude),
  distanceM: r.distance_m == null ? null : Math.round(Number(r.distance_m)),
  outsideGeofence: Boolean(r.outside_geofence),
  noPosition: Boolean(r.no_position),
  outsideNetwork: Boolean(r.outside_network),
  siteId: r.site_id,
});

/** The day as the API shows it (instants as ISO strings). */
export const toDay = (userId: number, d: TDayEvaluation): TAttendanceDay => ({
  userId,
  date: d.date,
  kind: d.kind,
  status: d.status,
  absent: d.absent,
  lateCount: d.lateCount,
  lateMinutes: d.lateMinutes,
  seriouslyLateCount: d.seriouslyLateCount,
  earlyCount: d.earlyCount,
  earlyMinutes: d.earlyMinutes,
  seriouslyEarlyCount: d.seriouslyEarlyCount,
  missingPunches: d.missingPunches,
  segments: d.segments.map((s) => ({
    ...s,
    inAt: s.inAt === null ? null : new Date(s.inAt).toISOString(),
    outAt: s.outAt === null ? null : new Date(s.outAt).toISOString(),
  })),
  explanations: d.explanations,
  policyVersion: d.explanations[0]?.policyVersion ?? null,
});

/** Metres between two positions (haversine). */
export function distanceM(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const ipv4 = (ip: string) => {
  const m = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  return m ? ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0 : null;
};

/** Whether an address lies in one of the IPv4 CIDR blocks. */
export function inNetworks(ip: string | null, networks: string[]): boolean {
  const addr = ip === null ? null : ipv4(ip);
  if (addr === null) return false;
  return networks.some((cidr) => {
    const [base, bits] = cidr.split('/');
    const b = ipv4(base);
    const n = Number(bits);
    if (b === null || n < 0 || n > 32) return false;
    const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
    return (addr & mask) === (b & mask);
  });
}

async function meAsPerson(db: Db, actor: Actor): Promise<Person> {
  const [me] = await repo.staffRows(db, { ids: [actor.id] });
  if (!me) throw refuse('forbidden', 'attendance.notStaff', { userId: actor.id });
  const [person] = await peopleOf(db, [me]);
  return person;
}

/** Item 7: recompute and store one person's day after a fact changed (a punch, a correction, a report), month open. */
export async function refreshDay(db: Db, person: Person, date: string, asOfMs: number): Promise<void> {
  if (await isMonthClosed(db, date.slice(0, 7))) return;
  const days = (await evaluatePeople(db, [person], date, date, asOfMs)).get(person.id) ?? [];
  const at = new Date(asOfMs).toISOString();
  await repo.upsertDays(
    db,
    days.map((d) => toDayRow(person, d, at)),
  );
}

/**
 * RS-1/AT-1: clock in or out. The time is the server's; a position is checked against the site's geofence and the
 * address against its office networks; a punch outside either (or without a position where the site has a geofence)
 * is kept and flagged, never refused. The day is evaluated again at once.
 */
export async function punch(ctx: Ctx, input: TPunchCreate): Promise<TPunch> {
  const body = ZPunchCreate.parse(input);
  const nowMs = ctx.clock.now().getTime();
  const at = nowIso(ctx.clock);
  return ctx.db.transaction().execute(async (db) => {
    const person = await meAsPerson(db, ctx.actor);
    const last = await repo.lastPunch(db, person.id);
    if (last && nowMs - Date.parse(last.at) < DOUBLE_TAP_MINUTES * 60_000)
      throw refuse('conflict', 'attendance.duplicatePunch', { minutes: DOUBLE_TAP_MINUTES, at: last.at }, { ruleId: 'RS-1' });
    const fence = person.settings?.geofence ?? null;
    const position =
      body.latitude !== undefined && body.longitude !== undefined ? { latitude: body.latitude, longitude: body.longitude } : null;
    const distance = fence && position ? distanceM(fence, position) : null;
    const networks = person.settings?.networks ?? [];
    const date = localDateInZone(person.cal.timeZone, nowMs);
    const id = await repo.insertPunch(db, {
      user_id: person.id,
      at,
      date,
      source: body.device,
      latitude: position?.latitude ?? null,
      longitude: position?.longitude ?? null,
      accuracy_m: body.accuracyM ?? null,
      distance_m: distance,
      outside_geofence: fence && distance !== null && distance > fence.radiusM ? 1 : 0,
      no_position: fence && !position ? 1 : 0,
      outside_network: networks.length > 0 && !inNetworks(ctx.ip, networks) ? 1 : 0,
      ip: ctx.ip,
      import_key: null,
      site_id: person.site_id,
      team_id: person.team_id,
      department_id: person.department_id,
      created_at: at,
    });
    const row = toPunch(await repo.punchById(db, id));
    await recordAudit(db, ctx, { action: 'attendance.punch', entity: 'attendance_punch', entityId: id, after: row });
    await refreshDay(db, person, date, nowMs);
    return row;
  });
}

/** The clock-in card: today's shift on the person's calendar, their punches and the judgement so far. */
export async function today(ctx: Ctx): Promise<TAttendanceToday> {
  const nowMs = ctx.clock.now().getTime();
  const person = await meAsPerson(ctx.db, ctx.actor);
  const date = localDateInZone(person.cal.timeZone, nowMs);
  const book = new RulesBook(ctx.db);
  const shift = shiftOn(person.cal, date, await book.rules(person, date));
  const [punches, days] = await Promise.all([
    repo.punchesBetween(ctx.db, [person.id], date, date),
    evaluatePeople(ctx.db, [person], date, date, nowMs, book),
  ]);
  return {
    date,
    working: shift.working,
    segments: shift.segments.map((s) => ({ startTime: s.startTime, endTime: s.endTime })),
    site: person.site_id != null ? { id: person.site_id, name: person.site_name ?? '' } : null,
    punches: punches.map(toPunch),
    day: toDay(person.id, days.get(person.id)![0]),
  };
}

/** Someone's day-by-day month: one's own (attendance.punch), or a person in one's scope (attendance.read). */
export async function personMonth(ctx: Ctx, month: string, userId: number | undefined): Promise<TAttendanceMonth> {
  const id = userId ?? ctx.actor.id;
  let person: Person;
  if (id === ctx.actor.id) {
    if (!can(ctx.actor, 'attendance.punch') && !can(ctx.actor, 'attendance.read')) throw forbidden();
    person = await meAsPerson(ctx.db, ctx.actor);
  } else {
    if (!can(ctx.actor, 'attendance.read')) throw forbidden('This needs the permission "attendance.read"');
    const row = await repo.staffInScope(ctx.db, ctx.actor, id);
    if (!row) throw notFound('Member of staff');
    [person] = await peopleOf(ctx.db, [row]);
  }
  const { first, last } = monthDates(month);
  return ctx.db.transaction().execute(async (db) => {
    const result = await monthOf(db, [person], month, ctx.clock.now().getTime());
    const punches = await repo.punchesBetween(db, [person.id], first, last);
    return {
      userId: person.id,
      userName: person.name,
      month,
      closed: result.closed,
      days: (result.days.get(person.id) ?? []).map((d) => toDay(person.id, d)),
      punches: punches.map(toPunch),
      rollup: result.rollups.get(person.id)!,
    };
  });
}

/**
 * RS-5 (item 6): the month's roll-up of the people in the actor's scope (the client IT office: its site's residents),
 * optionally of one site. For an ended month, an absence explanation (缺勤情况说明) is opened as an obligation for each
 * person over the policy's limits (idempotent).
 */
export async function rollup(ctx: Ctx, month: string, siteId: number | undefined): Promise<TAttendanceRollupList> {
  const nowMs = ctx.clock.now().getTime();
  return ctx.db.transaction().execute(async (db) => {
    const people = await peopleOf(db, await repo.staffRows(db, { actor: ctx.actor, siteId }));
    const result = await monthOf(db, people, month, nowMs);
    const items = people.map((p) => result.rollups.get(p.id)!);
    const ended = month < localDateInZone(ctx.timeZone, nowMs).slice(0, 7);
    const due: ObligationSpec[] = items
      .filter((r) => r.explanationDue)
      .map((r) => ({ facts: { kind: 'absence_explanation', month }, ownerId: r.userId, link: `/attendance/month?month=${month}` }));
    if (ended && due.length > 0) await openObligations(db, ctx, due);
    return { month, closed: result.closed, items };
  });
}

// Site settings (RS-1 geofence and network, POL-1) ---------------------------------------------------------------------

export async function getSiteSettings(ctx: Ctx, siteId: number) {
  if (!can(ctx.actor, 'attendance.manage') && !(can(ctx.actor, 'attendance.read') && ctx.actor.siteId === siteId)) throw forbidden();
  const site = await repo.siteRow(ctx.db, siteId);
  if (!site) throw refuse('not_found', 'attendance.noSuchSite');
  const [row] = await repo.siteSettingsRows(ctx.db, [siteId]);
  const s = row ? toSiteSettings(row) : { siteId, override: {}, geofence: null, networks: [], version: 0 };
  return { ...s, siteName: site.name };
}

/** POL-1: a site's own attendance values, geofence and office networks (attendance.manage), audited. */
export async function putSiteSettings(ctx: Ctx, siteId: number, body: TAttendanceSiteSettings & { version?: number }) {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const site = await repo.siteRow(db, siteId);
    if (!site) throw refuse('not_found', 'attendance.noSuchSite');
    const [before] = await repo.siteSettingsRows(db, [siteId]);
    const values = {
      override: JSON.stringify(body.override),
      geofence: body.geofence ? JSON.stringify(body.geofence) : null,
      networks: JSON.stringify(body.networks),
    };
    if (before) {
      const updated = await repo.updateSiteSettingsRow(db, siteId, body.version ?? before.version, {
        ...values,
        updated_at: at,
        version: before.version + 1,
      });
      if (!updated) throw versionConflict('The site attendance settings');
    } else await repo.insertSiteSettingsRow(db, { site_id: siteId, ...values, created_at: at, updated_at: at });
    await recordAudit(db, ctx, {
      action: 'attendance.site.update',
      entity: 'attendance_site',
      entityId: siteId,
      before: before ? toSiteSettings(before) : null,
      after: body,
    });
  });
  return getSiteSettings(ctx, siteId);
}
