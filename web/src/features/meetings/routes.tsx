import { CarryOutOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const MeetingDetailPage = lazyPage(() => import('./MeetingDetailPage'), 'MeetingDetailPage');
const MeetingsPage = lazyPage(() => import('./MeetingsPage'), 'MeetingsPage');
const MyActionsPage = lazyPage(() => import('./MyActionsPage'), 'MyActionsPage');
const NewMeetingPage = lazyPage(() => import('./NewMeetingPage'), 'NewMeetingPage');

/** MTG-1: meetings (meetings.read) and recording one (meetings.manage). */
export function meetingsRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="meetings" path="meetings" element={guard('meetings.read', <MeetingsPage />)} />,
    <Route key="meetings-new" path="meetings/new" element={guard('meetings.manage', <NewMeetingPage />)} />,
    <Route key="meeting-actions" path="meetings/actions" element={guard('meetings.read', <MyActionsPage />)} />,
    <Route key="meeting" path="meetings/:id" element={guard('meetings.read', <MeetingDetailPage />)} />,
  ];
}

export const meetingsMenuItems: FeatureMenu = (has, t) =>
  has('meetings.read')
    ? [
        {
          key: '/meetings-group',
          icon: <CarryOutOutlined />,
          label: t('meetings.menu'),
          children: [
            { key: '/meetings', label: t('meetings.menuMeetings') },
            { key: '/meetings/actions', label: t('meetings.menuActions') },
          ],
        },
      ]
    : [];
