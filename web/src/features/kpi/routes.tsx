import { StarOutlined } from '@ant-design/icons';
import type { TPermission } from '@techserve/core';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const BestEmployeePage = lazyPage(() => import('./BestEmployeePage'), 'BestEmployeePage');
const KpiPage = lazyPage(() => import('./KpiPage'), 'KpiPage');

/** AP-6 the best employee (awards.vote) and AP-16 KPIs: mine (kpi.self), the review (kpi.review / kpi.consolidate). */
export function kpiRoutes(guard: Guard, can: (p: TPermission) => boolean): ReactElement[] {
  const team = <KpiPage view="team" />;
  return [
    <Route key="awards" path="awards" element={guard('awards.vote', <BestEmployeePage />)} />,
    <Route key="kpi" path="kpi" element={guard('kpi.self', <KpiPage view="mine" />)} />,
    <Route key="kpi-team" path="kpi/team" element={can('kpi.review') ? guard('kpi.review', team) : guard('kpi.consolidate', team)} />,
  ];
}

export const kpiMenuItems: FeatureMenu = (has, t) => {
  const children = [
    ...(has('awards.vote') ? [{ key: '/awards', label: t('kpi.menuAwards') }] : []),
    ...(has('kpi.self') ? [{ key: '/kpi', label: t('kpi.menuKpi') }] : []),
    ...(has('kpi.review') || has('kpi.consolidate') ? [{ key: '/kpi/team', label: t('kpi.menuKpiTeam') }] : []),
  ];
  return children.length > 0 ? [{ key: '/kpi-group', icon: <StarOutlined />, label: t('kpi.menu'), children }] : [];
};
