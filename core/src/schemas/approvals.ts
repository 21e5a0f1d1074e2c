import { z } from 'zod';
import { ZRef, ZVersion, zInt } from './common';
import { ZTransportMode } from '../policy/travelPolicy';

/**
 * Batch approvals (issue 12 item 10): leave (RS-4), travel requests (TR-1/TR-2), responsibility letters (FS-2/FS-10)
 * and returns (FS-9), each decided by its own module's service, one after another; each item's result is its own.
 */
export const APPROVAL_KINDS = ['leave', 'travel', 'letter', 'return'] as const;
export const ZApprovalKind = z.enum(APPROVAL_KINDS);
export type TApprovalKind = z.infer<typeof ZApprovalKind>;

export const ZApprovalItem = z.strictObject({
  kind: ZApprovalKind,
  id: ZRef,
  version: ZVersion,
  /** TR-2: a travel request's modes needing prior approval that this approval allows. */
  approvedTransport: z.array(ZTransportMode).max(10).optional(),
});
export type TApprovalItem = z.infer<typeof ZApprovalItem>;

export const ZApprovalBatch = z
  .strictObject({
    approve: z.boolean(),
    comment: z.string().trim().max(500).optional().describe('Kept with each decision; a rejection needs one (its reason)'),
    items: z.array(ZApprovalItem).min(1).max(100),
  })
  .refine((b) => b.approve || (b.comment ?? '').length > 0, { message: 'a rejection needs a comment (its reason)', path: ['comment'] });
export type TApprovalBatch = z.input<typeof ZApprovalBatch>;

/** One item's outcome: ok with the new status, or the refusal its module gave (code, message, reason key). */
export const ZBatchItemResult = z.object({
  kind: z.string(),
  id: zInt().positive(),
  ok: z.boolean(),
  status: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), reason: z.string().optional(), ruleId: z.string().optional() }).nullable(),
});
export type TBatchItemResult = z.infer<typeof ZBatchItemResult>;
export const ZBatchResult = z.object({
  succeeded: zInt().nonnegative(),
  failed: zInt().nonnegative(),
  results: z.array(ZBatchItemResult),
});
export type TBatchResult = z.infer<typeof ZBatchResult>;
