import { describe, expect, it } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { en, zhCN } from './i18n';

describe('reports texts', () => {
  itHasMatchingBundles(zhCN, en);

  it('the screens use only keys the bundles have (every t("reports.…") and prefix`_${…}`)', () => {
    const files = import.meta.glob<string>(['./*.ts', './*.tsx', '!./*.test.*', '!./i18n*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const sources = Object.values(files);
    const keys = new Set(Object.keys(zhCN));
    // Permissions ('reports.write' in can/has/guard) are not texts.
    const used = sources.flatMap((src) => [...src.matchAll(/(?<!(?:can|has|guard)\()['`]reports\.([A-Za-z0-9_]+)['`]/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
    const prefixes = sources.flatMap((src) => [...src.matchAll(/reports\.([A-Za-z]+_)\$\{/g)].map((m) => m[1]));
    expect(prefixes.filter((prefix) => ![...keys].some((key) => key.startsWith(prefix)))).toEqual([]);
  });

  it('has no English words in the Chinese texts', () => {
    const english = Object.entries(zhCN).filter(([, text]) =>
      /[A-Za-z]{3,}/.test(text.replace(/\{\{\w+\}\}/g, '').replace(/[A-Z]+-\d+[a-z]?/g, '')),
    );
    expect(english).toEqual([]);
  });
});
