import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : keys(child as object, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('have no empty strings', () => {
    const empty = (messages: object) =>
      keys(messages).filter((key) => !key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages));
    expect(empty(zhCN)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
