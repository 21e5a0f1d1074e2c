import type { TLocalizedText } from './primitives';

/** How the admin UI shows and edits a value. */
export type TFieldUnit =
  | 'fen'
  | 'minutes'
  | 'hours'
  | 'days'
  | 'workingDays'
  | 'months'
  | 'points'
  | 'count'
  | 'percent'
  | 'ratio'
  | 'time'
  | 'weekday'
  | 'dayOfMonth'
  | 'workingDayOfMonth'
  | 'level'
  | 'flag'
  | 'choice'
  | 'text';

/** Metadata of an editable leaf: the rule it implements and the sentence of regulations.md it comes from. */
export interface PolicyFieldMeta {
  /** Dot path; `*` matches one segment (an item id or an index). */
  path: string;
  ruleId: string;
  label: TLocalizedText;
  regulation: TLocalizedText;
  unit: TFieldUnit;
}

const f = (
  path: string,
  ruleId: string,
  unit: TFieldUnit,
  label: [zh: string, en: string],
  regulation: [zh: string, en: string],
): PolicyFieldMeta => ({
  path,
  ruleId,
  unit,
  label: { 'zh-CN': label[0], en: label[1] },
  regulation: { 'zh-CN': regulation[0], en: regulation[1] },
});

const SR3: [string, string] = ['按紧急程度和影响范围确定优先级', 'Classify by priority: urgency × impact scope'];
const SLA2: [string, string] = [
  '2 个工作小时内响应；紧急 30 分钟内响应、2 小时内解决；48 小时内解决；质保期内 24 小时支持',
  'Respond within 2 working hours; urgent: respond in 30 min, fix in 2 h; resolve within 48 h; 24-hour support in warranty',
];
const RS9: [string, string] = ['驻场人员行为扣分', 'Conduct points (扣分) for residents'];
const AP3A: [string, string] = [
  '工作量 30；工作态度 40（积极性 15、协调性 10、忠诚度 15）；职务能力 30（计划 8、执行 10、品质 12）',
  'Workload 30; attitude 40 (initiative 15, coordination 10, loyalty 15); ability 30 (planning 8, execution 10, quality 12)',
];

const impacts = [
  ['wide', '大范围', 'wide'],
  ['department', '部门', 'department'],
  ['singleUser', '单个用户', 'single user'],
] as const;
const urgencies = [
  ['high', '高', 'High'],
  ['medium', '中', 'Medium'],
  ['low', '低', 'Low'],
] as const;

const conduct: [id: string, zh: string, en: string, points: number][] = [
  ['late', '迟到早退', 'Late or early leave', 5],
  ['seriouslyLate', '严重迟到早退', 'Seriously late or early leave', 10],
  ['unrelatedActivity', '工作时间从事与工作无关的活动', 'Unrelated activity in work time', 10],
  ['clientProperty', '损坏或私用客户财产', 'Damaging or privately using client property', 20],
  ['waste', '浪费行为', 'Waste', 5],
  ['unrelatedVisitors', '接待无关人员', 'Receiving unrelated visitors', 5],
  ['unfriendly', '对来访人员态度不友好', 'Unfriendly to visitors', 5],
  ['untidy', '工作环境不整洁', 'Untidy workplace', 5],
  ['websitesGames', '浏览无关网站或玩游戏', 'Unrelated websites or games', 10],
  ['smoking', '在办公场所吸烟', 'Smoking in the office', 10],
];

/** Metadata of a localized text leaf of every item of a list ('<list>.*.<key>.zh-CN' and '.en'). */
const text = (
  list: string,
  key: string,
  ruleId: string,
  label: [zh: string, en: string],
  regulation: [zh: string, en: string],
): PolicyFieldMeta[] =>
  (['zh-CN', 'en'] as const).map((lang) =>
    f(`${list}.*.${key}.${lang}`, ruleId, 'text', [`${label[0]}（${lang}）`, `${label[1]} (${lang})`], regulation),
  );

