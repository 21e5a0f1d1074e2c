import type { TLetterSummary } from '@techserve/core';
import { type ListColumn, listExport, labelOf } from '../../files';
import { listLetters } from './letters.service';

const STATUSES = {
  draft: { 'zh-CN': '填写中', en: 'Draft' },
  submitted: { 'zh-CN': '待审批', en: 'Submitted' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  on_site: { 'zh-CN': '现场服务中', en: 'On site' },
  return_requested: { 'zh-CN': '申请返程', en: 'Return requested' },
  returned: { 'zh-CN': '已返程', en: 'Returned' },
  confirmed: { 'zh-CN': '已确认', en: 'Confirmed' },
  booked: { 'zh-CN': '已登记台账', en: 'Booked' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

const COLUMNS: ListColumn<TLetterSummary>[] = [
  { header: { 'zh-CN': '编号', en: 'Number' }, width: 14, value: (l) => l.number },
  { header: { 'zh-CN': '标题', en: 'Title' }, width: 36, value: (l) => l.title },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 12, value: (l, lang) => labelOf(STATUSES, l.status, lang) },
  { header: { 'zh-CN': '客户', en: 'Customer' }, width: 24, value: (l) => l.customerName },
  { header: { 'zh-CN': '现场', en: 'Site' }, width: 20, value: (l) => l.siteName },
  { header: { 'zh-CN': '服务请求', en: 'Service request' }, width: 20, value: (l) => l.ticketNumber },
  { header: { 'zh-CN': '预约时间', en: 'Appointment' }, width: 22, value: (l) => l.appointmentAt },
  { header: { 'zh-CN': '工程师', en: 'Engineers' }, width: 24, value: (l) => l.engineers.map((e) => e.name).join('、') },
  { header: { 'zh-CN': '创建时间', en: 'Created' }, width: 22, value: (l) => l.createdAt },
];

/** Issue 12 item 9 (FS-2): the letter list with its box and status as Excel, within the letters' scope. */
export const exportLetters = listExport({ 'zh-CN': '项目责任书', en: 'Letters' }, COLUMNS, listLetters);
