import { DATA_SCOPES, PERMISSIONS, PERMISSION_LABELS, type TRole } from '@techserve/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { RoleFormModal } from './RoleFormModal';
import { RolesPage } from './RolesPage';

// Issue 12 item 14: the roles page and the role form name every permission and data scope in the UI language.
const admin: TRole = {
  id: 1,
  key: 'admin',
  name: '系统管理员',
  nameEn: 'Administrator',
  scope: 'all',
  permissions: [...PERMISSIONS],
  builtin: true,
  requireTwoFactor: false,
  userCount: 1,
  version: 1,
};

function renderPage() {
  stubFetch({ 'GET /roles': { body: { items: [admin], permissions: PERMISSIONS } } });
  return renderAs(<RolesPage />, { path: '/roles', url: '/roles', permissions: ['users.read', 'roles.manage'] });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('roles page', () => {
  it('names every permission in Chinese, without keys or English', async () => {
    await i18n.changeLanguage('zh-CN');
    renderPage();
    await screen.findByText('系统管理员');
    const row = document.querySelector('tr.ant-table-row') as HTMLElement;
    const tags = [...row.querySelectorAll('.ant-tag')].map((tag) => tag.textContent ?? '');
    expect(tags).toEqual([...PERMISSIONS.map((permission) => PERMISSION_LABELS[permission]['zh-CN']), '内置']);
    expect(within(row).getByText('全部')).toBeTruthy();
    expect(row.textContent?.replace('admin', '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('names the permissions in English when the UI is English', async () => {
    await i18n.changeLanguage('en');
    renderPage();
    await screen.findByText('Administrator');
    const row = document.querySelector('tr.ant-table-row') as HTMLElement;
    expect(within(row).getByText('Approve policy changes')).toBeTruthy();
    expect(within(row).getByText('Spot-check presence at a site')).toBeTruthy();
    expect(within(row).getByText('All')).toBeTruthy();
    await i18n.changeLanguage('zh-CN');
  });
});

describe('role form', () => {
  it('offers every permission and data scope by its Chinese name', async () => {
    await i18n.changeLanguage('zh-CN');
    stubFetch({});
    renderAs(<RoleFormModal open role={admin} onClose={() => {}} />, { path: '/roles', url: '/roles', permissions: ['roles.manage'] });
    const dialog = await screen.findByRole('dialog');
    const boxes = [...dialog.querySelectorAll('.ant-checkbox-wrapper')].map((box) => box.textContent ?? '');
    expect(boxes).toEqual(PERMISSIONS.map((permission) => PERMISSION_LABELS[permission]['zh-CN']));
    expect(dialog.textContent).not.toMatch(/perm\.|scope\./);
    const latin = [...dialog.querySelectorAll('label, .ant-checkbox-wrapper, .ant-select-selection-item')]
      .map((node) => node.textContent ?? '')
      .filter((text) => /[A-Za-z]{2,}/.test(text));
    expect(latin).toEqual([]);
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBe(DATA_SCOPES.length));
    const options = [...document.querySelectorAll('.ant-select-item-option')].map((option) => option.textContent ?? '');
    expect(options).toEqual(['本人', '本组', '本区域', '本部门', '全部', '本客户单位', '本院区/现场']);
  });
});

// Issue 18 item 6: an administrator turns two-factor sign-in on for a role.
describe('role two-factor requirement', () => {
  it.each([
    ['zh-CN', '要求两步验证'],
    ['en', 'Require two-factor sign-in'],
  ] as const)('sends the switch with the edit in %s', async (lng, label) => {
    await i18n.changeLanguage(lng);
    const fetch = stubFetch({ 'PATCH /roles/1': { body: { ...admin, requireTwoFactor: true, version: 2 } } });
    renderAs(<RoleFormModal open role={admin} onClose={() => {}} />, { path: '/roles', url: '/roles', permissions: ['roles.manage'] });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(label)).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('role-require-two-factor'));
    fireEvent.click(screen.getByTestId('role-submit'));
    await waitFor(() => expect(fetch.bodies('PATCH /roles/1')).toHaveLength(1), { timeout: 10_000 });
    expect(fetch.bodies('PATCH /roles/1')[0]).toMatchObject({ version: 1, requireTwoFactor: true });
    await i18n.changeLanguage('zh-CN');
  });
});
