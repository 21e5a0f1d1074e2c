import type { TComplaint, TIncident } from '@techserve/core';
import { type ListColumn, type Words, listExport, labelOf } from '../../files';
import { listComplaints } from './complaints.service';
import { listIncidents } from './incidents.service';

const COMPLAINT_STATUSES: Record<string, Words> = {
  open: { 'zh-CN': '待受理', en: 'Open' },
  acknowledged: { 'zh-CN': '已受理', en: 'Acknowledged' },
  handled: { 'zh-CN': '已处理待确认', en: 'Handled, awaiting confirmation' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};
const LEVELS: Record<string, Words> = {
  vpOrAbove: { 'zh-CN': '公司副总以上领导', en: 'VP level or above' },
  salesManager: { 'zh-CN': '销售经理', en: 'A sales manager' },
  salesAdmin: { 'zh-CN': '销售内勤', en: 'Sales admin' },
  service: { 'zh-CN': '技术服务部', en: 'The service department' },
};
const INCIDENT_STATUSES: Record<string, Words> = {
  open: { 'zh-CN': '处理中', en: 'Open' },
  resolved: { 'zh-CN': '已解决', en: 'Resolved' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
  void: { 'zh-CN': '已作废', en: 'Void' },
};

const COMPLAINTS: ListColumn<TComplaint>[] = [
  { header: { 'zh-CN': '编号', en: 'No.' }, width: 8, value: (c) => c.id },
  { header: { 'zh-CN': '客户', en: 'Customer' }, width: 24, value: (c) => c.customerName },
  { header: { 'zh-CN': '投诉人', en: 'Complainant' }, width: 12, value: (c) => c.complainantName },
  { header: { 'zh-CN': '受理层级', en: 'Received by' }, width: 16, value: (c, lang) => labelOf(LEVELS, c.level, lang) },
  { header: { 'zh-CN': '事由', en: 'Subject' }, width: 36, value: (c) => c.subject },
  { header: { 'zh-CN': '被投诉人', en: 'About' }, width: 12, value: (c) => c.aboutUserName },
  { header: { 'zh-CN': '服务请求', en: 'Service request' }, width: 20, value: (c) => c.ticketNumber },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 14, value: (c, lang) => labelOf(COMPLAINT_STATUSES, c.status, lang) },
  { header: { 'zh-CN': '接收时间', en: 'Received at' }, width: 22, value: (c) => c.receivedAt },
];

const INCIDENTS: ListColumn<TIncident>[] = [
  { header: { 'zh-CN': '编号', en: 'No.' }, width: 8, value: (i) => i.id },
  { header: { 'zh-CN': '类别', en: 'Class' }, width: 14, value: (i, lang) => i.className[lang] },
  { header: { 'zh-CN': '标题', en: 'Title' }, width: 36, value: (i) => i.title },
  { header: { 'zh-CN': '责任工程师', en: 'Engineer' }, width: 12, value: (i) => i.engineerName },
  { header: { 'zh-CN': '客户', en: 'Customer' }, width: 24, value: (i) => i.customerName },
  { header: { 'zh-CN': '服务请求', en: 'Service request' }, width: 20, value: (i) => i.ticketNumber },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 10, value: (i, lang) => labelOf(INCIDENT_STATUSES, i.status, lang) },
  { header: { 'zh-CN': '发生时间', en: 'Occurred at' }, width: 22, value: (i) => i.occurredAt },
  { header: { 'zh-CN': '解决时间', en: 'Resolved at' }, width: 22, value: (i) => i.resolvedAt },
];

/** Issue 12 item 9 (SR-14): the complaint list with its filters as Excel, within the complaints' scope. */
export const exportComplaints = listExport({ 'zh-CN': '投诉', en: 'Complaints' }, COMPLAINTS, listComplaints);

/** Issue 12 item 9 (IN-1..3): the incident list with its filters as Excel, within the incidents' scope. */
export const exportIncidents = listExport({ 'zh-CN': '事故', en: 'Incidents' }, INCIDENTS, listIncidents);
