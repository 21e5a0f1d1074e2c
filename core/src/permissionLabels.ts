import type { TDataScope, TPermission } from './permissions';

/** A text in both UI languages (zh-CN first). */
export type TBilingual = { 'zh-CN': string; en: string };

/**
 * What each permission is called on the roles page and in the role form (ORG-2). One record per permission: adding a
 * permission to PERMISSIONS without naming it here fails the type check.
 */
export const PERMISSION_LABELS: Record<TPermission, TBilingual> = {
  'users.read': { 'zh-CN': '查看用户', en: 'View users' },
  'users.manage': { 'zh-CN': '管理用户', en: 'Manage users' },
  'roles.manage': { 'zh-CN': '管理角色与权限', en: 'Manage roles and permissions' },
  'org.read': { 'zh-CN': '查看组织架构', en: 'View organisation' },
  'org.manage': { 'zh-CN': '管理组织架构', en: 'Manage organisation' },
  'audit.read': { 'zh-CN': '查看审计日志', en: 'View audit log' },
  'tokens.manage': { 'zh-CN': '管理接口令牌', en: 'Manage API tokens' },
  'policy.read': { 'zh-CN': '查看制度规则', en: 'View policy' },
  'policy.manage': { 'zh-CN': '管理制度规则', en: 'Manage policy' },
  'policy.approve': { 'zh-CN': '审批制度规则变更', en: 'Approve policy changes' },
  'calendars.read': { 'zh-CN': '查看工作日历', en: 'View calendars' },
  'calendars.manage': { 'zh-CN': '管理工作日历', en: 'Manage calendars' },
  'customers.read': { 'zh-CN': '查看客户档案', en: 'View customers' },
  'customers.manage': { 'zh-CN': '管理客户档案', en: 'Manage customers' },
  'customers.service': { 'zh-CN': '巡检回访与设备收发登记', en: 'Inspections, visits and device custody' },
  'customers.fees': { 'zh-CN': '查看维修收费（财务）', en: 'Repair fees for finance' },
  'tickets.read': { 'zh-CN': '查看服务请求', en: 'View service requests' },
  'tickets.create': { 'zh-CN': '登记服务请求', en: 'Register service requests' },
  'tickets.work': { 'zh-CN': '处理服务请求', en: 'Work on service requests' },
  'tickets.assign': { 'zh-CN': '派单与队列', en: 'Assign service requests' },
  'tickets.manage': { 'zh-CN': '管理服务请求（取消、关闭、升级）', en: 'Manage service requests (cancel, close, escalate)' },
  'replies.manage': { 'zh-CN': '管理快捷回复模板', en: 'Manage canned replies' },
  'defects.report': { 'zh-CN': '登记产品缺陷（报研发或生产）', en: 'Report product defects (to R&D or production)' },
  'defects.answer': { 'zh-CN': '答复产品缺陷报告', en: 'Answer defect reports' },
  'tickets.approve': { 'zh-CN': '审批服务请求（总经理）', en: 'Approve service requests (GM)' },
  'tickets.confirm': { 'zh-CN': '客户确认与评价', en: 'Customer confirmation and rating' },
  'field.read': { 'zh-CN': '查看现场服务', en: 'View field service' },
  'field.notice': { 'zh-CN': '发起服务通知', en: 'Raise service notices' },
  'field.work': { 'zh-CN': '执行现场服务', en: 'Do field service' },
  'field.dispatch': { 'zh-CN': '派工调度', en: 'Dispatch engineers' },
  'field.approve': { 'zh-CN': '审批派工单与返程', en: 'Approve service letters and returns' },
  'field.sign': { 'zh-CN': '签发服务通知', en: 'Sign service notices' },
  'field.ledger': { 'zh-CN': '派工单台账（销售内勤）', en: 'Service letter ledger (sales admin)' },
  'travel.request': { 'zh-CN': '申请出差与报销', en: 'Request trips and claims' },
  'travel.approve': { 'zh-CN': '审批出差', en: 'Approve trips' },
  'travel.finance': { 'zh-CN': '差旅财务（借款、结算、导出）', en: 'Travel finance (advances, settlement, export)' },
  'projects.read': { 'zh-CN': '查看项目', en: 'View projects' },
  'projects.manage': { 'zh-CN': '管理项目', en: 'Manage projects' },
  'leave.request': { 'zh-CN': '申请请假', en: 'Request leave' },
  'leave.approve': { 'zh-CN': '审批请假', en: 'Approve leave' },
  'reports.write': { 'zh-CN': '填写日志、计划与周报', en: 'Write daily logs, plans and weekly reports' },
  'reports.review': { 'zh-CN': '审阅报告与审批计划', en: 'Review reports and approve plans' },
  'reports.supervise': { 'zh-CN': '部门月报与工作量', en: 'Department monthly report and workload' },
  'obligations.excuse': { 'zh-CN': '豁免待办事项', en: 'Excuse obligations' },
  'months.close': { 'zh-CN': '月度结账', en: 'Close months' },
  'incidents.read': { 'zh-CN': '查看投诉与事件', en: 'View complaints and incidents' },
  'incidents.report': { 'zh-CN': '登记投诉', en: 'Register complaints' },
  'incidents.manage': { 'zh-CN': '处理投诉与事件', en: 'Handle complaints and incidents' },
  'surveys.read': { 'zh-CN': '查看满意度调查结果', en: 'View satisfaction surveys' },
  'surveys.manage': { 'zh-CN': '发起满意度调查', en: 'Send satisfaction surveys' },
  'surveys.answer': { 'zh-CN': '填写满意度调查（客户）', en: 'Answer satisfaction surveys (customer)' },
  'training.attend': { 'zh-CN': '参加培训与考试', en: 'Attend training and exams' },
  'training.manage': { 'zh-CN': '管理培训（计划、题库、阅卷）', en: 'Manage training (plans, question bank, grading)' },
  'meetings.read': { 'zh-CN': '查看会议纪要', en: 'View meeting minutes' },
  'meetings.manage': { 'zh-CN': '记录会议纪要与待办', en: 'Record minutes and action items' },
  'attendance.punch': { 'zh-CN': '本人打卡与补卡', en: 'Own clock-in and corrections' },
  'attendance.approve': { 'zh-CN': '审批补卡与缺勤', en: 'Approve corrections and absences' },
  'attendance.read': { 'zh-CN': '查看考勤汇总', en: 'View attendance' },
  'attendance.manage': { 'zh-CN': '管理考勤设置（围栏、网络）', en: 'Manage attendance settings (geofence, network)' },
  'appraisal.self': { 'zh-CN': '本人考核（自评、异议）', en: 'Own appraisal (self-appraisal, disputes)' },
  'appraisal.review': { 'zh-CN': '考核评分与调整', en: 'Score and adjust appraisals' },
  'appraisal.approve': { 'zh-CN': '考核核定签字', en: 'Approve and sign appraisals' },
  'appraisal.export': { 'zh-CN': '导出考核表（财务）', en: 'Export appraisal sheets (finance)' },
  'awards.vote': { 'zh-CN': '优秀员工投票', en: 'Vote for the best employee' },
  'awards.review': { 'zh-CN': '优秀员工审核与否决', en: 'Review and veto best-employee candidates' },
  'awards.confirm': { 'zh-CN': '优秀员工确认（总经理）', en: 'Confirm the best employees (GM)' },
  'kpi.self': { 'zh-CN': '本人绩效指标与自评', en: 'Own KPIs and self-appraisal' },
  'kpi.review': { 'zh-CN': '绩效指标上级评估', en: 'Score KPIs as the superior' },
  'kpi.consolidate': { 'zh-CN': '绩效指标汇总（人事）', en: 'Consolidate KPIs (HR)' },
  'attendance.spotcheck': { 'zh-CN': '现场在岗抽查', en: 'Spot-check presence at a site' },
  'residents.read': { 'zh-CN': '查看驻场现场、运维记录与扣分', en: 'View resident sites, operations records and conduct points' },
  'residents.write': { 'zh-CN': '填写运维记录、设备资料与备份', en: 'Write operations records, the equipment register and backups' },
  'residents.manage': { 'zh-CN': '管理驻场合同（人数与期限）', en: 'Manage resident contracts (head-count and period)' },
  'residents.conduct': { 'zh-CN': '记录驻场人员扣分', en: 'Record residents’ conduct points' },
  'residents.sign': { 'zh-CN': '甲方签字确认运维记录', en: 'Sign operations records for the client' },
  'handover.manage': { 'zh-CN': '办理离职/调岗交接', en: 'Run handovers on leaving or transfer' },
  'handover.override': { 'zh-CN': '批准未完成交接即停用账号', en: 'Allow disabling an account without a handover' },
  'personnel.read': { 'zh-CN': '查看驻场人员变更', en: 'View resident personnel changes' },
  'personnel.manage': { 'zh-CN': '办理驻场人员变更与交接', en: 'Handle resident personnel changes and handovers' },
  'personnel.approve': { 'zh-CN': '审批驻场人员变更（公司）', en: 'Approve resident personnel changes (company)' },
  'personnel.client': { 'zh-CN': '甲方审批（变更、续假、补卡）', en: 'Client approval (changes, leave extensions, corrections)' },
  'personnel.sign': { 'zh-CN': '签署工作交接确认表', en: 'Sign the handover confirmation form' },
  'pay.read': { 'zh-CN': '查看工资与提成台账', en: 'View pay and the commission ledger' },
  'pay.export': { 'zh-CN': '导出工资表、计提与发放提成', en: 'Export the payroll, book and release commission' },
  'pay.manage': { 'zh-CN': '管理薪酬档案与非计件天数', en: 'Manage pay profiles and non-piece days' },
  'dashboard.read': {
    'zh-CN': '查看经营看板（服务时限达成率、服务量、满意度）',
    en: 'View the executive dashboard (SLA compliance, volumes, satisfaction)',
  },
};

