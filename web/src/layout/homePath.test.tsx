import { DEFAULT_ROLES, PERMISSIONS, type TPermission } from '@techserve/core';
import { describe, expect, it } from 'vitest';
import { appraisalMenuItems } from '../features/appraisal/routes';
import { attendanceMenuItems } from '../features/attendance/routes';
import { dashboardMenuItems } from '../features/dashboard/routes';
import { fieldMenuItems } from '../features/field/routes';
import { handoverMenuItems } from '../features/handover/routes';
import { incidentsMenuItems } from '../features/incidents/routes';
import { kpiMenuItems } from '../features/kpi/routes';
import { leaveMenuItems } from '../features/leave/routes';
import { meetingsMenuItems } from '../features/meetings/routes';
import { payMenuItems } from '../features/pay/routes';
import { personnelMenuItems } from '../features/personnel/routes';
import { projectsMenuItems } from '../features/projects/routes';
import { reportsMenuItems } from '../features/reports/routes';
import { residentsMenuItems } from '../features/residents/routes';
import { staffTrainingMenuItems } from '../features/staff-training/routes';
import { surveysMenuItems } from '../features/surveys/routes';
import { travelMenuItems } from '../features/travel/routes';
import { i18n } from '../i18n/initI18n';
import { buildMenuItems, homePath, menuLeaves } from './buildMenuItems';

// Issue 12 item 5: every role lands on its work, chosen from its permissions; the menu in sections shows only what
// the role may use, and its home among it.
const permissionsOf = (key: string) => DEFAULT_ROLES.find((r) => r.key === key)!.permissions;

describe('home by role (issue 12 item 5)', () => {
  it.each([
    ['gm', '/dashboard'],
    ['vp', '/dashboard'],
    ['supervisor', '/tickets'],
    ['team_lead', '/tickets'],
    ['engineer', '/field/jobs'],
    ['product_expert', '/field/jobs'],
    ['agent', '/tickets'],
    ['sales', '/tickets'],
    ['sales_admin', '/tickets'],
    ['finance', '/travel/finance'],
    ['hr', '/leave/approvals'],
    ['customer_contact', '/tickets'],
    ['client_it', '/personnel/client-inbox'],
    ['admin', '/tickets'],
  ])('lands %s on %s, an entry of its own menu', (role, home) => {
    const permissions = permissionsOf(role);
    expect(homePath(permissions)).toBe(home);
    expect(menuLeaves(buildMenuItems(permissions, i18n.t)).map((item) => item.key)).toContain(home);
  });

  it('follows the permissions, not the role name: a renamed role with the GM’s permissions lands on the dashboard', () => {
    expect(homePath(['dashboard.read', 'tickets.read'])).toBe('/dashboard');
    expect(homePath(['dashboard.read', 'tickets.read', 'tickets.assign'])).toBe('/tickets');
    expect(homePath([])).toBe('/account');
  });
});

describe('the menu in sections (issue 12 item 5)', () => {
  it('groups the GM’s entries into service, field, people, finance and settings, in Chinese and English', async () => {
    await i18n.changeLanguage('zh-CN');
    const titles = (permissions: readonly TPermission[]) => buildMenuItems(permissions, i18n.t).map((g) => (g as { label: string }).label);
    expect(titles(permissionsOf('gm'))).toEqual(['服务请求', '现场服务', '人员与考勤', '财务与薪酬', '系统设置']);
    await i18n.changeLanguage('en');
    expect(titles(permissionsOf('finance'))).toEqual([
      'Service requests',
      'Field service',
      'People and attendance',
      'Finance and pay',
      'Settings',
    ]);
    expect(titles(['tickets.read'])).toEqual(['Service requests', 'Settings']);
  });

  it('shows finance its claims and pay, and no dispatching or dashboard', () => {
    const keys = menuLeaves(buildMenuItems(permissionsOf('finance'), i18n.t)).map((item) => item.key);
    expect(keys).toEqual(expect.arrayContaining(['/travel/finance', '/pay/payroll', '/appraisal/export']));
    expect(keys).not.toContain('/dashboard');
    expect(keys).not.toContain('/tickets/dashboard');
    expect(keys).not.toContain('/field/board');
  });

  it('keeps every feature entry reachable: all of them are in the menu of a role with every permission', () => {
    const has = () => true;
    const features = [
      dashboardMenuItems,
      fieldMenuItems,
      travelMenuItems,
      leaveMenuItems,
      attendanceMenuItems,
      residentsMenuItems,
      personnelMenuItems,
      projectsMenuItems,
      reportsMenuItems,
      incidentsMenuItems,
      surveysMenuItems,
      staffTrainingMenuItems,
      meetingsMenuItems,
      appraisalMenuItems,
      kpiMenuItems,
      payMenuItems,
      handoverMenuItems,
    ].flatMap((menu) => menuLeaves(menu(has, i18n.t)).map((item) => item.key));
    const keys = menuLeaves(buildMenuItems([...PERMISSIONS], i18n.t)).map((item) => item.key);
    const core = [
      '/tickets',
      '/tickets/new',
      '/tickets/dashboard',
      '/followups',
      '/customers',
      '/users',
      '/roles',
      '/org/teams',
      '/policy',
      '/calendars',
      '/audit',
      '/account',
    ];
    expect(keys).toEqual(expect.arrayContaining([...features, ...core]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
