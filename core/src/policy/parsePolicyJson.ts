import { type TPolicy, ZPolicy } from './schema';

/** A problem found when importing a policy. */
export interface PolicyImportIssue {
  path: (string | number)[];
  message: string;
}

export type TPolicyImportResult =
  | { ok: true; policy: TPolicy }
  | { ok: false; error: { code: 'invalid_json' | 'invalid_policy'; message: string; issues: PolicyImportIssue[] } };

/** Parses an exported policy document; never throws — malformed JSON and invalid documents come back as errors. */
export function parsePolicyJson(text: string): TPolicyImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'invalid_json', message: `not valid JSON: ${detail}`, issues: [] } };
  }
  const parsed = ZPolicy.safeParse(data);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
  return {
    ok: false,
    error: { code: 'invalid_policy', message: `the policy document has ${issues.length} problem(s)`, issues },
  };
}

/** The JSON text of a policy, as exported for backup or another installation. */
export function exportPolicyJson(policy: TPolicy): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