/** Metadata for every editable leaf of the policy; item ids are keys and not edited. */
export const policyFields: PolicyFieldMeta[] = [
  // SLA
  ...urgencies.flatMap(([u, uzh, uen]) =>
    impacts.map(([i, izh, ien]) =>
      f(
        `sla.priorityMatrix.${u}.${i}`,
        'SR-3',
        'choice',
        [`紧急程度${uzh}、影响${izh}的优先级`, `${uen} urgency, ${ien} impact`],
        SR3,
      ),
    ),
  ),
  f(
    'sla.levels.*.calendarMode',
    'SLA-3',
    'choice',
    ['计时日历', 'Clock'],
    [
      '按公司工作日历计时；7×24 合同按自然时间',
      'SLA clocks follow the company calendar; 24×7 contracts run on wall-clock time',
    ],
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
    [
      '关闭一段时间后回访客户进行满意度评价',
      'Some time after closure, contact the customer for a satisfaction evaluation',
    ],
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
  f(
    'sla.outOfWarranty.partsChargedExtra',
    'CU-3',
    'flag',
    ['配件另计', 'Parts charged extra'],
    ['管材与管件费另计', 'Parts extra'],
  ),
  // Field service
  f(
    'fieldService.serviceNoticeSigners.gm',
    'FS-1',
    'flag',
    ['总经理可签发', 'GM may sign'],
    ['服务通知单经总经理签字有效', 'Valid only when signed by the GM'],
  ),
  f(
    'fieldService.serviceNoticeSigners.departmentHeadWhenGmAbsent',
    'FS-1',
    'flag',
    ['总经理不在时部门主管可签发', 'Department head signs when GM absent'],
    ['总经理不在时由服务部主管签字', 'Or, GM absent, the service department head'],
  ),
  f(
    'fieldService.serviceNoticeSigners.departmentHeadDirectly',
    'FS-1',
    'flag',
    ['部门主管可直接签发', 'Department head signs directly'],
    ['或由服务部主管直接签字', 'Or directly the service department head'],
  ),
  f(
    'fieldService.advanceRequiresApprovedLetter',
    'FS-3',
    'flag',
    ['责任书批准后方可预支', 'Advance only after approved letter'],
    ['项目责任书完成并批准后方可预支出差款', 'Travel advance only after the letter is complete and approved'],
  ),
  f(
    'fieldService.sameDayReportWhenUnsolved',
    'FS-6',
    'flag',
    ['未解决问题当天书面报告', 'Same-day report when unsolved'],
    ['电话无法解决的难题当天发书面报告', 'Hard problems: the same day, send a written report'],
  ),
  f(
    'fieldService.extraTaskNeedsCustomerSignature',
    'FS-7',
    'flag',
    ['额外任务需客户签字', 'Extra task needs customer signature'],
    ['现场增加任务由客户完成时签字', 'Extra tasks: the customer signs on completion'],
  ),
  f(
    'fieldService.returnNeedsApproval',
    'FS-9',
    'flag',
    ['返程需批准', 'Return needs approval'],
    ['确认返程计划，同意后方可返回', 'Return only when approved'],
  ),
  f(
    'fieldService.acceptanceHandoverDays',
    'FS-12',
    'days',
    ['验收移交天数', 'Acceptance and hand-over days'],
    [
      '安装调试完成后 5 天内验收并移交全部设备',
      'Acceptance and hand-over within 5 days of installation and commissioning',
    ],
  ),
  f(
    'fieldService.handoverRecordRequired',
    'FS-12',
    'flag',
    ['无技术交底不验收', 'Hand-over record required'],
    ['无技术交底记录的项目不予验收', 'A project without a hand-over record is not accepted'],
  ),
  // Attendance
  f(
    'attendance.workIntervals.*.start',
    'RS-1',
    'time',
    ['上班时间', 'Starts at'],
    ['工作时间：上午 8:00–12:00，下午 14:00–18:00', 'Working hours 8:00–12:00 and 14:00–18:00'],
  ),
  f(
    'attendance.workIntervals.*.end',
    'RS-1',
    'time',
    ['下班时间', 'Ends at'],
    ['工作时间：上午 8:00–12:00，下午 14:00–18:00', 'Working hours 8:00–12:00 and 14:00–18:00'],
  ),
  f(
    'attendance.lateThresholdMinutes',
    'RS-2',
    'minutes',
    ['迟到阈值（分钟）', 'Late after (minutes)'],
    ['超过 15 分钟未到岗视为迟到', 'Late: arriving more than 15 minutes after start'],
  ),
  f(
    'attendance.earlyLeaveThresholdMinutes',
    'RS-2',
    'minutes',
    ['早退阈值（分钟）', 'Early leave before (minutes)'],
    ['早于 15 分钟下班离开视为早退', 'Early leave: leaving more than 15 minutes before end'],
  ),
  f(
    'attendance.seriouslyLateMinutes',
    'RS-9',
    'minutes',
    ['严重迟到阈值（分钟）', 'Seriously late after (minutes)'],
    ['严重迟到早退的一次扣 10 分', 'Seriously late or early: 10 points'],
  ),
  f(
    'attendance.seriouslyEarlyLeaveMinutes',
    'RS-9',
    'minutes',
    ['严重早退阈值（分钟）', 'Serious early leave (minutes)'],
    ['严重迟到早退的一次扣 10 分', 'Seriously late or early: 10 points'],
  ),
  f(
    'attendance.monthlyLimits.absencesAbove',
    'RS-5',
    'count',
    ['每月缺勤次数上限', 'Monthly absences allowed'],
    ['每月缺勤超过 3 次需提交《缺勤情况说明》', 'More than 3 absences in a month → absence explanation due'],
  ),
  f(
    'attendance.monthlyLimits.cumulativeLateMinutesAbove',
    'RS-5',
    'minutes',
    ['每月累计迟到上限（分钟）', 'Monthly lateness allowed (minutes)'],
    ['累计迟到超过 3 小时需提交《缺勤情况说明》', 'Cumulative lateness over 3 hours → absence explanation due'],
  ),
  ...conduct.map(([id, zh, en, points]) =>
    f(
      `attendance.conductPoints.${id}.points`,
      'RS-9',
      'points',
      [`${zh}扣分`, `${en}: points`],
      [`${zh}的一次扣 ${points} 分`, `${en}: ${points} points each time`],
    ),
  ),
  f('attendance.conductPoints.*.points', 'RS-9', 'points', ['扣分', 'Points'], RS9),
  f(
    'attendance.phoneOffHours',
    'AT-3',
    'hours',
    ['关机视为旷工（小时）', 'Phone off counts as absence after (hours)'],
    [
      '无故关机或停机超过 12 小时而不主动联络视为旷工',
      'Phone off over 12 hours without contacting the manager counts as absence',
    ],
  ),
  f(
    'attendance.absenceDaysAsResignation',
    'AT-3',
    'days',
    ['旷工视为自动离职（天）', 'Absence counted as resignation (days)'],
    ['旷工一周者视为自动离职', 'One week of absence counts as resignation'],
  ),
  f(
    'attendance.personnelChange.noticeMonths',
    'RS-6',
    'months',
    ['人员变动提前通知（月）', 'Change notice (months)'],
    ['提前 1 个月发出人员变动通知', 'Notice 1 month ahead'],
  ),
  f(
    'attendance.personnelChange.requestWorkingDaysBefore',
    'RS-6',
    'workingDays',
    ['变动申请提前工作日', 'Change request working days ahead'],
    ['变动前 12 个工作日提出申请', 'A change request 12 working days before the change'],
  ),
  f(
    'attendance.personnelChange.handoverMinWorkingDays',
    'RS-6',
    'workingDays',
    ['交接最少工作日', 'Hand-over at least (working days)'],
    ['交接不少于 10 个工作日', 'Handover at least 10 working days'],
  ),
  f(
    'attendance.replacement.withinWorkingDays',
    'RS-7',
    'workingDays',
    ['更换期限（工作日）', 'Replace within (working days)'],
    ['甲方要求更换人员，15 个工作日内完成', 'Replacement done within 15 working days'],
  ),
  f(
    'attendance.replacement.handoverMinWorkingDays',
    'RS-7',
    'workingDays',
    ['更换交接最少工作日', 'Replacement hand-over at least (working days)'],
    ['交接不少于 10 个工作日', 'At least 10 working days of handover'],
  ),
  // Leave
  f(
    'leave.types.*.statutory',
    'AT-4',
    'flag',
    ['法定假', 'Statutory'],
    ['婚假、丧假、产假、哺乳假按国家规定', 'Marriage, bereavement, maternity, nursing: statutory, per national rules'],
  ),
  f(
    'leave.types.*.requiresAdvanceNotice',
    'RS-4',
    'flag',
    ['需提前申请', 'Needs advance notice'],
    ['请假需提前办理请假手续', 'Leave is applied for ahead'],
  ),
  f(
    'leave.noticeRules.*.minDays',
    'RS-4',
    'days',
    ['请假天数自', 'Leave from (days)'],
    ['请假一至两天提前一天；三天以上提前两天', '1–2 days: 1 day ahead; 3 days or more: 2 days ahead'],
  ),
  f(
    'leave.noticeRules.*.maxDays',
    'RS-4',
    'days',
    ['请假天数至', 'Leave up to (days)'],
    ['请假一至两天提前一天；三天以上提前两天', '1–2 days: 1 day ahead; 3 days or more: 2 days ahead'],
  ),
  f(
    'leave.noticeRules.*.noticeDays',
    'RS-4',
    'days',
    ['提前天数', 'Days ahead'],
    ['请假一至两天提前一天；三天以上提前两天', '1–2 days: 1 day ahead; 3 days or more: 2 days ahead'],
  ),
  f(
    'leave.specialNoticeMinutesBeforeShift',
    'AT-4',
    'minutes',
    ['特殊事假班前（分钟）', 'Special leave before shift (minutes)'],
    ['特殊事假需在班前一小时提出', 'Special leave: one hour before the shift'],
  ),
  f(
    'leave.emergencyFileAfterwards',
    'RS-4',
    'flag',
    ['紧急情况事后补办', 'Emergency: file afterwards'],
    ['紧急情况立即联系，休假完毕后补办请假手续', 'Emergency: contact the lead at once and file the form afterwards'],
  ),
  f(
    'leave.lateRequestNeedsSuperiorApproval',
    'AT-4',
    'flag',
    ['未提前请假需上级批准', 'Late request needs approval'],
    ['不能提前请假需经上级批准，否则按旷工论处', "Otherwise needs a superior's approval, else absence"],
  ),
  f(
    'leave.extensionNeedsApproval',
    'RS-4',
    'flag',
    ['续假需批准', 'Extension needs approval'],
    ['延长假期需批准，否则按旷工论处', 'Extension needs approval, else absence'],
  ),
  f(
    'leave.standInRequired',
    'RS-4',
    'flag',
    ['需有人代岗', 'Stand-in required'],
    ['请假期间须有相应人员承担其工作职责', 'A stand-in covers the duties'],
  ),
  f(
    'leave.levelByLevel',
    'AT-4',
    'flag',
    ['逐级请假', 'Level by level'],
    ['请假要逐级办理，不允许越级', 'Apply level by level, no skipping levels'],
  ),
  f(
    'leave.inPersonExceptSick',
    'AT-4',
    'flag',
    ['本人办理（病假除外）', 'In person (except sick leave)'],
    ['事假必须由本人出面办理，病假除外', 'In person, except sick leave'],
  ),
  f(
    'leave.sick.certificateFromDays',
    'AT-4',
    'days',
    ['病假证明起始天数', 'Certificate from (days)'],
    ['病假满一天必须持医疗单位证明', 'A full sick day needs a medical certificate'],
  ),
  f(
    'leave.sick.emergencyExempt',
    'AT-4',
    'flag',
    ['急诊除外', 'Emergencies excepted'],
    ['急诊除外', 'Emergencies excepted'],
  ),
  f(
    'leave.sick.certificateDueFirstDayBack',
    'AT-4',
    'flag',
    ['返岗第一天交证明', 'Certificate due on first day back'],
    ['假条必须在病假到期后第一天交给上级', 'Certificates handed in on the first day back'],
  ),
  // Travel
  ...(['outOfProvince', 'prefectureCity', 'countyOrBelow'] as const).flatMap((level) => {
    const zh = { outOfProvince: '省外', prefectureCity: '地级市', countyOrBelow: '县级及以下' }[level];
    const en = {
      outOfProvince: 'out of province',
      prefectureCity: 'prefecture-level city',
      countyOrBelow: 'county or below',
    }[level];
    return [
      f(
        `travel.allowanceByDestination.${level}.technicalGuidanceDailyFen`,
        'TR-3',
        'fen',
        [`${zh}技术指导补贴（每天）`, `Technical guidance, ${en} (per day)`],
        ['省外出差的技术指导另补贴 120 元/天·人', 'Out-of-province technical guidance 120 yuan/day/person'],
      ),
      f(
        `travel.allowanceByDestination.${level}.mealsLodgingPerNightFen`,
        'TR-3',
        'fen',
        [`${zh}食宿补贴（每晚）`, `Meals and lodging, ${en} (per night)`],
        [
          '县级及以下食宿费 60 元/天·人，地级市 80 元/天·人',
          'Meals and lodging 60 yuan/day county and below, 80 prefecture city',
        ],
      ),
    ];
  }),
  f(
    'travel.technicalGuidanceExcludesTravelDays',
    'TR-3',
    'flag',
    ['不计去程和返程当天', 'Excludes departure and return days'],
    ['不计去的那天和回程当天', 'Not counting the departure and return days'],
  ),
  f(
    'travel.technicalGuidanceMaxDays',
    'TR-3',
    'days',
    ['技术指导补贴最多天数', 'Technical guidance at most (days)'],
    ['最多不超过 7 天', 'At most 7 days'],
  ),
  f(
    'travel.noMealsLodgingWhenClientProvides',
    'TR-3',
    'flag',
    ['对方提供食宿不补贴', 'None when client provides board'],
    ['对方提供食宿的，每天的补贴取消', 'None when the client provides board and lodging'],
  ),
  f(
    'travel.newEmployeeDailyFen',
    'TR-3',
    'fen',
    ['新员工出差补贴（每天）', 'New employee allowance (per day)'],
    ['新员工 60 元/天，不计提成', 'New employees 60 yuan/day, no commission'],
  ),
  f(
    'travel.regionalOfficeLodgingDailyFen',
    'TR-3',
    'fen',
    ['办事处住宿补贴（每天）', 'Regional office lodging (per day)'],
    ['办事处住宿补贴按天计', 'Regional office lodging allowance per day'],
  ),
  f(
    'travel.phoneMonthlyFen',
    'TR-3',
    'fen',
    ['话费补贴（每月）', 'Phone allowance (per month)'],
    ['话费补贴按月计', 'Phone allowance per month'],
  ),
  f(
    'travel.allowedTransport.*',
    'TR-2',
    'choice',
    ['可直接乘坐的交通工具', 'Transport without approval'],
    ['一般只允许乘坐汽车、火车、轮船，市内公交车、地铁', 'Bus, train, ship; city transit bus/metro'],
  ),
  f(
    'travel.transportNeedingApproval.*',
    'TR-2',
    'choice',
    ['需事先申请的交通工具', 'Transport needing approval'],
    ['乘坐飞机或打的等其它交通工具应事先提出申请', 'Plane, taxi and others need prior approval'],
  ),
  f(
    'travel.beyondItineraryNeedsApproval',
    'TR-1',
    'flag',
    ['超出行程需批准', 'Beyond itinerary needs approval'],
    [
      '超出行程时间须申请，否则不予报销及补贴',
      'Time beyond the itinerary must be approved, else no reimbursement or allowance',
    ],
  ),
  f(
    'travel.gmMayRaiseAllowance',
    'TR-4',
    'flag',
    ['总经理可批准提高补贴', 'GM may raise the allowance'],
    ['特殊地区由总经理批准提高补贴', 'Special regions: the GM may approve a higher allowance'],
  ),
  f(
    'travel.dailyLogEveryDays',
    'AT-2',
    'days',
    ['出差汇报间隔（天）', 'Report while travelling every (days)'],
    [
      '出差时每天向部门经理汇报工作（另一制度：两天一次）',
      'Report to the manager every day (another document: every two days)',
    ],
  ),
  // Reports
  f(
    'reports.dailyLogRequired',
    'WR-2',
    'flag',
    ['每日工作日志', 'Daily work log'],
    ['每日填写工作日志', 'Daily work log, every day'],
  ),
  f(
    'reports.engineerWeekly.due.weekday',
    'WR-4',
    'weekday',
    ['工程师周报截止星期', 'Engineer weekly report due (weekday)'],
    [
      '每周六下午 18:00 前发送《技术服务周报》，以收到时间为准',
      'Engineer weekly report due Saturday 18:00, by time received',
    ],
  ),
  f(
    'reports.engineerWeekly.due.time',
    'WR-4',
    'time',
    ['工程师周报截止时间', 'Engineer weekly report due (time)'],
    [
      '每周六下午 18:00 前发送《技术服务周报》，以收到时间为准',
      'Engineer weekly report due Saturday 18:00, by time received',
    ],
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
  // Incidents
  f(
    'incidents.classes.*.reflectionRequired',
    'IN-1',
    'flag',
    ['需写事故反思', 'Reflection required'],
    ['服务人员应在事故解决后写出《事故反思》', 'The engineer writes a reflection after resolution'],
  ),
  f(
    'incidents.classes.*.mobiliseAllResources',
    'IN-1',
    'flag',
    ['调动全部资源', 'Mobilise all resources'],
    [
      '服务部主管应立即调整资源，包括研发力量，全力解决',
      'The supervisor mobilises all resources (R&D included) at once',
    ],
  ),
  f(
    'incidents.noticeRequired',
    'IN-3',
    'flag',
    ['需发事故通报', 'Incident notice required'],
    [
      '事故解决后主管与服务人员总结并发送《事故通报》',
      'The supervisor reviews it with the engineer and sends an incident notice',
    ],
  ),
  // Appraisal
  f(
    'appraisal.activeScheme',
    'AP-1',
    'choice',
    ['考核方案', 'Appraisal scheme'],
    ['两种考核方案均可采用', 'Two appraisal schemes appear; both must be expressible'],
  ),
  f(
    'appraisal.sheetDueWorkingDays',
    'AP-15',
    'workingDays',
    ['考核表出具（工作日）', 'Appraisal sheet within (working days)'],
    ['每月前三个工作日内出具上月考核表', "Last month's appraisal sheet within the first 3 working days"],
  ),
  f(
    'appraisal.schemeA.proposalDueDay',
    'AP-1',
    'dayOfMonth',
    ['考核提出日', 'Proposed before (day of month)'],
    ['每月二十五日前提出', 'Proposed before the 25th of each month'],
  ),
  f(
    'appraisal.schemeA.approvalChain.*',
    'AP-2',
    'choice',
    ['审批环节', 'Approval step'],
    [
      '部门经理初核，副总经理审核，总经理核定',
      'Initial review by the department manager, review by the VP, approval by the GM',
    ],
  ),
  f('appraisal.schemeA.total', 'AP-3', 'points', ['总分', 'Total'], AP3A),
  f('appraisal.schemeA.items.*.weight', 'AP-3', 'points', ['权数', 'Weight'], AP3A),
  f('appraisal.schemeA.items.*.children.*.weight', 'AP-3', 'points', ['权数', 'Weight'], AP3A),
  f(
    'appraisal.schemeA.grades.aMinScore',
    'AP-4',
    'points',
    ['A 等最低分', 'Grade A from'],
    ['A：86 分以上；B：70–85 分；C：70 分以下', 'A ≥ 86, B 70–85, C < 70'],
  ),
  f(
    'appraisal.schemeA.grades.bMinScore',
    'AP-4',
    'points',
    ['B 等最低分', 'Grade B from'],
    ['A：86 分以上；B：70–85 分；C：70 分以下', 'A ≥ 86, B 70–85, C < 70'],
  ),
  f(
    'appraisal.schemeA.annual.promotionACount',
    'AP-5',
    'count',
    ['升等所需 A 等次数', 'A grades for promotion'],
    ['年度内有 6 次 A 等则升等调薪', '6 A grades in a year → promotion and raise'],
  ),
  f(
    'appraisal.schemeA.annual.demotionCCount',
    'AP-5',
    'count',
    ['降级所需 C 等次数', 'C grades for demotion'],
    ['年度内有 6 次 C 等则降级或解除合同', '6 C grades → demotion or termination'],
  ),
  f(
    'appraisal.schemeA.bestEmployee.perMonth',
    'AP-6',
    'count',
    ['每月优秀员工人数', 'Best employees per month'],
    ['每月评选优秀员工两名，奖励现金 200 元', 'Two best employees a month, 200 yuan each'],
  ),
  f(
    'appraisal.schemeA.bestEmployee.bonusFen',
    'AP-6',
    'fen',
    ['优秀员工奖金', 'Best employee bonus'],
    ['每月评选优秀员工两名，奖励现金 200 元', 'Two best employees a month, 200 yuan each'],
  ),
  f(
    'appraisal.schemeB.engineer.fines.estimateOverrun',
    'AP-7',
    'fen',
    ['服务超期罚款', 'Estimate overrun fine'],
    ['无不可抗拒原因造成服务超期，罚款 50 元', 'Overrun without force majeure → fine 50'],
  ),
  f(
    'appraisal.schemeB.engineer.fines.eachPoorRating',
    'AP-8',
    'fen',
    ['每个差评罚款', 'Fine per poor rating'],
    ['每出现一个差评，罚款 50 元', 'Each 差 → fine 50'],
  ),
  f(
    'appraisal.schemeB.engineer.fines.fairRatings',
    'AP-8',
    'fen',
    ['连续中评罚款', 'Fair ratings fine'],
    ['三个评价均为中，或连续累计三个中，罚款 50 元', 'Three 中 in one service or in a row → fine 50'],
  ),
  f(
    'appraisal.schemeB.engineer.fairRatingsCount',
    'AP-8',
    'count',
    ['触发罚款的中评数', 'Fair ratings that trigger the fine'],
    ['三个评价均为中，或连续累计三个中，罚款 50 元', 'Three 中 in one service or in a row → fine 50'],
  ),
  f(
    'appraisal.schemeB.engineer.fairRatingsInOneService',
    'AP-8',
    'flag',
    ['同一次服务内计', 'Counted within one service'],
    ['三个评价均为中', 'Three 中 in one service'],
  ),
  f(
    'appraisal.schemeB.engineer.fairRatingsInARow',
    'AP-8',
    'flag',
    ['跨服务连续计', 'Counted in a row across services'],
    ['连续累计三个评价为中', 'Three 中 in a row across services'],
  ),
  f(
    'appraisal.schemeB.engineer.fines.weeklyReportLate',
    'AP-9',
    'fen',
    ['周报迟交罚款', 'Late weekly report fine'],
    ['周报超过时间未发送，每次罚款 20 元', 'Weekly report late → fine 20 each time'],
  ),
  f(
    'appraisal.schemeB.engineer.missingSignatureAsPoorRatings',
    'AP-9',
    'count',
    ['无客户签字计差评数', 'Missing signature counts as poor ratings'],
    [
      '责任书无客户签字或伪造签字，以三个差评计，罚款 150 元',
      'Letter without signature or forged → three 差 → fine 150',
    ],
  ),
  f(
    'appraisal.schemeB.engineer.fines.examFailed',
    'AP-10',
    'fen',
    ['考试不及格罚款', 'Failed exam fine'],
    ['培训考试不及格一次，罚款 50 元', 'Training exam failed → fine 50'],
  ),
  f(
    'appraisal.schemeB.engineer.examFailuresForDowngrade',
    'AP-10',
    'count',
    ['降级所需不及格次数', 'Exam failures for downgrade'],
    ['累计三次不及格，报请总经理工资降级', 'Three failures in total → salary downgrade proposed'],
  ),
  f(
    'appraisal.schemeB.engineer.fines.classIIncident',
    'AP-11',
    'fen',
    ['I 类事故罚款', 'Class I incident fine'],
    ['每出现一次 I 类事故罚款 100 元', 'Class I incident → fine 100'],
  ),
  f(
    'appraisal.schemeB.engineer.fines.classIIIncident',
    'AP-11',
    'fen',
    ['II 类事故罚款', 'Class II incident fine'],
    ['每出现一次 II 类事故罚款 50 元', 'Class II → fine 50'],
  ),
  f(
    'appraisal.schemeB.engineer.downgradeClassI.count',
    'AP-12',
    'count',
    ['降级 I 类事故次数', 'Class I incidents for downgrade'],
    ['三个月内出现二次 I 类事故，报请工资降级', 'Two Class I incidents within 3 months → salary downgrade proposed'],
  ),
  f(
    'appraisal.schemeB.engineer.downgradeClassI.months',
    'AP-12',
    'months',
    ['降级统计期（月）', 'Downgrade window (months)'],
    ['三个月内出现二次 I 类事故，报请工资降级', 'Two Class I incidents within 3 months → salary downgrade proposed'],
  ),
  f(
    'appraisal.schemeB.engineer.dismissal.classICount',
    'AP-12',
    'count',
    ['辞退 I 类事故次数', 'Class I incidents for dismissal'],
    [
      '六个月内三次 I 类或六次 II 类事故，予以辞退',
      'Three Class I or six Class II within 6 months → dismissal proposed',
    ],
  ),
  f(
    'appraisal.schemeB.engineer.dismissal.classIICount',
    'AP-12',
    'count',
    ['辞退 II 类事故次数', 'Class II incidents for dismissal'],
    [
      '六个月内三次 I 类或六次 II 类事故，予以辞退',
      'Three Class I or six Class II within 6 months → dismissal proposed',
    ],
  ),
  f(
    'appraisal.schemeB.engineer.dismissal.months',
    'AP-12',
    'months',
    ['辞退统计期（月）', 'Dismissal window (months)'],
    [
      '六个月内三次 I 类或六次 II 类事故，予以辞退',
      'Three Class I or six Class II within 6 months → dismissal proposed',
    ],
  ),
  f(
    'appraisal.schemeB.engineer.cleanMonthsBonus.months',
    'AP-13',
    'months',
    ['无事故奖励月数', 'Clean months for bonus'],
    ['连续三个月无事故、评价均在良以上、文档完整，奖励 100 元', 'Three consecutive clean months → bonus 100'],
  ),
  f(
    'appraisal.schemeB.engineer.cleanMonthsBonus.bonusFen',
    'AP-13',
    'fen',
    ['无事故奖励', 'Clean months bonus'],
    ['连续三个月无事故、评价均在良以上、文档完整，奖励 100 元', 'Three consecutive clean months → bonus 100'],
  ),
  f(
    'appraisal.schemeB.supervisor.fines.lateReport',
    'AP-14',
    'fen',
    ['主管报告迟交罚款', 'Supervisor late report fine'],
    [
      '未按时发送周报、月报、事故通报，各罚款 20 元',
      'Weekly report, monthly report or incident notice late → fine 20 each',
    ],
  ),
  f(
    'appraisal.schemeB.supervisor.fines.departmentClassI',
    'AP-14',
    'fen',
    ['部门 I 类事故主管罚款', 'Department Class I fine'],
    ['出现一次 I 类事故，对主管罚款 50 元', 'Department Class I → fine 50'],
  ),
  f(
    'appraisal.schemeB.supervisor.fines.departmentClassII',
    'AP-14',
    'fen',
    ['部门 II 类事故主管罚款', 'Department Class II fine'],
    ['出现一次 II 类事故，对主管罚款 30 元', 'Class II → fine 30'],
  ),
  f(
    'appraisal.schemeB.supervisor.fines.toleratedMissingSignature',
    'AP-14',
    'fen',
    ['纵容无客户签字罚款', 'Tolerated missing signature fine'],
    ['包庇或纵容无客户签字或伪造签字，每次罚款 100 元', 'Tolerating a missing or forged signature → fine 100 each'],
  ),
  f(
    'appraisal.schemeB.supervisor.downgradeClassI.count',
    'AP-14',
    'count',
    ['主管降级 I 类事故次数', 'Class I incidents for supervisor downgrade'],
    [
      '三个月内部门出现三次 I 类事故，主管工资降级',
      'Three Class I in the department within 3 months → supervisor downgrade proposed',
    ],
  ),
  f(
    'appraisal.schemeB.supervisor.downgradeClassI.months',
    'AP-14',
    'months',
    ['主管降级统计期（月）', 'Supervisor downgrade window (months)'],
    [
      '三个月内部门出现三次 I 类事故，主管工资降级',
      'Three Class I in the department within 3 months → supervisor downgrade proposed',
    ],
  ),
  f(
    'appraisal.schemeB.supervisor.noClassIBonus.months',
    'AP-14',
    'months',
    ['主管无事故奖励月数', 'Months without Class I for bonus'],
    ['六个月内未出现 I 类事故，奖励主管 100 元', 'Six months without Class I → bonus 100'],
  ),
  f(
    'appraisal.schemeB.supervisor.noClassIBonus.bonusFen',
    'AP-14',
    'fen',
    ['主管无事故奖励', 'Supervisor no-Class-I bonus'],
    ['六个月内未出现 I 类事故，奖励主管 100 元', 'Six months without Class I → bonus 100'],
  ),
  // Pay
  f(
    'pay.baseTiers.*.monthlyFen',
    'PAY-1',
    'fen',
    ['基本工资（每月）', 'Base pay (per month)'],
    ['基本工资分三等：2000、1800、1500 元', 'Base pay tiers: 2000, 1800, 1500'],
  ),
  f(
    'pay.baseTiers.*.cleanMonthsRequired',
    'PAY-1',
    'months',
    ['所需无事故月数', 'Clean months required'],
    [
      '一等：连续一年无事故无罚款；二等：六个月；三等：入职起薪',
      'Tier 1: a clean year; tier 2: six months; tier 3: starting pay',
    ],
  ),
  f(
    'pay.rankingBonus.periodMonths',
    'PAY-2',
    'months',
    ['奖金周期（月）', 'Bonus period (months)'],
    ['奖金每半年发放一次', 'Bonus paid half-yearly'],
  ),
  f(
    'pay.rankingBonus.bandCoefficients.*',
    'PAY-2',
    'ratio',
    ['名次系数', 'Band coefficient'],
    ['按名次分三等发放，系数 0.8、0.5、0.3', 'Three bands with coefficients 0.8, 0.5, 0.3'],
  ),
  f(
    'pay.engineerLevels.*.level',
    'PAY-4',
    'level',
    ['级别', 'Level'],
    ['工程师分为不同级别', 'Engineers are graded into levels'],
  ),
  f(
    'pay.engineerLevels.*.monthlyFen',
    'PAY-3',
    'fen',
    ['级别月基本工资', 'Level base pay (per month)'],
    ['一级至八级，每月 1300—3000 元', 'Levels 1–8, monthly base pay 1300–3000'],
  ),
  f(
    'pay.levelUp.minMonths',
    'PAY-3',
    'months',
    ['晋级最少月数', 'Level-up after (months)'],
    ['申请高一级别需工作 6 个月以上并通过考核', 'A level-up needs 6 months and an exam'],
  ),
  f(
    'pay.levelUp.examRequired',
    'PAY-3',
    'flag',
    ['晋级需考核', 'Level-up needs an exam'],
    ['申请高一级别需工作 6 个月以上并通过考核', 'A level-up needs 6 months and an exam'],
  ),
  f(
    'pay.probation.minMonths',
    'PAY-3',
    'months',
    ['试用期最短（月）', 'Probation at least (months)'],
    ['新员工试用期 1—3 个月', 'Probation 1–3 months'],
  ),
  f(
    'pay.probation.maxMonths',
    'PAY-3',
    'months',
    ['试用期最长（月）', 'Probation at most (months)'],
    ['新员工试用期 1—3 个月', 'Probation 1–3 months'],
  ),
  f(
    'pay.probation.baseFen',
    'PAY-3',
    'fen',
    ['试用期底薪', 'Probation base pay'],
    ['试用期内底薪 1500 元 + 300 元岗位补助', 'Probation at 1500 + 300'],
  ),
  f(
    'pay.probation.postAllowanceFen',
    'PAY-3',
    'fen',
    ['试用期岗位补助', 'Probation post allowance'],
    ['试用期内底薪 1500 元 + 300 元岗位补助', 'Probation at 1500 + 300'],
  ),
  f(
    'pay.probation.pieceRateCommission',
    'PAY-3',
    'flag',
    ['试用期计件', 'Piece rate in probation'],
    ['试用期不计计件工资', 'No piece-rate pay in probation'],
  ),
  f(
    'pay.commission.paidMonthlyPercent',
    'PAY-3',
    'percent',
    ['当月发放比例', 'Paid monthly (%)'],
    ['按核实工程量的 60% 每月计提成', '60 % of verified monthly volume paid monthly'],
  ),
  f(
    'pay.commission.heldBackPercent',
    'PAY-3',
    'percent',
    ['质保金比例', 'Held back (%)'],
    ['10% 保留两年', '10 % held two years'],
  ),
  f(
    'pay.commission.heldBackMonths',
    'PAY-3',
    'months',
    ['保留期（月）', 'Held back for (months)'],
    ['10% 保留两年', '10 % held two years'],
  ),
  f(
    'pay.commission.installMultiplierOfWeld',
    'PAY-3',
    'ratio',
    ['包安装为包焊接的倍数', 'Install rate × weld rate'],
    ['包安装按包焊接的 2 倍', 'Install = 2× weld'],
  ),
  f(
    'pay.commission.nonPieceWorkDailyFen',
    'PAY-3',
    'fen',
    ['非计件工作日薪', 'Non-piece work (per day)'],
    ['非计件工作每天 80 元', 'Non-piece work 80/day'],
  ),
  // Names and descriptions of list items
  ...text(
    'sla.levels',
    'name',
    'SLA-1',
    ['服务级别名称', 'Service level name'],
    ['每个客户/合同有服务水平协议', 'Each customer/contract has an SLA'],
  ),
  ...text(
    'fieldService.standardKit',
    'name',
    'FS-4',
    ['标准工具', 'Standard kit item'],
    [
      '无论何种任务均携带 U 盘、螺丝刀、装有产品资料的笔记本电脑',
      'Standard kit regardless of job: USB drive, screwdriver, laptop with product documents',
    ],
  ),
  ...text(
    'fieldService.handoverDocuments',
    'name',
    'FS-12',
    ['交接文件', 'Handover document'],
    [
      '技术交底书、焊接记录、管道试压记录签字存档',
      'Handover documents (技术交底书, 焊接记录, 管道试压记录) signed and archived',
    ],
  ),
  ...text('attendance.conductPoints', 'name', 'RS-9', ['扣分事项', 'Offence'], RS9),
  ...text(
    'leave.types',
    'name',
    'AT-4',
    ['假别名称', 'Leave type name'],
    ['事假、病假、婚假、丧假、产假、哺乳假等', 'Personal, sick, marriage, bereavement, maternity, nursing leave'],
  ),
  ...text(
    'incidents.classes',
    'name',
    'IN-1',
    ['事故类别名称', 'Incident class name'],
    ['I 类事故、II 类事故', 'Class I and Class II incidents'],
  ),
  ...text(
    'incidents.classes',
    'definition',
    'IN-1',
    ['事故类别定义', 'Incident class definition'],
    [
      '被投诉至副总以上或造成客户工作中断为 I 类；投诉至销售经理或未及时反馈为 II 类',
      'Complaint to VP or above or interrupted work: Class I; to sales or not reported in time: Class II',
    ],
  ),
  ...text('appraisal.schemeA.items', 'name', 'AP-3', ['考核项目', 'Appraisal item'], AP3A),
  ...text('appraisal.schemeA.items', 'description', 'AP-3', ['权数计算方法', 'How it is scored'], AP3A),
  ...text('appraisal.schemeA.items.*.children', 'name', 'AP-3', ['考核子项目', 'Appraisal sub-item'], AP3A),
  ...text('appraisal.schemeA.items.*.children', 'description', 'AP-3', ['子项目说明', 'Sub-item description'], AP3A),
  ...text('pay.baseTiers', 'name', 'PAY-1', ['工资等级名称', 'Pay tier name'], ['基本工资分为三等', 'Base pay tiers']),
  ...text(
    'pay.baseTiers',
    'condition',
    'PAY-1',
    ['等级条件', 'Tier condition'],
    [
      '一等：连续一年无事故无罚款；二等：六个月；三等：入职起薪',
      'Tier 1: a clean year; tier 2: six months; tier 3: starting pay',
    ],
  ),
];

/** Whether a metadata path (possibly with `*` segments) matches a concrete dot path. */
export function fieldPathMatches(pattern: string, path: string): boolean {
  const p = pattern.split('.');
  const s = path.split('.');
  return p.length === s.length && p.every((segment, i) => segment === '*' || segment === s[i]);
}

/** The metadata of a concrete path: an exact entry first, else the first matching wildcard entry. */
export function fieldMetaFor(path: string): PolicyFieldMeta | undefined {
  return policyFields.find((m) => m.path === path) ?? policyFields.find((m) => fieldPathMatches(m.path, path));
}

/**
 * The rule id of any path: its own metadata, else that of the metadata sharing the longest leading part
 * (at least two segments), so text leaves such as 'incidents.classes.I.definition.en' still name IN-1.
 */
export function ruleIdForPath(path: string): string | undefined {
  const exact = fieldMetaFor(path);
  if (exact) return exact.ruleId;
  const segments = path.split('.');
  let best: { length: number; ruleId: string } | undefined;
  for (const meta of policyFields) {
    const pattern = meta.path.split('.');
    let length = 0;
    while (length < Math.min(pattern.length - 1, segments.length)) {
      const p = pattern[length];
      if (p !== '*' && p !== segments[length]) break;
      length += 1;
    }
    if (length >= 2 && (!best || length > best.length)) best = { length, ruleId: meta.ruleId };
  }
  return best?.ruleId;
}
