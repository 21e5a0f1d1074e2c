// SR-8: canned replies keep the customer informed in the team's words; variables fill in the request's facts. Pure.

/** The variables a canned reply may use, written {{name}} in its text. */
export const REPLY_VARIABLES = ['customer', 'contact', 'number', 'title', 'engineer', 'site'] as const;
export type TReplyVariable = (typeof REPLY_VARIABLES)[number];
export type TReplyValues = Partial<Record<TReplyVariable, string | null>>;

const VARIABLE = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;

/** The names a text uses that are not variables ({{custmer}}), in order of first use: a template naming one is refused. */
export function unknownReplyVariables(text: string): string[] {
  const known = new Set<string>(REPLY_VARIABLES);
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]).filter((n) => !known.has(n)))];
}

/**
 * The reply text with each {{variable}} replaced by the request's value. A variable without a value (a request with no
 * contact) becomes empty and is named in `missing`, so the agent sees what to fill in before sending.
 */
export function renderReply(text: string, values: TReplyValues): { text: string; missing: TReplyVariable[] } {
  const missing = new Set<TReplyVariable>();
  const out = text.replace(VARIABLE, (whole, name: string) => {
    if (!(REPLY_VARIABLES as readonly string[]).includes(name)) return whole;
    const value = values[name as TReplyVariable];
    if (value == null || value === '') {
      missing.add(name as TReplyVariable);
      return '';
    }
    return value;
  });
  return { text: out, missing: [...missing] };
}
