import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { applyPreset, policyPresets } from './presets';
import { ZPolicy } from './schema';

const allPresets = Object.values(policyPresets).flat();

describe('presets', () => {
  it.each(allPresets.map((preset) => [preset.id, preset] as const))('%s applies to the defaults and validates', (_id, preset) => {
    const result = ZPolicy.safeParse(applyPreset(defaultPolicy(), preset));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('has exactly one default preset per group, and applying it changes nothing', () => {
    for (const group of Object.values(policyPresets)) {
      const defaults = group.filter((p) => p.isDefault);
      expect(defaults).toHaveLength(1);
      expect(applyPreset(defaultPolicy(), defaults[0])).toEqual(defaultPolicy());
    }
  });

  it('names its seed document and rules, with labels in both languages', () => {
    for (const preset of allPresets) {
      expect(preset.source.seed).toMatch(/^00\d_[0-9a-f]{16}$/);
      expect(preset.source.ruleIds.length).toBeGreaterThan(0);
      expect(preset.label['zh-CN']).not.toBe('');
      expect(preset.label.en).not.toBe('');
    }
  });

  it('switches attendance to 8:30–17:30 with no tolerance', () => {
    const p = applyPreset(defaultPolicy(), policyPresets.attendance[1]);
    expect(p.attendance.workIntervals[0].start).toBe('08:30');
    expect(p.attendance.workIntervals[1].end).toBe('17:30');
    expect(p.attendance.lateThresholdMinutes).toBe(0);
    expect(p.attendance.earlyLeaveThresholdMinutes).toBe(0);
  });

  it('switches to late beyond 15 and early beyond 30 minutes while keeping the working hours', () => {
    const p = applyPreset(defaultPolicy(), policyPresets.attendance[2]);
    expect(p.attendance.earlyLeaveThresholdMinutes).toBe(30);
    expect(p.attendance.workIntervals).toEqual(defaultPolicy().attendance.workIntervals);
    expect(p.attendance.conductPoints).toEqual(defaultPolicy().attendance.conductPoints);
  });

  it('switches scheme A to the 40/40 variant with appearance and documentation', () => {
    const p = applyPreset(defaultPolicy(), policyPresets.appraisalSchemeA[1]);
    const attitude = p.appraisal.schemeA.items.find((i) => i.id === 'attitude');
    const ability = p.appraisal.schemeA.items.find((i) => i.id === 'ability');
    expect(attitude?.children.map((c) => [c.id, c.weight])).toContainEqual(['appearance', 5]);
    expect(ability?.weight).toBe(40);
    expect(ability?.children.map((c) => [c.id, c.weight])).toContainEqual(['documentation', 10]);
  });

  it('switches the standard SLA to 30 minutes and 2 hours around the clock', () => {
    const p = applyPreset(defaultPolicy(), policyPresets.sla[1]);
    const standard = p.sla.levels.find((l) => l.id === 'standard');
    expect(standard?.calendarMode).toBe('24x7');
    expect(standard?.targets.P3).toEqual({ firstResponseMinutes: 30, onsiteMinutes: 120, resolutionMinutes: 120 });
    expect(p.sla.levels).toHaveLength(3);
  });

  it('switches travel reports to every two days', () => {
    expect(applyPreset(defaultPolicy(), policyPresets.travel[1]).travel.dailyLogEveryDays).toBe(2);
  });

  it('does not change the policy it is applied to', () => {
    const p = defaultPolicy();
    applyPreset(p, policyPresets.attendance[1]);
    expect(p).toEqual(defaultPolicy());
  });
});
