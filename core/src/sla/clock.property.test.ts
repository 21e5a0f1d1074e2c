import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaHqCalendar } from '../calendar/builtin-cn';
import { compileCalendar } from '../calendar/compileCalendar';
import { workingMinutesBetween } from '../calendar/engine';
import { sh } from '../calendar/testing';
import type { TSlaLevel } from '../policy/slaPolicy';
import { computeSlaClock, type TSlaEvent } from './clock';

const hq = compileCalendar(chinaHqCalendar());
const wallClock = compileCalendar({ mode: '24x7' });
const MINUTE = 60_000;

const levelWith = (minutes: number, calendarMode: TSlaLevel['calendarMode']): TSlaLevel => {
  const targets = { firstResponseMinutes: minutes, onsiteMinutes: minutes, resolutionMinutes: minutes };
  return {
    id: 'prop',
    name: { 'zh-CN': '测试', en: 'Test' },
    calendarMode,
    targets: { P1: targets, P2: targets, P3: targets, P4: targets },
  };
};

// A creation instant in 2025–2026 (minute or ms precision), a target, and closed pauses as
// (gap before, length) pairs in ms, so pauses fall on weekends, nights, holidays and working hours alike.
const scenario = fc.record({
  createdAt: fc.integer({ min: sh('2025-01-01 00:00'), max: sh('2026-10-01 00:00') }),
  target: fc.integer({ min: 0, max: 3000 }),
  mode: fc.constantFrom<TSlaLevel['calendarMode']>('business', '24x7'),
  pauses: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 * MINUTE }), fc.integer({ min: 0, max: 4 * 24 * 60 * MINUTE })), {
    maxLength: 6,
  }),
});

function pauseEvents(createdAt: number, pauses: readonly (readonly [number, number])[]): TSlaEvent[] {
  const events: TSlaEvent[] = [];
  let t = createdAt;
  for (const [gap, length] of pauses) {
    t += gap;
    events.push({ type: 'paused', at: t });
    t += length;
    events.push({ type: 'resumed', at: t });
  }
  return events;
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function clockOf(s: Scenario, extra: TSlaEvent[] = []) {
  const events = [...pauseEvents(s.createdAt, s.pauses), ...extra];
  const last = Math.max(s.createdAt, ...events.map((e) => e.at));
  return computeSlaClock({
    createdAt: s.createdAt,
    now: last + 400 * 24 * 60 * MINUTE,
    level: levelWith(s.target, s.mode),
    priority: 'P3',
    calendar: hq,
    events,
    nearBreachMinutes: 30,
    policyVersion: 1,
    needsVisit: true,
  });
}

const ms = (minutes: number) => Math.round(minutes * MINUTE);

describe('SLA clock properties', () => {
  it('puts dueAt exactly target + paused working minutes after createdAt', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const cal = s.mode === '24x7' ? wallClock : hq;
        const { resolution } = clockOf(s);
        // Paused working minutes measured independently: each pause clipped to [createdAt, dueAt].
        let paused = 0;
        const events = pauseEvents(s.createdAt, s.pauses);
        for (let i = 0; i < events.length; i += 2) {
          const from = Math.max(events[i].at, s.createdAt);
          const to = Math.min(events[i + 1].at, resolution.dueAt);
          if (to > from) paused += workingMinutesBetween(cal, from, to);
        }
        expect(ms(resolution.pausedMinutes)).toBe(ms(paused));
        expect(ms(workingMinutesBetween(cal, s.createdAt, resolution.dueAt))).toBe(ms(s.target + paused));
      }),
      { numRuns: 300 },
    );
  });

  it('never moves the due time earlier when a pause is added', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 2 * 24 * 60 * MINUTE }), (s, extra) => {
        const without = clockOf(s).resolution.dueAt;
        const withPause = clockOf({ ...s, pauses: [...s.pauses, [0, extra]] }).resolution.dueAt;
        expect(withPause).toBeGreaterThanOrEqual(without);
      }),
      { numRuns: 200 },
    );
  });

  it('is met exactly when the response comes no later than the due time', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 20 * 24 * 60 * MINUTE }), (s, after) => {
        const respondedAt = s.createdAt + after;
        const { firstResponse } = clockOf(s, [{ type: 'first_response', at: respondedAt }]);
        expect(firstResponse.metAt).toBe(respondedAt);
        expect(firstResponse.state).toBe(respondedAt <= firstResponse.dueAt ? 'met' : 'met_late');
      }),
      { numRuns: 200 },
    );
  });
});
