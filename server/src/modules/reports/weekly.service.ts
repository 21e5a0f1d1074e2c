import {
  phraseOf,
  type TMarketFeedback,
  type TWeeklyPlan,
  type TWeeklyPlanDecision,
  type TWeeklyPlanDraft,
  type TWeeklyPlanItem,
  type TWeeklyPlanListQuery,
  type TWeeklyReport,
  type TWeeklyReportDraft,
  type TWeeklyReportListQuery,
  type TWeeklyStats,
  type ZWeeklyPlanCreate,
  type ZWeeklyPlanUpdate,
  type ZWeeklyReportCreate,
  isWeekStart,
  plusDays,
  weeklyReportFileName,
} from '@techserve/core';
import type { z } from 'zod';
import { nowIso, todayOf } from '../../http/clock';
import { type Actor, type Ctx, type Db, can } from '../../http/context';
import { fieldDetail, forbidden, notFound, refuse } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { notify } from '../notifications/notifications.service';
import { dueFor, fulfilObligation, openObligation, reopenObligation } from '../obligations/obligations.service';
import { approversOf } from '../org/approvers';
import { policyOn } from '../policy/policy-in-force';
import { compileWork, dateRange, localDate, obligationsByPair, toReportObligation } from './reports.compile';
import * as repo from './reports.repository';

// WR-1 weekly plan (下周工作计划): filed before its week (due the policy's weekday and time of the week before),
// approved by the lead before the week starts. WR-4/WR-3 weekly report (技术服务周报): the engineer's due Saturday
// 18:00, the supervisor's to the GM Sunday 18:00 (policy values; a deadline on a public holiday follows the policy's
// holiday rule), judged by the time received; the week's market feedback (SR-13) compiled in; exported as
// `<name>周报<MM-DD>`.

type PlanCreate = z.output<typeof ZWeeklyPlanCreate>;
type PlanUpdate = z.output<typeof ZWeeklyPlanUpdate>;
type ReportCreate = z.output<typeof ZWeeklyReportCreate>;

/** A plan is filed at most this many weeks ahead. */
const PLAN_WEEKS_AHEAD = 8;
const PLAN_LINK = '/reports/plans';
const REPORT_LINK = '/reports/weekly';

function assertMonday(weekStart: string, path = 'body.weekStart') {
  if (!isWeekStart(weekStart))
    throw refuse(
      'invalid_value',
      'reports.notMonday',
      { date: weekStart },
      { details: [fieldDetail(path, 'reports.notMonday', { date: weekStart })] },
    );
}

const due = (d: Awaited<ReturnType<typeof dueFor>>) => ({
  dueAt: new Date(d.dueAt).toISOString(),
  dueDate: d.dueDate,
  explanation: d.explanation,
});
const scopeOf = (p: repo.PersonRow) => ({ team_id: p.team_id, department_id: p.department_id ?? p.team_department_id ?? null });

// Weekly plan (WR-1) ------------------------------------------------------------------------------------------------------

async function planApprover(db: Db, me: repo.PersonRow): Promise<number | null> {
  const deciders = await approversOf(db, { user_id: me.id, ...scopeOf(me) }, 'reports.review');
  // The lead (组长) approves the plan; the supervisor when the team has no lead who may.
  const lead = deciders.find((id) => id === me.lead_id || id === me.deputy_id);
  return lead ?? deciders[0] ?? null;
}

async function toPlans(db: Db, rows: repo.WeeklyPlanRow[], nowMs: number): Promise<TWeeklyPlan[]> {
  const pairs = rows.map((r) => ({ ownerId: r.user_id, period: r.week_start }));
  const filed = await obligationsByPair(db, 'weekly_plan', pairs, nowMs);
  const approvals = new Map(
    (
      await repo.approvalObligations(
        db,
        rows.map((r) => r.id),
      )
    ).map((o) => [o.subject_id, toReportObligation(o, nowMs)]),
  );
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    weekStart: r.week_start,
    items: JSON.parse(r.items) as TWeeklyPlanItem[],
    note: r.note,
    status: r.status as TWeeklyPlan['status'],
    submittedAt: r.submitted_at,
    decidedBy: r.decided_by != null ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    obligation: filed.get(`${r.user_id}|${r.week_start}`) ?? null,
    approval: approvals.get(r.id) ?? null,
    version: r.version,
  }));
}

