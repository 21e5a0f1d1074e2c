import type { TPermission } from '@techserve/core';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/initI18n';
import { SideMenu } from './SideMenu';

function renderMenu(permissions: TPermission[]) {
  return render(
    <MemoryRouter initialEntries={['/org/teams']}>
      <SideMenu permissions={permissions} />
    </MemoryRouter>,
  );
}

describe('side menu', () => {
  it('shows an engineer only organisation, policy, calendars, users and the account page', async () => {
    await i18n.changeLanguage('en');
    renderMenu(['users.read', 'org.read', 'policy.read', 'calendars.read']);
    expect(screen.getByText('Users')).toBeTruthy();
    expect(screen.getByText('Organisation')).toBeTruthy();
    expect(screen.getByText('Teams')).toBeTruthy();
    expect(screen.getByText('Policy')).toBeTruthy();
    expect(screen.getByText('Calendars')).toBeTruthy();
    expect(screen.getByText('My account')).toBeTruthy();
    expect(screen.queryByText('Roles')).toBeNull();
    expect(screen.queryByText('Audit log')).toBeNull();
  });

  it('shows a customer contact without permissions nothing but the account page', async () => {
    await i18n.changeLanguage('en');
    renderMenu([]);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['My account']);
  });

  it('shows roles and the audit log to those allowed, labelled in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderMenu(['roles.manage', 'audit.read']);
    expect(screen.getByText('角色与权限')).toBeTruthy();
    expect(screen.getByText('审计日志')).toBeTruthy();
    expect(screen.queryByText('用户')).toBeNull();
    expect(screen.queryByText('组织架构')).toBeNull();
  });
});
