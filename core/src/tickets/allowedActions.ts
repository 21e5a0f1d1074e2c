import type { TPermission } from '../permissions';
import { OPEN_TICKET_STATES, TICKET_ACTIONS, type TTicketAction, type TTicketState, legalTicketActions } from './workflow';

/** Who acts on a request: their id, permissions, and whether they are on the customer's side (portal contacts). */
export type TTicketActor = { userId: number; permissions: ReadonlySet<TPermission>; customerSide: boolean };

type TicketFacts = { state: TTicketState; assigneeId: number | null; createdBy: number | null };

/** Why an actor may not take an action, beyond the state (the server answers 403 with this text). */
export type TTicketActionRefusal = { permission: TPermission | null; message: string };

/**
 * Who may take each action on a request they can see (SR-4..9), independent of its state: assign needs
 * tickets.assign; accept/start/wait/resolve the assignee (or tickets.manage) with tickets.work, resume anyone with
 * tickets.work; confirm/reject tickets.confirm (the customer, or staff on the engineer's device with a signature,
 * FS-8); close tickets.manage or the assignee; cancel tickets.manage, or a customer its own request.
 * Null when allowed. The server enforces it and the web shows the buttons from the same answer.
 */
export function ticketActionRefusal(
  ticket: Omit<TicketFacts, 'state'>,
  actor: TTicketActor,
  action: TTicketAction,
): TTicketActionRefusal | null {
  const can = (p: TPermission) => actor.permissions.has(p);
  const isAssignee = ticket.assigneeId === actor.userId;
  switch (action) {
    case 'assign':
      return can('tickets.assign') ? null : { permission: 'tickets.assign', message: 'Assigning needs the tickets.assign permission' };
    case 'accept':
    case 'start':
    case 'wait':
    case 'resume':
    case 'resolve':
      if (actor.customerSide || !can('tickets.work'))
        return { permission: 'tickets.work', message: 'Working on a request needs the tickets.work permission' };
      if (!isAssignee && !can('tickets.manage') && action !== 'resume')
        return { permission: 'tickets.manage', message: 'Only the assignee (or a supervisor) can do this' };
      return null;
    case 'confirm':
    case 'reject':
      return can('tickets.confirm') ? null : { permission: 'tickets.confirm', message: 'Confirming needs the tickets.confirm permission' };
    case 'close':
      return !actor.customerSide && (can('tickets.manage') || (isAssignee && can('tickets.work')))
        ? null
        : { permission: 'tickets.manage', message: 'Closing needs the tickets.manage permission or being the assignee' };
    case 'cancel':
      if (actor.customerSide ? ticket.createdBy === actor.userId : can('tickets.manage')) return null;
      return {
        permission: 'tickets.manage',
        message: 'Cancelling needs the tickets.manage permission (customers may cancel their own requests)',
      };
  }
}

/** The actions this actor may take on the request now: legal in its state and allowed to them. */
export function ticketAllowedActions(ticket: TicketFacts, actor: TTicketActor): TTicketAction[] {
  return legalTicketActions(ticket.state).filter((action) => ticketActionRefusal(ticket, actor, action) === null);
}

/** SR-6: staff working on an open request may escalate it (to R&D only with tickets.manage, checked on submit). */
export function mayEscalateTicket(ticket: Pick<TicketFacts, 'state'>, actor: TTicketActor): boolean {
  return !actor.customerSide && actor.permissions.has('tickets.work') && OPEN_TICKET_STATES.includes(ticket.state);
}

/** SLA-2: the engineer on site records the arrival (meets the on-site target) while that clock is still open. */
export function mayRecordTicketArrival(
  ticket: Pick<TicketFacts, 'state'> & { needsVisit: boolean; onsite: { metAt: unknown } | null },
  actor: TTicketActor,
): boolean {
  return mayEscalateTicket(ticket, actor) && ticket.needsVisit && ticket.onsite !== null && ticket.onsite.metAt === null;
}

/** What a reader may do with a request: its state's actions allowed to them, escalating and recording the arrival. */
export const TICKET_READER_ACTIONS = [...TICKET_ACTIONS, 'escalate', 'recordArrival'] as const;
export type TTicketReaderAction = (typeof TICKET_READER_ACTIONS)[number];

/** The request's `allowedActions` as the server returns them to this reader. */
export function ticketReaderActions(
  ticket: TicketFacts & { needsVisit: boolean; onsite: { metAt: unknown } | null },
  actor: TTicketActor,
): TTicketReaderAction[] {
  const actions: TTicketReaderAction[] = ticketAllowedActions(ticket, actor);
  if (mayEscalateTicket(ticket, actor)) actions.push('escalate');
  if (mayRecordTicketArrival(ticket, actor)) actions.push('recordArrival');
  return actions;
}
