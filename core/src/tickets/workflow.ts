import { z } from 'zod';
import type { TSlaEventType } from '../sla/clock';

/**
 * The life of a service request (服务请求, SR-4..9):
 *   new → assigned → accepted → in_progress ⇄ waiting (SLA clocks paused, SR-7)
 *   → resolved → confirmed by the customer (SR-9) → closed;
 *   resolved → in_progress when the customer rejects the resolution (reopened, SR-9);
 *   any open state → cancelled with a reason.
 * Re-assigning an open request (SR-5/SR-6) moves it back to `assigned` for the new engineer to accept.
 */
export const TICKET_STATES = [
  'new',
  'assigned',
  'accepted',
  'in_progress',
  'waiting',
  'resolved',
  'confirmed',
  'closed',
  'cancelled',
] as const;
export const ZTicketState = z.enum(TICKET_STATES);
export type TTicketState = z.infer<typeof ZTicketState>;

/** States in which the request still needs work (for queues, load and SLA scans). */
export const OPEN_TICKET_STATES: readonly TTicketState[] = ['new', 'assigned', 'accepted', 'in_progress', 'waiting'];

/** Whether a request in this state still needs work (a stored state string is accepted as is). */
export const isOpenTicketState = (state: string): boolean => (OPEN_TICKET_STATES as readonly string[]).includes(state);

export const TICKET_ACTIONS = ['assign', 'accept', 'start', 'wait', 'resume', 'resolve', 'confirm', 'reject', 'close', 'cancel'] as const;
export type TTicketAction = (typeof TICKET_ACTIONS)[number];

const TRANSITIONS: Record<TTicketAction, { from: readonly TTicketState[]; to: TTicketState }> = {
  assign: { from: OPEN_TICKET_STATES, to: 'assigned' },
  accept: { from: ['assigned'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  wait: { from: ['accepted', 'in_progress'], to: 'waiting' },
  resume: { from: ['waiting'], to: 'in_progress' },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'confirmed' },
  reject: { from: ['resolved'], to: 'in_progress' },
  close: { from: ['confirmed'], to: 'closed' },
  cancel: { from: OPEN_TICKET_STATES, to: 'cancelled' },
};

/** The state an action leads to from `from`, or null when the transition is illegal (the API answers 409). */
export function nextTicketState(from: TTicketState, action: TTicketAction): TTicketState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** The actions legal in a state, for the UI's buttons. */
export function legalTicketActions(state: TTicketState): TTicketAction[] {
  return TICKET_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

/**
 * The SLA clock event (SLA-2/3) that a transition records, if any. Starting work or asking the customer
 * for information (SR-7) answers the customer, so it counts as the first response; the SLA clock keeps only
 * the first one.
 */
export function slaEventOf(from: TTicketState, action: TTicketAction): TSlaEventType[] {
  switch (action) {
    case 'start':
      return ['first_response'];
    case 'wait':
      return ['first_response', 'paused'];
    case 'resume':
      return ['resumed'];
    case 'resolve':
      return ['resolved'];
    case 'reject':
      return ['reopened'];
    case 'assign':
    case 'cancel':
      return from === 'waiting' ? ['resumed'] : [];
    default:
      return [];
  }
}

/** SR-2: a request's number, e.g. SR-20260213-0007 (the company-local date and the day's sequence). */
export function ticketNumber(localDate: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) throw new RangeError(`not a date: ${localDate}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  return `SR-${localDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
