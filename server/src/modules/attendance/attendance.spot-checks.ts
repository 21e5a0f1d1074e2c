import { type TSpotCheck, type TSpotCheckCreate, localDateInZone, monthDates } from '@techserve/core';
import { nowIso } from '../../http/clock';
import { type Ctx, can } from '../../http/context';
import { forbidden, refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { peopleOf } from './attendance.evaluation';
import * as repo from './attendance.repository';
import { refreshDay } from './attendance.service';

/**
 * RS-1/RS-3 (issue 14 item 8): the client IT office, the supervision unit or the resident lead's superiors spot-check
 * presence at a site: who was there at that time (the server's). A stand-in found is an absence without leave of the
 * resident (RS-3): an absence report is raised and the day evaluated again. Only the site's residents within the
 * checker's scope may be named (the client IT office: its own site).
 */
export async function createSpotCheck(ctx: Ctx, body: TSpotCheckCreate): Promise<TSpotCheck> {
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  const id = await ctx.db.transaction().execute(async (db) => {
    const residents = await repo.staffRows(db, { actor: ctx.actor, siteId: body.siteId });
    const byId = new Map(residents.map((r) => [r.id, r]));
    const missing = body.people.find((p) => !byId.has(p.userId));
    if (missing) throw refuse('rule_violation', 'attendance.notAtSite', { userId: missing.userId }, { ruleId: 'RS-1' });
    const check = await db
      .insertInto('attendance_spot_checks')
      .values({ site_id: body.siteId, at, note: body.note ?? null, checked_by: ctx.actor.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people = new Map((await peopleOf(db, residents)).map((p) => [p.id, p]));
    for (const p of body.people) {
      let reportId: number | null = null;
      const person = people.get(p.userId)!;
      if (p.finding === 'standIn') {
        const date = localDateInZone(person.cal.timeZone, nowMs);
        const report = await db
          .insertInto('attendance_absence_reports')
          .values({
            user_id: p.userId,
            date,
            kind: 'standIn',
            note: `抽查 #${check.id}${body.note ? `：${body.note}` : ''}`,
            reported_by: ctx.actor.id,
            site_id: person.site_id,
            team_id: person.team_id,
            department_id: person.department_id,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        reportId = report.id;
        await refreshDay(db, person, date, nowMs);
      }
      await db
        .insertInto('attendance_spot_check_people')
        .values({ spot_check_id: check.id, user_id: p.userId, finding: p.finding, absence_report_id: reportId })
        .execute();
    }
    await recordAudit(db, ctx, { action: 'attendance.spotcheck', entity: 'attendance_spot_check', entityId: check.id, after: body });
    return check.id;
  });
  return (await spotChecks(ctx, { ids: [id] }))[0];
}

async function spotChecks(ctx: Ctx, filter: { ids?: number[]; siteId?: number; month?: string }): Promise<TSpotCheck[]> {
  let q = ctx.db
    .selectFrom('attendance_spot_checks as s')
    .innerJoin('users as checker', 'checker.id', 's.checked_by')
    .select(['s.id', 's.site_id', 's.at', 's.note', 'checker.name as checked_by_name']);
  if (filter.ids) q = q.where('s.id', 'in', filter.ids);
  if (filter.siteId !== undefined) q = q.where('s.site_id', '=', filter.siteId);
  if (filter.month) {
    const { first, last } = monthDates(filter.month);
    q = q.where('s.at', '>=', `${first}T00:00:00.000Z`).where('s.at', '<=', `${last}T23:59:59.999Z`);
  }
  const checks = await q.orderBy('s.at', 'desc').execute();
  if (checks.length === 0) return [];
  const people = await ctx.db
    .selectFrom('attendance_spot_check_people as p')
    .innerJoin('users', 'users.id', 'p.user_id')
    .select(['p.spot_check_id', 'p.user_id', 'p.finding', 'p.absence_report_id', 'users.name'])
    .where(
      'p.spot_check_id',
      'in',
      checks.map((c) => c.id),
    )
    .execute();
  return checks.map((c) => ({
    id: c.id,
    siteId: c.site_id,
    at: c.at,
    note: c.note,
    checkedByName: c.checked_by_name,
    people: people
      .filter((p) => p.spot_check_id === c.id)
      .map((p) => ({
        userId: p.user_id,
        userName: p.name,
        finding: p.finding as TSpotCheck['people'][number]['finding'],
        absenceReportId: p.absence_report_id,
      })),
  }));
}

/** A site's spot checks of a month: the client IT office its own site; staff with attendance.read or spotcheck. */
export async function listSpotChecks(ctx: Ctx, siteId: number, month: string) {
  if (!can(ctx.actor, 'attendance.read') && !can(ctx.actor, 'attendance.spotcheck')) throw forbidden();
  if (ctx.actor.scope === 'site' && ctx.actor.siteId !== siteId) throw forbidden();
  if (ctx.actor.scope === 'company') throw forbidden();
  return { items: await spotChecks(ctx, { siteId, month }) };
}
