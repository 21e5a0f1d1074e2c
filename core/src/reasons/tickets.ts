import { defineReasons } from './catalogue';

/** Service requests (SR-*, SLA-*). */
export const TICKET_REASONS = defineReasons({
  'tickets.expectedFixInPast': {
    'zh-CN': '预计修复时间须晚于现在',
    en: 'The expected fix time must lie in the future',
  },
  'tickets.solutionOfferNotPublic': {
    'zh-CN': '只有工程师对未结请求的公开回复才能提出解决方案（SLA-2）',
    en: 'Only a public staff reply on an open request offers a solution (SLA-2)',
  },
  'tickets.cannotWaitNoSupervisor': {
    'zh-CN': '该请求所属部门没有主管或组长可接收“客户无法等待”的升级，请先在组织架构中设置（SR-5）',
    en: 'Nobody heads the request’s team or department to take the “customer cannot wait” escalation; set one in the organisation (SR-5)',
  },
  'tickets.cannotWaitClosed': {
    'zh-CN': '已结束的请求无需升级',
    en: 'A finished request needs no escalation',
  },
  'tickets.expectedFixNotFirst': {
    'zh-CN': '预计修复时间只在首次响应时告知；之后的变更请登记承诺解决时间并说明原因（SR-8）',
    en: 'The expected fix time is stated with the first response; later changes are commitments with their reason (SR-8)',
  },
});
