import { BuildOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import { DeliveriesPage } from './DeliveriesPage';
import { DeliveryDetailPage } from './DeliveryDetailPage';
import { ProjectDetailPage } from './ProjectDetailPage';
import { ProjectsPage } from './ProjectsPage';
import { TrainingDetailPage } from './TrainingDetailPage';
import { TrainingsPage } from './TrainingsPage';
import './i18n';

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
