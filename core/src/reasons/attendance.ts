import { defineReasons } from './catalogue';

/** RS-1..5, AT-1, AT-3: attendance punches, corrections, reported absences and site settings (issue 14). */
export const ATTENDANCE_REASONS = defineReasons({
  'attendance.duplicatePunch': {
    'zh-CN': '{minutes} 分钟内已打过卡（{at}）',
    en: 'You already punched within {minutes} minutes ({at})',
  },
  'attendance.futureCorrection': {
    'zh-CN': '不能为将来的时间补卡（{date} {time}）',
    en: 'A correction cannot be for a future time ({date} {time})',
  },
  'attendance.correctionDecided': { 'zh-CN': '该补卡申请已处理（{status}）', en: 'This correction was already decided ({status})' },
  'attendance.ownCorrection': { 'zh-CN': '不能审批自己的补卡申请', en: 'You cannot decide your own correction' },
  'attendance.correctionExists': {
    'zh-CN': '{date} {time} 已有补卡申请',
    en: 'There is already a correction for {date} {time}',
  },
  'attendance.notStaff': { 'zh-CN': '没有在职员工 #{userId}', en: 'No active member of staff #{userId}' },
  'attendance.noSuchSite': { 'zh-CN': '现场不存在', en: 'No such site' },
  'attendance.futureReport': {
    'zh-CN': '不能报告将来日期（{date}）的旷工',
    en: 'An absence cannot be reported for a future date ({date})',
  },
  'attendance.importBadTime': { 'zh-CN': '第 {line} 行：无法识别打卡时间', en: 'Line {line}: the punch time cannot be read' },
  'attendance.importNoEmployeeNo': { 'zh-CN': '第 {line} 行：缺少工号', en: 'Line {line}: no employee number' },
  'attendance.importColumns': {
    'zh-CN': '表头中找不到对应的列，请设置列对应关系',
    en: 'The header lacks the mapped columns; set the column mapping',
  },
  'attendance.importUnknownEmployee': {
    'zh-CN': '第 {line} 行：没有工号为 {employeeNo} 的在职员工',
    en: 'Line {line}: no active member of staff with employee number {employeeNo}',
  },
  'attendance.importFuture': { 'zh-CN': '第 {line} 行：打卡时间在将来', en: 'Line {line}: the punch time is in the future' },
  'attendance.importClosedMonth': { 'zh-CN': '第 {line} 行：{month} 已结账', en: 'Line {line}: {month} is closed' },
  'attendance.importOutOfScope': {
    'zh-CN': '第 {line} 行：该员工不在您的管理范围内',
    en: 'Line {line}: this person is outside your scope',
  },
  'attendance.notAtSite': {
    'zh-CN': '#{userId} 不是该现场的驻场人员，或不在您的范围内',
    en: '#{userId} is not a resident of this site within your scope',
  },
  // AT-5/AT-5b: overtime.
  'attendance.overtimeNotInAdvance': {
    'zh-CN': '加班须事先申请：{date} {start} 已过',
    en: 'Overtime must be requested in advance: {date} {start} has passed',
  },
  'attendance.overtimeTooLate': {
    'zh-CN': '加班 {date} {start}–{end} 已结束，不能再安排',
    en: 'The overtime {date} {start}–{end} has ended and cannot be ordered any more',
  },
  'attendance.overtimeOverlap': {
    'zh-CN': '与已申请的加班 #{id} 时间重叠',
    en: 'Overlaps overtime #{id} already requested',
  },
  'attendance.overtimeOrderNotAllowed': {
    'zh-CN': '只有该项目的项目经理或员工的上级可以安排加班',
    en: 'Only the project’s manager or the employee’s superior may order overtime',
  },
  'attendance.overtimeDecided': { 'zh-CN': '该加班申请已处理（{status}）', en: 'This overtime was already decided ({status})' },
  'attendance.ownOvertime': { 'zh-CN': '不能审批自己的加班', en: 'You cannot decide your own overtime' },
});
