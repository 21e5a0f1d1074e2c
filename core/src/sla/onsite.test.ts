import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaHqCalendar, compileCalendar } from '../calendar';
import { sh } from '../calendar/testing';
import { defaultPolicy } from '../policy/defaults';
import { type TSlaEvent, computeSlaClock, onsiteArrival } from './clock';
import { findSlaLevel } from './level';

const cal = compileCalendar(chinaHqCalendar());
const policy = defaultPolicy();
const level = findSlaLevel(policy, policy.sla.defaultLevelId);

describe('SLA-2: the on-site arrival counted fast (WR-5 timeliness) agrees with the full clock', () => {
  it('an arrival exactly at the due instant is met; a minute later it is met late', () => {
    const createdAt = sh('2026-03-02 09:00');
    const base = { createdAt, level, priority: 'P2' as const, calendar: cal, now: sh('2026-03-20 09:00') };
    const { dueAt } = onsiteArrival({ ...base, events: [] });
    expect(onsiteArrival({ ...base, events: [{ at: dueAt, type: 'arrived_on_site' }] }).state).toBe('met');
    expect(onsiteArrival({ ...base, events: [{ at: dueAt + 60_000, type: 'arrived_on_site' }] }).state).toBe('met_late');
    expect(onsiteArrival({ ...base, events: [] }).state).toBe('breached');
  });

  it('gives the same due instant, arrival and state as computeSlaClock for any history (pauses included)', () => {
    const start = sh('2026-09-25 09:00');
    const event = fc.record({
      offset: fc.integer({ min: 0, max: 20 * 24 * 60 }),
      type: fc.constantFrom<TSlaEvent['type']>('paused', 'resumed', 'first_response', 'arrived_on_site'),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 6 }),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        fc.constantFrom('P1', 'P2', 'P3', 'P4'),
        (evs, nowOffset, priority) => {
          const events = evs.map((e) => ({ at: start + e.offset * 60_000, type: e.type }));
          const now = start + nowOffset * 60_000;
          const options = { createdAt: start, level, priority: priority as 'P1', calendar: cal, events, now, nearBreachMinutes: 30 };
          const full = computeSlaClock({ ...options, policyVersion: 1, needsVisit: true }).onsite;
          const fast = onsiteArrival(options);
          expect(fast).toEqual({ dueAt: full?.dueAt, metAt: full?.metAt, state: full?.state });
        },
      ),
      { numRuns: 300 },
    );
  });
});
