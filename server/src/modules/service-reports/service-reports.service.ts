/**
 * WR-5 monthly service report (技术服务月度报表), generated for the supervisor: the department's month read set-based
 * (requests, on-site arrivals, ratings, sign-offs, weekly reports) and turned into rates with explanations by core's
 * `monthlyReportData`; sections other modules provide (incidents, complaints, surveys) come through
 * `service-reports.sections.ts`. Submitting freezes the data and fulfils the report's obligation (due on the policy's
 * working day of the next month). Exports: PDF (Chinese, with its charts) and Excel.
 *
 * API for other modules: `computeMonthlyReport(db, departmentId, month, nowMs, timeZone)` → the data (the appraisal may read the
 * department's rates from it).
 */
import {
  type TGradeCounts,
  type TMonthlyReport,
  type TMonthlyReportCreate,
  type TMonthlyReportData,
  type TMonthlyReportFacts,
  type TMonthlyReportSummary,
  type TPriority,
  type TRatingDimension,
  findSlaLevel,
  localDateOf,
  monthDates,
  monthInstants,
  monthlyReportData,
  onsiteArrival,
} from '@techserve/core';
import { nowIso, todayOf } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { type LoadedCalendar, loadCalendar, loadDefaultCalendar } from '../calendars/calendars.service';
import { fulfilObligation } from '../obligations/obligations.service';
import { type PolicyAt, policyOn } from '../policy/policy-in-force';
import { obligationsBySubject } from '../reports/reports.compile';
import * as repo from './service-reports.repository';
import { monthlySections } from './service-reports.sections';

const zeroGrades = (): TGradeCounts => ({ excellent: 0, good: 0, fair: 0, poor: 0 });
const isGrade = (g: string): g is keyof TGradeCounts => g === 'excellent' || g === 'good' || g === 'fair' || g === 'poor';
const goodOrBetter = (g: string) => g === 'excellent' || g === 'good';

type Engineer = TMonthlyReportFacts['engineers'][number];

