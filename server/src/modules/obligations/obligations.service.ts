/**
 * Obligations (design: "Obligations"): one table for anything due — a daily log, a weekly plan and its approval, a
 * weekly report, the supervisor's weekly and monthly reports, a work-volume report, a reflection, an incident review
 * or notice, an absence explanation, the appraisal sheet. Modules create obligations and report fulfilments; they
 * never compute due times or lateness themselves: core's `dueOf` computes the due instant from the policy in force and
 * the owner's calendar (a resident's site calendar, POL-1), `judgeReceipt` judges a fulfilment by the time received.
 *
 * API for other modules (call inside your own transaction; `acting` is your Ctx, or `systemActing(clock)` in a job):
 *   openObligation(db, acting, spec)           opens one (idempotent: the same kind, owner, period and subject is
 *                                              one obligation); spec = { facts: TDueFacts, ownerId, subject?, link? }.
 *   openObligations(db, acting, specs)         the same for many at once (one audit entry); returns the new ids.
 *   fulfilObligation(db, acting, spec & { receivedAt, evidence? })
 *                                              opens it if missing, then marks it done on time or late by the time
 *                                              received (409 `months.closed` when its month is closed). Idempotent.
 *   reopenObligation(db, acting, spec, reason) a fulfilment withdrawn or rejected (a plan sent back): open again.
 *   cancelObligationsOf(db, acting, subject, reason)
 *                                              the subject went away (an incident withdrawn): its obligations are cancelled.
 *   obligationsForMonth(db, month, userIds?)   set-based read of a month's obligations for many people (the appraisal).
 *   dueFor(db, ownerId, facts)                 the due instant and explanation an obligation would get (for forms).
 *   ownersWorkingOn(db, ownerIds, date)        set-based: whose calendar makes `date` a working day (WR-2's daily log).
 * Routes (obligations.routes.ts): lists (mine / team / department; this week, overdue, open), the department summary,
 * one obligation, excuse (supervisor, with reason, audited) and the correction of a closed month as an adjustment.
 * Jobs: `obligationsRemindJob` reminds owners before the due time and flags what is overdue to them and their managers.
 */
import {
  DEFAULT_TIME_ZONE,
  OBLIGATION_KIND_INFO,
  type TDue,
  type TDueFacts,
  type TExplanation,
  type TObligation,
  type TObligationCounts,
  type TObligationExcuse,
  type TObligationKind,
  type TObligationListQuery,
  type TObligationSummary,
  type TObligationSummaryQuery,
  dueOf,
  isWorkingDay,
  judgeReceipt,
  localDateOf,
  localInstant,
  monthOfDate,
  nextMonth,
  plusDays,
  weekStartOf,
} from '@techserve/core';
import type { Clock } from '../../http/clock';
import { nowIso } from '../../http/clock';
import { type Ctx, type Db, can } from '../../http/context';
import { forbidden, notFound, refuse } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { type LoadedCalendar, loadCalendar, loadDefaultCalendar } from '../calendars/calendars.service';
import { type ActingCtx, assertMonthOpen, bookAdjustment, isMonthClosed } from '../months/months.service';
import { notify } from '../notifications/notifications.service';
import { policyOn } from '../policy/policy-in-force';
import * as repo from './obligations.repository';

export type { ActingCtx } from '../months/months.service';

export type ObligationSubject = { type: string; id: number };
export type ObligationSpec = { facts: TDueFacts; ownerId: number; subject?: ObligationSubject | null; link?: string | null };
export type FulfilSpec = ObligationSpec & { receivedAt: string; evidence?: ObligationSubject | null };

/** The acting context of a background job: the audit records no person. */
export const systemActing = (clock: Clock): ActingCtx => ({ clock, actor: null, ip: null, requestId: null });

const parse = (json: string | null) => (json ? (JSON.parse(json) as TExplanation) : null);

