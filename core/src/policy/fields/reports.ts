import { type PolicyFieldMeta, f } from '../fieldHelpers';

/** Reports. */
export const reportsFields: PolicyFieldMeta[] = [
  f('reports.dailyLogRequired', 'WR-2', 'flag', ['每日工作日志', 'Daily work log'], ['每日填写工作日志', 'Daily work log, every day']),
  f(
    'reports.engineerWeekly.due.weekday',
    'WR-4',
    'weekday',
    ['工程师周报截止星期', 'Engineer weekly report due (weekday)'],
    ['每周六下午 18:00 前发送《技术服务周报》，以收到时间为准', 'Engineer weekly report due Saturday 18:00, by time received'],
  ),
  f(
    'reports.engineerWeekly.due.time',
    'WR-4',
    'time',
    ['工程师周报截止时间', 'Engineer weekly report due (time)'],
    ['每周六下午 18:00 前发送《技术服务周报》，以收到时间为准', 'Engineer weekly report due Saturday 18:00, by time received'],
  ),
  f(
    'reports.engineerWeekly.fileNamePattern',
    'WR-4',
    'text',
    ['周报文件名', 'Weekly report file name'],
    ['文件名按（姓名+周报+月-日）命名', 'File named <name>周报<MM-DD>'],
  ),
  f(
    'reports.supervisorWeekly.due.weekday',
    'WR-4',
    'weekday',
    ['主管周报截止星期', 'Supervisor weekly report due (weekday)'],
    ['每周日下午六点前向总经理发送《技术服务周报》', "Supervisor's weekly report to the GM due Sunday 18:00"],
  ),
  f(
    'reports.supervisorWeekly.due.time',
    'WR-4',
    'time',
    ['主管周报截止时间', 'Supervisor weekly report due (time)'],
    ['每周日下午六点前向总经理发送《技术服务周报》', "Supervisor's weekly report to the GM due Sunday 18:00"],
  ),
  f(
    'reports.supervisorMonthlyDueWorkingDay',
    'WR-5',
    'workingDayOfMonth',
    ['月度报表截止工作日', 'Monthly report due (working day)'],
    ['每月按时出具《技术服务月度报表》', 'Monthly service report by the supervisor, on time'],
  ),
  f(
    'reports.technicalVisit.siteRecordDays',
    'WR-6',
    'days',
    ['现场记录电子化（天）', 'Site record digitised within (days)'],
    ['现场记录第二天整理成电子文档', 'Site records turned into an electronic document by the next day'],
  ),
  f(
    'reports.technicalVisit.proposalDays',
    'WR-6',
    'days',
    ['节能建议书（天）', 'Proposal within (days)'],
    ['收到项目资料 2 天内做出节能建议书', 'Energy-saving proposal within 2 days of receiving project data'],
  ),
  f(
    'reports.technicalVisit.fullPlanDays',
    'WR-6',
    'days',
    ['节能方案（天）', 'Full plan within (days)'],
    ['收集详细资料后 5 天内做出项目节能方案', 'Full plan within 5 days of detailed data'],
  ),
  f(
    'reports.monthlyVolumeDueDay',
    'WR-7',
    'dayOfMonth',
    ['工程量统计截止日', 'Work volume due (day of month)'],
    ['每月 3 日前报上月完成工程量统计表', "Report last month's completed work volume by the 3rd"],
  ),
];
