import { type PolicyFieldMeta, f, SR3, SLA2, impacts, urgencies } from '../fieldHelpers';

/** SLA. */
export const slaFields: PolicyFieldMeta[] = [
  ...urgencies.flatMap(([u, uzh, uen]) =>
    impacts.map(([i, izh, ien]) =>
      f(`sla.priorityMatrix.${u}.${i}`, 'SR-3', 'choice', [`紧急程度${uzh}、影响${izh}的优先级`, `${uen} urgency, ${ien} impact`], SR3),
    ),
  ),
  f(
    'sla.levels.*.calendarMode',
    'SLA-3',
    'choice',
    ['计时日历', 'Clock'],
    ['按公司工作日历计时；7×24 合同按自然时间', 'SLA clocks follow the company calendar; 24×7 contracts run on wall-clock time'],
  ),
  f('sla.levels.*.targets.*.firstResponseMinutes', 'SLA-2', 'minutes', ['首次响应时限', 'First response within'], SLA2),
  f('sla.levels.*.targets.*.onsiteMinutes', 'SLA-2', 'minutes', ['到场时限', 'On site within'], SLA2),
  f('sla.levels.*.targets.*.resolutionMinutes', 'SLA-2', 'minutes', ['解决时限', 'Resolved within'], SLA2),
  f(
    'sla.defaultLevelId',
    'SLA-1',
    'choice',
    ['默认服务级别', 'Default service level'],
    ['每个客户/合同有服务水平协议', 'Each customer/contract has an SLA'],
  ),
  f(
    'sla.nearBreachMinutes',
    'SLA-4',
    'minutes',
    ['临近超时提醒（分钟）', 'Near-breach warning (minutes)'],
    ['超时与临近超时可见并通知处理人和主管', 'Breaches and near-breaches notify the assignee and the supervisor'],
  ),
  f(
    'sla.pauseWhileWaitingForCustomer',
    'SLA-3',
    'flag',
    ['等待客户时暂停计时', 'Pause while waiting for customer'],
    ['SLA 计时在等待客户状态暂停', 'An SLA clock pauses in waiting-for-customer states'],
  ),
  f(
    'sla.followUpDaysAfterClose',
    'SR-11',
    'days',
    ['关闭后回访天数', 'Follow-up days after closure'],
    ['关闭一段时间后回访客户进行满意度评价', 'Some time after closure, contact the customer for a satisfaction evaluation'],
  ),
  f(
    'sla.warranty.months',
    'CU-2',
    'months',
    ['质保期（月）', 'Warranty (months)'],
    ['自验收合格之日起质保三年', 'Warranty, e.g. 3 years from acceptance'],
  ),
  f(
    'sla.warranty.replacedPartExtendsWarranty',
    'CU-2',
    'flag',
    ['更换部件质保期顺延', 'Replaced part extends warranty'],
    ['更换的部件质保期顺延', "A replaced part's warranty is extended"],
  ),
  f(
    'sla.warranty.freeAnnualInspections',
    'CU-2',
    'count',
    ['每年免费巡检次数', 'Free inspections per year'],
    ['每年免费巡检', 'Free annual inspection'],
  ),
  f(
    'sla.warranty.levelId',
    'SLA-2',
    'choice',
    ['质保期服务级别', 'Service level in warranty'],
    ['保修期内提供 24 小时技术支持', '24-hour technical support during warranty'],
  ),
  f(
    'sla.customerVisits.intervalDays',
    'CU-1',
    'days',
    ['客户回访间隔（天）', 'Customer visit interval (days)'],
    ['工程师定期走访所在区域的客户', 'Engineers visit the customers in their region regularly'],
  ),
  f(
    'sla.outOfWarranty.minimumFeeFen',
    'CU-3',
    'fen',
    ['保外最低成本费', 'Out-of-warranty minimum fee'],
    ['需收取至少 200—500 元成本费', 'At least 200–500 yuan cost fee'],
  ),
  f(
    'sla.outOfWarranty.suggestedMaximumFeeFen',
    'CU-3',
    'fen',
    ['保外建议最高成本费', 'Out-of-warranty suggested maximum'],
    ['需收取至少 200—500 元成本费', 'At least 200–500 yuan cost fee'],
  ),
  f('sla.outOfWarranty.partsChargedExtra', 'CU-3', 'flag', ['配件另计', 'Parts charged extra'], ['管材与管件费另计', 'Parts extra']),
];
