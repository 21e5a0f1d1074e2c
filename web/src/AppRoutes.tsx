import type { TPermission } from '@techserve/core';
import { Button, Flex, Result, Spin } from 'antd';
import { lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { MustChangePasswordPage } from './features/account/MustChangePasswordPage';
import { MustEnrolTwoFactorPage } from './features/account/MustEnrolTwoFactorPage';
import { LoginPage } from './features/auth/LoginPage';
import { useSession } from './features/auth/useSession';
import { dashboardRoutes } from './features/dashboard/routes';
import { fieldRoutes } from './features/field/routes';
import { incidentsRoutes } from './features/incidents/routes';
import { meetingsRoutes } from './features/meetings/routes';
import { handoverRoutes } from './features/handover/routes';
import { appraisalRoutes } from './features/appraisal/routes';
import { kpiRoutes } from './features/kpi/routes';
import { payRoutes } from './features/pay/routes';
import { staffTrainingRoutes } from './features/staff-training/routes';
import { surveysRoutes } from './features/surveys/routes';
import { leaveRoutes } from './features/leave/routes';
import { attendanceRoutes } from './features/attendance/routes';
import { residentsRoutes } from './features/residents/routes';
import { personnelRoutes } from './features/personnel/routes';
import { ORG_ENTITY_CONFIGS } from './features/org/orgEntityConfigs';
import { projectsRoutes } from './features/projects/routes';
import { reportsRoutes } from './features/reports/routes';
import { travelRoutes } from './features/travel/routes';
import { repliesRoutes } from './features/replies/routes';
import { defectsRoutes } from './features/defects/routes';
import { approvalsRoutes } from './features/approvals/routes';
import { homePath } from './layout/buildMenuItems';
import type { Guard } from './layout/featureRoutes';
import { MainLayout } from './layout/MainLayout';
import { lazyPage } from './layout/lazyPage';

const CareTasksPage = lazyPage(() => import('./features/customers/CareTasks'), 'CareTasksPage');
const RepairFeesPage = lazyPage(() => import('./features/customers/RepairFees'), 'RepairFeesPage');
const TicketPrintPage = lazyPage(() => import('./features/ticket-batch/TicketPrintPage'), 'TicketPrintPage');

const AccountPage = lazyPage(() => import('./features/account/AccountPage'), 'AccountPage');
const AuditPage = lazyPage(() => import('./features/audit/AuditPage'), 'AuditPage');
const CalendarsPage = lazyPage(() => import('./features/calendars/CalendarsPage'), 'CalendarsPage');
const CustomerFilePage = lazyPage(() => import('./features/customers/CustomerFilePage'), 'CustomerFilePage');
const CustomersPage = lazyPage(() => import('./features/customers/CustomersPage'), 'CustomersPage');
const PublicSurveyPage = lazyPage(() => import('./features/surveys/PublicSurveyPage'), 'PublicSurveyPage');
const OrgEntityPage = lazyPage(() => import('./features/org/OrgEntityPage'), 'OrgEntityPage');
const ProductExpertsPage = lazyPage(() => import('./features/org/ProductExpertsPage'), 'ProductExpertsPage');
const PolicyPage = lazyPage(() => import('./features/policy/PolicyPage'), 'PolicyPage');
const RolesPage = lazyPage(() => import('./features/roles/RolesPage'), 'RolesPage');
const FollowUpsPage = lazyPage(() => import('./features/tickets/FollowUpsPage'), 'FollowUpsPage');
const TicketDetailPage = lazyPage(() => import('./features/tickets/TicketDetailPage'), 'TicketDetailPage');
const TicketIntakePage = lazyPage(() => import('./features/tickets/TicketIntakePage'), 'TicketIntakePage');
const TicketsPage = lazyPage(() => import('./features/tickets/TicketsPage'), 'TicketsPage');
const UsersPage = lazyPage(() => import('./features/users/UsersPage'), 'UsersPage');

// The dashboard brings ECharts: loaded only when opened, so the rest of the app starts lighter.
const TicketDashboardPage = lazy(() => import('./features/tickets/TicketDashboardPage').then((m) => ({ default: m.TicketDashboardPage })));

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="404" title={t('common.notFound')} extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>} />;
}

