import type { TLocalizedTemplate } from '../reasons/catalogue';
import { CUSTOMER_MESSAGES, type TCustomerMessageKey } from '../tickets/customerMessages';
import { defineMessages, framed, verbatim } from './catalogue';

/** SR-4..12: what the people inside the company are told of a service request. */
export const TICKET_MESSAGES = defineMessages({
  'ticket.assigned': { title: { 'zh-CN': '新的服务请求 {number}', en: 'New service request {number}' }, body: verbatim('{title}') },
  'ticket.reopened': { title: { 'zh-CN': '{number} 被客户退回', en: '{number} reopened by the customer' }, body: verbatim('{reason}') },
  'ticket.customerReplied': { title: { 'zh-CN': '{number} 客户回复', en: '{number}: the customer replied' }, body: verbatim('{text}') },
  'ticket.escalatedL2': { title: { 'zh-CN': '{number} 升级到二线', en: '{number}: escalated to tier 2' }, body: verbatim('{description}') },
  'ticket.escalatedExpert': {
    title: { 'zh-CN': '{number} 咨询产品专家', en: '{number}: product expert consulted' },
    body: verbatim('{description}'),
  },
  'ticket.escalatedRnd': { title: { 'zh-CN': '{number} 提交研发', en: '{number}: raised to R&D' }, body: verbatim('{description}') },
  'ticket.escalationAnswered': {
    title: { 'zh-CN': '{number} 已反馈解决方案', en: '{number}: solution fed back' },
    body: verbatim('{answer}'),
  },
  'ticket.cannotWait': {
    title: { 'zh-CN': '{number} 客户无法等待，请重新调配', en: '{number}: the customer cannot wait — re-allocate' },
    body: verbatim('{title}\n{reason}'),
  },
  'ticket.changeApproved': { title: { 'zh-CN': '{number} 变更已批准', en: '{number}: change approved' }, body: verbatim('{comment}') },
  'ticket.changeRejected': { title: { 'zh-CN': '{number} 变更被驳回', en: '{number}: change rejected' }, body: verbatim('{comment}') },
  /** SR-15: the answer to a defect report. */
  'ticket.defectAnswered': {
    title: { 'zh-CN': '{number} 缺陷报告已答复', en: '{number}: defect report answered' },
    body: verbatim('{answer}'),
  },
  /** SR-15: the team discussion of a defect before its solution is fixed. */
  'ticket.defectDiscussionOpened': {
    title: { 'zh-CN': '{number} 邀请您参加故障讨论', en: '{number}: you are asked to discuss a fault' },
    body: verbatim('{topic}'),
  },
  'ticket.defectDiscussionComment': {
    title: { 'zh-CN': '{number} 故障讨论有新发言', en: '{number}: new comment in the fault discussion' },
    body: verbatim('{text}'),
  },
  'ticket.defectDiscussionConcluded': {
    title: { 'zh-CN': '{number} 故障讨论已得出结论', en: '{number}: the fault discussion is concluded' },
    body: verbatim('{conclusion}'),
  },
});

/** SR-15: a defect report to the R&D or production owner. */
export const DEFECT_MESSAGES = framed(
  {
    title: { 'zh-CN': '{number} 缺陷报告待答复（{news}）', en: '{number}: defect report to answer ({news})' },
    body: verbatim('{description}'),
  },
  {
    'ticket.defectReportedRnd': { 'zh-CN': '研发', en: 'R&D' },
    'ticket.defectReportedProduction': { 'zh-CN': '生产', en: 'production' },
  },
);

/** SR-3: the SLA alerts, by target and state; `{explanation}` is the computed explanation in both languages. */
const slaBody = verbatim('{title}\n{explanation}');
export const SLA_MESSAGES = {
  ...framed(
    { title: { 'zh-CN': '{number} {news}已超时', en: '{number}: {news} target breached' }, body: slaBody },
    {
      'sla.firstResponseBreached': { 'zh-CN': '首次响应', en: 'first response' },
      'sla.onsiteBreached': { 'zh-CN': '到场', en: 'on-site arrival' },
      'sla.resolutionBreached': { 'zh-CN': '解决', en: 'resolution' },
    },
  ),
  ...framed(
    { title: { 'zh-CN': '{number} {news}即将超时', en: '{number}: {news} due soon' }, body: slaBody },
    {
      'sla.firstResponseDueSoon': { 'zh-CN': '首次响应', en: 'first response' },
      'sla.onsiteDueSoon': { 'zh-CN': '到场', en: 'on-site arrival' },
      'sla.resolutionDueSoon': { 'zh-CN': '解决', en: 'resolution' },
    },
  ),
};

/** SR-8/FS-5b: the customer's portal users hear the news of a request (`customer.*`) or of a visit (`visit.*`). */
type TNews = Exclude<TCustomerMessageKey, 'mailSubject' | 'mailBody'>;
const news = Object.fromEntries(Object.entries(CUSTOMER_MESSAGES).filter(([k]) => k !== 'mailSubject' && k !== 'mailBody')) as Record<
  TNews,
  TLocalizedTemplate
>;
const keyed = <P extends string>(prefix: P) =>
  Object.fromEntries(Object.entries(news).map(([k, v]) => [`${prefix}.${k}`, v])) as Record<`${P}.${TNews}`, TLocalizedTemplate>;
export const CUSTOMER_NEWS_MESSAGES = {
  ...framed({ title: { 'zh-CN': '{number} {news}', en: '{number}: {news}' }, body: verbatim('{news}') }, keyed('customer')),
  ...framed({ title: verbatim('{news}'), body: verbatim('{news}') }, keyed('visit')),
};
