import { AuditOutlined } from '@ant-design/icons';
import type { TPermission } from '@techserve/core';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const BatchApprovalsPage = lazyPage(() => import('./BatchApprovalsPage'), 'BatchApprovalsPage');

/** The permissions of the decisions the page gathers: any one of them opens it. */
const DECIDERS: TPermission[] = ['leave.approve', 'travel.approve', 'field.approve'];

/** Issue 12 item 10: one inbox of leave, trips, letters and returns waiting for my decision, decided in batches. */
export function approvalsRoutes(guard: Guard, can: (p: TPermission) => boolean): ReactElement[] {
  const permission = DECIDERS.find(can) ?? 'leave.approve';
  return [<Route key="approvals" path="approvals" element={guard(permission, <BatchApprovalsPage />)} />];
}

export const approvalsMenuItems: FeatureMenu = (has, t) =>
  DECIDERS.some(has) ? [{ key: '/approvals', icon: <AuditOutlined />, label: t('approvals.menu') }] : [];
