import { TrophyOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const AppraisalExportPage = lazyPage(() => import('./AppraisalExportPage'), 'AppraisalExportPage');
const MyAppraisalPage = lazyPage(() => import('./MyAppraisalPage'), 'MyAppraisalPage');
const SheetReviewPage = lazyPage(() => import('./SheetReviewPage'), 'SheetReviewPage');
const TeamAppraisalPage = lazyPage(() => import('./TeamAppraisalPage'), 'TeamAppraisalPage');

/** AP-1..AP-15: my appraisal (appraisal.self) and the sheets to review (appraisal.review). */
export function appraisalRoutes(guard: Guard): ReactElement[] {
  return [
    <Route key="appraisal" path="appraisal" element={guard('appraisal.self', <MyAppraisalPage />)} />,
    <Route key="appraisal-team" path="appraisal/team" element={guard('appraisal.review', <TeamAppraisalPage />)} />,
    <Route key="appraisal-sheet" path="appraisal/sheets/:id" element={guard('appraisal.review', <SheetReviewPage />)} />,
    <Route key="appraisal-export" path="appraisal/export" element={guard('appraisal.export', <AppraisalExportPage />)} />,
  ];
}

export const appraisalMenuItems: FeatureMenu = (has, t) => {
  const children = [
    ...(has('appraisal.self') ? [{ key: '/appraisal', label: t('appraisal.menuMine') }] : []),
    ...(has('appraisal.review') ? [{ key: '/appraisal/team', label: t('appraisal.menuTeam') }] : []),
    ...(has('appraisal.export') ? [{ key: '/appraisal/export', label: t('appraisal.menuExport') }] : []),
  ];
  return children.length > 0 ? [{ key: '/appraisal-group', icon: <TrophyOutlined />, label: t('appraisal.menu'), children }] : [];
};
