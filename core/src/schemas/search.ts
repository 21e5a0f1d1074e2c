import { z } from 'zod';
import { zInt, zIntText } from './common';

/**
 * Global search (issue 12 item 8; SEC-1, ORG-2): GET /search?q= → the rows the user may open, grouped. A group appears
 * only for a user who holds its read permission, and holds only rows inside the user's data scope.
 */
export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100),
  limit: zIntText().min(1).max(20).default(5).describe('Rows per group'),
});
export type TSearchQuery = z.output<typeof ZSearchQuery>;

export const SEARCH_KINDS = ['tickets', 'customers', 'letters', 'users'] as const;
export const ZSearchKind = z.enum(SEARCH_KINDS);
export type TSearchKind = z.infer<typeof ZSearchKind>;

export const ZSearchHit = z.object({
  id: zInt().positive(),
  /** What the row is called: a request's number and title, a customer's name, a letter's number and title, a user's name. */
  label: z.string(),
  /** One line beside it: the request's customer, a customer's code, a letter's customer, a user's user name. */
  detail: z.string().nullable(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchGroup = z.object({ kind: ZSearchKind, items: z.array(ZSearchHit) });
export type TSearchGroup = z.infer<typeof ZSearchGroup>;
export const ZSearchResult = z.object({ q: z.string(), groups: z.array(ZSearchGroup) });
export type TSearchResult = z.infer<typeof ZSearchResult>;
