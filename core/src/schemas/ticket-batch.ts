import { z } from 'zod';
import { ZRef } from './common';

/**
 * Bulk actions on the request list (issue 12 item 9; SR-4, SR-9): each request goes through the tickets service's own
 * transition with the version it has now, so every rule of a single transition applies; an illegal one is that
 * request's failure alone.
 */
export const TICKET_BATCH_ACTIONS = ['assign', 'accept', 'start', 'resume', 'close', 'cancel'] as const;
export const ZTicketBatch = z.strictObject({
  ids: z.array(ZRef).min(1).max(100),
  action: z.enum(TICKET_BATCH_ACTIONS),
  assigneeId: ZRef.nullable().optional().describe('assign: the engineer; null/absent = automatic (SR-4)'),
  reason: z.string().trim().max(500).optional(),
});
export type TTicketBatch = z.input<typeof ZTicketBatch>;