export function toObligation(r: repo.ObligationRow, nowMs: number): TObligation {
  const info = OBLIGATION_KIND_INFO[r.kind as TObligationKind];
  return {
    id: r.id,
    kind: r.kind as TObligationKind,
    kindName: info?.name ?? { 'zh-CN': r.kind, en: r.kind },
    ruleId: info?.ruleId ?? '',
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    subjectType: r.subject_type || null,
    subjectId: r.subject_type ? r.subject_id : null,
    period: r.period,
    dueAt: r.due_at,
    dueDate: r.due_date,
    month: r.month,
    state: r.state as TObligation['state'],
    overdue: r.state === 'open' && Date.parse(r.due_at) < nowMs,
    doneAt: r.done_at,
    lateMinutes: r.late_minutes == null ? null : Number(r.late_minutes),
    explanation: parse(r.explanation) as TExplanation,
    judgement: parse(r.judgement),
    evidenceType: r.evidence_type,
    evidenceId: r.evidence_id,
    excusedBy: r.excused_by != null ? { id: r.excused_by, name: r.excused_by_name ?? '' } : null,
    excusedAt: r.excused_at,
    excusedReason: r.excused_reason,
    cancelledReason: r.cancelled_reason,
    policyVersion: r.policy_version,
    link: r.link,
    version: r.version,
  };
}

// Due times ---------------------------------------------------------------------------------------------------------

type OwnerCalendar = { owner: repo.OwnerRow; loaded: LoadedCalendar; siteName: string | null };

/** Set-based: each owner's calendar — their site's own (POL-1) when they work at a site that has one, else the company's. */
async function ownerCalendars(db: Db, ownerIds: number[]): Promise<Map<number, OwnerCalendar>> {
  const owners = await repo.ownerRows(db, [...new Set(ownerIds)]);
  const company = await loadDefaultCalendar(db);
  const bySite = new Map<number, LoadedCalendar>();
  for (const id of new Set(owners.map((o) => o.site_calendar_id).filter((id): id is number => id != null))) {
    bySite.set(id, await loadCalendar(db, id));
  }
  return new Map(
    owners.map((o) => {
      const site = o.site_calendar_id != null ? bySite.get(o.site_calendar_id) : undefined;
      return [o.id, { owner: o, loaded: site ?? company, siteName: site ? o.site_name : null }];
    }),
  );
}

/** The date whose policy governs an obligation: the day, the week's Monday, the 1st of the month it is due in, the event. */
function policyDate(facts: TDueFacts): string {
  switch (facts.kind) {
    case 'daily_log':
      return facts.date;
    case 'weekly_plan':
      return plusDays(facts.weekStart, -7);
    case 'weekly_plan_approval':
    case 'weekly_report':
    case 'supervisor_weekly_report':
      return facts.weekStart;
    case 'monthly_service_report':
    case 'work_volume':
    case 'absence_explanation':
    case 'appraisal_sheet':
      return `${nextMonth(facts.month)}-01`;
    case 'personnel_change_request':
    case 'resident_replacement':
      return facts.dueDate;
    case 'kpi_self_review':
    case 'kpi_superior_review':
      // AP-16: the policy in force when the review is due: the next month's (a year's review: the next January's).
      return /^\d{4}$/.test(facts.period) ? `${Number(facts.period) + 1}-01-01` : `${nextMonth(facts.period)}-01`;
    default:
      return localDateOf(facts.eventAt);
  }
}

type Computed = { spec: ObligationSpec; due: TDue; cal: OwnerCalendar; policyVersion: number };

async function compute(db: Db, specs: ObligationSpec[]): Promise<Computed[]> {
  const calendars = await ownerCalendars(
    db,
    specs.map((s) => s.ownerId),
  );
  const policies = new Map<string, Awaited<ReturnType<typeof policyOn>>>();
  const out: Computed[] = [];
  for (const spec of specs) {
    const cal = calendars.get(spec.ownerId);
    if (!cal) throw notFound('User');
    const date = policyDate(spec.facts);
    let policy = policies.get(date);
    if (!policy) {
      policy = await policyOn(db, date);
      policies.set(date, policy);
    }
    const due = dueOf(spec.facts, {
      policy: policy.document,
      policyVersion: policy.number,
      calendar: cal.loaded.compiled,
      calendarRef: { id: cal.loaded.calendar.id, name: cal.loaded.calendar.name, siteName: cal.siteName },
    });
    out.push({ spec, due, cal, policyVersion: policy.number });
  }
  return out;
}

