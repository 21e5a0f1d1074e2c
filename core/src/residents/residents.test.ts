import { describe, expect, it } from 'vitest';
import { attendanceRules } from '../attendance/rules';
import { defaultPolicy } from '../policy/defaults';
import { conductCharge, conductMonth } from './conduct';
import { staffingOf } from './staffing';

const policy = defaultPolicy().attendance;

describe('RS-11 staffing against the resident contract', () => {
  const contract = { headcount: 3, startDate: '2026-01-01', endDate: '2028-12-31' };
  it('is staffed when the active residents exactly meet the head-count', () => {
    expect(staffingOf(contract, 3, '2026-03-31')).toMatchObject({ underStaffed: false, shortBy: 0, inPeriod: true });
  });
  it('is under-staffed when one resident short, explained with the rule', () => {
    const s = staffingOf(contract, 2, '2026-03-31');
    expect(s).toMatchObject({ underStaffed: true, shortBy: 1 });
    expect(s.explanation.ruleId).toBe('RS-11');
    expect(s.explanation.text['zh-CN']).toContain('缺 1 人');
  });
  it('owes no head-count on the day after the period ends, and does on its last day', () => {
    expect(staffingOf(contract, 0, '2029-01-01')).toMatchObject({ inPeriod: false, underStaffed: false });
    expect(staffingOf(contract, 0, '2028-12-31')).toMatchObject({ inPeriod: true, underStaffed: true, shortBy: 3 });
  });
});

describe('RS-9 conduct charges and the month', () => {
  const rules = attendanceRules(policy, 4, null);
  it('charges an offence of the policy list at its points, naming the policy version', () => {
    const c = conductCharge(rules, 'smoking', '2026-03-31')!;
    expect(c).toMatchObject({ source: 'policy', item: { points: 10 } });
    expect(c.explanation).toMatchObject({ ruleId: 'RS-9', policyVersion: 4 });
    expect(c.explanation.text.en).toContain('policy v4');
  });
  it('never charges late or seriously late by hand (they come from the evaluation), nor an unknown id', () => {
    expect(conductCharge(rules, 'late', '2026-03-02')).toBeNull();
    expect(conductCharge(rules, 'seriouslyLate', '2026-03-02')).toBeNull();
    expect(conductCharge(rules, 'dancing', '2026-03-02')).toBeNull();
  });
  it('uses the site’s own list when the site overrides it (POL-1)', () => {
    const site = attendanceRules(policy, 4, {
      siteId: 1,
      siteName: '住院部',
      override: { conductPoints: [{ id: 'smoking', name: { 'zh-CN': '吸烟', en: 'Smoking' }, points: 20 }] },
    });
    const c = conductCharge(site, 'smoking', '2026-03-31')!;
    expect(c).toMatchObject({ source: 'site', item: { points: 20 } });
    expect(c.explanation.text['zh-CN']).toContain('POL-1');
  });
  it('totals the evaluation’s points, the offences not withdrawn and the corrections booked in the month', () => {
    const m = conductMonth({
      month: '2026-04',
      policyVersion: 4,
      evaluation: { points: 15, explanations: [] },
      recorded: [
        { id: 1, date: '2026-04-30', itemId: 'smoking', points: 10, withdrawn: false },
        { id: 2, date: '2026-04-01', itemId: 'waste', points: 5, withdrawn: true },
      ],
      adjustments: [{ id: 9, factMonth: '2026-03', points: -10 }],
    });
    expect(m).toMatchObject({ fromEvaluation: 15, recorded: 10, adjustments: -10, total: 15 });
    expect(m.explanations.at(-1)!.text['zh-CN']).toContain('扣分合计 15 分');
  });
});
