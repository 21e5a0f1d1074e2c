import { describe, expect, it } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { en, zhCN } from './i18n';

describe('leave texts', () => {
  itHasMatchingBundles(zhCN, en);
});

describe('leave screens', () => {
  it('use only keys the bundles have (every t("leave.…") and prefix`_${…}` in the sources)', () => {
    const files = import.meta.glob<string>(['./*.ts', './*.tsx', '!./*.test.*', '!./i18n*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const sources = Object.values(files);
    expect(sources.length).toBeGreaterThan(10);
    const keys = new Set(Object.keys(zhCN));
    // Texts are t('leave.x') and ternaries inside t(…); permissions ('leave.request' in can/has/guard) are not texts.
    const used = sources.flatMap((src) => [...src.matchAll(/(?<!(?:can|has|guard)\()['`]leave\.([A-Za-z0-9_]+)['`]/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(60);
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
    const prefixes = sources.flatMap((src) => [...src.matchAll(/leave\.([A-Za-z]+_)\$\{/g)].map((m) => m[1]));
    expect(prefixes).toContain('status_');
    expect(prefixes.filter((prefix) => ![...keys].some((key) => key.startsWith(prefix)))).toEqual([]);
  });

  it('say every status of the API in both languages', async () => {
    const { LEAVE_STATUSES } = await import('@techserve/core');
    for (const status of LEAVE_STATUSES) {
      expect(zhCN[`status_${status}` as keyof typeof zhCN]).toBeTruthy();
      expect(en[`status_${status}` as keyof typeof en]).toBeTruthy();
    }
  });
});
