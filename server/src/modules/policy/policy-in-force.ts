import { DEFAULT_TIME_ZONE, type TPolicy, localDateOf, policyInForce, upgradePolicyDocument } from '@techserve/core';
import type { Db } from '../../http/context';
import { AppError } from '../../http/errors';
import { listPublishedPolicyRows } from './policy.repository';

/** A published version as other modules use it. */
export type PolicyAt = { number: number; effectiveFrom: string; document: TPolicy };

type CachedVersion = PolicyAt & { version: number; status: 'published' };
type CacheEntry = { loadedAt: number; versions: Promise<CachedVersion[]> };

// Published versions change a few times a year and only take effect from tomorrow (validatePublish), so a
// short time-to-live keeps other server processes correct without a query per computation.
const TTL_MS = 60_000;
const cache = new WeakMap<object, CacheEntry>();

async function loadPublished(db: Db): Promise<CachedVersion[]> {
  const rows = await listPublishedPolicyRows(db);
  return rows.map((r) => ({
    number: r.number,
    version: r.number,
    status: 'published' as const,
    effectiveFrom: r.effective_from ?? '0000-01-01',
    // Validated against ZPolicy when saved; settings added since then take their defaults.
    document: upgradePolicyDocument(JSON.parse(r.document)),
  }));
}

function publishedVersions(db: Db): Promise<CachedVersion[]> {
  const now = performance.now();
  const hit = cache.get(db);
  if (hit && now - hit.loadedAt < TTL_MS) return hit.versions;
  const versions = loadPublished(db);
  cache.set(db, { loadedAt: now, versions });
  versions.catch(() => cache.delete(db));
  return versions;
}

/** Forget the cached versions of `db` (after a publish). */
export function invalidatePolicyCache(db: Db): void {
  cache.delete(db);
}

/**
 * The policy in force at an event: an instant (converted to the company-local date) or a local 'YYYY-MM-DD'.
 * Undefined only when no published version had taken effect by then.
 */
export async function policyAt(db: Db, at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): Promise<PolicyAt | undefined> {
  const date = typeof at === 'string' ? at : localDateOf(at.getTime(), timeZone);
  const found = policyInForce(await publishedVersions(db), date, timeZone);
  return found && { number: found.number, effectiveFrom: found.effectiveFrom, document: found.document };
}

/**
 * The policy that governs a company-local date: the version in force then, or (for a date before the first
 * version took effect) the newest one. A 500 only when nothing was ever published, which setup prevents.
 */
export async function policyOn(db: Db, date: string): Promise<PolicyAt> {
  const policy = (await policyAt(db, date)) ?? (await policyAt(db, '9999-12-31'));
  if (!policy) throw new AppError('internal', 'No published policy is in force');
  return policy;
}