/** Set-based: the owners for whom `date` is a working day on their calendar (a daily log is due, WR-2). */
export async function ownersWorkingOn(db: Db, ownerIds: number[], date: string): Promise<Set<number>> {
  const calendars = await ownerCalendars(db, ownerIds);
  return new Set([...calendars].filter(([, c]) => isWorkingDay(c.loaded.compiled, date)).map(([id]) => id));
}

/** The due instant and its explanation an obligation of this owner would get (forms show it before filing). */
export async function dueFor(db: Db, ownerId: number, facts: TDueFacts): Promise<TDue> {
  const [c] = await compute(db, [{ facts, ownerId }]);
  return c.due;
}

const identityOf = (c: Computed): repo.ObligationIdentity => ({
  kind: c.due.kind,
  ownerId: c.spec.ownerId,
  period: c.due.period,
  subjectType: c.spec.subject?.type ?? '',
  subjectId: c.spec.subject?.id ?? 0,
});

function insertRow(c: Computed, at: string): repo.ObligationInsert {
  const k = identityOf(c);
  const o = c.cal.owner;
  return {
    kind: k.kind,
    owner_id: k.ownerId,
    subject_type: k.subjectType,
    subject_id: k.subjectId,
    period: k.period,
    due_at: new Date(c.due.dueAt).toISOString(),
    due_date: c.due.dueDate,
    month: monthOfDate(c.due.dueDate),
    state: 'open',
    explanation: JSON.stringify(c.due.explanation),
    policy_version: c.policyVersion,
    calendar_id: c.cal.loaded.calendar.id,
    link: c.spec.link ?? null,
    team_id: o.team_id,
    department_id: o.department_id ?? o.team_department_id ?? null,
    created_at: at,
    updated_at: at,
  };
}

// The service API for other modules ------------------------------------------------------------------------------

/** Opens many obligations at once (those that exist stay as they are); one audit entry; returns the new ids. */
export async function openObligations(db: Db, acting: ActingCtx, specs: ObligationSpec[]): Promise<number[]> {
  if (specs.length === 0) return [];
  const at = nowIso(acting.clock);
  const computed = await compute(db, specs);
  const ids = await repo.insertObligations(
    db,
    computed.map((c) => insertRow(c, at)),
  );
  if (ids.length > 0) {
    const kinds = [...new Set(computed.map((c) => c.due.kind))];
    await recordAudit(db, acting, {
      action: 'obligation.open',
      entity: 'obligation',
      entityId: ids.length === 1 ? ids[0] : null,
      after: { kinds, ids },
    });
  }
  return ids;
}

async function ensureRow(db: Db, acting: ActingCtx, spec: ObligationSpec): Promise<{ row: repo.ObligationRow; computed: Computed }> {
  const [computed] = await compute(db, [spec]);
  const identity = identityOf(computed);
  let row = await repo.findByIdentity(db, identity);
  if (!row) {
    await openObligations(db, acting, [spec]);
    row = await repo.findByIdentity(db, identity);
  }
  if (!row) throw notFound('Obligation');
  return { row, computed };
}

/** Opens one obligation (idempotent) and returns it. */
export async function openObligation(db: Db, acting: ActingCtx, spec: ObligationSpec): Promise<TObligation> {
  const { row } = await ensureRow(db, acting, spec);
  return toObligation(row, acting.clock.now().getTime());
}

/**
 * Records that the owner fulfilled the obligation at `receivedAt` (the time the system received it), judged by core
 * against the stored due instant: on time at or before it, late after. Refuses a closed month (409). An obligation
 * already done keeps its first judgement; an excused or cancelled one keeps its state.
 */
export async function fulfilObligation(db: Db, acting: ActingCtx, spec: FulfilSpec): Promise<TObligation> {
  const { row } = await ensureRow(db, acting, spec);
  const nowMs = acting.clock.now().getTime();
  if (row.state !== 'open') return toObligation(row, nowMs);
  await assertMonthOpen(db, row.month);
  const kind = row.kind as TObligationKind;
  const judged = judgeReceipt(
    { dueAt: Date.parse(row.due_at), ruleId: OBLIGATION_KIND_INFO[kind].ruleId, kind },
    Date.parse(spec.receivedAt),
    row.policy_version,
    DEFAULT_TIME_ZONE,
  );
  const at = nowIso(acting.clock);
  const set = {
    state: judged.state,
    done_at: new Date(spec.receivedAt).toISOString(),
    late_minutes: judged.lateMinutes,
    judgement: JSON.stringify(judged.explanation),
    evidence_type: spec.evidence?.type ?? null,
    evidence_id: spec.evidence?.id ?? null,
  };
  await repo.bumpObligation(db, row.id, row.version, set, at);
  await recordAudit(db, acting, {
    action: 'obligation.fulfil',
    entity: 'obligation',
    entityId: row.id,
    before: { state: row.state },
    after: { state: set.state, doneAt: set.done_at, lateMinutes: set.late_minutes, evidence: spec.evidence ?? null },
  });
  return toObligation((await repo.findById(db, row.id)) as repo.ObligationRow, nowMs);
}

