import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/client';
import { i18n } from '../../i18n/initI18n';
import { stubFetch } from '../../test/stubFetch';
import { LoginPage } from './LoginPage';
import { SessionProvider } from './SessionProvider';

// Issue 18 items 4/5: the lock and the wrong-password answer are shown by reason key in the UI language.
describe('login page', () => {
  it.each([
    ['zh-CN', /账号已锁定，请在 2026-03-02T01:15:00.000Z 之后再试/],
    ['en', /Account locked after repeated failed logins; try again after 2026-03-02T01:15:00.000Z/],
  ] as const)('says the account is locked in %s', async (lng, text) => {
    await i18n.changeLanguage(lng);
    stubFetch({
      'POST /auth/login': {
        status: 429,
        body: {
          error: {
            code: 'rate_limited',
            message: 'Account locked after repeated failed logins; try again after 2026-03-02T01:15:00.000Z',
            reason: 'auth.locked',
            params: { until: '2026-03-02T01:15:00.000Z' },
          },
        },
      },
    });
    const { container } = render(
      <QueryClientProvider client={createQueryClient()}>
        <SessionProvider initial={null}>
          <App>
            <LoginPage />
          </App>
        </SessionProvider>
      </QueryClientProvider>,
    );
    fireEvent.change(container.querySelector('#username')!, { target: { value: 'admin' } });
    fireEvent.change(container.querySelector('#password')!, { target: { value: 'x' } });
    fireEvent.submit(container.querySelector('form')!);
    expect((await screen.findByTestId('login-error')).textContent).toMatch(text);
  });
});
