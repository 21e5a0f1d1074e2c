import { MessageOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const CannedRepliesPage = lazyPage(() => import('./CannedRepliesPage'), 'CannedRepliesPage');

/** SR-8: managing the canned replies (replies.manage); using them is in the request's reply box. */
export function repliesRoutes(guard: Guard): ReactElement[] {
  return [<Route key="canned-replies" path="canned-replies" element={guard('replies.manage', <CannedRepliesPage />)} />];
}

export const repliesMenuItems: FeatureMenu = (has, t) =>
  has('replies.manage') ? [{ key: '/canned-replies', icon: <MessageOutlined />, label: t('replies.menu') }] : [];