/** A fulfilment was withdrawn or sent back (a plan rejected): the obligation is open again with its due instant. */
export async function reopenObligation(db: Db, acting: ActingCtx, spec: ObligationSpec, reason: string): Promise<TObligation> {
  const { row } = await ensureRow(db, acting, spec);
  const nowMs = acting.clock.now().getTime();
  if (row.state === 'open' || row.state === 'excused' || row.state === 'cancelled') return toObligation(row, nowMs);
  await assertMonthOpen(db, row.month);
  const set = { state: 'open', done_at: null, late_minutes: null, judgement: null, evidence_type: null, evidence_id: null };
  await repo.bumpObligation(db, row.id, row.version, set, nowIso(acting.clock));
  await recordAudit(db, acting, {
    action: 'obligation.reopen',
    entity: 'obligation',
    entityId: row.id,
    before: { state: row.state },
    after: { state: 'open', reason },
  });
  return toObligation((await repo.findById(db, row.id)) as repo.ObligationRow, nowMs);
}

/** The subject went away (an incident withdrawn, a project dropped): its obligations are cancelled (409 in a closed month). */
export async function cancelObligationsOf(db: Db, acting: ActingCtx, subject: ObligationSubject, reason: string): Promise<number> {
  const rows = await repo.bySubject(db, subject.type, subject.id);
  const at = nowIso(acting.clock);
  for (const row of rows) {
    await assertMonthOpen(db, row.month);
    await repo.bumpObligation(db, row.id, row.version, { state: 'cancelled', cancelled_reason: reason }, at);
    await recordAudit(db, acting, {
      action: 'obligation.cancel',
      entity: 'obligation',
      entityId: row.id,
      before: { state: row.state },
      after: { state: 'cancelled', reason },
    });
  }
  return rows.length;
}

/** Set-based: a month's obligations (by due date) for many people, or everyone when userIds is omitted. */
export async function obligationsForMonth(db: Db, month: string, userIds?: number[], nowMs = Date.now()): Promise<TObligation[]> {
  return (await repo.monthRows(db, month, userIds ?? null)).map((r) => toObligation(r, nowMs));
}

// Routes ----------------------------------------------------------------------------------------------------------

async function obligationFor(ctx: Ctx, id: number, db: Db = ctx.db): Promise<repo.ObligationRow> {
  const row = await repo.findInScope(db, ctx.actor, id);
  if (!row) throw notFound('Obligation');
  return row;
}

export async function getObligation(ctx: Ctx, id: number): Promise<TObligation> {
  return toObligation(await obligationFor(ctx, id), ctx.clock.now().getTime());
}

/** The company-local week (Monday 00:00 to the next Monday 00:00) around now. */
function thisWeek(nowMs: number, timeZone: string): { start: string; end: string } {
  const monday = weekStartOf(localDateOf(nowMs));
  const iso = (date: string) => new Date(localInstant(timeZone, date)).toISOString();
  return { start: iso(monday), end: iso(plusDays(monday, 7)) };
}

