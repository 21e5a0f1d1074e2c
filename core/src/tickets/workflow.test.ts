import { describe, expect, it } from 'vitest';
import { TICKET_ACTIONS, TICKET_STATES, isOpenTicketState, legalTicketActions, nextTicketState, slaEventOf } from './workflow';

// SR-4..9: the request's state machine and the SLA clock events its transitions record (SLA-2/3).

describe('nextTicketState', () => {
  it('walks the whole life of a request', () => {
    const path: [string, (typeof TICKET_ACTIONS)[number], string][] = [
      ['new', 'assign', 'assigned'],
      ['assigned', 'accept', 'accepted'],
      ['accepted', 'start', 'in_progress'],
      ['in_progress', 'wait', 'waiting'],
      ['waiting', 'resume', 'in_progress'],
      ['in_progress', 'resolve', 'resolved'],
      ['resolved', 'reject', 'in_progress'],
      ['resolved', 'confirm', 'confirmed'],
      ['confirmed', 'close', 'closed'],
    ];
    for (const [from, action, to] of path) expect(nextTicketState(from as never, action), `${from} ${action}`).toBe(to);
  });

  it('refuses every transition out of a final state and a confirm before resolution', () => {
    for (const action of TICKET_ACTIONS) {
      expect(nextTicketState('closed', action)).toBeNull();
      expect(nextTicketState('cancelled', action)).toBeNull();
    }
    expect(nextTicketState('in_progress', 'confirm')).toBeNull();
  });

  it('lists as legal exactly the actions with a next state', () => {
    for (const state of TICKET_STATES)
      expect(legalTicketActions(state)).toEqual(TICKET_ACTIONS.filter((a) => nextTicketState(state, a) !== null));
  });

  it('treats cancel and reassign as possible in every open state', () => {
    for (const state of TICKET_STATES.filter(isOpenTicketState)) {
      expect(nextTicketState(state, 'cancel')).toBe('cancelled');
      expect(nextTicketState(state, 'assign')).toBe('assigned');
    }
  });
});

describe('slaEventOf', () => {
  it('counts starting work and asking the customer as the first response; waiting pauses, resuming resumes', () => {
    expect(slaEventOf('accepted', 'start')).toEqual(['first_response']);
    expect(slaEventOf('in_progress', 'wait')).toEqual(['first_response', 'paused']);
    expect(slaEventOf('waiting', 'resume')).toEqual(['resumed']);
    expect(slaEventOf('in_progress', 'resolve')).toEqual(['resolved']);
    expect(slaEventOf('resolved', 'reject')).toEqual(['reopened']);
  });

  it('resumes a paused clock when a waiting request is reassigned or cancelled, and records nothing otherwise', () => {
    expect(slaEventOf('waiting', 'assign')).toEqual(['resumed']);
    expect(slaEventOf('waiting', 'cancel')).toEqual(['resumed']);
    expect(slaEventOf('new', 'assign')).toEqual([]);
    expect(slaEventOf('resolved', 'confirm')).toEqual([]);
  });
});