/** Set-based: the department's month of facts, as the report counts them (see core/src/reports/monthlyReport.ts). */
export async function computeMonthlyReport(
  db: Db,
  departmentId: number,
  month: string,
  nowMs: number,
  timeZone: string,
): Promise<TMonthlyReportData> {
  const department = await repo.departmentRow(db, departmentId);
  if (!department) throw refuse('not_found', 'reports.noDepartment');
  const span = monthInstants(month, timeZone);
  const from = new Date(span.start).toISOString();
  const to = new Date(span.end).toISOString();
  const now = new Date(nowMs).toISOString();
  const [requests, visits, ratings, signoffs, weekly] = await Promise.all([
    repo.requestsByAssignee(db, departmentId, from, to),
    repo.visitRequests(db, departmentId, from, to),
    repo.ratingCounts(db, departmentId, from, to),
    repo.signoffCounts(db, departmentId, from, to),
    repo.weeklyReportStates(db, departmentId, month, now),
  ]);
  const engineers = new Map<number, Engineer>();
  const eng = (id: number | null): Engineer | null => {
    if (id == null) return null;
    let e = engineers.get(id);
    if (!e) {
      e = {
        userId: id,
        name: '',
        requests: 0,
        resolved: 0,
        onsiteMet: 0,
        onsiteDecided: 0,
        ratings: 0,
        ratingsGoodOrBetter: 0,
        reportsOnTime: 0,
        reportsDue: 0,
      };
      engineers.set(id, e);
    }
    return e;
  };

  const facts: TMonthlyReportFacts = {
    month,
    department: { id: department.id, name: department.name },
    requests: { total: 0, resolved: 0 },
    onsite: { met: 0, late: 0, missed: 0, pending: 0 },
    ratings: { attitude: zeroGrades(), skill: zeroGrades(), result: zeroGrades() },
    signoffs: { total: Number(signoffs?.n ?? 0), signed: Number(signoffs?.signed ?? 0) },
    weeklyReports: { onTime: 0, late: 0, missing: 0, excused: 0 },
    engineers: [],
  };
  for (const r of requests) {
    const n = Number(r.n);
    const resolved = Number(r.resolved ?? 0);
    facts.requests.total += n;
    facts.requests.resolved += resolved;
    const e = eng(r.assignee_id);
    if (e) {
      e.requests += n;
      e.resolved += resolved;
    }
  }

  // SLA-2 on-site arrival of each request that needed a visit, on its policy and its site's calendar.
  const policies = new Map<string, PolicyAt>();
  const calendars = new Map<number | null, LoadedCalendar>();
  for (const v of visits) {
    const date = localDateOf(Date.parse(v.created_at), timeZone);
    let policy = policies.get(date);
    if (!policy) {
      policy = await policyOn(db, date);
      policies.set(date, policy);
    }
    let cal = calendars.get(v.calendar_id);
    if (!cal) {
      cal = v.calendar_id == null ? await loadDefaultCalendar(db) : await loadCalendar(db, v.calendar_id);
      calendars.set(v.calendar_id, cal);
    }
    const createdAt = Date.parse(v.created_at);
    const outcome = onsiteArrival({
      createdAt,
      level: findSlaLevel(policy.document, v.sla_level_id),
      priority: v.priority as TPriority,
      calendar: cal.compiled,
      events: JSON.parse(v.sla_events),
      now: Math.max(nowMs, createdAt),
      pauseWhileWaitingForCustomer: policy.document.sla.pauseWhileWaitingForCustomer,
      coverage: v.sla_coverage,
    });
    const e = eng(v.assignee_id);
    if (outcome.state === 'met') facts.onsite.met++;
    else if (outcome.state === 'met_late') facts.onsite.late++;
    else if (outcome.state === 'breached') facts.onsite.missed++;
    else facts.onsite.pending++;
    if (e && outcome.state !== 'running' && outcome.state !== 'paused' && outcome.state !== 'near_breach') {
      e.onsiteDecided++;
      if (outcome.state === 'met') e.onsiteMet++;
    }
  }

  for (const r of ratings) {
    const n = Number(r.n);
    for (const d of ['attitude', 'skill', 'result'] as TRatingDimension[]) {
      const g = r[d];
      if (isGrade(g)) facts.ratings[d][g] += n;
    }
    const e = eng(r.assignee_id);
    if (e) {
      e.ratings += n;
      if (goodOrBetter(r.attitude) && goodOrBetter(r.skill) && goodOrBetter(r.result)) e.ratingsGoodOrBetter += n;
    }
  }

  for (const w of weekly) {
    const n = Number(w.n);
    const e = eng(w.owner_id);
    if (w.state === 'on_time') facts.weeklyReports.onTime += n;
    else if (w.state === 'late') facts.weeklyReports.late += n;
    else if (w.state === 'excused') facts.weeklyReports.excused += n;
    else if (w.state === 'open') facts.weeklyReports.missing += Number(w.past_due ?? 0);
    if (e) {
      if (w.state === 'on_time') e.reportsOnTime += n;
      if (w.state === 'on_time' || w.state === 'late') e.reportsDue += n;
      if (w.state === 'open') e.reportsDue += Number(w.past_due ?? 0);
    }
  }

  const names = new Map((await repo.userNames(db, [...engineers.keys()])).map((u) => [u.id, u.name]));
  facts.engineers = [...engineers.values()]
    .map((e) => ({ ...e, name: names.get(e.userId) ?? `#${e.userId}` }))
    .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name, 'zh-CN'));

  const policy = await policyOn(db, monthDates(month).last);
  const sections = await monthlySections(db, { departmentId, month, from, to });
  return monthlyReportData(facts, policy.number, now, sections);
}

/** The supervisor's department (or any, for a role with the whole company in scope); 404 outside it. */
function assertDepartment(ctx: Ctx, departmentId: number, permission: 'reports.supervise' | 'reports.review' = 'reports.supervise') {
  if (!can(ctx.actor, permission) && !can(ctx.actor, 'reports.supervise')) throw forbidden(`This needs the permission "${permission}"`);
  if (ctx.actor.scope !== 'all' && ctx.actor.departmentId !== departmentId) throw refuse('not_found', 'reports.noDepartment');
}

