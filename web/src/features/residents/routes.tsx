import { BankOutlined, FileDoneOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const ConductPage = lazyPage(() => import('./ConductPage'), 'ConductPage');
const RecordsPage = lazyPage(() => import('./RecordsPage'), 'RecordsPage');
const SitePage = lazyPage(() => import('./SitePage'), 'SitePage');

/** The resident pages' routes (RS-8, RS-9, RS-11), guarded by residents.read (writes are checked per action). */
export function residentsRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="residents-site" path="residents" element={guard('residents.read', <SitePage />)} />,
    <Route key="residents-records" path="residents/records" element={guard('residents.read', <RecordsPage />)} />,
    <Route key="residents-conduct" path="residents/conduct" element={guard('residents.read', <ConductPage />)} />,
  ];
}

/** The resident side-menu entries: 驻场现场, 运维记录, 驻场扣分 (residents.read). */
export const residentsMenuItems: FeatureMenu = (has, t) =>
  has('residents.read')
    ? [
        { key: '/residents', icon: <BankOutlined />, label: t('residents.menuSite') },
        { key: '/residents/records', icon: <FileDoneOutlined />, label: t('residents.menuRecords') },
        { key: '/residents/conduct', icon: <WarningOutlined />, label: t('residents.menuConduct') },
      ]
    : [];
