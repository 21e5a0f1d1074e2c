import { defineReasons } from './catalogue';

/** CU-1, CU-2, CU-3, CU-6: the customer file's care tasks, custody log and repair fees. */
export const CUSTOMERS_REASONS = defineReasons({
  'customers.taskClosed': { 'zh-CN': '该任务已记录为{state}', en: 'This task is already recorded as {state}' },
  'customers.futureDate': { 'zh-CN': '日期 {date} 在将来', en: 'The date {date} is in the future' },
  'customers.alreadyReturned': { 'zh-CN': '该物品已于 {returnedAt} 交还', en: 'This item was already returned on {returnedAt}' },
  'customers.productOfOtherCustomer': {
    'zh-CN': '设备 #{installedProductId} 属于其他客户',
    en: 'The installed product #{installedProductId} belongs to another customer',
  },
  'customers.repairCovered': {
    'zh-CN': '该维修在质保范围内，不收费：{why}',
    en: 'This repair is covered by the warranty and free: {why}',
  },
  'customers.feeBelowMinimum': {
    'zh-CN': '成本费不得低于制度规定的最低 {minimum} 元',
    en: 'The cost fee must be at least the policy minimum of {minimum} yuan',
  },
  'customers.notStaffUser': { 'zh-CN': '#{userId} 不是在职员工', en: '#{userId} is not an active member of staff' },
});
