import type { TPolicy } from '../policy/schema';
import type { TSlaLevel } from '../policy/slaPolicy';

/**
 * SLA-1: the policy's service level with this id, or the default level (policy.sla.defaultLevelId) when no id
 * is given. Throws RangeError for an id the policy does not define.
 */
export function findSlaLevel(policy: TPolicy, levelId?: string | null): TSlaLevel {
  const id = levelId ?? policy.sla.defaultLevelId;
  const level = policy.sla.levels.find((l) => l.id === id);
  if (!level) throw new RangeError(`SLA level '${id}' is not defined in the policy`);
  return level;
}
