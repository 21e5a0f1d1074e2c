import { z } from 'zod';
import { zInt } from '../schemas/common';
import { localDateInZone } from '../calendar/timeZone';
import { ZIsoDate } from './primitives';
import { ZPolicy } from './schema';

/** A version of the company policy; only published versions are ever in force. */
export const ZPolicyVersion = z.strictObject({
  version: zInt().min(1),
  effectiveFrom: ZIsoDate,
  status: z.enum(['draft', 'published']),
  document: ZPolicy,
  note: z.string().max(2000).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  publishedBy: zInt().min(1).optional(),
});
export type TPolicyVersion = z.infer<typeof ZPolicyVersion>;

/** What policyInForce and validatePublish need of a version (the document may still be unparsed). */
export interface PolicyVersionLike {
  version: number;
  effectiveFrom: string;
  status: 'draft' | 'submitted' | 'published';
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The calendar date 'YYYY-MM-DD' of an instant in a time zone. */
export function localDateOf(instantMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localDateInZone(timeZone, instantMs);
}

/**
 * The policy in force for an event: the published version with the greatest effectiveFrom on or before the
 * event's local date (an instant is converted in `timeZone`); on equal dates the higher version wins.
 * Drafts are ignored. Undefined when no published version has taken effect yet.
 */
export function policyInForce<V extends PolicyVersionLike>(
  versions: readonly V[],
  at: string | number,
  timeZone: string = DEFAULT_TIME_ZONE,
): V | undefined {
  const date = typeof at === 'number' ? localDateOf(at, timeZone) : at;
  let best: V | undefined;
  for (const v of versions) {
    if (v.status !== 'published' || v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) {
      best = v;
    }
  }
  return best;
}

export type TPublishIssueCode = 'invalid_document' | 'invalid_date' | 'effective_date_not_future' | 'version_taken';

/** Why a version cannot be published. */
export interface PublishIssue {
  code: TPublishIssueCode;
  path: (string | number)[];
  message: string;
}

/**
 * Checks a version about to be published against the versions that exist, on the company-local date `today`.
 *
 * A new version must take effect tomorrow or later: events up to today already carry explanations computed
 * under the policy then in force (design principle 1), so a rule change never rewrites a day that has begun.
 * The very first published version is exempt, so a new installation has a policy in force at once.
 */
export function validatePublish(
  candidate: PolicyVersionLike & { document: unknown },
  existing: readonly PolicyVersionLike[],
  today: string,
): PublishIssue[] {
  const issues: PublishIssue[] = [];
  const parsed = ZPolicy.safeParse(candidate.document);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({
        code: 'invalid_document',
        path: ['document', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        message: issue.message,
      });
    }
  }
  const published = existing.filter((v) => v.status === 'published');
  if (published.some((v) => v.version === candidate.version)) {
    issues.push({
      code: 'version_taken',
      path: ['version'],
      message: `version ${candidate.version} is already published; publish a new version instead`,
    });
  }
  if (!ZIsoDate.safeParse(candidate.effectiveFrom).success) {
    issues.push({ code: 'invalid_date', path: ['effectiveFrom'], message: 'the effective date must be YYYY-MM-DD' });
  } else if (published.length > 0 && candidate.effectiveFrom <= today) {
    issues.push({
      code: 'effective_date_not_future',
      path: ['effectiveFrom'],
      message: `a new policy version takes effect tomorrow or later (${candidate.effectiveFrom} is not after ${today}): results already computed stay explained by the policy then in force`,
    });
  }
  return issues;
}
