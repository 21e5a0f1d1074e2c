import { z } from 'zod';
import { zInt, zIntText } from './common';

// In-app notifications: each is stored in both languages so the reader's UI language picks the text.

const ZBilingual = z.object({ zh: z.string(), en: z.string() });

export const ZNotification = z.object({
  id: z.number(),
  kind: z.string().describe('What happened, e.g. "ticket.assigned", "sla.breached"'),
  title: ZBilingual,
  body: ZBilingual,
  link: z.string().nullable().describe('An in-app path to open, e.g. /tickets/12'),
  ticketId: z.number().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = z.strictObject({
  limit: zIntText().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  unread: z.enum(['true', 'false']).optional().describe('true: unread notifications only'),
});
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

export const ZUnreadCount = z.object({ count: zInt().nonnegative() });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;

export const ZReadAllResult = z.object({ updated: zInt().nonnegative() });
export type TReadAllResult = z.infer<typeof ZReadAllResult>;
