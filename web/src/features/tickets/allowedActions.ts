import { OPEN_TICKET_STATES, type TPermission, type TTicket, type TTicketAction } from '@techserve/core';

export type TActor = { userId: number; can: (permission: TPermission) => boolean; customerSide: boolean };

/**
 * The request's legal actions (by state, from the server) that this user may take — the server's rules (SR-4..9):
 * assign needs tickets.assign; accept/start/wait/resolve the assignee (or tickets.manage) with tickets.work;
 * confirm/reject tickets.confirm (a customer, or staff on the engineer's device with a signature); close
 * tickets.manage or the assignee; cancel tickets.manage, or a customer its own request.
 */
export function allowedActions(ticket: Pick<TTicket, 'legalActions' | 'assigneeId' | 'createdBy'>, actor: TActor): TTicketAction[] {
  const { can, customerSide, userId } = actor;
  const isAssignee = ticket.assigneeId === userId;
  const works = !customerSide && can('tickets.work');
  return ticket.legalActions.filter((action) => {
    switch (action) {
      case 'assign':
        return !customerSide && can('tickets.assign');
      case 'accept':
      case 'start':
      case 'wait':
      case 'resolve':
        return works && (isAssignee || can('tickets.manage'));
      case 'resume':
        return works;
      case 'confirm':
      case 'reject':
        return can('tickets.confirm');
      case 'close':
        return !customerSide && (can('tickets.manage') || (isAssignee && can('tickets.work')));
      case 'cancel':
        return customerSide ? ticket.createdBy === userId : can('tickets.manage');
      default:
        return false;
    }
  });
}

/** SR-6: staff working on an open request may escalate it (R&D only with tickets.manage). */
export function mayEscalate(ticket: Pick<TTicket, 'state'>, actor: TActor): boolean {
  return !actor.customerSide && actor.can('tickets.work') && OPEN_TICKET_STATES.includes(ticket.state);
}

/** SLA-2: the engineer on site records the arrival (meets the on-site target) while that clock is still open. */
export function mayRecordArrival(ticket: Pick<TTicket, 'state' | 'needsVisit' | 'sla'>, actor: TActor): boolean {
  return mayEscalate(ticket, actor) && ticket.needsVisit && ticket.sla.onsite !== null && ticket.sla.onsite.metAt === null;
}
