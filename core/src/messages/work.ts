import { defineMessages, framed, phrase, verbatim } from './catalogue';

/** TRN-1/TRN-2: internal training, exams, certificates and product test tasks. */
export const TRAINING_MESSAGES = defineMessages({
  'training.exam': {
    title: { 'zh-CN': '考试：{title}', en: 'Exam: {title}' },
    body: { 'zh-CN': '考试时间 {opensAt} 起，请按时作答', en: 'The exam opens at {opensAt}' },
  },
  'training.examPassed': {
    title: { 'zh-CN': '考试成绩：{title} 及格', en: 'Exam result: {title} passed' },
    body: verbatim('{explanation}'),
  },
  'training.examFailed': {
    title: { 'zh-CN': '考试成绩：{title} 不及格', en: 'Exam result: {title} failed' },
    body: verbatim('{explanation}'),
  },
  'training.session': {
    title: { 'zh-CN': '内部培训：{title}', en: 'Internal training: {title}' },
    body: { 'zh-CN': '请按时参加培训（{location}）', en: 'Please attend the training ({location})' },
  },
  'training.certificateExpiry': {
    title: { 'zh-CN': '证书到期提醒：{name} 的{certificate}', en: "Certificate expiry: {name}'s {certificate}" },
    body: verbatim('{explanation}'),
  },
  'training.testTask': { title: { 'zh-CN': '产品测试任务：{title}', en: 'Product test task: {title}' }, body: verbatim('{description}') },
});

/** FS-12/FS-13, MTG-1, handovers: projects, deliveries, meetings. */
export const PROJECT_MESSAGES = defineMessages({
  'project.member': {
    title: { 'zh-CN': '你已加入项目：{name}', en: 'You are on the project {name}' },
    body: {
      'zh-CN': '请在项目页面查看进度计划、材料和交接文档。',
      en: 'See its plan, materials and handover documents on the project page.',
    },
  },
  'project.commissioned': {
    title: { 'zh-CN': '项目调试完成：{name}', en: 'Project commissioned: {name}' },
    body: {
      'zh-CN': '请在 {due} 前完成客户验收和设备移交（FS-12，{days} 天）。',
      en: 'Client acceptance and equipment hand-over are due by {due} (FS-12, {days} days).',
    },
  },
  'delivery.arrived': {
    title: { 'zh-CN': '设备已到货，请核对数量并签收', en: 'Your equipment has arrived: please check the quantities and sign' },
    body: {
      'zh-CN': '{name}，您好：\n设备已到货，交付地址：{address}。\n请核对以下数量并签收：\n{list}{extra}',
      en: 'Dear {name},\nyour equipment has arrived at {address}.\nPlease check these quantities and sign for them:\n{list}{extra}',
    },
  },
  'delivery.discrepancy': {
    title: { 'zh-CN': '到货数量与清单不符', en: 'Delivered quantities differ from the list' },
    body: {
      'zh-CN': '交付 #{id} 客户核对的数量与应到数量不一致，请跟进。',
      en: "Delivery #{id}: the customer's counts differ from the expected quantities; please follow up.",
    },
  },
  'handover.started': {
    title: { 'zh-CN': '工作交接：{name}', en: 'Handover: {name}' },
    body: { 'zh-CN': '请核对交接清单并在全部移交后签字', en: 'Check the checklist and sign once everything is handed over' },
  },
  /** MTG-1: an action item followed up by the hourly job — the day before it is due, then once overdue. */
  ...framed(
    {
      title: { 'zh-CN': '会议待办{news}：{title}', en: 'Action item {news}: {title}' },
      body: { 'zh-CN': '{meeting}：{why}（负责人 {owner}）', en: '{meeting}: {why} (owner {owner})' },
    },
    {
      'meeting.actionDueSoon': { 'zh-CN': '即将到期', en: 'due soon' },
      'meeting.actionOverdue': { 'zh-CN': '已逾期', en: 'overdue' },
    },
  ),
  'meeting.actions': { title: { 'zh-CN': '会议待办：{title}', en: 'Action items from: {title}' }, body: verbatim('{items}') },
  'meeting.item': phrase({ 'zh-CN': '{title}', en: '{title}' }),
  'meeting.itemDue': phrase({ 'zh-CN': '{title}（{due} 前）', en: '{title} (by {due})' }),
  'meeting.separator': phrase({ 'zh-CN': '；', en: '; ' }),
});

/** WR-1/WR-7, obligations: plans, reports, volumes and the obligations they owe. */
export const REPORT_MESSAGES = defineMessages({
  'volume.toVerify': {
    title: { 'zh-CN': '{name} 报送了 {project} {month} 的工程量', en: "{name} reported {project}'s volume for {month}" },
    body: { 'zh-CN': '请核实实际完成的工程量（WR-7）', en: 'Verify the volume actually completed (WR-7)' },
  },
  'volume.verified': {
    title: { 'zh-CN': '{project} {month} 的工程量已核实', en: '{project} {month} volume verified' },
    body: verbatim('{name}{note}'),
  },
  'volume.sentBack': {
    title: { 'zh-CN': '{project} {month} 的工程量被退回', en: '{project} {month} volume sent back' },
    body: verbatim('{name}{note}'),
  },
  'weekly.planToApprove': {
    title: { 'zh-CN': '{name} 提交了 {week} 起一周的工作计划', en: '{name} filed the plan for the week of {week}' },
    body: { 'zh-CN': '请在该周开始前审批（WR-1）', en: 'Approve it before the week starts (WR-1)' },
  },
  'weekly.planApproved': {
    title: { 'zh-CN': '{week} 起一周的工作计划已批准', en: 'Your plan for the week of {week} was approved' },
    body: verbatim('{name}{note}'),
  },
  'weekly.planSentBack': {
    title: { 'zh-CN': '{week} 起一周的工作计划被退回', en: 'Your plan for the week of {week} was sent back' },
    body: verbatim('{name}{note}'),
  },
  'weekly.supervisorReport': {
    title: { 'zh-CN': '{name} 的技术服务周报（{week} 那一周）', en: "{name}'s weekly report (week of {week})" },
    body: verbatim('{judgement}'),
  },
  'obligation.excused': {
    title: { 'zh-CN': '{obligation}（{period}）已免责', en: '{obligation} ({period}) excused' },
    body: { 'zh-CN': '{name}：{reason}', en: '{name}: {reason}' },
  },
  'obligation.dueSoon': {
    title: { 'zh-CN': '即将截止：{obligation}（{period}）', en: 'Due soon: {obligation} ({period})' },
    body: verbatim('{explanation}'),
  },
  'obligation.overdue': {
    title: { 'zh-CN': '逾期未交：{name} 的{obligation}（{period}）', en: "Overdue: {name}'s {obligation} ({period})" },
    body: verbatim('{explanation}'),
  },
  /** SR-11b: the satisfaction survey's invitation to a customer contact. */
  'survey.invitation': {
    title: { 'zh-CN': '{title}', en: 'Customer satisfaction survey: {title}' },
    body: {
      'zh-CN':
        '{name} 您好：\n\n感谢贵单位（{customer}）对我们技术服务工作的支持。请花两分钟填写 {start} 至 {end} 的服务满意度问卷：\n{link}\n链接 {days} 天内有效，无需登录，每位联系人提交一次。',
      en: 'Dear {name} ({customer}), please rate our technical service of {start}–{end} (two minutes, no sign-in; the link works for {days} days):\n{link}',
    },
  },
});
