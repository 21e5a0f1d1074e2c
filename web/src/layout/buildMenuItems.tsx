import '../features/customers/care.i18n';
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
import { defectsMenuItems } from '../features/defects/routes';
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
import { dashboardMenuItems } from '../features/dashboard/routes';
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

/** Entries whose key is one of `keys`, and the others. */
function split(items: MenuItem[], keys: readonly string[]): [MenuItem[], MenuItem[]] {
  const inKeys = (item: MenuItem) => keys.includes(String(item?.key));
  return [items.filter(inKeys), items.filter((item) => !inKeys(item))];
}

/** A titled section of the menu (issue 12 item 5); none when the role may use nothing in it. */
const group = (key: string, label: string, children: MenuItem[]): MenuItem[] =>
  children.length > 0 ? [{ type: 'group', key: `group-${key}`, label, children }] : [];

/**
 * Side-menu entries the given permissions allow, in sections (issue 12 item 5: service, field, people, finance,
 * settings); keys are route paths. Only what the role may use is listed, and every page stays reachable. `portal` (a
 * customer contact) words the service-request entries for the customer and lists its few entries without sections.
 */
export function buildMenuItems(
  permissions: readonly TPermission[],
  t: TFunction,
  { portal = false }: { portal?: boolean } = {},
): MenuItem[] {
  const has = (permission: TPermission) => permissions.includes(permission);
  const service: MenuItem[] = [...dashboardMenuItems(has, t)];
  if (has('tickets.read')) service.push({ key: '/tickets', icon: <ToolOutlined />, label: t(portal ? 'nav.myTickets' : 'nav.tickets') });
  if (has('tickets.create'))
    service.push({ key: '/tickets/new', icon: <PlusCircleOutlined />, label: t(portal ? 'nav.submitTicket' : 'nav.newTicket') });
  if (has('tickets.assign')) {
    service.push({ key: '/tickets/dashboard', icon: <DashboardOutlined />, label: t('nav.ticketDashboard') });
    service.push({ key: '/followups', icon: <PhoneOutlined />, label: t('nav.followups') });
  }
  // Issue 12 item 10: canned replies and the approvals inbox (leave, trips, letters, returns with a comment, in batches).
  service.push(...repliesMenuItems(has, t), ...defectsMenuItems(has, t), ...approvalsMenuItems(has, t));
  if (has('customers.read')) service.push({ key: '/customers', icon: <ContactsOutlined />, label: t('nav.customers') });
  // The people half (issue 15): complaints and incidents, surveys.
  service.push(...incidentsMenuItems(has, t), ...surveysMenuItems(has, t), ...reportsMenuItems(has, t));
  // Finance's entries of the field and travel features: the sales admin's ledger (FS-10), claims and advances (TR-4).
  const [fieldFinance, field] = split([...fieldMenuItems(has, t), ...travelMenuItems(has, t)], ['/field/ledger', '/travel/finance']);
  field.push(...projectsMenuItems(has, t));
  // CU-1/CU-2: the region's customer visits and free annual inspections.
  if (has('customers.service')) field.push({ key: '/care-tasks', icon: <ContactsOutlined />, label: t('customerCare.navTasks') });
  const people: MenuItem[] = [
    ...leaveMenuItems(has, t),
    ...attendanceMenuItems(has, t),
    ...residentsMenuItems(has, t),
    ...personnelMenuItems(has, t),
    ...staffTrainingMenuItems(has, t),
    ...meetingsMenuItems(has, t),
    ...appraisalMenuItems(has, t),
    ...kpiMenuItems(has, t),
    // HO-1: handover on leaving or transfer.
    ...handoverMenuItems(has, t),
  ];
  const finance: MenuItem[] = [...fieldFinance, ...payMenuItems(has, t)];
  // CU-3: chargeable repairs handed to finance.
  if (has('customers.fees')) finance.push({ key: '/repair-fees', icon: <ContactsOutlined />, label: t('customerCare.navFees') });
  const settings: MenuItem[] = [];
  if (has('users.read')) settings.push({ key: '/users', icon: <UserOutlined />, label: t('nav.users') });
  if (has('roles.manage')) settings.push({ key: '/roles', icon: <SafetyCertificateOutlined />, label: t('nav.roles') });
  if (has('org.read')) {
    settings.push({
      key: '/org',
      icon: <ApartmentOutlined />,
      label: t('nav.org'),
      children: ORG_PAGES.map((page) => ({ key: page.path, label: t(page.label) })),
    });
  }
  if (has('policy.read')) settings.push({ key: '/policy', icon: <FileProtectOutlined />, label: t('nav.policy') });
  if (has('calendars.read')) settings.push({ key: '/calendars', icon: <CalendarOutlined />, label: t('nav.calendars') });
  if (has('audit.read')) settings.push({ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') });
  settings.push({ key: '/account', icon: <TeamOutlined />, label: t('nav.account') });
  if (portal) return [...service, ...field, ...people, ...finance, ...settings];
  return [
    ...group('service', t('dashboard.groupService'), service),
    ...group('field', t('dashboard.groupField'), field),
    ...group('people', t('dashboard.groupPeople'), people),
    ...group('finance', t('dashboard.groupFinance'), finance),
    ...group('settings', t('dashboard.groupSettings'), settings),
  ];
}

/** The menu's pages (the entries a user can click), found through its sections and sub-menus. */
export function menuLeaves(items: readonly MenuItem[]): { key: string; label: unknown }[] {
  return items.flatMap((item) => {
    if (!item || !('key' in item)) return [];
    const children = 'children' in item && Array.isArray(item.children) ? (item.children as MenuItem[]) : null;
    return children ? menuLeaves(children) : [{ key: String(item.key), label: 'label' in item ? item.label : undefined }];
  });
}

/**
 * The first page a user lands on (issue 12 item 5), chosen by what the role may do, not by its name: the executive
 * dashboard for those who watch the company without dispatching (GM, VP); an engineer's phone on My jobs (FS-5);
 * dispatchers, agents and customers on the request queues; finance on travel claims and advances; HR on the leave to
 * approve; the client IT office on its inbox of approvals.
 */
export function homePath(permissions: readonly TPermission[]): string {
  const has = (permission: TPermission) => permissions.includes(permission);
  if (has('dashboard.read') && !has('tickets.assign')) return '/dashboard';
  if (has('field.work') && !has('tickets.assign')) return '/field/jobs';
  if (has('tickets.read')) return '/tickets';
  if (has('travel.finance')) return '/travel/finance';
  if (has('leave.approve')) return '/leave/approvals';
  if (has('personnel.client')) return '/personnel/client-inbox';
  if (has('users.read')) return '/users';
  if (has('org.read')) return '/org/departments';
  return '/account';
}
