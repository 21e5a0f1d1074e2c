import { describe, expect, it } from 'vitest';
import { chinaHqCalendar } from '../calendar/builtin-cn';
import { compileCalendar } from '../calendar/compileCalendar';
import { sh, shText } from '../calendar/testing';
import type { TSlaLevel } from '../policy/slaPolicy';
import { computeSlaClock, type TSlaEvent, type TSlaEventType } from './clock';

// SLA-2: 「提出解决方案后 48 小时内解决」 — the resolution target may count from the solution being offered.

const hq = compileCalendar(chinaHqCalendar());
const HOURS_48 = 48 * 60;

const level = (resolutionFrom: TSlaLevel['resolutionFrom'], calendarMode: TSlaLevel['calendarMode'] = '24x7'): TSlaLevel => {
  const targets = { firstResponseMinutes: 30, onsiteMinutes: 120, resolutionMinutes: HOURS_48 };
  return {
    id: 'test',
    name: { 'zh-CN': '测试', en: 'Test' },
    calendarMode,
    resolutionFrom,
    targets: { P1: targets, P2: targets, P3: targets, P4: targets },
  };
};

const ev = (type: TSlaEventType, local: string): TSlaEvent => ({ type, at: sh(local) });

const resolutionAt = (lv: TSlaLevel, now: string, events: TSlaEvent[]) =>
  computeSlaClock({
    createdAt: sh('2026-03-02 09:00'),
    now: sh(now),
    level: lv,
    priority: 'P2',
    calendar: hq,
    events,
    nearBreachMinutes: 30,
    policyVersion: 7,
    needsVisit: false,
  }).resolution;

describe('SLA-2 resolution counted from the solution offered', () => {
  const offered = ev('solution_offered', '2026-03-03 10:00');

  it('has not started before a solution is offered, and says so', () => {
    const r = resolutionAt(level('solutionOffered'), '2026-03-10 09:00', []);
    expect(r.state).toBe('not_started');
    expect(r.remainingMinutes).toBe(HOURS_48);
    expect(r.explanation.ruleId).toBe('SLA-2');
    expect(r.explanation.text['zh-CN']).toContain('自提出解决方案起计');
    expect(r.explanation.text.en).toContain('not started: no solution offered yet');
    expect(r.explanation.inputs).toMatchObject({ resolutionFrom: 'solutionOffered', startedAt: null });
  });

  it('runs 48 hours from the offer (24×7): met exactly at the due instant, late one millisecond after', () => {
    const due = sh('2026-03-05 10:00');
    const met = resolutionAt(level('solutionOffered'), '2026-03-06 09:00', [offered, ev('resolved', '2026-03-05 10:00')]);
    expect(met.dueAt).toBe(due);
    expect(met.state).toBe('met');
    const late = resolutionAt(level('solutionOffered'), '2026-03-06 09:00', [offered, { type: 'resolved', at: due + 1 }]);
    expect(late.state).toBe('met_late');
    expect(met.explanation.text['zh-CN']).toContain('自 2026-03-03 10:00 提出解决方案起');
    expect(met.explanation.text.en).toContain('from the solution offered at 2026-03-03 10:00');
  });

  it('is breached exactly at the due instant and not a millisecond before', () => {
    const lv = level('solutionOffered');
    expect(resolutionAt(lv, '2026-03-05 10:00', [offered]).state).toBe('breached');
    const before = computeSlaClock({
      createdAt: sh('2026-03-02 09:00'),
      now: sh('2026-03-05 10:00') - 1,
      level: lv,
      priority: 'P2',
      calendar: hq,
      events: [offered],
      nearBreachMinutes: 30,
      policyVersion: 7,
      needsVisit: false,
    }).resolution;
    expect(before.state).toBe('near_breach');
  });

  it('counts from creation when the level says so (and when a stored level has no choice)', () => {
    for (const lv of [level('created'), level(undefined)]) {
      const r = resolutionAt(lv, '2026-03-03 11:00', [offered]);
      expect(shText(r.dueAt)).toBe('2026-03-04 09:00');
      expect(r.explanation.text['zh-CN']).not.toContain('提出解决方案');
    }
  });

  it('takes the first offer only, and a resolution without an earlier offer starts and meets the clock at once', () => {
    const twice = resolutionAt(level('solutionOffered'), '2026-03-03 12:00', [offered, ev('solution_offered', '2026-03-03 11:00')]);
    expect(shText(twice.dueAt)).toBe('2026-03-05 10:00');
    const direct = resolutionAt(level('solutionOffered'), '2026-03-03 12:00', [ev('resolved', '2026-03-03 11:00')]);
    expect(direct.state).toBe('met');
    expect(direct.remainingMinutes).toBe(HOURS_48);
  });

  it('counts working minutes from the offer on a business level, ignoring waiting before the offer', () => {
    const lv = level('solutionOffered', 'business');
    const events = [ev('paused', '2026-03-02 10:00'), ev('resumed', '2026-03-03 09:00'), offered];
    const r = resolutionAt(lv, '2026-03-03 10:00', events);
    expect(r.pausedMinutes).toBe(0);
    expect(r.state).toBe('running');
    expect(r.remainingMinutes).toBe(HOURS_48);
  });
});
