import type { TBatchItemResult, TBatchResult } from '@techserve/core';
import type { Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';

/** One item of a batch; `entity` names its row in the audit log (as its module's own entries do). */
export type BatchItem = { kind: string; id: number; entity: string };

/**
 * Issue 12 items 9 and 10: runs `decide` for each item, one after another, each in its own module's transaction —
 * a refusal of one is its own result and never undoes the others. Each item's outcome is audited (`action`, with
 * `note` such as the approver's comment), whether it succeeded or not.
 */
export async function runBatch<T extends BatchItem>(
  ctx: Ctx,
  action: string,
  items: T[],
  decide: (item: T) => Promise<{ status: string }>,
  note: Record<string, unknown> = {},
): Promise<TBatchResult> {
  const results: TBatchItemResult[] = [];
  for (const item of items) {
    let result: TBatchItemResult;
    try {
      const { status } = await decide(item);
      result = { kind: item.kind, id: item.id, ok: true, status, error: null };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const error = Object.assign(
        { code: e.code, message: e.message },
        e.extra.reason !== undefined && { reason: e.extra.reason },
        e.extra.ruleId !== undefined && { ruleId: e.extra.ruleId },
      );
      result = { kind: item.kind, id: item.id, ok: false, status: null, error };
    }
    results.push(result);
    await recordAudit(ctx.db, ctx, {
      action,
      entity: item.entity,
      entityId: item.id,
      after: Object.assign({ ok: result.ok, status: result.status, error: result.error?.code ?? null }, note),
    });
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
