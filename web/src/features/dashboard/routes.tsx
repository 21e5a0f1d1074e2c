import { FundOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { lazy, type ReactElement, Suspense } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';

// The executive dashboard brings ECharts: loaded only when opened.
const ExecutiveDashboardPage = lazy(() => import('./ExecutiveDashboardPage').then((m) => ({ default: m.ExecutiveDashboardPage })));

/** Issue 12 item 6: the executive dashboard (dashboard.read: the GM, the VP, the supervisor). */
export function dashboardRoutes(guard: Guard): ReactElement[] {
  const page = (
    <Suspense fallback={<Spin size="large" />}>
      <ExecutiveDashboardPage />
    </Suspense>
  );
  return [<Route key="dashboard" path="dashboard" element={guard('dashboard.read', page)} />];
}

export const dashboardMenuItems: FeatureMenu = (has, t) =>
  has('dashboard.read') ? [{ key: '/dashboard', icon: <FundOutlined />, label: t('dashboard.menu') }] : [];
