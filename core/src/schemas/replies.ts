import { z } from 'zod';
import { ZRef, ZVersion, zInt } from './common';

/**
 * Canned replies (issue 12 item 10; SR-8): a team's templates with {{variables}} (core/src/replies). Read by whoever
 * works requests (tickets.work), managed with replies.manage — a team-scoped manager its own team's only.
 */
export const ZCannedReply = z.object({
  id: zInt().positive(),
  teamId: zInt().positive().nullable().describe('null = every team'),
  teamName: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  updatedAt: z.string(),
  version: zInt().nonnegative(),
});
export type TCannedReply = z.infer<typeof ZCannedReply>;

const title = z.string().trim().min(1).max(100);
const body = z.string().trim().min(1).max(5000);

export const ZCannedReplyCreate = z.strictObject({ teamId: ZRef.nullable().default(null), title, body });
export type TCannedReplyCreate = z.input<typeof ZCannedReplyCreate>;
export const ZCannedReplyUpdate = z.strictObject({
  version: ZVersion,
  teamId: ZRef.nullable().optional(),
  title: title.optional(),
  body: body.optional(),
});
export type TCannedReplyUpdate = z.input<typeof ZCannedReplyUpdate>;

export const ZCannedReplyRender = z.strictObject({ ticketId: ZRef });
export const ZCannedReplyRendered = z.object({
  text: z.string(),
  /** Variables this request has no value for (e.g. no contact): left empty for the agent to fill in. */
  missing: z.array(z.string()),
});
export type TCannedReplyRendered = z.infer<typeof ZCannedReplyRendered>;
