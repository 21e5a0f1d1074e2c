import { describe, expect, it } from 'vitest';
import { explain, formatMoneyFen, ZExplanation } from './explanation';

describe('explain', () => {
  const fine = explain({
    ruleId: 'AP-8',
    policyVersion: 3,
    inputs: { serviceNo: 'SR-2026-0012', aspect: 'attitude', rating: 'poor' },
    result: { fineFen: 5000 },
    zh: '服务 SR-2026-0012 态度评价为差 → 罚款 50 元',
    en: '差 on attitude in service SR-2026-0012 → fine 50',
  });

  it('prefixes both sentences with the rule id', () => {
    expect(fine.text.en).toBe('AP-8: 差 on attitude in service SR-2026-0012 → fine 50');
    expect(fine.text['zh-CN']).toBe('AP-8：服务 SR-2026-0012 态度评价为差 → 罚款 50 元');
  });

  it('keeps the rule id, policy version, inputs and result', () => {
    expect(fine).toMatchObject({ ruleId: 'AP-8', policyVersion: 3, result: { fineFen: 5000 } });
    expect(fine.inputs.serviceNo).toBe('SR-2026-0012');
  });

  it('does not prefix a sentence that already starts with the rule id', () => {
    const e = explain({
      ruleId: 'RS-2',
      policyVersion: null,
      inputs: {},
      result: true,
      zh: 'RS-2：迟到',
      en: 'RS-2: late',
    });
    expect(e.text).toEqual({ 'zh-CN': 'RS-2：迟到', en: 'RS-2: late' });
  });

  it('produces a value that the explanation schema accepts', () => {
    expect(ZExplanation.safeParse(fine).success).toBe(true);
  });

  it('rejects an explanation without a rule id or with an unknown key', () => {
    expect(ZExplanation.safeParse({ ...fine, ruleId: '' }).success).toBe(false);
    expect(ZExplanation.safeParse({ ...fine, extra: 1 }).success).toBe(false);
  });
});

describe('formatMoneyFen', () => {
  it('formats whole yuan without decimals', () => {
    expect(formatMoneyFen(5000, 'zh-CN')).toBe('50 元');
    expect(formatMoneyFen(5000, 'en')).toBe('¥50');
  });

  it('formats fen with two decimals and groups thousands', () => {
    expect(formatMoneyFen(5050, 'en')).toBe('¥50.50');
    expect(formatMoneyFen(120005, 'zh-CN')).toBe('1,200.05 元');
  });

  it('formats zero and negative amounts', () => {
    expect(formatMoneyFen(0, 'en')).toBe('¥0');
    expect(formatMoneyFen(-15000, 'zh-CN')).toBe('-150 元');
  });

  it('refuses amounts that are not integer fen', () => {
    expect(() => formatMoneyFen(50.5, 'en')).toThrow(RangeError);
  });
});
