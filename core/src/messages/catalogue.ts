import { type TLocalizedTemplate, type TReasonLocale, type TReasonParams, renderTemplate } from '../reasons/catalogue';

/**
 * Notifications and e-mails by kind (issue 13): the server stores a message's kind and its parameters, and the text
 * is rendered from this catalogue in the recipient's language when it is listed or sent. Rewording a message never
 * touches a server file, and a kind without either language fails a test (messages.test.ts).
 */
export type TMessageTemplate = { title: TLocalizedTemplate; body: TLocalizedTemplate };

/** A domain's messages; kinds are `<domain>.<camelCase>` and templates name parameters as `{name}`. */
export const defineMessages = <const T extends Record<string, TMessageTemplate>>(messages: T): T => messages;

/** A text written by a person (a reason, a comment, a title), shown as it is in both languages. */
export const verbatim = (template: string): TLocalizedTemplate => ({ 'zh-CN': template, en: template });

/**
 * A domain's frame around its news: `{news}` in the frame's title and body is replaced by each news line when the
 * catalogue is built, so `framed({ title: '请假申请 #{id}：{news}', … }, { 'leave.approved': … })` yields complete
 * templates (no nesting at render time, and the tests see every text).
 */
export function framed<const T extends Record<string, TLocalizedTemplate>>(
  frame: TMessageTemplate,
  news: T,
): { [K in keyof T]: TMessageTemplate } {
  const fill = (t: TLocalizedTemplate, n: TLocalizedTemplate): TLocalizedTemplate => ({
    'zh-CN': t['zh-CN'].replaceAll('{news}', n['zh-CN']),
    en: t.en.replaceAll('{news}', n.en),
  });
  return Object.fromEntries(
    Object.entries(news).map(([kind, n]) => [kind, { title: fill(frame.title, n), body: fill(frame.body, n) }]),
  ) as { [K in keyof T]: TMessageTemplate };
}

/** A message in one language. */
export function renderMessageIn(template: TMessageTemplate, params: TReasonParams | undefined, locale: TReasonLocale) {
  return { title: renderTemplate(template.title[locale], params, locale), body: renderTemplate(template.body[locale], params, locale) };
}

/** A phrase of a larger text (a part of an e-mail that is there or not): the same template as title and body. */
export const phrase = (text: TLocalizedTemplate): TMessageTemplate => ({ title: text, body: text });
