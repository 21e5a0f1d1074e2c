import { SwapOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const HandoverDetailPage = lazyPage(() => import('./HandoverDetailPage'), 'HandoverDetailPage');
const HandoversPage = lazyPage(() => import('./HandoversPage'), 'HandoversPage');
const NewHandoverPage = lazyPage(() => import('./NewHandoverPage'), 'NewHandoverPage');
const PropertyPage = lazyPage(() => import('./PropertyPage'), 'PropertyPage');

/**
 * HO-1/SEC-3: handovers (every member of staff sees those they take part in, to sign), starting one and the property
 * register (handover.manage).
 */
export function handoverRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="handovers" path="handovers" element={guard('users.read', <HandoversPage />)} />,
    <Route key="handovers-new" path="handovers/new" element={guard('handover.manage', <NewHandoverPage />)} />,
    <Route key="handovers-property" path="handovers/property" element={guard('handover.manage', <PropertyPage />)} />,
    <Route key="handover" path="handovers/:id" element={guard('users.read', <HandoverDetailPage />)} />,
  ];
}

export const handoverMenuItems: FeatureMenu = (has, t) =>
  has('handover.manage')
    ? [
        {
          key: '/handovers-group',
          icon: <SwapOutlined />,
          label: t('handover.menu'),
          children: [
            { key: '/handovers', label: t('handover.menuHandovers') },
            { key: '/handovers/new', label: t('handover.menuNew') },
            { key: '/handovers/property', label: t('handover.menuProperty') },
          ],
        },
      ]
    : has('users.read')
      ? [{ key: '/handovers', icon: <SwapOutlined />, label: t('handover.menuHandovers') }]
      : [];
