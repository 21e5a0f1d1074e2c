import { z } from 'zod';

/**
 * FS-2/FS-3/FS-9/FS-10: where a responsibility letter (项目责任书) stands.
 * draft → submitted (plan complete, FS-2) → approved (supervisor approves the travel plan, FS-10) → on_site (first
 * check-in) → return_requested (FS-9) → returned (return approved) → confirmed (supervisor confirms after the trip,
 * FS-10) → booked (sales admin books it in the ledger with the customer's evaluation, FS-10). A rejected plan goes back
 * to draft with the reason; cancelled ends it.
 */
export const LETTER_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'on_site',
  'return_requested',
  'returned',
  'confirmed',
  'booked',
  'cancelled',
] as const;
export const ZLetterStatus = z.enum(LETTER_STATUSES);
export type TLetterStatus = z.infer<typeof ZLetterStatus>;

/** FS-3: a travel advance only once the letter is complete and approved, and not after the trip is over. */
export const LETTER_STATUSES_ALLOWING_ADVANCE: readonly TLetterStatus[] = ['approved', 'on_site', 'return_requested'];

export function letterAllowsAdvance(status: TLetterStatus): boolean {
  return LETTER_STATUSES_ALLOWING_ADVANCE.includes(status);
}

/** FS-2: a responsibility letter's number as people read it (ZR-000042), the same on the server, screens and PDF. */
export const letterNumber = (id: number) => `ZR-${String(id).padStart(6, '0')}`;