/** What each data scope is called (which rows a role sees). */
export const DATA_SCOPE_LABELS: Record<TDataScope, TBilingual> = {
  own: { 'zh-CN': '本人', en: 'Own' },
  team: { 'zh-CN': '本组', en: 'Team' },
  region: { 'zh-CN': '本区域', en: 'Region' },
  department: { 'zh-CN': '本部门', en: 'Department' },
  all: { 'zh-CN': '全部', en: 'All' },
  company: { 'zh-CN': '本客户单位', en: 'Own company' },
  site: { 'zh-CN': '本院区/现场', en: 'Own site' },
};

/** A permission's name in the UI language (zh-CN unless 'en'); the key itself only for a name the server knows and this build does not. */
export function permissionLabel(permission: string, language: string): string {
  const label = (PERMISSION_LABELS as Record<string, TBilingual | undefined>)[permission];
  if (!label) return permission;
  return language === 'en' ? label.en : label['zh-CN'];
}

/** A data scope's name in the UI language (zh-CN unless 'en'). */
export function dataScopeLabel(scope: string, language: string): string {
  const label = (DATA_SCOPE_LABELS as Record<string, TBilingual | undefined>)[scope];
  if (!label) return scope;
  return language === 'en' ? label.en : label['zh-CN'];
}
