import { FormOutlined, SmileOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const NewSurveyPage = lazyPage(() => import('./NewSurveyPage'), 'NewSurveyPage');
const PortalSurveysPage = lazyPage(() => import('./PortalSurveysPage'), 'PortalSurveysPage');
const SurveyDetailPage = lazyPage(() => import('./SurveyDetailPage'), 'SurveyDetailPage');
const SurveysPage = lazyPage(() => import('./SurveysPage'), 'SurveysPage');

/** SR-11b: survey rounds (surveys.read / surveys.manage) and a customer contact's questionnaires (surveys.answer). */
export function surveysRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="surveys" path="surveys" element={guard('surveys.read', <SurveysPage />)} />,
    <Route key="surveys-new" path="surveys/new" element={guard('surveys.manage', <NewSurveyPage />)} />,
    <Route key="survey" path="surveys/:id" element={guard('surveys.read', <SurveyDetailPage />)} />,
    <Route key="my-surveys" path="my-surveys" element={guard('surveys.answer', <PortalSurveysPage />)} />,
  ];
}

export const surveysMenuItems: FeatureMenu = (has, t) => [
  ...(has('surveys.read') ? [{ key: '/surveys', icon: <SmileOutlined />, label: t('surveys.menu') }] : []),
  ...(has('surveys.answer') ? [{ key: '/my-surveys', icon: <FormOutlined />, label: t('surveys.menuPortal') }] : []),
];
