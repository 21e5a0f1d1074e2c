import { ZCalendarCreate, ZTicketReply } from '@techserve/core';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyZodLocale } from './zodLocale';

const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

// Issue 12 item 14: no English in the Chinese UI, form checks included.
describe('zod messages in the UI language', () => {
  afterAll(() => applyZodLocale('zh-CN'));

  it('says the common checks in plain Chinese, without type names', () => {
    applyZodLocale('zh-CN');
    const cases: [z.ZodType, unknown, string][] = [
      [z.string().min(1), '', '请填写'],
      [z.string().max(100), 'x'.repeat(101), '最多 100 个字符'],
      [z.number().min(0), -1, '不能小于 0'],
      [z.number().max(10), 11, '不能大于 10'],
      [z.iso.date(), '03/10/2026', '日期格式不正确，应为 年-月-日'],
      [z.enum(['a', 'b']), 'c', '请选择有效的选项'],
      [z.object({ name: z.string() }), {}, '请填写'],
    ];
    for (const [schema, value, text] of cases) expect(message(schema, value)).toBe(text);
    // A real form's refusal: an empty reply body.
    expect(ZTicketReply.safeParse({ body: '' }).error?.issues.every((i) => !/[A-Za-z]{3,}/.test(i.message))).toBe(true);
  });

  it('keeps a schema’s own message', () => {
    applyZodLocale('zh-CN');
    const issue = ZCalendarCreate.safeParse({ name: '日历', startFrom: 'calendar' }).error?.issues[0];
    expect(issue?.path).toEqual(['fromCalendarId']);
  });

  it('speaks English in English', () => {
    applyZodLocale('en');
    expect(message(z.string().max(3), 'abcd')).toBe('Too big: expected string to have <=3 characters');
  });
});
