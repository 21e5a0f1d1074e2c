import { AuditOutlined, CarOutlined, DollarOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const ApprovalsPage = lazyPage(() => import('./ApprovalsPage'), 'ApprovalsPage');
const FinancePage = lazyPage(() => import('./FinancePage'), 'FinancePage');
const MyTripsPage = lazyPage(() => import('./MyTripsPage'), 'MyTripsPage');
const NewTripPage = lazyPage(() => import('./NewTripPage'), 'NewTripPage');
const TripDetailPage = lazyPage(() => import('./TripDetailPage'), 'TripDetailPage');

/** The travel pages' routes (each a <Route> with a key), guarded by permission. */
export function travelRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="travel-trips" path="travel/trips" element={guard('travel.request', <MyTripsPage />)} />,
    <Route key="travel-new" path="travel/trips/new" element={guard('travel.request', <NewTripPage />)} />,
    // Travellers, their managers (incl. the GM) and finance all open a trip; the server scopes what each may see.
    <Route key="travel-detail" path="travel/requests/:id" element={<TripDetailPage />} />,
    <Route key="travel-approvals" path="travel/approvals" element={guard('travel.approve', <ApprovalsPage />)} />,
    <Route key="travel-finance" path="travel/finance" element={guard('travel.finance', <FinancePage />)} />,
  ];
}

/** The travel pages' side-menu entries. */
export const travelMenuItems: FeatureMenu = (has, t) => [
  ...(has('travel.request') ? [{ key: '/travel/trips', icon: <CarOutlined />, label: t('travel.menuMine') }] : []),
  ...(has('travel.approve') ? [{ key: '/travel/approvals', icon: <AuditOutlined />, label: t('travel.menuApprovals') }] : []),
  ...(has('travel.finance') ? [{ key: '/travel/finance', icon: <DollarOutlined />, label: t('travel.menuFinance') }] : []),
];
