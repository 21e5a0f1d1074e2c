import { describe, expect, it } from 'vitest';
import type { TPermission } from '../permissions';
import { ticketActionRefusal, ticketAllowedActions, ticketReaderActions } from './allowedActions';

// SR-4..9, SR-6, SLA-2: who may take which action on a request they can see. The server enforces it on every
// transition and returns it as the request's allowedActions; the web shows exactly those buttons.

const ENGINEER: TPermission[] = ['tickets.read', 'tickets.work', 'tickets.confirm'];
const SUPERVISOR: TPermission[] = ['tickets.read', 'tickets.work', 'tickets.assign', 'tickets.manage', 'tickets.confirm'];
const PORTAL: TPermission[] = ['tickets.read', 'tickets.create', 'tickets.confirm'];
const actor = (userId: number, permissions: TPermission[], customerSide = false) => ({
  userId,
  permissions: new Set(permissions),
  customerSide,
});
const ticket = { state: 'accepted' as const, assigneeId: 5, createdBy: 77 };

describe('ticketAllowedActions', () => {
  it('gives the assignee the work of the state, without assigning or cancelling', () => {
    expect(ticketAllowedActions(ticket, actor(5, ENGINEER))).toEqual(['start', 'wait', 'resolve']);
  });

  it('gives another engineer none of the assignee’s work', () => {
    expect(ticketAllowedActions(ticket, actor(6, ENGINEER))).toEqual([]);
  });

  it('gives a supervisor everything legal in the state', () => {
    expect(ticketAllowedActions(ticket, actor(2, SUPERVISOR))).toEqual(['assign', 'start', 'wait', 'resolve', 'cancel']);
  });

  it('lets a customer contact confirm or reject a resolved request, and cancel only its own open one', () => {
    expect(ticketAllowedActions({ ...ticket, state: 'resolved' }, actor(77, PORTAL, true))).toEqual(['confirm', 'reject']);
    expect(ticketAllowedActions({ ...ticket, state: 'assigned' }, actor(77, PORTAL, true))).toEqual(['cancel']);
    expect(ticketAllowedActions({ ...ticket, state: 'assigned' }, actor(78, PORTAL, true))).toEqual([]);
  });

  it('lets anyone working resume a waiting request, and only the assignee or a manager close a confirmed one', () => {
    expect(ticketAllowedActions({ ...ticket, state: 'waiting' }, actor(6, ENGINEER))).toEqual(['resume']);
    expect(ticketAllowedActions({ ...ticket, state: 'confirmed' }, actor(5, ENGINEER))).toEqual(['close']);
    expect(ticketAllowedActions({ ...ticket, state: 'confirmed' }, actor(6, ENGINEER))).toEqual([]);
  });

  it('says which permission is missing when refusing', () => {
    expect(ticketActionRefusal(ticket, actor(6, ENGINEER), 'start')?.permission).toBe('tickets.manage');
    expect(ticketActionRefusal(ticket, actor(77, PORTAL, true), 'start')?.permission).toBe('tickets.work');
    expect(ticketActionRefusal(ticket, actor(5, ENGINEER), 'start')).toBeNull();
  });
});

describe('ticketReaderActions', () => {
  const visit = { ...ticket, state: 'in_progress' as const, needsVisit: true, onsite: { metAt: null } };

  it('adds escalation (SR-6) for staff on an open request and the arrival (SLA-2) while the on-site clock runs', () => {
    expect(ticketReaderActions(visit, actor(5, ENGINEER))).toEqual(['wait', 'resolve', 'escalate', 'recordArrival']);
    expect(ticketReaderActions({ ...visit, onsite: { metAt: 1 } }, actor(5, ENGINEER))).toEqual(['wait', 'resolve', 'escalate']);
    expect(ticketReaderActions({ ...visit, needsVisit: false, onsite: null }, actor(5, ENGINEER))).not.toContain('recordArrival');
  });

  it('never offers a customer escalation or the arrival, and nobody escalates a closed request', () => {
    // Its own open request it may still cancel; nothing of the staff's work.
    expect(ticketReaderActions(visit, actor(77, PORTAL, true))).toEqual(['cancel']);
    expect(ticketReaderActions({ ...visit, state: 'closed' }, actor(2, SUPERVISOR))).toEqual([]);
  });
});
