import type { ReactElement } from 'react';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';

/** The travel pages' routes (each a <Route> with a key), guarded by permission. */
export function travelRoutes(_guard: Guard): ReactElement[] {
  return [];
}

/** The travel pages' side-menu entries. */
export const travelMenuItems: FeatureMenu = () => [];
