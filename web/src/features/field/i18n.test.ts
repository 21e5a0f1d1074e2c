import { describe, expect, it } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { en, zhCN } from './i18n';

describe('field-service texts', () => {
  itHasMatchingBundles(zhCN, en);
});

describe('field-service screens', () => {
  it('use only keys the bundles have (every t("field.…") and prefix`_${…}` in the sources)', () => {
    const files = import.meta.glob<string>(['./*.ts', './*.tsx', '!./*.test.*', '!./i18n*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const sources = Object.values(files);
    expect(sources.length).toBeGreaterThan(10);
    const keys = new Set(Object.keys(zhCN));
    const used = sources.flatMap((src) => [...src.matchAll(/t\(['`]field\.([A-Za-z0-9_]+)['`]/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
    const prefixes = sources.flatMap((src) => [...src.matchAll(/field\.([A-Za-z]+_)\$\{/g)].map((m) => m[1]));
    expect(prefixes.filter((prefix) => ![...keys].some((key) => key.startsWith(prefix)))).toEqual([]);
  });
});
