import { z } from 'zod';

type Issue = Parameters<NonNullable<ReturnType<typeof z.locales.zhCN>['localeError']>>[0];

const zhBuiltIn = z.locales.zhCN().localeError;

const FORMAT_ZH: Record<string, string> = {
  date: '日期格式不正确，应为 年-月-日',
  datetime: '日期时间格式不正确',
  time: '时间格式不正确，应为 时:分',
  email: '电子邮箱格式不正确',
  url: '网址格式不正确',
  regex: '格式不正确',
};

const limit = (origin: unknown, n: unknown, small: boolean) => {
  if (origin === 'string') return small ? `至少 ${String(n)} 个字符` : `最多 ${String(n)} 个字符`;
  if (origin === 'array' || origin === 'set') return small ? `至少 ${String(n)} 项` : `最多 ${String(n)} 项`;
  return small ? `不能小于 ${String(n)}` : `不能大于 ${String(n)}`;
};

/**
 * Issue 12 item 14: form checks in plain Chinese (zod's own zh-CN texts name JavaScript types such as "string").
 * Codes not handled here fall back to zod's zh-CN locale; a schema's own message (refinements) is kept as written.
 */
function zhError(issue: Issue) {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? '请填写' : limit(issue.origin, issue.minimum, true);
    case 'too_big':
      return limit(issue.origin, issue.maximum, false);
    case 'invalid_format':
      return FORMAT_ZH[issue.format] ?? '格式不正确';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? '请填写' : '类型不正确';
    case 'invalid_value':
      return '请选择有效的选项';
    case 'not_multiple_of':
      return `须为 ${String(issue.divisor)} 的倍数`;
    case 'unrecognized_keys':
      return '含有未知字段';
    default:
      return zhBuiltIn?.(issue);
  }
}

/** Zod's messages in the UI language; called at start and on every language change. */
export function applyZodLocale(language: string) {
  z.config(language === 'en' ? z.locales.en() : { localeError: zhError });
}
