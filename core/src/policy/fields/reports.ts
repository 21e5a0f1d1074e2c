import { type PolicyFieldMeta, f, text } from '../fieldHelpers';

const WR7: [string, string] = [
  '每月 3 日前报上月完成工程量统计表，工程部经理核实',
  "Last month's completed work volume by the 3rd, verified by the engineering manager",
];

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
  ...text('reports.workVolume.pipeTypes', 'name', 'WR-7', ['管材', 'Pipe type'], WR7),
  ...text('reports.workVolume.pipeTypes.*.bands', 'name', 'WR-7', ['规格', 'Diameter band'], WR7),
  f(
    'reports.weeklyPlan.due.weekday',
    'WR-1',
    'weekday',
    ['下周计划截止星期', 'Next week’s plan due (weekday)'],
    [
      '根据区域反馈和公司需要制定下周工作计划，审批后执行',
      'Next week’s plan from regional feedback and company needs, approved before use',
    ],
  ),
  f(
    'reports.weeklyPlan.due.time',
    'WR-1',
    'time',
    ['下周计划截止时间', 'Next week’s plan due (time)'],
    [
      '根据区域反馈和公司需要制定下周工作计划，审批后执行',
      'Next week’s plan from regional feedback and company needs, approved before use',
    ],
  ),
  f(
    'reports.holidayDeadlineRule',
    'WR-4',
    'choice',
    ['截止日逢法定节假日', 'Deadline on a public holiday'],
    [
      '按日期规定的截止时间（周六 18:00、每月 3 日）逢法定节假日时：不变，或顺延至节后第一个工作日同一时间',
      'A deadline named by a date (Saturday 18:00, the 3rd) on a public holiday: kept, or moved to the first working day after it at the same time',
    ],
  ),
  f(
    'reports.dayDeadlineTime',
    'WR-5',
    'time',
    ['按日截止的时刻', 'Time of a day deadline'],
    [
      '“某日前”“第 N 个工作日”类截止时间落在当天的此时刻（24:00 为当天结束）',
      'A deadline named by a day ("by the 3rd", "the 3rd working day") falls at this time of that day (24:00 = its end)',
    ],
  ),
  f(
    'reports.reminderMinutesBefore',
    'WR-4',
    'minutes',
    ['截止前提醒（分钟）', 'Reminder before the due time (minutes)'],
    ['报表截止前提醒责任人（0 为不提醒）', 'Owners are reminded before a report is due (0: no reminder)'],
  ),
];
