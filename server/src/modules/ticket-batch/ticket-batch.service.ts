import type { TBatchResult, TTicketBatch, TTicketSummary, TTicketTransition } from '@techserve/core';
import type { Ctx } from '../../http/context';
import { type ListColumn, type Words, listExport, labelOf, yesNo } from '../../files';
import { runBatch } from '../approvals/batch-runner';
import { getTicket } from '../tickets/tickets.detail';
import { listTickets, transition } from '../tickets/tickets.service';

/**
 * Issue 12 item 9 (SR-4..9): one action on several requests. Each goes through the tickets service's own transition
 * at the version it has now (read in its scope: 404 outside it), so the legality, permission and SLA rules of a single
 * transition apply; an illegal one is that request's failure alone, and each outcome is audited.
 */
export function batchTransition(ctx: Ctx, body: TTicketBatch): Promise<TBatchResult> {
  const items = [...new Set(body.ids)].map((id) => ({ kind: 'ticket', id, entity: 'ticket' }));
  return runBatch(ctx, `ticket.batch_${body.action}`, items, async ({ id }) => {
    const { version } = await getTicket(ctx, id);
    const payload = (
      body.action === 'assign'
        ? { action: 'assign', version, assigneeId: body.assigneeId ?? null, reason: body.reason }
        : { action: body.action, version }
    ) as TTicketTransition;
    return { status: (await transition(ctx, id, payload)).state };
  });
}

const STATES: Record<string, Words> = {
  new: { 'zh-CN': '新建', en: 'New' },
  assigned: { 'zh-CN': '已分配', en: 'Assigned' },
  accepted: { 'zh-CN': '已接单', en: 'Accepted' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  waiting: { 'zh-CN': '等待客户', en: 'Waiting for the customer' },
  resolved: { 'zh-CN': '已解决', en: 'Resolved' },
  confirmed: { 'zh-CN': '已确认', en: 'Confirmed' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

const COLUMNS: ListColumn<TTicketSummary>[] = [
  { header: { 'zh-CN': '编号', en: 'Number' }, width: 20, value: (t) => t.number },
  { header: { 'zh-CN': '标题', en: 'Title' }, width: 40, value: (t) => t.title },
  { header: { 'zh-CN': '客户', en: 'Customer' }, width: 24, value: (t) => t.customerName },
  { header: { 'zh-CN': '状态', en: 'State' }, width: 10, value: (t, lang) => labelOf(STATES, t.state, lang) },
  { header: { 'zh-CN': '优先级', en: 'Priority' }, width: 8, value: (t) => t.priority },
  { header: { 'zh-CN': '负责人', en: 'Assignee' }, width: 12, value: (t) => t.assigneeName },
  { header: { 'zh-CN': 'SLA 下一到期', en: 'SLA next due' }, width: 22, value: (t) => t.nextDueAt },
  { header: { 'zh-CN': '已超时', en: 'Breached' }, width: 8, value: (t, lang) => yesNo(t.slaBreached, lang) },
  { header: { 'zh-CN': '创建时间', en: 'Created' }, width: 22, value: (t) => t.createdAt },
  { header: { 'zh-CN': '更新时间', en: 'Updated' }, width: 22, value: (t) => t.updatedAt },
];

/**
 * Issue 12 item 9: the request list with its filters and sort as Excel, read page by page through the tickets list
 * (its scope).
 */
export const exportTickets = listExport({ 'zh-CN': '服务请求', en: 'Service requests' }, COLUMNS, listTickets);
