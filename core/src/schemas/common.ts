import { z } from 'zod';

export const ZId = z.coerce.number().int().positive();
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
