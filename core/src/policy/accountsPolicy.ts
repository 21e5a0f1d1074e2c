import { z } from 'zod';

/** The floor of every password length setting (issue 18 item 3): a company may ask for more, never less. */
export const PASSWORD_MIN_LENGTH_FLOOR = 10;

/**
 * ACC-1 (issue 18 item 3): what a password must be. The strength is zxcvbn-ts's score (0 very weak … 4 very strong)
 * with its common and English dictionaries and a dictionary of passwords Chinese users favour
 * (core/src/passwords/chineseCommon.ts).
 */
export const ZAccountsPolicy = z.strictObject({
  passwordMinScore: z.int().min(1).max(4),
  passwordMinLength: z.int().min(PASSWORD_MIN_LENGTH_FLOOR).max(128),
});
export type TAccountsPolicy = z.infer<typeof ZAccountsPolicy>;
