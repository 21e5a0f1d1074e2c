import { expect, it } from 'vitest';

type Bundle = Record<string, string>;

/**
 * A feature's text bundles: the same keys in zh-CN and en, none empty, and the same {{variables}} in both. Call it
 * inside the feature's describe block.
 */
export function itHasMatchingBundles(zhCN: Bundle, en: Bundle) {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.entries(zhCN).filter(([, text]) => !text.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(zhCN).filter((key) => vars(zhCN[key]).join() !== vars(en[key] ?? '').join());
    expect(differing).toEqual([]);
  });
}
