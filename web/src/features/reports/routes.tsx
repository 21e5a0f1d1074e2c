import { BarChartOutlined, FileTextOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const DailyLogPage = lazyPage(() => import('./DailyLogPage'), 'DailyLogPage');
const DepartmentPage = lazyPage(() => import('./DepartmentPage'), 'DepartmentPage');
const MonthlyReportPage = lazyPage(() => import('./MonthlyReportPage'), 'MonthlyReportPage');
const MyDuePage = lazyPage(() => import('./MyDuePage'), 'MyDuePage');
const ObligationPage = lazyPage(() => import('./ObligationPage'), 'ObligationPage');
const VolumePage = lazyPage(() => import('./VolumePage'), 'VolumePage');
const WeeklyPlansPage = lazyPage(() => import('./WeeklyPlansPage'), 'WeeklyPlansPage');
const WeeklyReportFormPage = lazyPage(() => import('./WeeklyReportFormPage'), 'WeeklyReportFormPage');
const WeeklyReportPage = lazyPage(() => import('./WeeklyReportPage'), 'WeeklyReportPage');
const WeeklyReportsPage = lazyPage(() => import('./WeeklyReportsPage'), 'WeeklyReportsPage');
const WorkloadPage = lazyPage(() => import('./WorkloadPage'), 'WorkloadPage');

/**
 * The reports' routes (WR-1..8, issue 15 items 1–7), guarded by permission; pages everyone reaches from a
 * notification (an obligation, a plan, a report) are scoped by the server.
 */
export function reportsRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="reports-due" path="reports/due" element={<MyDuePage />} />,
    <Route key="reports-daily" path="reports/daily" element={guard('reports.write', <DailyLogPage />)} />,
    <Route key="reports-plans" path="reports/plans" element={<WeeklyPlansPage />} />,
    <Route key="reports-plan" path="reports/plans/:id" element={<WeeklyPlansPage />} />,
    <Route key="reports-weekly" path="reports/weekly" element={<WeeklyReportsPage />} />,
    <Route key="reports-weekly-new" path="reports/weekly/new" element={<WeeklyReportFormPage />} />,
    <Route key="reports-weekly-one" path="reports/weekly/:id" element={<WeeklyReportPage />} />,
    <Route key="reports-monthly" path="reports/monthly" element={guard('reports.supervise', <MonthlyReportPage />)} />,
    <Route key="reports-volume" path="reports/volume" element={<VolumePage />} />,
    <Route key="reports-volume-one" path="reports/volume/:id" element={<VolumePage />} />,
    <Route key="reports-workload" path="reports/workload" element={guard('reports.review', <WorkloadPage />)} />,
    <Route key="reports-department" path="reports/department" element={guard('reports.review', <DepartmentPage />)} />,
    <Route key="obligation" path="obligations/:id" element={<ObligationPage />} />,
  ];
}

/** The reports' side-menu group 工作报告 with the entries the user's permissions allow. */
export const reportsMenuItems: FeatureMenu = (has, t) => {
  const writer = has('reports.write');
  const reviewer = has('reports.review');
  const children = [
    ...(writer || reviewer || has('reports.supervise') || has('leave.request')
      ? [{ key: '/reports/due', label: t('reports.menuDue') }]
      : []),
    ...(writer ? [{ key: '/reports/daily', label: t('reports.menuDaily') }] : []),
    ...(writer || reviewer ? [{ key: '/reports/plans', label: t('reports.menuPlans') }] : []),
    ...(writer || reviewer || has('reports.supervise') ? [{ key: '/reports/weekly', label: t('reports.menuWeekly') }] : []),
    ...(has('reports.supervise') ? [{ key: '/reports/monthly', label: t('reports.menuMonthly') }] : []),
    ...(writer || has('projects.manage') ? [{ key: '/reports/volume', label: t('reports.menuVolume') }] : []),
  ];
  const analysis = [
    ...(reviewer ? [{ key: '/reports/department', label: t('reports.menuDepartment') }] : []),
    ...(reviewer ? [{ key: '/reports/workload', label: t('reports.menuWorkload') }] : []),
  ];
  return [
    ...(children.length > 0 ? [{ key: '/reports', icon: <FileTextOutlined />, label: t('reports.menu'), children }] : []),
    ...(analysis.length > 0
      ? [{ key: '/reports-analysis', icon: <BarChartOutlined />, label: t('reports.menuAnalysis'), children: analysis }]
      : []),
  ];
};
