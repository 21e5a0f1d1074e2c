import type { TLeaveRequest } from '@techserve/core';
import { type ListColumn, listExport, labelOf, yesNo } from '../../files';
import { listLeave } from './leave.service';

const STATUSES = {
  submitted: { 'zh-CN': '待审批', en: 'Submitted' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
};

const COLUMNS: ListColumn<TLeaveRequest>[] = [
  { header: { 'zh-CN': '申请人', en: 'Applicant' }, width: 12, value: (l) => l.userName },
  { header: { 'zh-CN': '假别', en: 'Type' }, width: 12, value: (l, lang) => l.typeName[lang] },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 10, value: (l, lang) => labelOf(STATUSES, l.status, lang) },
  { header: { 'zh-CN': '开始日期', en: 'From' }, width: 12, value: (l) => l.startDate },
  { header: { 'zh-CN': '结束日期', en: 'To' }, width: 12, value: (l) => l.endDate },
  { header: { 'zh-CN': '工作日天数', en: 'Working days' }, width: 10, value: (l) => l.days },
  { header: { 'zh-CN': '事由', en: 'Reason' }, width: 30, value: (l) => l.reason },
  { header: { 'zh-CN': '代理人', en: 'Stand-in' }, width: 12, value: (l) => l.standInName },
  { header: { 'zh-CN': '紧急', en: 'Emergency' }, width: 8, value: (l, lang) => yesNo(l.emergency, lang) },
  { header: { 'zh-CN': '逾期提交', en: 'Filed late' }, width: 8, value: (l, lang) => yesNo(l.late, lang) },
  { header: { 'zh-CN': '审批人', en: 'Decided by' }, width: 12, value: (l) => l.decidedByName },
  { header: { 'zh-CN': '审批时间', en: 'Decided at' }, width: 22, value: (l) => l.decidedAt },
];

/** Issue 12 item 9 (RS-4): the leave list with its view and status as Excel, through the list's own reader check and scope. */
export const exportLeave = listExport({ 'zh-CN': '请假', en: 'Leave' }, COLUMNS, listLeave);