/** WR-5: the month computed now (a month still running shows its figures so far). */
export async function previewMonthlyReport(ctx: Ctx, departmentId: number, month: string): Promise<TMonthlyReportData> {
  assertDepartment(ctx, departmentId);
  return computeMonthlyReport(ctx.db, departmentId, month, ctx.clock.now().getTime(), ctx.timeZone);
}

async function toReport(db: Db, r: repo.MonthlyReportRow, nowMs: number): Promise<TMonthlyReport> {
  return {
    id: r.id,
    departmentId: r.department_id,
    month: r.month,
    comment: r.comment,
    submittedBy: { id: r.submitted_by, name: r.submitted_by_name },
    submittedAt: r.submitted_at,
    data: JSON.parse(r.data) as TMonthlyReportData,
    obligation:
      (
        await obligationsBySubject(
          db,
          'monthly_service_report',
          'department',
          [{ ownerId: r.submitted_by, period: r.month, subjectId: r.department_id }],
          nowMs,
        )
      ).get(`${r.submitted_by}|${r.month}|${r.department_id}`) ?? null,
  };
}

export async function getMonthlyReport(ctx: Ctx, id: number): Promise<TMonthlyReport> {
  const row = await repo.monthlyReportById(ctx.db, id);
  if (!row) throw notFound('Monthly report');
  assertDepartment(ctx, row.department_id, 'reports.review');
  return toReport(ctx.db, row, ctx.clock.now().getTime());
}

/**
 * WR-5: submits the month's report (the month must have ended: 422; once per department and month: 409), freezing its
 * figures; fulfils the supervisor's obligation by the time received (the policy's working day of the next month).
 */
export async function submitMonthlyReport(ctx: Ctx, body: TMonthlyReportCreate): Promise<TMonthlyReport> {
  assertDepartment(ctx, body.departmentId);
  if (monthDates(body.month).last >= todayOf(ctx))
    throw refuse('rule_violation', 'reports.monthNotEnded', { month: body.month }, { ruleId: 'WR-5' });
  const nowMs = ctx.clock.now().getTime();
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    const existing = await repo.monthlyReportOf(db, body.departmentId, body.month);
    if (existing) throw refuse('conflict', 'reports.monthlyExists', { month: body.month, id: existing.id }, { ruleId: 'WR-5' });
    const data = await computeMonthlyReport(db, body.departmentId, body.month, nowMs, ctx.timeZone);
    const row = await repo.insertMonthlyReport(db, {
      department_id: body.departmentId,
      month: body.month,
      data: JSON.stringify(data),
      comment: body.comment ?? '',
      submitted_by: ctx.actor.id,
      submitted_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'report.monthly.submit',
      entity: 'monthly_report',
      entityId: row.id,
      after: {
        departmentId: body.departmentId,
        month: body.month,
        timeliness: data.rates.timeliness.value,
        resolution: data.rates.resolution.value,
      },
    });
    await fulfilObligation(db, ctx, {
      facts: { kind: 'monthly_service_report', month: body.month },
      ownerId: ctx.actor.id,
      subject: { type: 'department', id: body.departmentId },
      receivedAt: at,
      evidence: { type: 'monthly_report', id: row.id },
      link: '/reports/monthly',
    });
    return row.id;
  });
  return getMonthlyReport(ctx, id);
}

export async function listMonthlyReports(ctx: Ctx, departmentId: number | undefined): Promise<{ items: TMonthlyReportSummary[] }> {
  if (!can(ctx.actor, 'reports.review') && !can(ctx.actor, 'reports.supervise'))
    throw forbidden('This needs the permission "reports.review"');
  const rows = await repo.monthlyReportsList(
    ctx.db,
    ctx.actor.scope === 'all' ? null : (ctx.actor.departmentId ?? 0),
    departmentId ?? null,
  );
  const nowMs = ctx.clock.now().getTime();
  const items = await Promise.all(
    rows.map(async (r) => {
      const { data, ...rest } = await toReport(ctx.db, r, nowMs);
      return {
        ...rest,
        departmentName: r.department_name,
        timeliness: data.rates.timeliness.value,
        resolution: data.rates.resolution.value,
      };
    }),
  );
  return { items };
}
