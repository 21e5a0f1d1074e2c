import { i18n } from '../../i18n/initI18n';
import { describe, expect, it } from 'vitest';
import { buildMenuItems, homePath, menuLeaves } from '../../layout/buildMenuItems';
import { DEFAULT_ROLES, PORTAL_PERMISSIONS } from '@techserve/core';

const labels = (items: ReturnType<typeof buildMenuItems>) => menuLeaves(items).map((item) => item.label);

describe('service-request menu entries', () => {
  it('give a dispatcher the list, intake, dashboard and follow-ups', async () => {
    await i18n.changeLanguage('zh-CN');
    const items = buildMenuItems(['tickets.read', 'tickets.create', 'tickets.assign'], i18n.t);
    expect(labels(items).slice(0, 4)).toEqual(['服务请求', '新建请求', '服务看板', '回访']);
  });

  it('give an engineer the list and intake without the dashboard', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(labels(buildMenuItems(['tickets.read', 'tickets.create', 'tickets.work'], i18n.t))).toEqual([
      '服务请求',
      '新建请求',
      '我的账户',
    ]);
  });

  it('word the entries for a customer contact (its requests, and the satisfaction questionnaires of SR-11b) and land it on its requests', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(labels(buildMenuItems(PORTAL_PERMISSIONS, i18n.t, { portal: true }))).toEqual([
      '我的服务请求',
      '提交请求',
      '满意度问卷',
      '我的账户',
    ]);
    expect(homePath(PORTAL_PERMISSIONS)).toBe('/tickets');
    const engineer = DEFAULT_ROLES.find((r) => r.key === 'engineer')!.permissions;
    const supervisor = DEFAULT_ROLES.find((r) => r.key === 'supervisor')!.permissions;
    expect(homePath(engineer)).toBe('/field/jobs');
    expect(homePath(supervisor)).toBe('/tickets');
  });
});
