import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../AppRoutes';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';

// Issue 18 item 1: with a password set by someone else the app shows only the change form (and sign-out).
describe('one-time password', () => {
  it.each(['zh-CN', 'en'] as const)('shows only the password change form in %s', async (lng) => {
    await i18n.changeLanguage(lng);
    renderAs(<AppRoutes />, { path: '*', url: '/users', permissions: ['users.read', 'users.manage'], mustChangePassword: true });
    expect(await screen.findByTestId('must-change-password')).toBeTruthy();
    expect(screen.getByText(lng === 'en' ? /choose your own password/ : /设置您自己的新密码/)).toBeTruthy();
    expect(screen.getByTestId('password-submit')).toBeTruthy();
    expect(screen.queryByTestId('user-create')).toBeNull();
  });
});
