import {
  DEFAULT_TIME_ZONE,
  isOpenTicketState,
  type TImpact,
  type TPriority,
  type TSlaClock,
  type TSlaEvent,
  type TSlaTarget,
  type TSlaTargetClock,
  type TUrgency,
  computePriority,
  computeSlaClock,
  findSlaLevel,
  localDateInZone,
  overridePriority,
} from '@techserve/core';
import type { Ctx, Db } from '../../http/context';
import { AppError } from '../../http/errors';
import type { Clock } from '../../http/clock';
import { loadCalendar, loadDefaultCalendar } from '../calendars/calendars.service';
import { notify } from '../notifications/notifications.service';
import { type PolicyAt, policyAt } from '../policy/policy-in-force';
import * as repo from './tickets.repository';
import * as slaRepo from './tickets.sla.repository';

/** The columns an SLA clock is computed from. */
export type ClockRow = {
  id: number;
  created_at: string;
  sla_level_id: string;
  priority: string;
  calendar_id: number | null;
  needs_visit: number;
  sla_events: string;
  sla_coverage: 'business' | '24x7' | null;
  state: string;
};

export type SlaState = 'running' | 'near_breach' | 'breached' | 'paused' | 'done';

/** SLA-1 / SR-3: the priority from urgency and impact by the policy's matrix, or a supervisor's override with its reason. */
export function priorityOf(
  policy: PolicyAt,
  urgency: TUrgency,
  impact: TImpact,
  override?: { priority: TPriority; reason: string } | null,
) {
  const computed = computePriority(policy.document, urgency, impact, policy.number);
  return override ? overridePriority(computed, override.priority, override.reason, policy.number) : computed;
}

export async function policyOfTicket(db: Db, createdAt: string): Promise<PolicyAt> {
  // The company-local date, as policyAt would compute it, with a formatter built once (hot path of every create).
  const p = await policyAt(db, localDateInZone(DEFAULT_TIME_ZONE, Date.parse(createdAt)));
  if (!p) throw new AppError('internal', 'No published policy is in force');
  return p;
}

/** SLA-3: the site's calendar, or the company's default one. */
export function calendarOf(db: Db, calendarId: number | null) {
  return calendarId == null ? loadDefaultCalendar(db) : loadCalendar(db, calendarId);
}

export const parseEvents = (json: string): TSlaEvent[] => JSON.parse(json) as TSlaEvent[];

/** What clockOf would load, when the caller already has it (createTicket). */
export type ClockContext = { policy: PolicyAt; calendar: Awaited<ReturnType<typeof calendarOf>> };

/** SLA-1..4: the request's three clocks as of `now`, on its contract level and its site's calendar. */
export async function clockOf(db: Db, row: ClockRow, now: number, loaded?: ClockContext): Promise<TSlaClock> {
  const policy = loaded?.policy ?? (await policyOfTicket(db, row.created_at));
  const { calendar, compiled } = loaded?.calendar ?? (await calendarOf(db, row.calendar_id));
  const sla = policy.document.sla;
  return computeSlaClock({
    createdAt: Date.parse(row.created_at),
    level: findSlaLevel(policy.document, row.sla_level_id),
    priority: row.priority as TPriority,
    calendar: compiled,
    calendarName: { 'zh-CN': calendar.name, en: calendar.name },
    events: parseEvents(row.sla_events),
    now: Math.max(now, Date.parse(row.created_at)),
    nearBreachMinutes: sla.nearBreachMinutes,
    policyVersion: policy.number,
    needsVisit: Boolean(row.needs_visit),
    pauseWhileWaitingForCustomer: sla.pauseWhileWaitingForCustomer,
    coverage: row.sla_coverage,
  });
}

const targetsOf = (clock: TSlaClock): TSlaTargetClock[] => [clock.firstResponse, ...(clock.onsite ? [clock.onsite] : []), clock.resolution];
const unmet = (t: TSlaTargetClock) => t.state !== 'met' && t.state !== 'met_late';

