import { defineReasons } from './catalogue';

/** SR-14 complaints and IN-1..3 incidents. */
export const INCIDENTS_REASONS = defineReasons({
  'incidents.classRequired': {
    'zh-CN': '请按政策的事故定义选择事故类别（I 类或 II 类）',
    en: 'Choose the incident class (I or II) by the policy’s definitions',
  },
  'incidents.factRequired': {
    'zh-CN': '请关联事故涉及的服务请求、现场服务或客户投诉',
    en: 'Link the service request, visit or complaint the incident concerns',
  },
  'incidents.noSuchClass': { 'zh-CN': '现行政策中没有事故类别“{classId}”', en: 'The policy in force has no incident class "{classId}"' },
  'incidents.noSuchEngineer': { 'zh-CN': '没有这位在职员工', en: 'No such active member of staff' },
  'incidents.noSuchProduct': { 'zh-CN': '产品不存在', en: 'No such product' },
  'incidents.noSuchTicket': { 'zh-CN': '服务请求不存在或无权查看', en: 'No such service request in your scope' },
  'incidents.noSuchVisit': { 'zh-CN': '现场服务（责任书）不存在或无权查看', en: 'No such visit (responsibility letter) in your scope' },
  'incidents.noSuchComplaint': { 'zh-CN': '客户投诉不存在或无权查看', en: 'No such complaint in your scope' },
  'incidents.notResolved': {
    'zh-CN': '事故解决后才能提交{what}',
    en: 'The {what} is filed after the incident is resolved',
  },
  'incidents.alreadyFiled': { 'zh-CN': '{what}已提交', en: 'The {what} was filed already' },
  'incidents.reviewMissing': {
    'zh-CN': '请先与当事人完成事故总结，或随事故通报一并提交',
    en: 'File the review held with the engineer first, or with the incident notice',
  },
  'incidents.notYourReflection': {
    'zh-CN': '事故反思由被定责的服务人员本人撰写',
    en: 'The reflection is written by the engineer the incident names',
  },
  'incidents.notRequired': { 'zh-CN': '按政策，此类事故无需{what}', en: 'The policy asks no {what} for this class' },
  'incidents.resolvedBeforeOccurred': {
    'zh-CN': '解决时间不能早于事故发生时间（{occurredAt}）',
    en: 'Resolved before it occurred ({occurredAt})',
  },
  'incidents.inFuture': { 'zh-CN': '时间不能晚于现在', en: 'That time is in the future' },
  'complaints.noSuchCustomer': { 'zh-CN': '客户不存在', en: 'No such customer' },
  'complaints.contactOfOtherCustomer': { 'zh-CN': '该联系人不属于此客户', en: 'The contact belongs to another customer' },
  'complaints.requestOfOtherCustomer': { 'zh-CN': '该服务请求不属于此客户', en: 'The service request belongs to another customer' },
  'complaints.noIncidentProposed': {
    'zh-CN': '此投诉按政策不构成服务事故；如确属事故，请直接登记事故并说明依据',
    en: 'The policy proposes no incident for this complaint; record an incident directly with its basis if it is one',
  },
  'complaints.incidentExists': { 'zh-CN': '此投诉已登记为事故 #{incidentId}', en: 'This complaint is incident #{incidentId} already' },
  'complaints.handleFirst': {
    'zh-CN': '投诉处理后才能请客户确认关闭',
    en: 'The customer confirms once the complaint has been handled',
  },
});
