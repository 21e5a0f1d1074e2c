import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './defaults';
import { fieldMetaFor, fieldPathMatches, policyFields, ruleIdForPath } from './fields';
import { policyLeaves, valueAtPath } from './policyLeaves';

const leaves = policyLeaves(defaultPolicy());
const RULE_ID = /^(ORG|SR|SLA|FS|CU|RS|AT|TR|WR|IN|AP|PAY|KB|TRN|HO|SEC|MTG|GOV|POL|ACC)-\d+[a-z]?$/;

describe('policy field metadata', () => {
  it('covers every numeric leaf of the default policy', () => {
    const missing = leaves.filter((l) => typeof l.value === 'number' && !fieldMetaFor(l.path)).map((l) => l.path);
    expect(missing).toEqual([]);
  });

  it('covers every editable leaf of the default policy (all but item ids)', () => {
    const missing = leaves.filter((l) => !l.path.endsWith('.id') && !fieldMetaFor(l.path)).map((l) => l.path);
    expect(missing).toEqual([]);
  });

  it('only has paths that exist in the default policy', () => {
    const dangling = policyFields.filter((m) => !leaves.some((l) => fieldPathMatches(m.path, l.path))).map((m) => m.path);
    expect(dangling).toEqual([]);
  });

  it('has no path twice', () => {
    const paths = policyFields.map((m) => m.path);
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });

  it('gives every field a rule id, both labels and both regulation texts', () => {
    for (const m of policyFields) {
      expect(m.ruleId, m.path).toMatch(RULE_ID);
      expect(m.label['zh-CN'] && m.label.en && m.regulation['zh-CN'] && m.regulation.en, m.path).toBeTruthy();
    }
  });

  it('describes the AP-8 poor-rating fine in fen with its regulation', () => {
    expect(fieldMetaFor('appraisal.schemeB.engineer.fines.eachPoorRating')).toMatchObject({
      ruleId: 'AP-8',
      unit: 'fen',
      regulation: { en: 'Each 差 → fine 50' },
    });
  });

  it('prefers an exact entry to a wildcard one', () => {
    expect(fieldMetaFor('attendance.conductPoints.smoking.points')?.path).toBe('attendance.conductPoints.smoking.points');
    expect(fieldMetaFor('attendance.conductPoints.sleeping.points')?.path).toBe('attendance.conductPoints.*.points');
  });

  it('finds the rule id of a text leaf from its neighbours', () => {
    expect(ruleIdForPath('attendance.workIntervals.0.start')).toBe('RS-1');
    expect(ruleIdForPath('incidents.classes.I.id')).toBe('IN-1');
    expect(ruleIdForPath('nowhere.at.all')).toBeUndefined();
  });
});

describe('policy paths', () => {
  it('addresses items with an id by id and other arrays by index', () => {
    const p = defaultPolicy();
    expect(valueAtPath(p, 'appraisal.schemeA.items.attitude.children.loyalty.weight')).toBe(15);
    expect(valueAtPath(p, 'attendance.workIntervals.1.end')).toBe('18:00');
    expect(valueAtPath(p, 'pay.rankingBonus.bandCoefficients.2')).toBe(0.3);
    expect(valueAtPath(p, 'attendance.conductPoints.nothing.points')).toBeUndefined();
  });

  it('lists every leaf once with a path that leads back to its value', () => {
    const p = defaultPolicy();
    for (const leaf of leaves) expect(valueAtPath(p, leaf.path)).toBe(leaf.value);
    expect(new Set(leaves.map((l) => l.path)).size).toBe(leaves.length);
  });
});