/** What is due: own, or the team's / department's within the actor's scope; this week, overdue, open or all. */
export async function listObligations(ctx: Ctx, q: TObligationListQuery) {
  const nowMs = ctx.clock.now().getTime();
  const now = new Date(nowMs).toISOString();
  if (q.view !== 'mine' && !repo.canReview(ctx.actor)) throw forbidden('This needs the permission "reports.review"');
  const week = q.range === 'week' ? thisWeek(nowMs, ctx.timeZone) : null;
  const after = decodeCursor(q.cursor, 2);
  const rows = await repo.listPage(
    ctx.db,
    ctx.actor,
    {
      ownerId: q.view === 'mine' ? ctx.actor.id : q.ownerId,
      teamId: q.view === 'team' ? ctx.actor.teamId : null,
      kind: q.kind,
      month: q.month,
      dueFrom: week?.start,
      dueBefore: week ? week.end : q.range === 'overdue' ? now : undefined,
      state: q.range === 'overdue' || q.range === 'open' ? 'open' : undefined,
      notCancelled: q.range === 'week',
      after: after ? [String(after[0]), Number(after[1])] : null,
    },
    q.limit + 1,
  );
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.due_at, r.id]);
  return { items: items.map((r) => toObligation(r, nowMs)), nextCursor };
}

const zero = (): TObligationCounts => ({ open: 0, overdue: 0, onTime: 0, late: 0, excused: 0 });

function add(c: TObligationCounts, state: string, n: number, pastDue: number) {
  if (state === 'open') {
    c.open += n;
    c.overdue += pastDue;
  } else if (state === 'on_time') c.onTime += n;
  else if (state === 'late') c.late += n;
  else if (state === 'excused') c.excused += n;
}

/** The supervisor's department view (or the lead's team view): the month's obligations per person and kind by state. */
export async function obligationSummary(ctx: Ctx, q: TObligationSummaryQuery): Promise<TObligationSummary> {
  if (!repo.canReview(ctx.actor)) throw forbidden('This needs the permission "reports.review"');
  const rows = await repo.summaryRows(ctx.db, ctx.actor, q.month, nowIso(ctx.clock), q.view === 'team' ? ctx.actor.teamId : null);
  const totals = zero();
  const people = new Map<number, TObligationSummary['people'][number]>();
  for (const r of rows) {
    const n = Number(r.n);
    const pastDue = Number(r.past_due ?? 0);
    let p = people.get(r.owner_id);
    if (!p) {
      p = { userId: r.owner_id, name: r.owner_name, teamId: r.team_id, teamName: r.team_name, totals: zero(), byKind: [] };
      people.set(r.owner_id, p);
    }
    let k = p.byKind.find((x) => x.kind === r.kind);
    if (!k) {
      k = { kind: r.kind as TObligationKind, counts: zero() };
      p.byKind.push(k);
    }
    add(k.counts, r.state, n, pastDue);
    add(p.totals, r.state, n, pastDue);
    add(totals, r.state, n, pastDue);
  }
  const list = [...people.values()].sort(
    (a, b) => b.totals.overdue + b.totals.late - (a.totals.overdue + a.totals.late) || a.name.localeCompare(b.name),
  );
  return { month: q.month, totals, people: list };
}

function assertExcuser(ctx: Ctx, row: repo.ObligationRow) {
  if (!can(ctx.actor, 'obligations.excuse')) throw forbidden('This needs the permission "obligations.excuse"');
  if (row.owner_id === ctx.actor.id) throw refuse('forbidden', 'obligations.selfExcuse');
  if (row.state !== 'open' && row.state !== 'late') throw refuse('illegal_transition', 'obligations.notExcusable', { state: row.state });
}

/** The supervisor excuses an open or late obligation with a reason (audited; the owner is told). 409 in a closed month. */
export async function excuseObligation(ctx: Ctx, id: number, body: TObligationExcuse): Promise<TObligation> {
  const at = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (db) => {
    const row = await obligationFor(ctx, id, db);
    assertExcuser(ctx, row);
    await assertMonthOpen(db, row.month);
    const set = { state: 'excused', excused_by: ctx.actor.id, excused_at: at, excused_reason: body.reason };
    await repo.bumpObligation(db, id, body.version, set, at);
    await recordAudit(db, ctx, {
      action: 'obligation.excuse',
      entity: 'obligation',
      entityId: id,
      before: { state: row.state },
      after: set,
    });
    const name = OBLIGATION_KIND_INFO[row.kind as TObligationKind].name;
    await notify(db, at, {
      userIds: [row.owner_id],
      kind: 'obligation_excused',
      message: 'obligation.excused',
      params: { obligation: name, period: row.period, name: ctx.actor.name, reason: body.reason },
      link: `/obligations/${id}`,
    });
  });
  return getObligation(ctx, id);
}

