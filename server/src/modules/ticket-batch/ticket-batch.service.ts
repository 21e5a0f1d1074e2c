import type { TBatchResult, TTicketBatch, TTicketListQuery, TTicketSummary, TTicketTransition } from '@techserve/core';
import { nowIso } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { type ListColumn, listWorkbook } from '../../files';
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

/** The most rows one export holds; beyond it the file says so and the user narrows the filters. */
export const EXPORT_MAX_ROWS = 5000;

const STATE_ZH: Record<string, string> = {
  new: '新建',
  assigned: '已分配',
  accepted: '已接单',
  in_progress: '处理中',
  waiting: '等待客户',
  resolved: '已解决',
  confirmed: '已确认',
  closed: '已关闭',
  cancelled: '已取消',
};

const COLUMNS: ListColumn<TTicketSummary>[] = [
  { header: '编号', width: 20, value: (t) => t.number },
  { header: '标题', width: 40, value: (t) => t.title },
  { header: '客户', width: 24, value: (t) => t.customerName },
  { header: '状态', width: 10, value: (t) => STATE_ZH[t.state] ?? t.state },
  { header: '优先级', width: 8, value: (t) => t.priority },
  { header: '负责人', width: 12, value: (t) => t.assigneeName },
  { header: 'SLA 下一到期', width: 22, value: (t) => t.nextDueAt },
  { header: '已超时', width: 8, value: (t) => (t.slaBreached ? '是' : '否') },
  { header: '创建时间', width: 22, value: (t) => t.createdAt },
  { header: '更新时间', width: 22, value: (t) => t.updatedAt },
];

/** Issue 12 item 9: the request list with its filters as Excel, read page by page through the tickets list (its scope). */
export async function exportTickets(ctx: Ctx, query: TTicketListQuery): Promise<{ fileName: string; data: Buffer }> {
  const rows: TTicketSummary[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const page = await listTickets(ctx, { ...query, limit: 200, cursor });
    rows.push(...page.items);
    if (!page.nextCursor) break;
    if (rows.length >= EXPORT_MAX_ROWS) {
      truncated = true;
      break;
    }
    cursor = page.nextCursor;
  }
  const exportedAt = nowIso(ctx.clock);
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  const data = await listWorkbook({
    sheet: '服务请求',
    columns: COLUMNS,
    rows: rows.slice(0, EXPORT_MAX_ROWS),
    filters,
    exportedAt,
    truncated,
  });
  return { fileName: `服务请求-${exportedAt.slice(0, 10)}.xlsx`, data };
}
