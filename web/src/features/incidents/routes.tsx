import { AlertOutlined, CommentOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const ComplaintDetailPage = lazyPage(() => import('./ComplaintDetailPage'), 'ComplaintDetailPage');
const ComplaintsPage = lazyPage(() => import('./ComplaintsPage'), 'ComplaintsPage');
const IncidentDetailPage = lazyPage(() => import('./IncidentDetailPage'), 'IncidentDetailPage');
const IncidentsPage = lazyPage(() => import('./IncidentsPage'), 'IncidentsPage');
const NewComplaintPage = lazyPage(() => import('./NewComplaintPage'), 'NewComplaintPage');
const NewIncidentPage = lazyPage(() => import('./NewIncidentPage'), 'NewIncidentPage');

/** Complaints (SR-14) and incidents (IN-1..3), guarded by permission. */
export function incidentsRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="complaints" path="complaints" element={guard('incidents.read', <ComplaintsPage />)} />,
    <Route key="complaints-new" path="complaints/new" element={guard('incidents.report', <NewComplaintPage />)} />,
    <Route key="complaint" path="complaints/:id" element={guard('incidents.read', <ComplaintDetailPage />)} />,
    <Route key="incidents" path="incidents" element={guard('incidents.read', <IncidentsPage />)} />,
    <Route key="incidents-new" path="incidents/new" element={guard('incidents.manage', <NewIncidentPage />)} />,
    <Route key="incident" path="incidents/:id" element={guard('incidents.read', <IncidentDetailPage />)} />,
  ];
}

/** 客户投诉 and 服务事故 in the side menu (incidents.read). */
export const incidentsMenuItems: FeatureMenu = (has, t) =>
  has('incidents.read')
    ? [
        { key: '/complaints', icon: <CommentOutlined />, label: t('incidents.menuComplaints') },
        { key: '/incidents', icon: <AlertOutlined />, label: t('incidents.menuIncidents') },
      ]
    : [];
