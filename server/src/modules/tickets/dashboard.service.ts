import {
  OPEN_TICKET_STATES,
  PRIORITIES,
  TICKET_STATES,
  type TPriority,
  type TTicketDashboard,
  type TTicketState,
  localDateOf,
  wallClockToUtc,
} from '@techserve/core';
import type { Ctx } from '../../http/context';
import * as escalationRepo from './escalations.repository';
import { escalationsOf, toSummary } from './tickets.detail';
import * as repo from './dashboard.repository';

const LIST = 20;

/** The instant the company-local day of `now` began, as ISO. */
function startOfLocalDay(now: number, timeZone: string): string {
  const day = localDateOf(now);
  return new Date(wallClockToUtc(timeZone, Date.parse(`${day}T00:00:00Z`))).toISOString();
}

/** SR-5 / SLA-4 / FS-11: what a supervisor watches — counts, breaches, the queue, load, today's unsolved. */
export async function dashboard(ctx: Ctx): Promise<TTicketDashboard> {
  const { db, actor } = ctx;
  const now = ctx.clock.now().getTime();
  const { byState, byPriority, breached, nearBreach, unassigned, load, today } = await repo.dashboardReads(db, actor, {
    open: [...OPEN_TICKET_STATES],
    since: startOfLocalDay(now, ctx.timeZone),
    limit: LIST,
  });
  const openEsc = await escalationRepo.openEscalationTickets(db, actor, LIST);
  const numbers = new Map(openEsc.map((r) => [r.id, r.number]));
  const escalations = (await escalationsOf(db, [...numbers.keys()])).filter((e) => e.state === 'open');
  const count = (rows: Array<{ n: string | number }>, key: (r: (typeof rows)[number]) => string) =>
    new Map(rows.map((r) => [key(r), Number(r.n)]));
  const states = count(byState, (r) => (r as unknown as { state: string }).state);
  const priorities = count(byPriority, (r) => (r as unknown as { priority: string }).priority);
  return {
    asOf: new Date(now).toISOString(),
    byState: TICKET_STATES.map((state: TTicketState) => ({ state, count: states.get(state) ?? 0 })),
    byPriority: PRIORITIES.map((priority: TPriority) => ({ priority, count: priorities.get(priority) ?? 0 })),
    breached: breached.map(toSummary),
    nearBreach: nearBreach.map(toSummary),
    unassigned: unassigned.map(toSummary),
    load: load
      .map((r) => ({ userId: Number(r.assignee_id), name: r.name ?? '', open: Number(r.n), breached: Number(r.b ?? 0) }))
      .sort((a, b) => b.open - a.open || a.userId - b.userId),
    todayUnsolved: today.map(toSummary),
    openEscalations: escalations.map((e) => ({ ...e, ticketNumber: numbers.get(e.ticketId) ?? '' })),
  };
}
