import { WalletOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const CommissionLedgerPage = lazyPage(() => import('./CommissionLedgerPage'), 'CommissionLedgerPage');
const PayDashboardPage = lazyPage(() => import('./PayDashboardPage'), 'PayDashboardPage');
const PayProfilesPage = lazyPage(() => import('./PayProfilesPage'), 'PayProfilesPage');
const PayrollPage = lazyPage(() => import('./PayrollPage'), 'PayrollPage');
const NonPieceDaysPage = lazyPage(() => import('./NonPieceDaysPage'), 'NonPieceDaysPage');
const PayContractsPage = lazyPage(() => import('./PayContractsPage'), 'PayContractsPage');

/** PAY-1..5: the payroll, the commission ledger, pay profiles and the dashboards (pay.read: finance, HR, GM). */
export function payRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="pay-payroll" path="pay/payroll" element={guard('pay.read', <PayrollPage />)} />,
    <Route key="pay-commission" path="pay/commission" element={guard('pay.read', <CommissionLedgerPage />)} />,
    <Route key="pay-profiles" path="pay/profiles" element={guard('pay.read', <PayProfilesPage />)} />,
    <Route key="pay-dashboard" path="pay/dashboard" element={guard('pay.read', <PayDashboardPage />)} />,
    <Route key="pay-non-piece" path="pay/non-piece" element={guard('pay.read', <NonPieceDaysPage />)} />,
    <Route key="pay-contracts" path="pay/contracts" element={guard('pay.read', <PayContractsPage />)} />,
  ];
}

export const payMenuItems: FeatureMenu = (has, t) =>
  has('pay.read')
    ? [
        {
          key: '/pay-group',
          icon: <WalletOutlined />,
          label: t('pay.menu'),
          children: [
            { key: '/pay/payroll', label: t('pay.menuPayroll') },
            { key: '/pay/commission', label: t('pay.menuCommission') },
            { key: '/pay/profiles', label: t('pay.menuProfiles') },
            { key: '/pay/dashboard', label: t('pay.menuDashboard') },
            { key: '/pay/non-piece', label: t('pay.menuNonPiece') },
            { key: '/pay/contracts', label: t('pay.menuContracts') },
          ],
        },
      ]
    : [];
