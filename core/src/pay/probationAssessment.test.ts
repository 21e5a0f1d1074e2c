import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { commission } from './commission';
import { payslip } from './payslip';
import { PROBATION_ITEMS, type TProbationItem, assessProbation, beforeConversion } from './probationAssessment';

const policy = defaultPolicy();
const all = (pass: boolean) => Object.fromEntries(PROBATION_ITEMS.map((i) => [i, pass])) as Record<TProbationItem, boolean>;
const at = (over: Partial<Parameters<typeof assessProbation>[2]> = {}) =>
  assessProbation(policy.pay, 3, {
    items: all(true),
    assessedOn: '2026-03-31',
    effectiveOn: '2026-04-01',
    hireDate: '2026-01-15',
    ...over,
  });

describe('PAY-3b the probation assessment', () => {
  it('passes when every item (process, construction rules, welding technique, conduct on site, initiative) is passed', () => {
    const r = at();
    expect(r).toMatchObject({ ok: true, result: 'passed' });
    if (r.ok) expect(r.explanation.text['zh-CN']).toContain('2026-04-01 起转正');
  });
  it('fails on any one item, naming it; no conversion', () => {
    const r = at({ items: Object.assign(all(true), { weldingTechnique: false }) });
    expect(r).toMatchObject({ ok: true, result: 'failed' });
    if (r.ok) expect(r.explanation.text.en).toContain('failed (welding technique)');
  });
  it('refuses a conversion before the assessment; the same day is fine', () => {
    expect(at({ effectiveOn: '2026-03-30' })).toMatchObject({ ok: false, reason: 'pay.assessmentBeforeDate' });
    expect(at({ effectiveOn: '2026-03-31' })).toMatchObject({ ok: true });
  });
  it('refuses a conversion within the shortest probation (1 month from the hire date), at its edge', () => {
    const early = { hireDate: '2026-03-01', assessedOn: '2026-03-20' };
    expect(at({ ...early, effectiveOn: '2026-03-31' })).toMatchObject({ ok: false, reason: 'pay.assessmentTooEarly' });
    expect(at({ ...early, effectiveOn: '2026-04-01' })).toMatchObject({ ok: true, result: 'passed' });
    // a failed assessment converts nobody, so it may be recorded early
    expect(at({ ...early, effectiveOn: '2026-03-31', items: all(false) })).toMatchObject({ ok: true, result: 'failed' });
  });
});

describe('PAY-3b the payslip reads the conversion from its effective date', () => {
  const base = {
    pay: policy.pay,
    version: 3,
    month: '2026-03',
    baseTierId: null,
    welderGrade: 1,
    probation: false,
    fieldAllowance: false,
    travel: [],
    commission: commission({ pay: policy.pay, reports: policy.reports, version: 3, volume: [], nonPieceDays: 0 }),
    released: [],
    sheet: { id: 9, policyVersion: 2, grade: null, amounts: [] },
    bonuses: [],
    overtime: [],
  };
  const grade1 = policy.pay.engineerLevels.find((l) => l.level === 1)?.monthlyFen ?? 0;
  const probationFen = policy.pay.probation.baseFen + policy.pay.probation.postAllowanceFen;
  const slip = (convertedOn: string) => payslip(Object.assign({}, base, { convertedOn }));

  it('converted on the 1st: the whole month at the regular base, no adjustment', () => {
    const p = slip('2026-03-01');
    expect(p.lines.find((l) => l.kind === 'base')?.key).toBe('PAY-3:grade');
    expect(p.lines.some((l) => l.ruleId === 'PAY-3b')).toBe(false);
  });
  it('converted on the last day: 30 of 31 days at probation pay', () => {
    const line = slip('2026-03-31').lines.find((l) => l.key === 'PAY-3b:beforeConversion');
    expect(line?.amountFen).toBe(Math.round(((probationFen - grade1) * 30) / 31));
    expect(beforeConversion(policy.pay, 3, '2026-03', '2026-03-31', grade1)?.explanation.text.en).toContain('30 of 31 days');
  });
  it('converted the day after the month: the month is still probation', () => {
    const p = slip('2026-04-01');
    expect(p.lines.find((l) => l.kind === 'base')?.key).toBe('PAY-3:probation');
  });
});
