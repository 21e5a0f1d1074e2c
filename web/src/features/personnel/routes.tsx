import { AuditOutlined, SwapOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const ChangeDetailPage = lazyPage(() => import('./ChangeDetailPage'), 'ChangeDetailPage');
const ChangesPage = lazyPage(() => import('./ChangesPage'), 'ChangesPage');
const ClientInboxPage = lazyPage(() => import('./ClientInboxPage'), 'ClientInboxPage');

/** RS-6/RS-7/RS-4b: personnel changes and the client's second approvals, guarded by permission. */
export function personnelRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="personnel-changes" path="personnel/changes" element={guard('personnel.sign', <ChangesPage />)} />,
    <Route key="personnel-change" path="personnel/changes/:id" element={guard('personnel.sign', <ChangeDetailPage />)} />,
    <Route key="personnel-client-inbox" path="personnel/client-inbox" element={guard('personnel.client', <ClientInboxPage />)} />,
  ];
}

/** 人员变更 (personnel.read), 甲方审批 (personnel.client). */
export const personnelMenuItems: FeatureMenu = (has, t) => [
  ...(has('personnel.read') ? [{ key: '/personnel/changes', icon: <SwapOutlined />, label: t('personnel.menuChanges') }] : []),
  ...(has('personnel.client') ? [{ key: '/personnel/client-inbox', icon: <AuditOutlined />, label: t('personnel.menuClientInbox') }] : []),
];
