import { BugOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const DefectsPage = lazyPage(() => import('./DefectsPage'), 'DefectsPage');

/** SR-15: the defect reports (defects.report); reporting one is on the request page. */
export function defectsRoutes(guard: Guard): ReactElement[] {
  return [<Route key="defects" path="defects" element={guard('defects.report', <DefectsPage />)} />];
}

export const defectsMenuItems: FeatureMenu = (has, t) =>
  has('defects.report') ? [{ key: '/defects', icon: <BugOutlined />, label: t('defects.menu') }] : [];