/** Routes of the signed-in app; the login page stands in for all of them while signed out. */
export function AppRoutes() {
  const { session, can } = useSession();
  const location = useLocation();
  // SR-11b: the e-mailed survey link works without an account, signed in or not.
  if (location.pathname.startsWith('/survey/'))
    return (
      <Routes>
        <Route path="/survey/:token" element={<PublicSurveyPage />} />
      </Routes>
    );
  if (session === undefined) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (session === null) return <LoginPage />;
  // Issue 18 item 1: a password set by someone else is one-time; the server answers nothing else until it is replaced.
  if (session.user.mustChangePassword) return <MustChangePasswordPage />;
  // Issue 18 item 6: the role requires two-factor sign-in; until it is set up the server answers nothing else.
  if (session.user.twoFactor.required && !session.user.twoFactor.enabled) return <MustEnrolTwoFactorPage />;

  const guard: Guard = (permission: TPermission, element: ReactElement) => (can(permission) ? element : <NotFound />);
  return (
    <Routes>
      {/* Issue 12 item 9: the print view of a request, without the app's header and menu. */}
      <Route path="tickets/:id/print" element={guard('tickets.read', <TicketPrintPage />)} />
      <Route element={<MainLayout />}>
        <Route index element={<Navigate to={homePath(session.user.permissions)} replace />} />
        {/* Signed in on /login (or reloaded there): go on to the home page. */}
        <Route path="login" element={<Navigate to={homePath(session.user.permissions)} replace />} />
        <Route path="users" element={guard('users.read', <UsersPage />)} />
        <Route path="roles" element={guard('roles.manage', <RolesPage />)} />
        <Route path="org">
          <Route index element={<Navigate to="departments" replace />} />
          {Object.values(ORG_ENTITY_CONFIGS).map((config) => (
            <Route key={config.kind} path={config.kind} element={guard('org.read', <OrgEntityPage key={config.kind} config={config} />)} />
          ))}
          <Route path="product-experts" element={guard('org.read', <ProductExpertsPage />)} />
        </Route>
        <Route path="policy" element={guard('policy.read', <PolicyPage />)} />
        <Route path="calendars" element={guard('calendars.read', <CalendarsPage />)} />
        <Route path="customers" element={guard('customers.read', <CustomersPage />)} />
        <Route path="customers/:id" element={guard('customers.read', <CustomerFilePage />)} />
        <Route path="care-tasks" element={guard('customers.read', <CareTasksPage />)} />
        <Route path="repair-fees" element={guard('customers.fees', <RepairFeesPage />)} />
        <Route path="tickets" element={guard('tickets.read', <TicketsPage />)} />
        <Route path="tickets/new" element={guard('tickets.create', <TicketIntakePage />)} />
        <Route
          path="tickets/dashboard"
          element={guard(
            'tickets.assign',
            <Suspense fallback={<Spin size="large" />}>
              <TicketDashboardPage />
            </Suspense>,
          )}
        />
        <Route path="tickets/:id" element={guard('tickets.read', <TicketDetailPage />)} />
        <Route path="followups" element={guard('tickets.assign', <FollowUpsPage />)} />
        {dashboardRoutes(guard)}
        {repliesRoutes(guard)}
        {defectsRoutes(guard)}
        {approvalsRoutes(guard, can)}
        {fieldRoutes(guard)}
        {travelRoutes(guard)}
        {leaveRoutes(guard)}
        {attendanceRoutes(guard)}
        {residentsRoutes(guard)}
        {personnelRoutes(guard)}
        {projectsRoutes(guard)}
        {reportsRoutes(guard)}
        {incidentsRoutes(guard)}
        {surveysRoutes(guard)}
        {staffTrainingRoutes(guard)}
        {meetingsRoutes(guard)}
        {handoverRoutes(guard)}
        {appraisalRoutes(guard)}
        {kpiRoutes(guard, can)}
        {payRoutes(guard)}
        <Route path="audit" element={guard('audit.read', <AuditPage />)} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
