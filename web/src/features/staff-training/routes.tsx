import { ReadOutlined } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { FeatureMenu, Guard } from '../../layout/featureRoutes';
import './i18n';
import { lazyPage } from '../../layout/lazyPage';

const CertificatesPage = lazyPage(() => import('./CertificatesPage'), 'CertificatesPage');
const ExamPage = lazyPage(() => import('./ExamPage'), 'ExamPage');
const ExamsPage = lazyPage(() => import('./ExamsPage'), 'ExamsPage');
const NewExamPage = lazyPage(() => import('./NewExamPage'), 'NewExamPage');
const QuestionBankPage = lazyPage(() => import('./QuestionBankPage'), 'QuestionBankPage');
const SessionDetailPage = lazyPage(() => import('./SessionDetailPage'), 'SessionDetailPage');
const SessionsPage = lazyPage(() => import('./SessionsPage'), 'SessionsPage');
const TestTasksPage = lazyPage(() => import('./TestTasksPage'), 'TestTasksPage');

/** TRN-1..3: internal training (内部培训) pages; a learner (training.attend) or a manager (training.manage) opens them. */
export function staffTrainingRoutes(guard: Guard): ReactElement[] {
  // Open to either training permission: the guard answers with the page itself when it lets the user in.
  const open = (page: ReactElement) => {
    const asLearner = guard('training.attend', page);
    return asLearner === page ? page : guard('training.manage', page);
  };
  return [
    <Route key="st-sessions" path="staff-training" element={open(<SessionsPage />)} />,
    <Route key="st-session" path="staff-training/sessions/:id" element={open(<SessionDetailPage />)} />,
    <Route key="st-exams" path="staff-training/exams" element={open(<ExamsPage />)} />,
    <Route key="st-exam-new" path="staff-training/exams/new" element={guard('training.manage', <NewExamPage />)} />,
    <Route key="st-exam" path="staff-training/exams/:id" element={open(<ExamPage />)} />,
    <Route key="st-questions" path="staff-training/questions" element={guard('training.manage', <QuestionBankPage />)} />,
    <Route key="st-certs" path="staff-training/certificates" element={open(<CertificatesPage />)} />,
    <Route key="st-tasks" path="staff-training/test-tasks" element={open(<TestTasksPage />)} />,
  ];
}

/** 内部培训 with its pages in the side menu. */
export const staffTrainingMenuItems: FeatureMenu = (has, t) => {
  const manage = has('training.manage');
  if (!manage && !has('training.attend')) return [];
  return [
    {
      key: '/staff-training-group',
      icon: <ReadOutlined />,
      label: t('staffTraining.menu'),
      children: [
        { key: '/staff-training', label: t('staffTraining.menuSessions') },
        { key: '/staff-training/exams', label: t('staffTraining.menuExams') },
        ...(manage ? [{ key: '/staff-training/questions', label: t('staffTraining.menuQuestions') }] : []),
        { key: '/staff-training/certificates', label: t('staffTraining.menuCertificates') },
        { key: '/staff-training/test-tasks', label: t('staffTraining.menuTestTasks') },
      ],
    },
  ];
};
