import { describe, expect, it } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { en, zhCN } from './i18n';
import source from './GlobalSearch.tsx?raw';

describe('search texts', () => {
  itHasMatchingBundles(zhCN, en);
  it('use only keys the bundle has, and no English words in Chinese', () => {
    const used = [...source.matchAll(/'search\.(\w+)'/g)].map((m) => m[1]);
    expect(used.filter((k) => !(k in zhCN))).toEqual([]);
    expect(Object.values(zhCN).filter((text) => /[A-Za-z]{3,}/.test(text))).toEqual([]);
  });
});
