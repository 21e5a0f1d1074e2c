import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  PhoneOutlined,
  PlusCircleOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { TPermission } from '@techserve/core';
import type { TFunction } from 'i18next';
import { fieldMenuItems } from '../features/field/routes';
import { incidentsMenuItems } from '../features/incidents/routes';
import { leaveMenuItems } from '../features/leave/routes';
import { attendanceMenuItems } from '../features/attendance/routes';
import { residentsMenuItems } from '../features/residents/routes';
import { personnelMenuItems } from '../features/personnel/routes';
import { meetingsMenuItems } from '../features/meetings/routes';
import { repliesMenuItems } from '../features/replies/routes';
import { approvalsMenuItems } from '../features/approvals/routes';
import { handoverMenuItems } from '../features/handover/routes';
import { appraisalMenuItems } from '../features/appraisal/routes';
import { kpiMenuItems } from '../features/kpi/routes';
import { payMenuItems } from '../features/pay/routes';
import { staffTrainingMenuItems } from '../features/staff-training/routes';
import { surveysMenuItems } from '../features/surveys/routes';
import { projectsMenuItems } from '../features/projects/routes';
import { reportsMenuItems } from '../features/reports/routes';
import { travelMenuItems } from '../features/travel/routes';
import type { MenuItem } from './featureRoutes';

/** The organisation sub-pages, shared by the menu and the routes. */
export const ORG_PAGES = [
  { path: '/org/departments', label: 'nav.departments' },
  { path: '/org/teams', label: 'nav.teams' },
  { path: '/org/regions', label: 'nav.regions' },
  { path: '/org/product-lines', label: 'nav.productLines' },
  { path: '/org/products', label: 'nav.products' },
  { path: '/org/product-experts', label: 'nav.productExperts' },
  { path: '/org/engineer-levels', label: 'nav.engineerLevels' },
] as const;

/**
 * Side-menu entries the given permissions allow; keys are route paths. `portal` (a customer contact) words the
 * service-request entries for the customer.
 */
export function buildMenuItems(
  permissions: readonly TPermission[],
  t: TFunction,
  { portal = false }: { portal?: boolean } = {},
): MenuItem[] {
  const has = (permission: TPermission) => permissions.includes(permission);
  const items: MenuItem[] = [];
  if (has('tickets.read')) items.push({ key: '/tickets', icon: <ToolOutlined />, label: t(portal ? 'nav.myTickets' : 'nav.tickets') });
  if (has('tickets.create'))
    items.push({ key: '/tickets/new', icon: <PlusCircleOutlined />, label: t(portal ? 'nav.submitTicket' : 'nav.newTicket') });
  if (has('tickets.assign')) {
    items.push({ key: '/tickets/dashboard', icon: <DashboardOutlined />, label: t('nav.ticketDashboard') });
    items.push({ key: '/followups', icon: <PhoneOutlined />, label: t('nav.followups') });
  }
  items.push(...repliesMenuItems(has, t), ...approvalsMenuItems(has, t));
  items.push(
    ...fieldMenuItems(has, t),
    ...travelMenuItems(has, t),
    ...leaveMenuItems(has, t),
    ...attendanceMenuItems(has, t),
    ...residentsMenuItems(has, t),
    ...personnelMenuItems(has, t),
    ...projectsMenuItems(has, t),
    ...reportsMenuItems(has, t),
  );
  // The people half (issue 15): complaints and incidents, surveys, internal training, meetings.
  items.push(...incidentsMenuItems(has, t), ...surveysMenuItems(has, t), ...staffTrainingMenuItems(has, t), ...meetingsMenuItems(has, t));
  items.push(...appraisalMenuItems(has, t), ...kpiMenuItems(has, t), ...payMenuItems(has, t));
  // HO-1: handover on leaving or transfer.
  items.push(...handoverMenuItems(has, t));
  if (has('customers.read')) items.push({ key: '/customers', icon: <ContactsOutlined />, label: t('nav.customers') });
  if (has('users.read')) items.push({ key: '/users', icon: <UserOutlined />, label: t('nav.users') });
  if (has('roles.manage')) items.push({ key: '/roles', icon: <SafetyCertificateOutlined />, label: t('nav.roles') });
  if (has('org.read')) {
    items.push({
      key: '/org',
      icon: <ApartmentOutlined />,
      label: t('nav.org'),
      children: ORG_PAGES.map((page) => ({ key: page.path, label: t(page.label) })),
    });
  }
  if (has('policy.read')) items.push({ key: '/policy', icon: <FileProtectOutlined />, label: t('nav.policy') });
  if (has('calendars.read')) items.push({ key: '/calendars', icon: <CalendarOutlined />, label: t('nav.calendars') });
  if (has('audit.read')) items.push({ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') });
  items.push({ key: '/account', icon: <TeamOutlined />, label: t('nav.account') });
  return items;
}

/** The first page a user may open (their landing page). */
export function homePath(permissions: readonly TPermission[]): string {
  // An engineer's phone opens on today's jobs (FS-5); dispatchers and agents on the request queues.
  if (permissions.includes('field.work') && !permissions.includes('tickets.assign')) return '/field/jobs';
  if (permissions.includes('tickets.read')) return '/tickets';
  if (permissions.includes('users.read')) return '/users';
  if (permissions.includes('org.read')) return '/org/departments';
  return '/account';
}
