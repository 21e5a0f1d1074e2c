import { AuditOutlined, ClockCircleOutlined, EyeOutlined, FieldTimeOutlined, ImportOutlined, TableOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const ClockInPage = lazyPage(() => import('./ClockInPage'), 'ClockInPage');
const CorrectionsPage = lazyPage(() => import('./CorrectionsPage'), 'CorrectionsPage');
const ImportPage = lazyPage(() => import('./ImportPage'), 'ImportPage');
const MyMonthPage = lazyPage(() => import('./MyMonthPage'), 'MyMonthPage');
const OvertimePage = lazyPage(() => import('./OvertimePage'), 'OvertimePage');
const RollupPage = lazyPage(() => import('./RollupPage'), 'RollupPage');
const SpotCheckPage = lazyPage(() => import('./SpotCheckPage'), 'SpotCheckPage');

/** The attendance pages' routes (RS-1..5), guarded by permission. */
export function attendanceRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="attendance-clock" path="attendance" element={guard('attendance.punch', <ClockInPage />)} />,
    // One's own month (attendance.punch) or, with ?userId=, someone's in scope (attendance.read): the server decides.
    <Route key="attendance-month" path="attendance/month" element={<MyMonthPage />} />,
    <Route key="attendance-corrections" path="attendance/corrections" element={guard('attendance.approve', <CorrectionsPage />)} />,
    <Route key="attendance-rollup" path="attendance/rollup" element={guard('attendance.read', <RollupPage />)} />,
    <Route key="attendance-spot-check" path="attendance/spot-check" element={guard('attendance.spotcheck', <SpotCheckPage />)} />,
    <Route key="attendance-import" path="attendance/import" element={guard('attendance.manage', <ImportPage />)} />,
    <Route key="attendance-overtime" path="attendance/overtime" element={guard('attendance.punch', <OvertimePage />)} />,
  ];
}

/** The attendance side-menu entries: 考勤打卡 and 加班 (attendance.punch), 补卡审批 (attendance.approve), 考勤汇总 (attendance.read). */
export const attendanceMenuItems: FeatureMenu = (has, t) => [
  ...(has('attendance.punch') ? [{ key: '/attendance', icon: <ClockCircleOutlined />, label: t('attendance.menuClock') }] : []),
  ...(has('attendance.punch') ? [{ key: '/attendance/overtime', icon: <FieldTimeOutlined />, label: t('attendance.menuOvertime') }] : []),
  ...(has('attendance.approve')
    ? [{ key: '/attendance/corrections', icon: <AuditOutlined />, label: t('attendance.menuCorrections') }]
    : []),
  ...(has('attendance.read') ? [{ key: '/attendance/rollup', icon: <TableOutlined />, label: t('attendance.menuRollup') }] : []),
  ...(has('attendance.spotcheck') ? [{ key: '/attendance/spot-check', icon: <EyeOutlined />, label: t('attendance.menuSpotCheck') }] : []),
  ...(has('attendance.manage') ? [{ key: '/attendance/import', icon: <ImportOutlined />, label: t('attendance.menuImport') }] : []),
];
