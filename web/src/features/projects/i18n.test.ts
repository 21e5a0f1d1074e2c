import { describe, expect, it } from 'vitest';
import { en, zhCN } from './i18n';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );

describe('projects texts', () => {
  const zh = new Map(leaves(zhCN));
  const english = new Map(leaves(en));
  it('have the same keys in zh-CN and en, none empty', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
    expect([...zh, ...english].filter(([, text]) => !text.trim())).toEqual([]);
  });
  it('use the same interpolation variables in both languages', () => {
    const vars = (text = '') =>
      [...text.matchAll(/{{(\w+)}}/g)]
        .map((m) => m[1])
        .sort()
        .join();
    expect([...zh.keys()].filter((key) => vars(zh.get(key)) !== vars(english.get(key)))).toEqual([]);
  });
});
