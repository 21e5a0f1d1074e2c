import { defineReasons } from './catalogue';

/** SR-11b satisfaction surveys. */
export const SURVEYS_REASONS = defineReasons({
  'surveys.linkInvalid': { 'zh-CN': '问卷链接无效', en: 'This survey link is not valid' },
  'surveys.linkExpired': {
    'zh-CN': '问卷链接已于 {expiresAt} 过期',
    en: 'This survey link expired on {expiresAt}',
  },
  'surveys.closed': { 'zh-CN': '本轮调查已结束', en: 'This survey round has closed' },
  'surveys.alreadyAnswered': {
    'zh-CN': '您已于 {answeredAt} 提交过本次问卷，每位联系人只能提交一次',
    en: 'You answered this survey on {answeredAt}; each contact answers once',
  },
  'surveys.answerMissing': { 'zh-CN': '请回答此题', en: 'Please answer this question' },
  'surveys.unknownQuestion': { 'zh-CN': '问卷中没有此题', en: 'The questionnaire has no such question' },
  'surveys.gradeExpected': { 'zh-CN': '请选择：优、良、中、差', en: 'Choose excellent, good, fair or poor' },
  'surveys.noRecipients': {
    'zh-CN': '所选客户没有联系人，无法发送问卷',
    en: 'The chosen customers have no contacts to send the questionnaire to',
  },
  'surveys.notYourCompany': { 'zh-CN': '此问卷不是发给您的', en: 'This questionnaire was not sent to you' },
});
