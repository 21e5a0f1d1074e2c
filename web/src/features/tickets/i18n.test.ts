import { describe, expect, it } from 'vitest';
import { en, zhCN } from './i18n';

describe('service-request texts', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.entries(zhCN).filter(([, text]) => !text.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(zhCN).filter((key) => vars(zhCN[key as keyof typeof zhCN]).join() !== vars(en[key as keyof typeof en]).join());
    expect(differing).toEqual([]);
  });
});
