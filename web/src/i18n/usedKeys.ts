import { expect, it } from 'vitest';

/**
 * A feature's screens use only keys its bundle has: every `t('<ns>.key')` (and each `<ns>.prefix_${…}` template has a
 * key starting with that prefix). Permission names passed to can/has/guard are not texts. The Chinese texts carry no
 * English words (rule ids aside). Pass the sources read with `import.meta.glob(..., { query: '?raw' })`.
 */
export function itUsesKnownKeys(namespace: string, sources: string[], zhCN: Record<string, string>) {
  it(`use only keys the ${namespace} bundles have`, () => {
    expect(sources.length).toBeGreaterThan(3);
    const keys = new Set(Object.keys(zhCN));
    const plain = new RegExp(`(?<!(?:can|has|guard)\\()['\`]${namespace}\\.([A-Za-z0-9_]+)['\`]`, 'g');
    const used = sources.flatMap((src) => [...src.matchAll(plain)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((key) => !keys.has(key))).toEqual([]);
    const prefix = new RegExp(`${namespace}\\.([A-Za-z]+_)\\$\\{`, 'g');
    const prefixes = sources.flatMap((src) => [...src.matchAll(prefix)].map((m) => m[1]));
    expect(prefixes.filter((p) => ![...keys].some((key) => key.startsWith(p)))).toEqual([]);
  });

  it(`say the ${namespace} texts in Chinese without English words`, () => {
    const english = Object.entries(zhCN).filter(([, text]) =>
      /[A-Za-z]{3,}/.test(text.replace(/\{\{\w+\}\}/g, '').replace(/[A-Z]+-\d+[a-z]?/g, '')),
    );
    expect(english).toEqual([]);
  });
}