/**
 * The obligation's month is closed, so it cannot change: the excuse is booked as an adjustment of the next open
 * month (visible as such, with the obligation as its fact), and the obligation keeps its frozen state.
 */
export async function correctObligation(ctx: Ctx, id: number, reason: string) {
  return ctx.db.transaction().execute(async (db) => {
    const row = await obligationFor(ctx, id, db);
    assertExcuser(ctx, row);
    if (!(await isMonthClosed(db, row.month))) throw refuse('conflict', 'obligations.monthStillOpen', { month: row.month });
    const info = OBLIGATION_KIND_INFO[row.kind as TObligationKind];
    const stateZh = row.state === 'late' ? `逾期 ${row.late_minutes ?? 0} 分钟` : '未提交';
    const stateEn = row.state === 'late' ? `${row.late_minutes ?? 0} minutes late` : 'not filed';
    return bookAdjustment(db, ctx, {
      userId: row.owner_id,
      kind: 'obligation_excused',
      ruleId: info.ruleId,
      fact: { type: 'obligation', id: row.id, month: row.month },
      explanation: {
        'zh-CN': `${row.owner_name} 的${info.name['zh-CN']}（${row.period}，${stateZh}）在 ${row.month} 结账后由 ${ctx.actor.name} 免责：${reason}`,
        en: `${row.owner_name}'s ${info.name.en.toLowerCase()} (${row.period}, ${stateEn}) excused by ${ctx.actor.name} after ${row.month} was closed: ${reason}`,
      },
      delta: { obligationId: row.id, kind: row.kind, from: row.state, to: 'excused' },
    });
  });
}

// Reminders and flags ---------------------------------------------------------------------------------------------

const BATCH = 500;

/**
 * Reminds owners `reports.reminderMinutesBefore` (policy in force today) before an open obligation is due, and flags
 * every open obligation past its due instant to its owner and their managers (a missing daily log the next working
 * morning, WR-2). Each is notified once: the mark is set by a conditional update, so several instances never repeat it.
 */
export async function remindAndFlag(db: Db, clock: Clock): Promise<{ reminded: number; flagged: number }> {
  const nowMs = clock.now().getTime();
  const now = new Date(nowMs).toISOString();
  const policy = await policyOn(db, localDateOf(nowMs));
  const lead = policy.document.reports.reminderMinutesBefore;
  let reminded = 0;
  if (lead > 0) {
    const rows = await repo.toRemind(db, now, new Date(nowMs + lead * 60_000).toISOString(), BATCH);
    const marked = new Set(
      await repo.markNotified(
        db,
        'reminded_at',
        rows.map((r) => r.id),
        now,
      ),
    );
    for (const r of rows.filter((x) => marked.has(x.id))) {
      const o = toObligation(r, nowMs);
      await notify(db, now, {
        userIds: [r.owner_id],
        kind: 'obligation_reminder',
        message: 'obligation.dueSoon',
        params: { obligation: o.kindName, period: o.period, explanation: o.explanation.text },
        link: r.link ?? `/obligations/${r.id}`,
        email: false,
      });
    }
    reminded = marked.size;
  }
  const overdue = await repo.toFlag(db, now, BATCH);
  const marked = new Set(
    await repo.markNotified(
      db,
      'flagged_at',
      overdue.map((r) => r.id),
      now,
    ),
  );
  const flaggedRows = overdue.filter((x) => marked.has(x.id));
  const managers = await repo.managersOfMany(db, [...new Set(flaggedRows.map((r) => r.owner_id))]);
  for (const r of flaggedRows) {
    const o = toObligation(r, nowMs);
    await notify(db, now, {
      userIds: [r.owner_id, ...(managers.get(r.owner_id) ?? [])],
      kind: 'obligation_overdue',
      message: 'obligation.overdue',
      params: { name: r.owner_name, obligation: o.kindName, period: o.period, explanation: o.explanation.text },
      link: `/obligations/${r.id}`,
    });
  }
  return { reminded, flagged: marked.size };
}

/** The job the scheduler runs every five minutes. */
export const obligationsRemindJob = (deps: { db: Db; clock: Clock }) => ({
  name: 'obligations.remind',
  everyMs: 5 * 60_000,
  run: async () => {
    await remindAndFlag(deps.db, deps.clock);
  },
});
