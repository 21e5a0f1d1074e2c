import { renderTemplate, type TLocalizedTemplate, type TReasonParams } from '../reasons/catalogue';

/**
 * SR-8: what the customer is told of a request's progress, by key, in zh-CN and en — in the portal's notifications
 * and in the e-mail to a contact without a portal account. Customer words only: no rule ids, no internal states.
 */
export const CUSTOMER_MESSAGES = {
  responded: { 'zh-CN': '已响应，预计修复时间 {time}', en: 'responded; expected fix by {time}' },
  newReply: { 'zh-CN': '有新的回复', en: 'new reply' },
  waitingForYou: { 'zh-CN': '需要您提供信息', en: 'waiting for your information' },
  resolved: { 'zh-CN': '已解决，请确认', en: 'resolved — please confirm' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
  committed: { 'zh-CN': '承诺解决时间 {time}', en: 'committed resolution time {time}' },
  /** FS-5b: the on-site appointment is agreed (and again when an agreed appointment is re-booked). */
  appointmentAgreed: {
    'zh-CN': '上门服务时间已确认：{time}，服务工程师将按时到达',
    en: 'on-site service appointment confirmed for {time}; our engineer will arrive on time',
  },
  /** FS-5b: the on-site service is completed. */
  serviceCompleted: {
    'zh-CN': '上门服务已完成，感谢您的配合',
    en: 'the on-site service is completed; thank you for your cooperation',
  },
  /** The e-mail's subject line: the request's number and the news. */
  mailSubject: { 'zh-CN': '服务请求 {number}：{news}', en: 'Service request {number}: {news}' },
  /** The e-mail's text to a contact without a portal account. */
  mailBody: {
    'zh-CN': '{name} 您好：\n\n您的服务请求 {number}「{title}」：{news}。\n{reply}\n如有疑问，请直接联系我们的服务人员。',
    en: 'Dear {name},\n\nyour service request {number} "{title}": {news}.\n{reply}\nPlease contact our service staff with any questions.',
  },
} as const satisfies Record<string, TLocalizedTemplate>;

export type TCustomerMessageKey = keyof typeof CUSTOMER_MESSAGES;

/** FS-5b: the confirmation e-mail's subject and text, to a customer contact without a portal account. */
export const VISIT_MAIL = {
  subject: { 'zh-CN': '上门服务：{news}', en: 'On-site service: {news}' },
  body: {
    'zh-CN': '{name} 您好：\n\n{news}。\n如有疑问，请直接联系我们的服务人员。',
    en: 'Dear {name},\n\n{news}.\nPlease contact our service staff with any questions.',
  },
} as const satisfies Record<string, TLocalizedTemplate>;

/** A customer message in both languages, its `{name}` parameters filled. */
export function customerMessage(key: TCustomerMessageKey, params: TReasonParams = {}): { zh: string; en: string } {
  const template: TLocalizedTemplate = CUSTOMER_MESSAGES[key];
  return { zh: renderTemplate(template['zh-CN'], params, 'zh-CN'), en: renderTemplate(template.en, params, 'en') };
}

/** FS-5b: the confirmation e-mail to a contact without a portal account, both languages in one message. */
export function visitMail(name: string, news: { zh: string; en: string }): { subject: string; text: string } {
  const zh = { name, news: news.zh };
  const en = { name, news: news.en };
  return {
    subject: `${renderTemplate(VISIT_MAIL.subject['zh-CN'], zh, 'zh-CN')} / ${renderTemplate(VISIT_MAIL.subject.en, en, 'en')}`,
    text: `${renderTemplate(VISIT_MAIL.body['zh-CN'], zh, 'zh-CN')}\n\n${renderTemplate(VISIT_MAIL.body.en, en, 'en')}`,
  };
}
