import type { TRegion } from '../org/orgTypes';
import { useOrgList } from '../org/useOrgList';

/** The display name of a region id (`#id` when the regions cannot be read; null for none). */
export function useRegionName(): (id: number | null) => string | null {
  const regions = useOrgList<TRegion>('regions');
  const names = new Map((regions.data ?? []).map((region) => [region.id, region.name]));
  return (id) => (id == null ? null : (names.get(id) ?? `#${id}`));
}
