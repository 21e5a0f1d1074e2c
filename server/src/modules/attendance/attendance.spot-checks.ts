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
    const check = await repo.insertSpotCheck(db, {
      site_id: body.siteId,
      at,
      note: body.note ?? null,
      checked_by: ctx.actor.id,
      created_at: at,
    });
    const people = new Map((await peopleOf(db, residents)).map((p) => [p.id, p]));
    for (const p of body.people) {
      let reportId: number | null = null;
      const person = people.get(p.userId)!;
      if (p.finding === 'standIn') {
        const date = localDateInZone(person.cal.timeZone, nowMs);
        const report = await repo.insertAbsenceReport(db, {
          user_id: p.userId,
          date,
          kind: 'standIn',
          note: `抽查 #${check.id}${body.note ? `：${body.note}` : ''}`,
          reported_by: ctx.actor.id,
          site_id: person.site_id,
          team_id: person.team_id,
          department_id: person.department_id,
          created_at: at,
        });
        reportId = report.id;
        await refreshDay(db, person, date, nowMs);
      }
      await repo.insertSpotCheckPerson(db, {
        spot_check_id: check.id,
        user_id: p.userId,
        finding: p.finding,
        absence_report_id: reportId,
      });
    }
    await recordAudit(db, ctx, { action: 'attendance.spotcheck', entity: 'attendance_spot_check', entityId: check.id, after: body });
    return check.id;
  });
  return (await spotChecks(ctx, { ids: [id] }))[0];
}

async function spotChecks(ctx: Ctx, filter: { ids?: number[]; siteId?: number; month?: string }): Promise<TSpotCheck[]> {
  let range: { from?: string; to?: string } = {};
  if (filter.month) {
    const { first, last } = monthDates(filter.month);
    range = { from: `${first}T00:00:00.000Z`, to: `${last}T23:59:59.999Z` };
  }
  const checks = await repo.spotCheckRows(ctx.db, { ids: filter.ids, siteId: filter.siteId, ...range });
  if (checks.length === 0) return [];
  const people = await repo.spotCheckPeopleRows(
    ctx.db,
    checks.map((c) => c.id),
  );
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
