import { defineReasons } from './catalogue';

/** Obligations (what is due) and the month (open → closed, adjustments). */
export const OBLIGATION_REASONS = defineReasons({
  'obligations.notExcusable': {
    'zh-CN': '只有未完成或逾期的事项可以免责（当前：{state}）',
    en: 'Only an open or late obligation can be excused (it is {state})',
  },
  'obligations.notYours': { 'zh-CN': '只能查看自己或管辖范围内的事项', en: 'You can only see your own obligations or those in your scope' },
  'obligations.selfExcuse': { 'zh-CN': '不能为自己的事项免责', en: 'You cannot excuse your own obligation' },
  'obligations.monthStillOpen': {
    'zh-CN': '{month} 尚未结账，请直接免责，无需登记调整',
    en: 'The month {month} is still open; excuse the obligation directly instead of recording an adjustment',
  },
  'months.closed': {
    'zh-CN': '{month} 已结账，当月数据不可更改；更正须登记为下一个未结账月份的调整',
    en: 'The month {month} is closed and its facts cannot change; record a correction as an adjustment of the next open month',
  },
  'months.notEnded': { 'zh-CN': '{month} 尚未结束，不能结账', en: 'The month {month} has not ended yet and cannot be closed' },
  'months.alreadyClosed': { 'zh-CN': '{month} 已经结账', en: 'The month {month} is already closed' },
  'months.factMonthOpen': {
    'zh-CN': '{month} 尚未结账，请直接更正当月数据',
    en: 'The month {month} is not closed; correct its facts directly',
  },
  'months.noSuchUser': { 'zh-CN': '没有这位员工', en: 'No such member of staff' },
});