/** What the list columns keep of a clock: the next due instant, whether any target was missed, one state. */
export function slaSummary(clock: TSlaClock, ticketState: string): { nextDueAt: string | null; breached: boolean; state: SlaState } {
  const open = isOpenTicketState(ticketState);
  const targets = targetsOf(clock);
  // SLA-2: a resolution clock waiting for the solution to be offered is not due yet.
  const pending = open ? targets.filter((t) => unmet(t) && t.state !== 'not_started') : [];
  const breached = targets.some((t) => t.state === 'breached' || t.state === 'met_late');
  let state: SlaState = 'done';
  if (pending.some((t) => t.state === 'breached')) state = 'breached';
  else if (pending.some((t) => t.state === 'paused')) state = 'paused';
  else if (pending.some((t) => t.state === 'near_breach')) state = 'near_breach';
  else if (pending.length) state = 'running';
  const due = state === 'paused' ? [] : pending.map((t) => t.dueAt);
  return { nextDueAt: due.length ? new Date(Math.min(...due)).toISOString() : null, breached, state };
}

export const toSlaTarget = (t: TSlaTargetClock): TSlaTarget => ({
  target: t.target,
  targetMinutes: t.targetMinutes,
  dueAt: new Date(t.dueAt).toISOString(),
  metAt: t.metAt == null ? null : new Date(t.metAt).toISOString(),
  state: t.state,
  remainingMinutes: Math.round(t.remainingMinutes * 10) / 10,
  pausedMinutes: Math.round(t.pausedMinutes * 10) / 10,
  explanation: t.explanation,
});

/** Recompute and store the list columns of one request (after any change to its clock). */
export async function refreshSla(db: Db, row: ClockRow, now: number): Promise<TSlaClock> {
  const clock = await clockOf(db, row, now);
  await slaRepo.storeSlaSummary(db, row.id, slaSummary(clock, row.state));
  return clock;
}

/** SLA-4: who hears about a breach — the assignee, the team's lead and deputy, and the department's head (ORG-1). */
async function alertRecipients(db: Db, t: { assignee_id: number | null; team_id: number | null; department_id: number | null }) {
  return [...new Set([...(t.assignee_id ? [t.assignee_id] : []), ...(await slaRepo.slaAlertManagers(db, t))])];
}

/**
 * SLA-4: the scan behind breach and "due within N minutes" warnings. Looks at open requests due within the
 * next three days (wall clock; the exact working-time state is computed per request), stores their state,
 * and notifies once per request, target, kind and due instant (a unique row makes N instances notify once).
 */
export async function scanSla(db: Db, clock: Clock): Promise<{ checked: number; alerts: number }> {
  const now = clock.now().getTime();
  const horizon = new Date(now + 3 * 24 * 3600_000).toISOString();
  const rows = await slaRepo.openRequestsDueBefore(db, horizon, 5000);
  let alerts = 0;
  const nowIso = new Date(now).toISOString();
  for (const row of rows) {
    const clockNow = await refreshSla(db, row, now);
    for (const t of targetsOf(clockNow)) {
      if (t.state !== 'near_breach' && t.state !== 'breached') continue;
      const dueAt = new Date(t.dueAt).toISOString();
      const recorded = await slaRepo.recordSlaAlert(db, { ticketId: row.id, target: t.target, kind: t.state, dueAt, at: nowIso });
      if (!recorded) continue;
      alerts++;
      const breached = t.state === 'breached';
      await repo.insertEntry(db, {
        ticketId: row.id,
        kind: 'sla',
        visibility: 'internal',
        authorId: null,
        body: t.explanation.text['zh-CN'],
        data: { target: t.target, state: t.state, dueAt, explanation: t.explanation },
        at: nowIso,
      });
      await notify(db, nowIso, {
        userIds: await alertRecipients(db, row),
        kind: breached ? 'sla_breached' : 'sla_near_breach',
        message: `sla.${t.target}${breached ? 'Breached' : 'DueSoon'}`,
        params: { number: row.number, title: row.title, explanation: t.explanation.text },
        link: `/tickets/${row.id}`,
        ticketId: row.id,
      });
    }
  }
  return { checked: rows.length, alerts };
}

/** The job the scheduler runs every minute. */
export const slaScanJob = (ctx: Pick<Ctx, 'db' | 'clock'>) => ({
  name: 'tickets.sla-scan',
  everyMs: 60_000,
  run: async () => {
    await scanSla(ctx.db, ctx.clock);
  },
});