async function planRow(ctx: Ctx, id: number, db: Db = ctx.db) {
  const row = await repo.planInScope(db, ctx.actor, id);
  if (!row) throw notFound('Weekly plan');
  return row;
}

export async function getPlan(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TWeeklyPlan> {
  return (await toPlans(db, [await planRow(ctx, id, db)], ctx.clock.now().getTime()))[0];
}

function assertPlanWeek(ctx: Ctx, weekStart: string) {
  assertMonday(weekStart);
  const today = todayOf(ctx);
  if (weekStart <= today) throw refuse('rule_violation', 'reports.planWeekStarted', { weekStart }, { ruleId: 'WR-1' });
  if (weekStart > plusDays(today, PLAN_WEEKS_AHEAD * 7))
    throw refuse('rule_violation', 'reports.planTooFarAhead', { weeks: PLAN_WEEKS_AHEAD }, { ruleId: 'WR-1' });
}

async function assertCustomers(db: Db, items: TWeeklyPlanItem[]) {
  const ids = [...new Set(items.map((i) => i.customerId).filter((id): id is number => id != null))];
  const found = new Set(await repo.customerExists(db, ids));
  const index = items.findIndex((i) => i.customerId != null && !found.has(i.customerId));
  if (index >= 0)
    throw refuse(
      'invalid_value',
      'reports.noCustomer',
      {},
      { details: [fieldDetail(`body.items.${index}.customerId`, 'reports.noCustomer')] },
    );
}

/** WR-1: suggestions for next week's plan: the appointments (FS-2) of that week and the open requests carried over. */
export async function planDraft(ctx: Ctx, weekStart: string): Promise<TWeeklyPlanDraft> {
  if (!can(ctx.actor, 'reports.write')) throw forbidden('This needs the permission "reports.write"');
  assertMonday(weekStart, 'querystring.weekStart');
  const { from, to } = dateRange(weekStart, plusDays(weekStart, 6), ctx.timeZone);
  const [letters, open, existing] = await Promise.all([
    repo.appointments(ctx.db, ctx.actor.id, from, to),
    repo.openAssigned(ctx.db, ctx.actor.id, 20),
    repo.planOf(ctx.db, ctx.actor.id, weekStart),
  ]);
  const weekday = (iso: string) => ((new Date(`${localDate(Date.parse(iso), ctx.timeZone)}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return {
    weekStart,
    suggestions: [
      ...letters.map((l) => ({
        day: l.appointment_at ? weekday(l.appointment_at) : null,
        content: l.title,
        source: 'regional_feedback' as const,
        customerId: l.customer_id,
        refLabel: l.customer_name,
      })),
      ...open.map((t) => ({ day: null, content: t.title, source: 'carry_over' as const, customerId: t.customer_id, refLabel: t.number })),
    ],
    due: due(await dueFor(ctx.db, ctx.actor.id, { kind: 'weekly_plan', weekStart })),
    existingId: existing?.id ?? null,
  };
}

/**
 * WR-1: files next week's plan — before that week starts (422 once it has), once a week (409: change it instead);
 * fulfils the plan's obligation by the time received and asks the lead to approve it before the week starts (the
 * lead's own obligation).
 */
export async function createPlan(ctx: Ctx, body: PlanCreate): Promise<TWeeklyPlan> {
  if (!can(ctx.actor, 'reports.write')) throw forbidden('This needs the permission "reports.write"');
  assertPlanWeek(ctx, body.weekStart);
  const at = nowIso(ctx.clock);
  const id = await ctx.db.transaction().execute(async (db) => {
    await assertCustomers(db, body.items);
    const existing = await repo.planOf(db, ctx.actor.id, body.weekStart);
    if (existing) throw refuse('conflict', 'reports.planExists', { weekStart: body.weekStart, id: existing.id }, { ruleId: 'WR-1' });
    const me = await repo.personRow(db, ctx.actor.id);
    const row = await repo.insertPlan(db, {
      user_id: me.id,
      week_start: body.weekStart,
      items: JSON.stringify(body.items),
      note: body.note ?? '',
      status: 'submitted',
      submitted_at: at,
      ...scopeOf(me),
      created_at: at,
      updated_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'report.plan.create',
      entity: 'weekly_plan',
      entityId: row.id,
      after: { weekStart: body.weekStart, items: body.items.length },
    });
    await fulfilObligation(db, ctx, {
      facts: { kind: 'weekly_plan', weekStart: body.weekStart },
      ownerId: me.id,
      receivedAt: at,
      evidence: { type: 'weekly_plan', id: row.id },
      link: PLAN_LINK,
    });
    await askApproval(db, ctx, me, row.id, body.weekStart, at);
    return row.id;
  });
  return getPlan(ctx, id);
}

async function askApproval(db: Db, ctx: Ctx, me: repo.PersonRow, planId: number, weekStart: string, at: string) {
  const approver = await planApprover(db, me);
  if (approver == null) return;
  await openObligation(db, ctx, {
    facts: { kind: 'weekly_plan_approval', weekStart },
    ownerId: approver,
    subject: { type: 'weekly_plan', id: planId },
    link: `${PLAN_LINK}/${planId}`,
  });
  await notify(db, at, {
    userIds: [approver],
    kind: 'weekly_plan_approval',
    message: 'weekly.planToApprove',
    params: { name: me.name, week: weekStart },
    link: `${PLAN_LINK}/${planId}`,
  });
}

/** WR-1: the author changes a submitted or rejected plan before its week starts; a rejected one goes back to the lead. */
export async function updatePlan(ctx: Ctx, id: number, body: PlanUpdate): Promise<TWeeklyPlan> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await planRow(ctx, id, db);
    if (row.user_id !== ctx.actor.id) throw refuse('forbidden', 'reports.notYours');
    if (row.status === 'approved') throw refuse('illegal_transition', 'reports.planNotEditable', {}, { ruleId: 'WR-1' });
    assertPlanWeek(ctx, row.week_start);
    await assertCustomers(db, body.items);
    await repo.bump(
      db,
      'weekly_plans',
      id,
      body.version,
      { items: JSON.stringify(body.items), note: body.note ?? '', status: 'submitted', submitted_at: at },
      at,
    );
    await recordAudit(db, ctx, {
      action: 'report.plan.update',
      entity: 'weekly_plan',
      entityId: id,
      before: { status: row.status },
      after: { status: 'submitted', items: body.items.length },
    });
    if (row.status === 'rejected') {
      const me = await repo.personRow(db, ctx.actor.id);
      await fulfilObligation(db, ctx, {
        facts: { kind: 'weekly_plan', weekStart: row.week_start },
        ownerId: me.id,
        receivedAt: at,
        evidence: { type: 'weekly_plan', id },
        link: PLAN_LINK,
      });
      const approval = await repo.approvalObligationOwner(db, id);
      if (approval != null)
        await reopenObligation(
          db,
          ctx,
          { facts: { kind: 'weekly_plan_approval', weekStart: row.week_start }, ownerId: approval, subject: { type: 'weekly_plan', id } },
          'plan resubmitted',
        );
      else await askApproval(db, ctx, me, id, row.week_start, at);
    }
  });
  return getPlan(ctx, id);
}

/**
 * WR-1: the lead approves or rejects a submitted plan (not their own), which fulfils the lead's obligation by the
 * time of the decision (approved before the week starts: on time). A rejected plan is open again for its author.
 */
export async function decidePlan(ctx: Ctx, id: number, body: TWeeklyPlanDecision): Promise<TWeeklyPlan> {
  if (!can(ctx.actor, 'reports.review')) throw forbidden('This needs the permission "reports.review"');
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await planRow(ctx, id, db);
    if (row.user_id === ctx.actor.id) throw refuse('forbidden', 'reports.ownPlan');
    if (row.status !== 'submitted') throw refuse('illegal_transition', 'reports.planNotPending', {}, { ruleId: 'WR-1' });
    const set = {
      status: body.approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: at,
      decision_comment: body.comment ?? null,
    };
    await repo.bump(db, 'weekly_plans', id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: body.approve ? 'report.plan.approve' : 'report.plan.reject',
      entity: 'weekly_plan',
      entityId: id,
      before: { status: row.status },
      after: set,
    });
    const approver = (await repo.approvalObligationOwner(db, id)) ?? ctx.actor.id;
    await fulfilObligation(db, ctx, {
      facts: { kind: 'weekly_plan_approval', weekStart: row.week_start },
      ownerId: approver,
      subject: { type: 'weekly_plan', id },
      receivedAt: at,
      evidence: { type: 'weekly_plan', id },
    });
    if (!body.approve)
      await reopenObligation(db, ctx, { facts: { kind: 'weekly_plan', weekStart: row.week_start }, ownerId: row.user_id }, 'plan rejected');
    await notify(db, at, {
      userIds: [row.user_id],
      kind: 'weekly_plan_decided',
      message: body.approve ? 'weekly.planApproved' : 'weekly.planSentBack',
      params: { week: row.week_start, name: ctx.actor.name, note: body.comment ? phraseOf('common.note', { text: body.comment }) : '' },
      link: `${PLAN_LINK}/${id}`,
    });
  });
  return getPlan(ctx, id);
}

export async function listPlans(ctx: Ctx, q: TWeeklyPlanListQuery) {
  if (q.view === 'team' && !can(ctx.actor, 'reports.review')) throw forbidden('This needs the permission "reports.review"');
  const after = decodeCursor(q.cursor, 2);
  const rows = await repo.plansPage(
    ctx.db,
    ctx.actor,
    { mine: q.view === 'mine', weekStart: q.weekStart, status: q.status, after: after ? [String(after[0]), Number(after[1])] : null },
    q.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.week_start, r.id]);
  return { items: await toPlans(ctx.db, items, ctx.clock.now().getTime()), nextCursor };
}

// Weekly report (WR-4, WR-3) ---------------------------------------------------------------------------------------------

const REPORT_KIND = { engineer: 'weekly_report', supervisor: 'supervisor_weekly_report' } as const;

function assertReporter(actor: Actor, kind: 'engineer' | 'supervisor') {
  if (kind === 'supervisor') {
    if (!can(actor, 'reports.supervise')) throw refuse('forbidden', 'reports.supervisorOnly', {}, { ruleId: 'WR-4' });
  } else if (!can(actor, 'reports.write')) throw forbidden('This needs the permission "reports.write"');
}

/** The week compiled for the report: the author's work (the department's, for the supervisor) and SR-13 market feedback. */
async function compileWeek(
  db: Db,
  me: repo.PersonRow,
  kind: 'engineer' | 'supervisor',
  weekStart: string,
  nowMs: number,
  timeZone: string,
) {
  const weekEnd = plusDays(weekStart, 6);
  const { from, to } = dateRange(weekStart, weekEnd, timeZone);
  const department = scopeOf(me).department_id;
  const people = kind === 'supervisor' && department != null ? await repo.departmentMembers(db, department) : [me.id];
  const work = await compileWork(db, people, weekStart, weekEnd, nowMs, timeZone);
  const stats: TWeeklyStats = {
    requestsWorked: 0,
    requestsResolved: 0,
    visits: 0,
    onSiteMinutes: 0,
    timeSpentMinutes: 0,
    dailyLogs: 0,
    travelDays: 0,
    teamReports: null,
  };
  const tickets = new Set<number>();
  const resolved = new Set<number>();
  for (const w of work.values()) {
    for (const t of w.tickets) {
      tickets.add(t.id);
      if (t.resolved) resolved.add(t.id);
    }
    stats.visits += w.visits.length;
    stats.onSiteMinutes += w.visits.reduce((a, v) => a + v.minutes, 0);
    stats.timeSpentMinutes += w.timeMinutes;
    stats.dailyLogs += w.dailyLogs.length;
    stats.travelDays += w.travelDays;
  }
  stats.requestsWorked = tickets.size;
  stats.requestsResolved = resolved.size;
  if (kind === 'supervisor' && department != null) {
    const states = await repo.teamWeeklyStates(db, department, weekStart);
    const n = (s: string) => Number(states.find((x) => x.state === s)?.n ?? 0);
    stats.teamReports = { onTime: n('on_time'), late: n('late'), open: n('open'), excused: n('excused') };
  }
  const info = await repo.marketInfo(
    db,
    kind === 'supervisor' && department != null ? { departmentId: department } : { authorId: me.id },
    from,
    to,
  );
  const marketFeedback: TMarketFeedback[] = info.map((e) => {
    let category: TMarketFeedback['category'] = 'other';
    try {
      const c = (JSON.parse(e.data ?? '{}') as { category?: TMarketFeedback['category'] }).category;
      if (c) category = c;
    } catch {
      // a record without its category stays under "other"
    }
    const content = kind === 'supervisor' ? `${e.author_name}：${e.body ?? ''}` : (e.body ?? '');
    return { category, content: content.slice(0, 5000) || '—', ticketId: e.ticket_id, ticketNumber: e.number };
  });
  const dailyLogs = kind === 'engineer' ? (work.get(me.id)?.dailyLogs ?? []).map((d) => ({ date: d.date, summary: d.summary })) : [];
  return { stats, marketFeedback, dailyLogs };
}

async function fileNameFor(db: Db, name: string, dueDate: string, weekStart: string) {
  const policy = await policyOn(db, weekStart);
  return weeklyReportFileName(policy.document.reports.engineerWeekly.fileNamePattern, name, dueDate);
}

/** WR-4: the week compiled — the numbers, the SR-13 market feedback (WR-3), the daily logs — with its due time. */
export async function reportDraft(ctx: Ctx, weekStart: string, kind: 'engineer' | 'supervisor'): Promise<TWeeklyReportDraft> {
  assertReporter(ctx.actor, kind);
  assertMonday(weekStart, 'querystring.weekStart');
  const me = await repo.personRow(ctx.db, ctx.actor.id);
  const compiled = await compileWeek(ctx.db, me, kind, weekStart, ctx.clock.now().getTime(), ctx.timeZone);
  const d = await dueFor(ctx.db, me.id, { kind: REPORT_KIND[kind], weekStart });
  const existing = await repo.weeklyReportOf(ctx.db, me.id, kind, weekStart);
  return {
    weekStart,
    kind,
    ...compiled,
    due: due(d),
    existingId: existing?.id ?? null,
    fileName: await fileNameFor(ctx.db, me.name, d.dueDate, weekStart),
  };
}

async function toReports(db: Db, rows: repo.WeeklyReportRow[], nowMs: number): Promise<TWeeklyReport[]> {
  const byKind = async (kind: 'engineer' | 'supervisor') =>
    obligationsByPair(
      db,
      REPORT_KIND[kind],
      rows.filter((r) => r.kind === kind).map((r) => ({ ownerId: r.user_id, period: r.week_start })),
      nowMs,
    );
  const [engineer, supervisor] = await Promise.all([byKind('engineer'), byKind('supervisor')]);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    kind: r.kind as TWeeklyReport['kind'],
    weekStart: r.week_start,
    summary: r.summary,
    problems: r.problems,
    nextWeek: r.next_week,
    marketFeedback: JSON.parse(r.market_feedback) as TMarketFeedback[],
    stats: JSON.parse(r.stats) as TWeeklyStats,
    fileName: r.file_name,
    submittedAt: r.submitted_at,
    obligation: (r.kind === 'supervisor' ? supervisor : engineer).get(`${r.user_id}|${r.week_start}`) ?? null,
  }));
}

export async function getReport(ctx: Ctx, id: number, db: Db = ctx.db): Promise<TWeeklyReport> {
  const row = await repo.weeklyReportInScope(db, ctx.actor, id);
  if (!row) throw notFound('Weekly report');
  return (await toReports(db, [row], ctx.clock.now().getTime()))[0];
}

/**
 * WR-4: files the week's report — the week must have started (422), one report a week (409) — and fulfils its
 * obligation judged by the time received: Saturday 18:00:00 (Sunday for the supervisor) is on time, a moment later
 * late, with the late mark's explanation. The supervisor's report goes to the GM.
 */
export async function createReport(ctx: Ctx, body: ReportCreate): Promise<TWeeklyReport> {
  assertReporter(ctx.actor, body.kind);
  assertMonday(body.weekStart);
  if (body.weekStart > todayOf(ctx))
    throw refuse('rule_violation', 'reports.weekNotStarted', { weekStart: body.weekStart }, { ruleId: 'WR-4' });
  const at = nowIso(ctx.clock);
  const nowMs = ctx.clock.now().getTime();
  const id = await ctx.db.transaction().execute(async (db) => {
    const existing = await repo.weeklyReportOf(db, ctx.actor.id, body.kind, body.weekStart);
    if (existing) throw refuse('conflict', 'reports.weeklyExists', { weekStart: body.weekStart, id: existing.id }, { ruleId: 'WR-4' });
    const me = await repo.personRow(db, ctx.actor.id);
    const { stats } = await compileWeek(db, me, body.kind, body.weekStart, nowMs, ctx.timeZone);
    const d = await dueFor(db, me.id, { kind: REPORT_KIND[body.kind], weekStart: body.weekStart });
    const row = await repo.insertWeeklyReport(db, {
      user_id: me.id,
      kind: body.kind,
      week_start: body.weekStart,
      summary: body.summary,
      problems: body.problems ?? '',
      next_week: body.nextWeek ?? '',
      market_feedback: JSON.stringify(body.marketFeedback),
      stats: JSON.stringify(stats),
      file_name: await fileNameFor(db, me.name, d.dueDate, body.weekStart),
      submitted_at: at,
      ...scopeOf(me),
      created_at: at,
    });
    await recordAudit(db, ctx, {
      action: 'report.weekly.create',
      entity: 'weekly_report',
      entityId: row.id,
      after: { kind: body.kind, weekStart: body.weekStart, marketFeedback: body.marketFeedback.length },
    });
    const o = await fulfilObligation(db, ctx, {
      facts: { kind: REPORT_KIND[body.kind], weekStart: body.weekStart },
      ownerId: me.id,
      receivedAt: at,
      evidence: { type: 'weekly_report', id: row.id },
      link: REPORT_LINK,
    });
    if (body.kind === 'supervisor') {
      const gms = await repo.usersWithRole(db, 'gm');
      await notify(db, at, {
        userIds: gms,
        kind: 'weekly_report_supervisor',
        message: 'weekly.supervisorReport',
        params: { name: me.name, week: body.weekStart, judgement: o.judgement?.text ?? '' },
        link: `${REPORT_LINK}/${row.id}`,
      });
    }
    return row.id;
  });
  return getReport(ctx, id);
}

export async function listReports(ctx: Ctx, q: TWeeklyReportListQuery) {
  if (q.view !== 'mine' && !can(ctx.actor, 'reports.review')) throw forbidden('This needs the permission "reports.review"');
  const after = decodeCursor(q.cursor, 2);
  const rows = await repo.weeklyReportsPage(
    ctx.db,
    ctx.actor,
    {
      userId: q.view === 'mine' ? ctx.actor.id : undefined,
      teamId: q.view === 'team' ? ctx.actor.teamId : null,
      weekStart: q.weekStart,
      kind: q.kind,
      after: after ? [String(after[0]), Number(after[1])] : null,
    },
    q.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.week_start, r.id]);
  return { items: await toReports(ctx.db, items, ctx.clock.now().getTime()), nextCursor };
}
