import type { Actor, Db } from '../../http/context';
import { ticketScope } from './tickets.repository';
import { summaryColumns } from './tickets.list.repository';

// The supervisor's dashboard (SR-5, SLA-4, FS-11) -----------------------------------------------------------------

/** Counts by state and priority, the breaching and unassigned queues, load per engineer and today's unsolved, in scope. */
export async function dashboardReads(db: Db, actor: Actor, { open, since, limit }: { open: string[]; since: string; limit: number }) {
  const scoped = () =>
    db
      .selectFrom('tickets')
      .innerJoin('customers', 'customers.id', 'tickets.customer_id')
      .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
      .where((eb) => ticketScope(eb, actor));
  const list = (q: ReturnType<typeof scoped>) => q.select(summaryColumns).limit(limit).execute();

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
        // SR-5: several customers waiting — by priority, then the due time.
        .orderBy('tickets.priority')
        .orderBy('tickets.next_due_at')
        .orderBy('tickets.id'),
    ),
    list(
      scoped()
        .where('tickets.state', 'in', open)
        .where('tickets.sla_state', '=', 'near_breach')
        .orderBy('tickets.priority')
        .orderBy('tickets.next_due_at')
        .orderBy('tickets.id'),
    ),
    list(
      scoped()
        .where('tickets.state', '=', 'new')
        .where('tickets.assignee_id', 'is', null)
        .orderBy('tickets.priority')
        .orderBy('tickets.next_due_at')
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
      .where((eb) => eb.or([eb('tickets.created_at', '>=', since), eb('tickets.updated_at', '>=', since)]))
      .orderBy('tickets.priority')
      .orderBy('tickets.id')
      .limit(50)
      .execute(),
  ]);
  return { byState, byPriority, breached, nearBreach, unassigned, load, today };
}
