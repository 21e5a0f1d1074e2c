import { defineReasons } from './catalogue';

/** Daily logs, weekly plans and reports, the monthly service report and work volume (WR-1..8). */
export const REPORT_REASONS = defineReasons({
  'reports.notMonday': { 'zh-CN': '{date} 不是星期一；一周从星期一开始', en: '{date} is not a Monday; a week starts on Monday' },
  'reports.weekNotStarted': {
    'zh-CN': '{weekStart} 起的一周尚未开始，不能提交该周周报',
    en: 'The week of {weekStart} has not started; its weekly report cannot be filed yet',
  },
  'reports.weeklyExists': {
    'zh-CN': '{weekStart} 那一周的周报已经提交（#{id}），不能重复提交',
    en: 'The weekly report of the week of {weekStart} was already submitted (#{id})',
  },
  'reports.supervisorOnly': {
    'zh-CN': '主管周报只能由部门主管提交',
    en: "Only the department's supervisor files the supervisor's weekly report",
  },
  'reports.planWeekStarted': {
    'zh-CN': '{weekStart} 起的一周已经开始，周计划须在该周开始前提交',
    en: 'The week of {weekStart} has started; a weekly plan is filed before its week starts',
  },
  'reports.planTooFarAhead': { 'zh-CN': '只能提交 {weeks} 周以内的周计划', en: 'A plan can be filed at most {weeks} weeks ahead' },
  'reports.planExists': {
    'zh-CN': '{weekStart} 起一周的计划已经提交（#{id}），请修改原计划',
    en: 'The plan for the week of {weekStart} was already submitted (#{id}); change it instead',
  },
  'reports.planNotEditable': { 'zh-CN': '已批准的周计划不能再修改', en: 'An approved plan can no longer be changed' },
  'reports.planNotPending': { 'zh-CN': '只有待审批的周计划可以审批', en: 'Only a submitted plan can be decided' },
  'reports.ownPlan': { 'zh-CN': '不能审批自己的周计划', en: 'You cannot decide your own plan' },
  'reports.futureDate': { 'zh-CN': '{date} 还没有到，不能提交当天的日志', en: 'The day {date} has not come yet; its log cannot be filed' },
  'reports.dailyLogExists': {
    'zh-CN': '{date} 的工作日志已经提交（#{id}），请修改原日志',
    en: 'The daily log of {date} was already submitted (#{id}); change it instead',
  },
  'reports.notYours': { 'zh-CN': '只能修改自己的记录', en: 'You can only change your own record' },
  'reports.noCustomer': { 'zh-CN': '没有这个客户', en: 'No such customer' },
  'reports.monthNotEnded': { 'zh-CN': '{month} 尚未结束', en: 'The month {month} has not ended yet' },
  'reports.monthlyExists': {
    'zh-CN': '{month} 的月度报表已经提交（#{id}）',
    en: 'The monthly service report of {month} was already submitted (#{id})',
  },
  'reports.noDepartment': { 'zh-CN': '没有这个部门，或不在您的管辖范围内', en: 'No such department in your scope' },
  'volume.notMember': { 'zh-CN': '您不是该项目的成员', en: 'You are not a member of this project' },
  'volume.exists': {
    'zh-CN': '{month} 该项目的工程量已经提交（#{id}），请修改原统计表',
    en: 'The work volume of this project for {month} was already submitted (#{id}); change it instead',
  },
  'volume.unknownPipeType': { 'zh-CN': '政策中没有管材“{pipeType}”', en: 'No pipe type "{pipeType}" in the policy' },
  'volume.unknownBand': {
    'zh-CN': '管材“{pipeType}”没有规格“{band}”',
    en: 'The pipe type "{pipeType}" has no diameter band "{band}"',
  },
  'volume.notPending': { 'zh-CN': '只有待核实的统计表可以核实', en: 'Only a submitted volume report can be verified' },
  'volume.notVerifier': {
    'zh-CN': '只有该项目的项目经理（或工程部经理）可以核实',
    en: "Only the project's manager (or the engineering manager) verifies the volume",
  },
  'volume.ownReport': { 'zh-CN': '不能核实自己提交的工程量', en: 'You cannot verify your own volume' },
  'volume.notEditable': { 'zh-CN': '已核实的统计表不能再修改', en: 'A verified volume report can no longer be changed' },
});
