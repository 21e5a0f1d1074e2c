import { defineReasons } from './catalogue';

/** RS-4, AT-4, AT-4b leave requests. */
export const LEAVE_REASONS = defineReasons({
  'leave.mustFileAhead': {
    'zh-CN': '{type} {days} 个工作日须提前 {noticeDays} 天申请，最早从 {firstDay} 开始',
    en: '{type} of {days} working day(s) must be filed {noticeDays} day(s) ahead; the earliest first day is {firstDay}',
  },
  'leave.personalTooLong': {
    'zh-CN': '事假每次最长 {max} 天（本次 {calendarDays} 天），请分次申请',
    en: 'Personal leave is at most {max} days per request (this one is {calendarDays}); file it in parts',
  },
  'leave.annualExceeded': {
    'zh-CN': '带薪年假：工龄满 {years} 年，{year} 年共 {entitlement} 天，已申请 {used} 天，本次 {days} 天超出额度',
    en: 'Annual leave: {years} full year(s) of service give {entitlement} day(s) in {year}; {used} already asked for, {days} more exceed it',
  },
  'leave.hireDateUnknown': {
    'zh-CN': '尚未登记您的入职日期，无法按工龄计算年假，请联系人事登记',
    en: 'Your hire date is not recorded, so annual leave by years of service cannot be counted; ask HR to record it',
  },
  'leave.ownOnly': {
    'zh-CN': '请假须本人申请，不得代请或交叉请假',
    en: 'Leave is filed by the employee themself; no proxy or cross requests',
  },
  'leave.superiorOnly': {
    'zh-CN': '{type}须由申请人的直属上级批准',
    en: '{type} is decided by the applicant’s own superior',
  },
  'leave.notEmergency': {
    'zh-CN': '只有紧急请假（事后补办）的申请表由甲方签字归档',
    en: 'Only an emergency leave form (filed afterwards) is signed and archived by the client',
  },
  'leave.formCancelled': { 'zh-CN': '该请假已撤销，无需归档', en: 'This leave was withdrawn; there is no form to archive' },
  'leave.formArchived': { 'zh-CN': '该请假申请表已签字归档', en: 'This leave form is already signed and archived' },
});
