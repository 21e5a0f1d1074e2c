import { z } from 'zod';

/** Row ids are 32-bit integers on both databases: a larger one is refused as input rather than failing in the database. */
export const MAX_DB_ID = 2_147_483_647;
/** A row id in a body. */
export const ZRef = z.number().int().positive().max(MAX_DB_ID);
/** A row id in a path or query string. */
export const ZId = z.coerce.number().int().positive().max(MAX_DB_ID);
export const ZIdParams = z.strictObject({ id: ZId });
export const ZDate = z.iso.date();
export const ZVersion = z.number().int().nonnegative().describe('The version you read; a stale one gets 409.');

export const ZLocalizedName = z.strictObject({ 'zh-CN': z.string(), en: z.string() });

export const ZListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    ruleId: z.string().optional(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZOk = z.object({ ok: z.literal(true) });
