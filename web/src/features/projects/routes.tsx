import { BuildOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const DeliveriesPage = lazyPage(() => import('./DeliveriesPage'), 'DeliveriesPage');
const DeliveryDetailPage = lazyPage(() => import('./DeliveryDetailPage'), 'DeliveryDetailPage');
const ProjectDetailPage = lazyPage(() => import('./ProjectDetailPage'), 'ProjectDetailPage');
const ProjectsPage = lazyPage(() => import('./ProjectsPage'), 'ProjectsPage');
const TrainingDetailPage = lazyPage(() => import('./TrainingDetailPage'), 'TrainingDetailPage');
const TrainingsPage = lazyPage(() => import('./TrainingsPage'), 'TrainingsPage');

/** The projects pages' routes (each a <Route> with a key), guarded by permission. */
export function projectsRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="projects" path="projects" element={guard('projects.read', <ProjectsPage />)} />,
    <Route key="projects-deliveries" path="projects/deliveries" element={guard('projects.read', <DeliveriesPage />)} />,
    <Route key="projects-delivery" path="projects/deliveries/:id" element={guard('projects.read', <DeliveryDetailPage />)} />,
    <Route key="projects-trainings" path="projects/trainings" element={guard('projects.read', <TrainingsPage />)} />,
    <Route key="projects-training" path="projects/trainings/:id" element={guard('projects.read', <TrainingDetailPage />)} />,
    <Route key="project" path="projects/:id" element={guard('projects.read', <ProjectDetailPage />)} />,
  ];
}

/** The projects pages' side-menu entries: 项目 / Projects (FS-12..14). */
export const projectsMenuItems: FeatureMenu = (has, t) =>
  has('projects.read')
    ? [
        {
          key: '/projects-group',
          icon: <BuildOutlined />,
          label: t('projects.menu'),
          children: [
            { key: '/projects', label: t('projects.menuProjects') },
            { key: '/projects/deliveries', label: t('projects.menuDeliveries') },
            { key: '/projects/trainings', label: t('projects.menuTrainings') },
          ],
        },
      ]
    : [];
