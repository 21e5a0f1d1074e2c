import type { TApprovalBatch, TApprovalItem, TApprovalKind, TBatchResult, TPermission } from '@techserve/core';
import { type Ctx, can } from '../../http/context';
import { forbidden } from '../../http/errors';
import { approveReturn, declineReturn } from '../field/returns.service';
import { approveLetter, rejectLetter } from '../field/letters.workflow';
import { decideLeave } from '../leave/leave.service';
import { decideRequest } from '../travel/travel.service';
import { runBatch } from './batch-runner';

/** The permission each kind's own decision route asks for, and the entity its audit entries name. */
const KINDS: Record<TApprovalKind, { permission: TPermission; entity: string }> = {
  leave: { permission: 'leave.approve', entity: 'leave_request' },
  travel: { permission: 'travel.approve', entity: 'travel_request' },
  letter: { permission: 'field.approve', entity: 'responsibility_letter' },
  return: { permission: 'field.approve', entity: 'responsibility_letter' },
};

type Decision = { approve: boolean; comment?: string };

/** One item through its own module's decision service, so every rule of a single decision applies (RS-4, TR-1/2, FS-2/9/10). */
function decideOne(ctx: Ctx, item: TApprovalItem, d: Decision): Promise<{ status: string }> {
  const { permission } = KINDS[item.kind];
  if (!can(ctx.actor, permission)) return Promise.reject(forbidden(`This needs the permission "${permission}"`));
  const { id, version } = item;
  const reason = d.comment ?? '';
  switch (item.kind) {
    case 'leave':
      return decideLeave(ctx, id, { version, approve: d.approve, comment: d.comment });
    case 'travel':
      return decideRequest(ctx, id, { version, approve: d.approve, approvedTransport: item.approvedTransport ?? [], comment: d.comment });
    case 'letter':
      return d.approve ? approveLetter(ctx, id, { version }) : rejectLetter(ctx, id, { version, reason });
    case 'return':
      return d.approve ? approveReturn(ctx, id, { version }) : declineReturn(ctx, id, { version, reason });
  }
}

/**
 * Issue 12 item 10: approve or reject several waiting items at once with one comment (a rejection's reason). Each is
 * decided by its module's own service in its own transaction; the answer reports each item's result, and a refusal
 * (stale version, already decided, a rule) leaves the others decided. Each item's outcome and the comment are audited.
 */
export function decideBatch(ctx: Ctx, body: TApprovalBatch): Promise<TBatchResult> {
  const decision: Decision = { approve: body.approve, comment: body.comment || undefined };
  const items = body.items.map((i) => Object.assign({}, i, { entity: KINDS[i.kind].entity }));
  return runBatch(ctx, body.approve ? 'approval.batch_approve' : 'approval.batch_reject', items, (i) => decideOne(ctx, i, decision), {
    comment: decision.comment ?? null,
  });
}
