import { z } from 'zod';

/** The range of a PostgreSQL `integer` column, which every integer column is but the two bigint money ones. */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
/** Row ids are 32-bit integers on both databases: a larger one is refused as input rather than failing in the database. */
export const MAX_DB_ID = INT32_MAX;

/**
 * Every integer of every schema is one of these three (issue 18 item 2), so no integer reaches a column that cannot
 * hold it: 2^31 is a 400 at the door, never a database error (PostgreSQL 22003). Narrow further with .min/.max;
 * the OpenAPI document carries the bounds (format int32 / int64), and a test walks it for any integer without them.
 */
/** An integer in a body, or in a response: what a 32-bit column holds. */
export const zInt = () => z.int32();
/** The same from a path or query string (text coerced to a number). */
export const zIntText = () => z.coerce.number().int().min(INT32_MIN).max(INT32_MAX).meta({ format: 'int32' });
/** Money in fen for the bigint columns (contract fees, project costs): what a JavaScript number holds exactly. */
export const zFen64 = () => z.int().meta({ format: 'int64' });

/** A row id in a body. */
export const ZRef = zInt().positive();
/** A row id in a path or query string. */
export const ZId = zIntText().positive();
export const ZIdParams = z.strictObject({ id: ZId });
export const ZDate = z.iso.date();

/** Years a typed instant or date may fall in; outside them it is a typo (and year 10000 is no ISO-8601 string at all). */
export const MIN_INPUT_YEAR = 1970;
export const MAX_INPUT_YEAR = 2199;
const yearInRange = (ms: number) => {
  const year = new Date(ms).getUTCFullYear();
  return year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR;
};
const YEAR_MESSAGE = `must be between the years ${MIN_INPUT_YEAR} and ${MAX_INPUT_YEAR}`;
/** An instant in a body: ISO 8601 with its offset, within the input years (compare with Date.parse, not as text). */
export const ZInstantInRange = z.iso.datetime({ offset: true }).refine((s) => yearInRange(Date.parse(s)), YEAR_MESSAGE);
/** A calendar date 'YYYY-MM-DD' in a body, within the input years. */
export const ZDateInRange = ZDate.refine((s) => yearInRange(Date.parse(`${s}T00:00:00Z`)), YEAR_MESSAGE);
export const ZVersion = zInt().nonnegative().describe('The version you read; a stale one gets 409.');

export const ZLocalizedName = z.strictObject({ 'zh-CN': z.string(), en: z.string() });

export const ZListQuery = z.strictObject({
  limit: zIntText().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** Issue 12 item 9: the language of an exported list's headers and labels (the web sends its own; else Accept-Language). */
export const ZExportLang = z.enum(['zh-CN', 'en']);
export type TExportLang = z.infer<typeof ZExportLang>;
/** A list's query as its Excel export takes it: the same filters, and the file's language. */
export function exportQuery<S extends z.ZodRawShape, C extends z.core.$ZodObjectConfig>(list: z.ZodObject<S, C>) {
  return list.extend({ lang: ZExportLang.optional() });
}

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    ruleId: z.string().optional(),
    /** The refusal's key in core's REASONS, and its parameters: clients translate by these (issue 13). */
    reason: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    details: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          reason: z.string().optional(),
          params: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .optional(),
  }),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZOk = z.object({ ok: z.literal(true) });

/** A period whose end is not before its start: 422 naming the end field (a rule check, not a shape error). */
export const orderedDates = <T extends z.ZodType<Record<string, unknown>>>(schema: T, start: string, end: string, ruleId: string) =>
  schema.superRefine((v, ctx) => {
    const [a, b] = [v[start], v[end]];
    if (typeof a === 'string' && typeof b === 'string' && b < a) {
      ctx.addIssue({ code: 'custom', path: [end], message: `must not be before ${start} (${a})`, params: { ruleId } });
    }
  });
