import type { ReactElement } from 'react';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';

/** The projects pages' routes (each a <Route> with a key), guarded by permission. */
export function projectsRoutes(_guard: Guard): ReactElement[] {
  return [];
}

/** The projects pages' side-menu entries. */
export const projectsMenuItems: FeatureMenu = () => [];
