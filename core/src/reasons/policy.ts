import { defineReasons } from './catalogue';

/** GOV-1 policy versions: drafted, submitted, approved by the GM (or whom the company names). */
export const POLICY_REASONS = defineReasons({
  'policy.notDraft': {
    'zh-CN': '制度版本 {number} 不是草稿（当前：{state}），不能修改或提交',
    en: 'Policy version {number} is not a draft (it is {state}); it cannot be changed or submitted',
  },
  'policy.notSubmitted': {
    'zh-CN': '制度版本 {number} 未提交审批（当前：{state}）',
    en: 'Policy version {number} has not been submitted for approval (it is {state})',
  },
  'policy.ownSubmission': {
    'zh-CN': '不能审批自己提交的制度版本：须由总经理或公司指定的其他审批人批准',
    en: 'You cannot approve a policy version you submitted: the GM or another approver the company names decides',
  },
  'policy.rejectionReason': { 'zh-CN': '驳回须说明原因', en: 'A rejection needs its reason' },
});
