/**
 * Refusals and messages by key (issue 13): the server says *why* with a reason key and its parameters, and each
 * client renders the sentence in its user's language from this catalogue. Rewording a sentence never breaks a
 * translation, and a missing language fails a test (reasons.test.ts).
 */

export type TLocalizedTemplate = { 'zh-CN': string; en: string };
export type TReasonLocale = keyof TLocalizedTemplate;

/** A parameter: a plain value, or a value already given in both languages (a policy's leave type name). */
export type TReasonParam = string | number | boolean | null | TLocalizedTemplate;
export type TReasonParams = Record<string, TReasonParam>;

/** A domain's reasons; keys are `<domain>.<camelCase>` and templates name parameters as `{name}`. */
export const defineReasons = <const T extends Record<string, TLocalizedTemplate>>(reasons: T): T => reasons;

const isLocalized = (v: TReasonParam): v is TLocalizedTemplate => typeof v === 'object' && v !== null && 'en' in v;

/** The value of a parameter in a locale (a localized one picks its language). */
export function paramText(value: TReasonParam | undefined, locale: TReasonLocale): string {
  if (value === undefined || value === null) return '';
  return isLocalized(value) ? value[locale] : String(value);
}

/** Fills `{name}` placeholders; a placeholder without a parameter stays visible, so a gap shows instead of hiding. */
export function renderTemplate(template: string, params: TReasonParams | undefined, locale: TReasonLocale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? paramText(params[name], locale) : whole));
}

/** The placeholder names of a template, for the catalogue tests (both languages name the same ones). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
