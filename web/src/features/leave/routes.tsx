import { CheckSquareOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const LeaveApprovalsPage = lazyPage(() => import('./LeaveApprovalsPage'), 'LeaveApprovalsPage');
const LeaveDetailPage = lazyPage(() => import('./LeaveDetailPage'), 'LeaveDetailPage');
const MyLeavePage = lazyPage(() => import('./MyLeavePage'), 'MyLeavePage');
const NewLeavePage = lazyPage(() => import('./NewLeavePage'), 'NewLeavePage');

/** The leave pages' routes (RS-4, AT-4; each a <Route> with a key), guarded by permission. */
export function leaveRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="leave-mine" path="leave" element={guard('leave.request', <MyLeavePage />)} />,
    <Route key="leave-new" path="leave/new" element={guard('leave.request', <NewLeavePage />)} />,
    <Route key="leave-approvals" path="leave/approvals" element={guard('leave.approve', <LeaveApprovalsPage />)} />,
    // Applicants, their stand-ins and approvers all open a leave (notifications link here); the server scopes who sees which.
    <Route key="leave-detail" path="leave/:id" element={<LeaveDetailPage />} />,
  ];
}

/** The leave pages' side-menu entries: 我的请假 (leave.request), 请假审批 (leave.approve). */
export const leaveMenuItems: FeatureMenu = (has, t) => [
  ...(has('leave.request') ? [{ key: '/leave', icon: <ScheduleOutlined />, label: t('leave.menuMine') }] : []),
  ...(has('leave.approve') ? [{ key: '/leave/approvals', icon: <CheckSquareOutlined />, label: t('leave.menuApprovals') }] : []),
];
