import { describe, expect, it } from 'vitest';
import { placeholdersOf, renderTemplate } from './catalogue';
import { REASONS, reasonText } from './index';

describe('the reason catalogue', () => {
  it('every reason has a non-empty text in zh-CN and en naming the same parameters', () => {
    const problems = Object.entries(REASONS).flatMap(([key, t]) => {
      const out: string[] = [];
      if (!t['zh-CN']?.trim()) out.push(`${key}: no zh-CN`);
      if (!t.en?.trim()) out.push(`${key}: no en`);
      if (placeholdersOf(t['zh-CN']).join() !== placeholdersOf(t.en).join()) out.push(`${key}: placeholders differ`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('keys are <domain>.<camelCase>', () => {
    expect(Object.keys(REASONS).filter((k) => !/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z0-9]*$/.test(k))).toEqual([]);
  });

  it('the Chinese text of a reason has no English words', () => {
    // Placeholders and rule ids (RS-4) aside, a Chinese sentence is written in Chinese.
    const english = Object.entries(REASONS)
      .filter(([, t]) => /[A-Za-z]{3,}/.test(t['zh-CN'].replace(/\{\w+\}/g, '').replace(/[A-Z]+-\d+[a-z]?/g, '')))
      .map(([k]) => k);
    expect(english).toEqual([]);
  });

  it('renders parameters, picking a localized one in the locale', () => {
    expect(reasonText('common.notFound', { entity: { 'zh-CN': '出差申请', en: 'Travel request' } }, 'zh-CN')).toBe(
      '出差申请不存在或无权查看',
    );
    expect(reasonText('common.notFound', { entity: 'Travel request' }, 'en')).toBe('Travel request not found');
    expect(renderTemplate('{a} and {b}', { a: 1 }, 'en')).toBe('1 and {b}');
    expect(reasonText('no.such', {}, 'en')).toBeUndefined();
  });
});
