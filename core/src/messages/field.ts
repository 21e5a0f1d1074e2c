import { defineMessages, framed, phrase, verbatim } from './catalogue';

/** FS-2..FS-13: responsibility letters, visits and service notices. `{number}` is the letter's ZR-… number. */
export const LETTER_NEWS_MESSAGES = framed(
  { title: { 'zh-CN': '{number} {news}', en: '{number}: {news}' }, body: { 'zh-CN': '{news}', en: '{news}' } },
  {
    'letter.siteClarified': { 'zh-CN': '通知单作者已澄清现场情况：{note}', en: 'The notice author clarified the site: {note}' },
    'letter.approved': { 'zh-CN': '出差计划已批准', en: 'travel plan approved' },
    'letter.rejected': { 'zh-CN': '计划被退回：{reason}', en: 'plan rejected: {reason}' },
    'letter.rebooked': { 'zh-CN': '预约改为 {when}（{reason}）', en: 'appointment moved to {when} ({reason})' },
    'letter.returnApproved': { 'zh-CN': '返程已批准', en: 'return approved' },
    'letter.returnDeclined': { 'zh-CN': '返程未批准：{reason}', en: 'return declined: {reason}' },
    'letter.extraTaskCountersigned': { 'zh-CN': '追加任务已会签：{task}', en: 'extra task countersigned: {task}' },
  },
);

export const FIELD_MESSAGES = defineMessages({
  'letter.siteMismatch': {
    title: { 'zh-CN': '{number} 现场情况与通知单不符，请澄清', en: '{number}: site differs from the notice, please clarify' },
    body: verbatim('{content}'),
  },
  'letter.toApprove': {
    title: { 'zh-CN': '项目责任书待审批 {number}', en: 'Responsibility letter to approve {number}' },
    body: verbatim('{title}'),
  },
  'letter.toBook': {
    title: { 'zh-CN': '项目责任书待登记 {number}', en: 'Responsibility letter to book {number}' },
    body: verbatim('{title}'),
  },
  'letter.assigned': {
    title: { 'zh-CN': '项目责任书 {number} 指派给你', en: 'Responsibility letter {number} assigned to you' },
    body: verbatim('{title}'),
  },
  'letter.returnRequested': {
    title: { 'zh-CN': '{number} 申请返程', en: '{number}: return requested' },
    body: { 'zh-CN': '工程师已报告完成并提交返程计划', en: 'The engineer reports the job done and the return plan' },
  },
  'letter.difficultyReport': { title: { 'zh-CN': '{number} 疑难问题报告', en: '{number}: difficulty report' }, body: verbatim('{text}') },
  'notice.toSign': { title: { 'zh-CN': '服务通知单待签发 {number}', en: 'Service notice to sign {number}' }, body: verbatim('{title}') },
  'notice.signed': { title: { 'zh-CN': '服务通知单已签发 {number}', en: 'Service notice signed {number}' }, body: verbatim('{title}') },
  'notice.rejected': {
    title: { 'zh-CN': '服务通知单被退回 {number}', en: 'Service notice rejected {number}' },
    body: verbatim('{reason}'),
  },
  /** FS-8/FS-13: the service record e-mailed to the customer's contact after the sign-off; its parts below. */
  'field.serviceRecordMail': {
    title: { 'zh-CN': '服务记录 {number}', en: 'Service record {number}' },
    body: {
      'zh-CN': '{name} 您好：\n{completed}。\n{customer} 的现场服务记录 {number}{ticket} 已完成。{grades}\n{pdf}{link}',
      en: 'Dear {name},\n{completed}.\nThe service record {number}{ticket} of your on-site visit at {customer} is complete. {grades}\n{pdf}{link}',
    },
  },
  'field.mailTicket': phrase({ 'zh-CN': '（服务请求 {number}）', en: ' (service request {number})' }),
  'field.mailGrades': phrase({
    'zh-CN': '态度 {attitude} / 技术 {skill} / 结果 {result}',
    en: 'Attitude {attitude} / skill {skill} / result {result}',
  }),
  'field.mailUnsigned': phrase({ 'zh-CN': '客户未签字', en: 'Not signed by the customer.' }),
  'field.mailPdfSigned': phrase({ 'zh-CN': '签字版服务记录 PDF 见附件', en: 'The signed PDF is attached' }),
  'field.mailPdf': phrase({ 'zh-CN': '服务记录 PDF 见附件', en: 'The PDF is attached' }),
  'field.mailLink': phrase({ 'zh-CN': '，也可登录系统查看：{link}', en: '; also in the app: {link}' }),
  'field.gradeExcellent': phrase({ 'zh-CN': '优', en: 'excellent' }),
  'field.gradeGood': phrase({ 'zh-CN': '良', en: 'good' }),
  'field.gradeFair': phrase({ 'zh-CN': '中', en: 'fair' }),
  'field.gradePoor': phrase({ 'zh-CN': '差', en: 'poor' }),
});
export type TLetterNews = keyof typeof LETTER_NEWS_MESSAGES;
