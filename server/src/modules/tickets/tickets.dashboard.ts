import {
  DEFAULT_TIME_ZONE,
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
import { ticketScope } from './tickets.access';
import { summaryColumns } from './tickets.repository';
import { toSummary } from './tickets.detail';
import { escalationsOf } from './tickets.timeline';

const LIST = 20;

/** The instant the company-local day of `now` began, as ISO. */
function startOfLocalDay(now: number): string {
  const day = localDateOf(now);
  return new Date(wallClockToUtc(DEFAULT_TIME_ZONE, Date.parse(`${day}T00:00:00Z`))).toISOString();
}

/** SR-5 / SLA-4 / FS-11: what a supervisor watches — counts, breaches, the queue, load, today's unsolved. */
export async function dashboard(ctx: Ctx): Promise<TTicketDashboard> {
  const { db, actor } = ctx;
  const now = ctx.clock.now().getTime();
  const open = [...OPEN_TICKET_STATES];
  const scoped = () =>
    db
      .selectFrom('tickets')
      .innerJoin('customers', 'customers.id', 'tickets.customer_id')
      .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
      .where((eb) => ticketScope(eb, actor));
  const list = (q: ReturnType<typeof scoped>) => q.select(summaryColumns).limit(LIST).execute();

  const [byState, byPriority, breached, nearBreach, unassigned, load, today] = await Promise.all([
    scoped()
      .select(['tickets.state', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('tickets.state')
      .execute(),
    scoped()
      .select(['tickets.priority', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('tickets.state', 'in', open)
      .groupBy('tickets.priority')
      .execute(),
    list(
      scoped()
        .where('tickets.state', 'in', open)
        .where('tickets.sla_state', '=', 'breached')
        .orderBy('tickets.next_due_at')
        .orderBy('tickets.id'),
    ),
    list(
      scoped()
        .where('tickets.state', 'in', open)
        .where('tickets.sla_state', '=', 'near_breach')
        .orderBy('tickets.next_due_at')
        .orderBy('tickets.id'),
    ),
    list(
      scoped()
        .where('tickets.state', '=', 'new')
        .where('tickets.assignee_id', 'is', null)
        .orderBy('tickets.priority')
        .orderBy('tickets.id'),
    ),
    scoped()
      .select([
        'tickets.assignee_id',
        'assignee.name',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.sum<string | number>(eb.case().when('tickets.sla_state', '=', 'breached').then(1).else(0).end()).as('b'),
      ])
      .where('tickets.state', 'in', open)
      .where('tickets.assignee_id', 'is not', null)
      .groupBy(['tickets.assignee_id', 'assignee.name'])
      .execute(),
    scoped()
      .select(summaryColumns)
      .where('tickets.state', 'in', open)
      .where((eb) => eb.or([eb('tickets.created_at', '>=', startOfLocalDay(now)), eb('tickets.updated_at', '>=', startOfLocalDay(now))]))
      .orderBy('tickets.priority')
      .orderBy('tickets.id')
      .limit(50)
      .execute(),
  ]);
  const openEsc = await db
    .selectFrom('ticket_escalations')
    .innerJoin('tickets', 'tickets.id', 'ticket_escalations.ticket_id')
    .select(['tickets.id', 'tickets.number'])
    .where('ticket_escalations.state', '=', 'open')
    .where((eb) => ticketScope(eb, actor))
    .orderBy('ticket_escalations.id')
    .limit(LIST)
    .execute();
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
