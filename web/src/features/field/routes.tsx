import {
  BookOutlined,
  CarOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard, MenuItem } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const ApprovalsPage = lazyPage(() => import('./ApprovalsPage'), 'ApprovalsPage');
const DispatchBoardPage = lazyPage(() => import('./DispatchBoardPage'), 'DispatchBoardPage');
const LedgerPage = lazyPage(() => import('./LedgerPage'), 'LedgerPage');
const LetterDetailPage = lazyPage(() => import('./LetterDetailPage'), 'LetterDetailPage');
const LettersPage = lazyPage(() => import('./LettersPage'), 'LettersPage');
const MyJobsPage = lazyPage(() => import('./MyJobsPage'), 'MyJobsPage');
const NoticeCreatePage = lazyPage(() => import('./NoticeCreatePage'), 'NoticeCreatePage');
const NoticeDetailPage = lazyPage(() => import('./NoticeDetailPage'), 'NoticeDetailPage');
const NoticesPage = lazyPage(() => import('./NoticesPage'), 'NoticesPage');
const StandupPage = lazyPage(() => import('./StandupPage'), 'StandupPage');
const VisitPage = lazyPage(() => import('./VisitPage'), 'VisitPage');

/** The field pages' routes (each a <Route> with a key), guarded by permission. */
export function fieldRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="field-jobs" path="field/jobs" element={guard('field.work', <MyJobsPage />)} />,
    <Route key="field-visit" path="field/jobs/:id" element={guard('field.read', <VisitPage />)} />,
    <Route key="field-notices" path="field/notices" element={guard('field.read', <NoticesPage />)} />,
    <Route key="field-notice-new" path="field/notices/new" element={guard('field.notice', <NoticeCreatePage />)} />,
    <Route key="field-notice" path="field/notices/:id" element={guard('field.read', <NoticeDetailPage />)} />,
    <Route key="field-letters" path="field/letters" element={guard('field.read', <LettersPage />)} />,
    <Route key="field-letter" path="field/letters/:id" element={guard('field.read', <LetterDetailPage />)} />,
    <Route key="field-approvals" path="field/approvals" element={guard('field.approve', <ApprovalsPage />)} />,
    <Route key="field-board" path="field/board" element={guard('field.dispatch', <DispatchBoardPage />)} />,
    <Route key="field-standup" path="field/standup" element={guard('field.read', <StandupPage />)} />,
    <Route key="field-ledger" path="field/ledger" element={guard('field.ledger', <LedgerPage />)} />,
  ];
}

/** The field pages' side-menu entries. */
export const fieldMenuItems: FeatureMenu = (has, t) => {
  const items: MenuItem[] = [];
  if (has('field.work')) items.push({ key: '/field/jobs', icon: <CarOutlined />, label: t('field.menu_jobs') });
  if (has('field.notice') || has('field.sign'))
    items.push({ key: '/field/notices', icon: <NotificationOutlined />, label: t('field.menu_notices') });
  if (has('field.read')) items.push({ key: '/field/letters', icon: <FileTextOutlined />, label: t('field.menu_letters') });
  if (has('field.approve')) items.push({ key: '/field/approvals', icon: <CheckSquareOutlined />, label: t('field.menu_approvals') });
  if (has('field.dispatch')) {
    items.push({ key: '/field/board', icon: <ScheduleOutlined />, label: t('field.menu_board') });
    items.push({ key: '/field/standup', icon: <TeamOutlined />, label: t('field.menu_standup') });
  }
  if (has('field.ledger')) items.push({ key: '/field/ledger', icon: <BookOutlined />, label: t('field.menu_ledger') });
  return items;
};
