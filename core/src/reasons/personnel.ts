import { defineReasons } from './catalogue';

/** RS-6/RS-7/RS-4b: changes of resident personnel and the client IT office's second approvals (issue 14). */
export const PERSONNEL_REASONS = defineReasons({
  'personnel.notResident': { 'zh-CN': '#{userId} 不是驻场人员（未分配现场）', en: '#{userId} is not a resident (no site)' },
  'personnel.changeDateNotWorking': {
    'zh-CN': '变更日 {date} 不是现场日历上的工作日',
    en: 'The change date {date} is not a working day on the site calendar',
  },
  'personnel.noticeLate': {
    'zh-CN': '人员变动须提前 {months} 个月通知：变更日 {changeDate} 最晚应在 {latest} 通知（今天 {noticeOn}）',
    en: 'A change is announced {months} month(s) ahead: for {changeDate} by {latest} (today is {noticeOn})',
  },
  'personnel.requestLate': {
    'zh-CN': '变更申请须在变更日 {changeDate} 前 {required} 个工作日（最晚 {deadline}）提出，现只剩 {workingDays} 个工作日',
    en: 'The change request is due {required} working days before {changeDate} (by {deadline}); only {workingDays} are left',
  },
  'personnel.replacementLate': {
    'zh-CN': '更换须在 {dueDate} 前完成，变更日 {changeDate} 已超期',
    en: 'The replacement is due by {dueDate}; the change date {changeDate} is later',
  },
  'personnel.handoverShort': {
    'zh-CN': '工作交接不少于 {required} 个工作日：{start}～{end} 只有 {workingDays} 个',
    en: 'A handover lasts at least {required} working days: {start}–{end} has {workingDays}',
  },
  'personnel.handoverBeforeApproval': { 'zh-CN': '甲方批准后才能开始交接', en: 'The handover starts after the client approved the change' },
  'personnel.cvMissing': { 'zh-CN': '请先上传新人员的简历及资质证书', en: 'Upload the newcomer’s CV and qualifications first' },
  'personnel.badStatus': { 'zh-CN': '当前状态（{status}）不能进行此操作', en: 'Not possible in the current state ({status})' },
  'personnel.ownDecision': { 'zh-CN': '不能审批自己提出或涉及自己的变更', en: 'You cannot decide a change you filed or that concerns you' },
  'personnel.checklistOpen': {
    'zh-CN': '交接清单尚未完成：{items}',
    en: 'The handover checklist is not complete: {items}',
  },
  'personnel.handoverNotEnded': {
    'zh-CN': '交接期至 {end} 结束，结束后才能签署确认表',
    en: 'The handover runs until {end}; the form is signed after it',
  },
  'personnel.notSigner': { 'zh-CN': '你不能以「{role}」身份签署', en: 'You cannot sign as {role}' },
  'personnel.alreadySigned': { 'zh-CN': '「{role}」已签署', en: '{role} has already signed' },
  'personnel.openChange': { 'zh-CN': '该人员已有进行中的变更 #{id}', en: 'This resident already has a change in progress (#{id})' },
  'personnel.cvType': { 'zh-CN': '简历须为便携文档、文字处理文档或图片文件', en: 'The CV must be a PDF, Word document or image' },
  'personnel.cancelNotAllowed': {
    'zh-CN': '只有提出人或人事可以在甲方批准前撤销变更',
    en: 'Only whoever filed the change or HR may cancel it before the client approved it',
  },
  'personnel.cancelNeedsClient': {
    'zh-CN': '甲方已批准或由甲方提出，撤销须由甲方信息科办理',
    en: 'The client approved or asked for this change: only the client IT office may cancel it',
  },
  'personnel.cancelSigned': {
    'zh-CN': '工作交接确认表已开始签署，变更不能撤销',
    en: 'The handover confirmation form is being signed: the change can no longer be cancelled',
  },
  'personnel.noClientApproval': {
    'zh-CN': '该事项不需要或已完成甲方审批',
    en: 'This item does not wait for the client’s approval',
  },
});
