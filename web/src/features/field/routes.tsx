import type { ReactElement } from 'react';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';

/** The field pages' routes (each a <Route> with a key), guarded by permission. */
export function fieldRoutes(_guard: Guard): ReactElement[] {
  return [];
}

/** The field pages' side-menu entries. */
export const fieldMenuItems: FeatureMenu = () => [];
