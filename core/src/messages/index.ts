import type { TReasonLocale, TReasonParams } from '../reasons/catalogue';
import { type TMessageTemplate, renderMessageIn } from './catalogue';
import { COMMON_MESSAGES, TRAVEL_ADVANCE_MESSAGES, TRAVEL_CLAIM_MESSAGES, TRAVEL_MESSAGES, TRAVEL_REQUEST_MESSAGES } from './travel';
import { ATTENDANCE_MESSAGES, CLIENT_MESSAGES, INCIDENT_MESSAGES, LEAVE_MESSAGES, LEAVE_PHRASES, PERSONNEL_MESSAGES } from './people';
import { PROJECT_MESSAGES, REPORT_MESSAGES, TRAINING_MESSAGES } from './work';
import { FIELD_MESSAGES, LETTER_NEWS_MESSAGES } from './field';
import { CUSTOMER_NEWS_MESSAGES, DEFECT_MESSAGES, SLA_MESSAGES, TICKET_MESSAGES } from './tickets';

export * from './catalogue';
export type { TLetterNews } from './field';
export type { TTravelRequestNews } from './travel';
export type { TClientMessage, TPersonnelNews } from './people';
export type TLeaveNews = keyof typeof LEAVE_MESSAGES;

/**
 * Every notification and e-mail text of the product, by kind (issue 13). A module adds its own
 * `defineMessages({...})` file beside these (kinds `<domain>.*`) and spreads it here.
 */
export const MESSAGES = {
  ...TICKET_MESSAGES,
  ...SLA_MESSAGES,
  ...DEFECT_MESSAGES,
  ...FIELD_MESSAGES,
  ...LETTER_NEWS_MESSAGES,
  ...COMMON_MESSAGES,
  ...TRAVEL_REQUEST_MESSAGES,
  ...TRAVEL_ADVANCE_MESSAGES,
  ...TRAVEL_CLAIM_MESSAGES,
  ...TRAVEL_MESSAGES,
  ...LEAVE_MESSAGES,
  ...LEAVE_PHRASES,
  ...ATTENDANCE_MESSAGES,
  ...INCIDENT_MESSAGES,
  ...CLIENT_MESSAGES,
  ...PERSONNEL_MESSAGES,
  ...TRAINING_MESSAGES,
  ...PROJECT_MESSAGES,
  ...REPORT_MESSAGES,
  ...CUSTOMER_NEWS_MESSAGES,
} as const satisfies Record<string, TMessageTemplate>;
export type TMessageKind = keyof typeof MESSAGES;

export const isMessageKind = (kind: string): kind is TMessageKind => Object.hasOwn(MESSAGES, kind);

/** A message's title and body in one language. */
export function renderMessage(kind: TMessageKind, params: TReasonParams | undefined, locale: TReasonLocale) {
  return renderMessageIn(MESSAGES[kind], params, locale);
}

/** A message's title and body in both languages, as a notification carries them (`{ zh, en }`). */
export function messageTexts(kind: TMessageKind, params: TReasonParams = {}) {
  const zh = renderMessage(kind, params, 'zh-CN');
  const en = renderMessage(kind, params, 'en');
  return { title: { zh: zh.title, en: en.title }, body: { zh: zh.body, en: en.body } };
}

/**
 * An e-mail from a message to someone whose language is not known (a customer contact): the subject in both
 * languages (`zh / en`, one when they agree), the text Chinese first, then English.
 */
export function bilingualMail(kind: TMessageKind, params: TReasonParams = {}): { subject: string; text: string } {
  const { title, body } = messageTexts(kind, params);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const [zh, en] = [oneLine(title.zh), oneLine(title.en)];
  return { subject: zh === en ? zh : `${zh} / ${en}`, text: `${body.zh}\n\n————————\n\n${body.en}` };
}

/** A phrase (or a message's title) in both languages, to pass as a parameter of a larger message. */
export function phraseOf(kind: TMessageKind, params: TReasonParams = {}): { 'zh-CN': string; en: string } {
  return { 'zh-CN': renderMessage(kind, params, 'zh-CN').title, en: renderMessage(kind, params, 'en').title };
}
