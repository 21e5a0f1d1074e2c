import type { TTravelClaim, TTravelRequestSummary } from '@techserve/core';
import { type ListColumn, type Words, listExport, labelOf } from '../../files';
import { listClaims } from './claims.service';
import { listRequests } from './travel.service';

const STATUSES: Record<string, Words> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '待审批', en: 'Waiting for approval' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  completed: { 'zh-CN': '已完成', en: 'Completed' },
  paid: { 'zh-CN': '已付款', en: 'Paid' },
};
const WORK_TYPES: Record<string, Words> = {
  technicalGuidance: { 'zh-CN': '技术指导', en: 'Technical guidance' },
  construction: { 'zh-CN': '施工/焊接', en: 'Construction / welding' },
};
/** Fen as yuan with two decimals (the finance export's unit). */
const yuan = (fen: number) => Math.round(fen) / 100;

const TRIPS: ListColumn<TTravelRequestSummary>[] = [
  { header: { 'zh-CN': '申请号', en: 'No.' }, width: 8, value: (r) => r.id },
  { header: { 'zh-CN': '出差人', en: 'Traveller' }, width: 12, value: (r) => r.userName },
  { header: { 'zh-CN': '出差事由', en: 'Purpose' }, width: 36, value: (r) => r.purpose },
  { header: { 'zh-CN': '工作类型', en: 'Work type' }, width: 14, value: (r, lang) => labelOf(WORK_TYPES, r.workType, lang) },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 12, value: (r, lang) => labelOf(STATUSES, r.status, lang) },
  { header: { 'zh-CN': '开始日期', en: 'From' }, width: 12, value: (r) => r.startDate },
  { header: { 'zh-CN': '结束日期', en: 'To' }, width: 12, value: (r) => r.endDate },
  { header: { 'zh-CN': '创建时间', en: 'Created' }, width: 22, value: (r) => r.createdAt },
];

const CLAIMS: ListColumn<TTravelClaim>[] = [
  { header: { 'zh-CN': '报销单号', en: 'No.' }, width: 8, value: (c) => c.id },
  { header: { 'zh-CN': '出差申请号', en: 'Trip no.' }, width: 10, value: (c) => c.requestId },
  { header: { 'zh-CN': '报销人', en: 'Claimant' }, width: 12, value: (c) => c.userName },
  { header: { 'zh-CN': '状态', en: 'Status' }, width: 10, value: (c, lang) => labelOf(STATUSES, c.status, lang) },
  { header: { 'zh-CN': '实际开始', en: 'Actual start' }, width: 12, value: (c) => c.actualStartDate },
  { header: { 'zh-CN': '实际结束', en: 'Actual end' }, width: 12, value: (c) => c.actualEndDate },
  { header: { 'zh-CN': '费用（元）', en: 'Expenses (yuan)' }, width: 12, value: (c) => yuan(c.expensesFen) },
  { header: { 'zh-CN': '补助（元）', en: 'Allowances (yuan)' }, width: 12, value: (c) => yuan(c.allowanceFen) },
  { header: { 'zh-CN': '借支（元）', en: 'Advances (yuan)' }, width: 12, value: (c) => yuan(c.advanceFen) },
  { header: { 'zh-CN': '应付（元）', en: 'Payable (yuan)' }, width: 12, value: (c) => yuan(c.payableFen) },
  { header: { 'zh-CN': '审批人', en: 'Decided by' }, width: 12, value: (c) => c.decidedByName },
  { header: { 'zh-CN': '付款时间', en: 'Paid at' }, width: 22, value: (c) => c.paidAt },
];

/** Issue 12 item 9 (TR-1): the trip list with its view and status as Excel, through the list's reader check and scope. */
export const exportTrips = listExport({ 'zh-CN': '出差申请', en: 'Trips' }, TRIPS, listRequests);

/** Issue 12 item 9 (TR-4): the claim list with its view, status and month as Excel, in yuan. */
export const exportClaims = listExport({ 'zh-CN': '差旅报销', en: 'Travel claims' }, CLAIMS, listClaims);
