import { defineReasons } from './catalogue';

/** AP-1..AP-15 the monthly appraisal sheet. */
export const APPRAISAL_REASONS = defineReasons({
  'appraisal.selfLate': {
    'zh-CN': '自评须在 {dueDate} 之前提交',
    en: 'The self-appraisal is due before {dueDate}',
  },
  'appraisal.scoreAboveWeight': {
    'zh-CN': '考核项“{itemId}”的得分须为 0 至 {weight} 的整数',
    en: 'The score of item "{itemId}" must be a whole number from 0 to {weight}',
  },
  'appraisal.noSuchItem': { 'zh-CN': '考核方案中没有考核项“{itemId}”', en: 'The appraisal has no item "{itemId}"' },
  'appraisal.ownSheet': { 'zh-CN': '不能评审自己的考核表', en: 'You cannot review your own appraisal sheet' },
  'appraisal.outOfOrder': {
    'zh-CN': '考核须按顺序评分：下一步是{step}',
    en: 'The chain scores in order: the next step is {step}',
  },
  'appraisal.notInChain': { 'zh-CN': '本考核方案的审批环节不包括{step}', en: 'The approval chain has no step {step}' },
  'appraisal.alreadySigned': { 'zh-CN': '考核表已由总经理签字，不能再修改', en: 'The sheet is signed by the GM and no longer changes' },
  'appraisal.frozen': {
    'zh-CN': '{month} 的考核表已定稿；之后的更正计入下月调整',
    en: 'The sheet of {month} is final; later corrections become next month’s adjustments',
  },
  'appraisal.monthNotClosed': { 'zh-CN': '{month} 尚未结账，考核表不能定稿', en: '{month} is not closed; its sheets cannot become final' },
  'appraisal.futureMonth': { 'zh-CN': '{month} 尚未开始', en: '{month} has not begun' },
  'appraisal.noSuchLine': { 'zh-CN': '考核表中没有这一行', en: 'The sheet has no such line' },
  'appraisal.notYourSheet': { 'zh-CN': '只有本人可以提出异议', en: 'Only the person appraised disputes a line' },
  'appraisal.disputeDecided': { 'zh-CN': '该异议已处理', en: 'The dispute is already decided' },
  'appraisal.amountRequired': { 'zh-CN': '采纳异议时请填写更正金额', en: 'An upheld dispute needs the amount of the correction' },
});
