import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../AppRoutes';
import { createQueryClient } from '../../api/client';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { viewportWidth } from '../../test/viewportWidth';
import { LoginPage } from '../auth/LoginPage';
import { SessionProvider } from '../auth/SessionProvider';
import { TwoFactorCard } from './TwoFactorCard';
import { en, zhCN } from './twoFactor.i18n';

// Issue 18 item 6: two-factor sign-in in the web app.
afterEach(() => vi.unstubAllGlobals());

const QR = 'data:image/png;base64,iVBORw0KGgo=';
const RECOVERY = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);
const SESSION = {
  csrfToken: 'csrf',
  user: {
    id: 1,
    username: 'admin',
    name: '管理员',
    role: { id: 1, key: 'admin', name: '系统管理员', scope: 'all' },
    permissions: [],
    mustChangePassword: false,
    twoFactor: { enabled: true, required: false },
    customerId: null,
  },
};

describe('two-factor texts', () => {
  itHasMatchingBundles(zhCN, en);
});

describe('sign-in second step', () => {
  function renderLogin() {
    return render(
      <QueryClientProvider client={createQueryClient()}>
        <SessionProvider initial={null}>
          <App>
            <LoginPage />
          </App>
        </SessionProvider>
      </QueryClientProvider>,
    );
  }

  it.each([
    ['zh-CN', /验证码不正确或已过期/],
    ['en', /The code is wrong or has expired/],
  ] as const)('asks for the code after the password and says a wrong code by reason in %s', async (lng, wrongText) => {
    await i18n.changeLanguage(lng);
    const fetch = stubFetch({
      'POST /auth/login': {
        body: { twoFactorRequired: true, challenge: 'challenge-token-0123456789', expiresAt: '2026-03-02T01:05:00.000Z' },
      },
      'POST /auth/login/two-factor': (body) =>
        (body as { code: string }).code === '123456'
          ? { body: SESSION }
          : {
              status: 401,
              body: {
                error: { code: 'unauthenticated', message: 'The code is wrong or has expired', reason: 'twoFactor.wrongCode', params: {} },
              },
            },
    });
    const { container } = renderLogin();
    fireEvent.change(container.querySelector('#username')!, { target: { value: 'admin' } });
    fireEvent.change(container.querySelector('#password')!, { target: { value: 'secret-password' } });
    fireEvent.submit(container.querySelector('form')!);
    const code = await screen.findByTestId('login-code');
    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByTestId('login-code-submit'));
    expect((await screen.findByTestId('login-error')).textContent).toMatch(wrongText);
    fireEvent.change(screen.getByTestId('login-code'), { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByTestId('login-code-submit'));
    await waitFor(() => expect(fetch.bodies('POST /auth/login/two-factor')).toHaveLength(2));
    expect(fetch.bodies('POST /auth/login/two-factor')[1]).toEqual({ challenge: 'challenge-token-0123456789', code: '123456' });
    await i18n.changeLanguage('zh-CN');
  });

  it('goes back to the password when the challenge has expired', async () => {
    await i18n.changeLanguage('zh-CN');
    stubFetch({
      'POST /auth/login': {
        body: { twoFactorRequired: true, challenge: 'challenge-token-0123456789', expiresAt: '2026-03-02T01:05:00.000Z' },
      },
      'POST /auth/login/two-factor': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'timed out', reason: 'twoFactor.challengeExpired', params: {} } },
      },
    });
    const { container } = renderLogin();
    fireEvent.change(container.querySelector('#username')!, { target: { value: 'admin' } });
    fireEvent.change(container.querySelector('#password')!, { target: { value: 'secret-password' } });
    fireEvent.submit(container.querySelector('form')!);
    fireEvent.change(await screen.findByTestId('login-code'), { target: { value: 'abcde-fghij' } });
    fireEvent.click(screen.getByTestId('login-code-submit'));
    expect((await screen.findByTestId('login-error')).textContent).toMatch(/两步验证已超时/);
    expect(await screen.findByTestId('login-submit')).toBeTruthy();
  });
});

describe('setting it up on the account page', () => {
  it.each(['zh-CN', 'en'] as const)(
    'shows the QR code and key, confirms with a code and shows the recovery codes once in %s',
    async (lng) => {
      await i18n.changeLanguage(lng);
      viewportWidth(390);
      let enabled = false;
      const fetch = stubFetch({
        'GET /auth/two-factor': () => ({
          body: { enabled, enabledAt: enabled ? '2026-03-02T01:00:00.000Z' : null, required: false, recoveryCodesLeft: enabled ? 10 : 0 },
        }),
        'POST /auth/two-factor/enrol': { body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qr: QR } },
        'POST /auth/two-factor/confirm': () => {
          enabled = true;
          return { body: { recoveryCodes: RECOVERY } };
        },
      });
      renderAs(<TwoFactorCard />, { path: '/account', url: '/account', permissions: [] });
      fireEvent.click(await screen.findByTestId('two-factor-start'));
      const qr = await screen.findByTestId('two-factor-qr');
      expect(qr.getAttribute('src')).toBe(QR);
      expect(screen.getByTestId('two-factor-key').textContent).toContain('JBSW Y3DP EHPK 3PXP');
      fireEvent.change(screen.getByTestId('two-factor-confirm-code'), { target: { value: '123456' } });
      fireEvent.click(screen.getByTestId('two-factor-confirm'));
      const list = await screen.findByTestId('recovery-codes');
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(RECOVERY);
      expect(fetch.bodies('POST /auth/two-factor/confirm')).toEqual([{ code: '123456' }]);
      fireEvent.click(screen.getByTestId('recovery-codes-saved'));
      expect(await screen.findByTestId('recovery-left', {}, { timeout: 10_000 })).toBeTruthy();
      expect(screen.getByTestId('recovery-left').textContent).toMatch(lng === 'en' ? /Recovery codes left: 10/ : /剩余可用恢复码：10/);
      // Shown once: the codes leave the page when the dialog closes.
      expect(screen.queryByText(RECOVERY[0])).toBeNull();
      await i18n.changeLanguage('zh-CN');
    },
  );

  it('says a wrong confirmation code beside the field', async () => {
    await i18n.changeLanguage('zh-CN');
    stubFetch({
      'GET /auth/two-factor': { body: { enabled: false, enabledAt: null, required: false, recoveryCodesLeft: 0 } },
      'POST /auth/two-factor/enrol': { body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qr: QR } },
      'POST /auth/two-factor/confirm': {
        status: 422,
        body: {
          error: {
            code: 'invalid_value',
            message: 'The code is wrong or has expired',
            reason: 'twoFactor.wrongCode',
            params: {},
            details: [{ path: 'body.code', message: 'The code is wrong or has expired', reason: 'twoFactor.wrongCode', params: {} }],
          },
        },
      },
    });
    renderAs(<TwoFactorCard />, { path: '/account', url: '/account', permissions: [] });
    fireEvent.click(await screen.findByTestId('two-factor-start'));
    fireEvent.change(await screen.findByTestId('two-factor-confirm-code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByTestId('two-factor-confirm'));
    expect((await screen.findAllByText(/验证码不正确或已过期/, {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('recovery-codes')).toBeNull();
  });

  it('turns it off with the password and a code', async () => {
    await i18n.changeLanguage('zh-CN');
    const fetch = stubFetch({
      'GET /auth/two-factor': { body: { enabled: true, enabledAt: '2026-03-02T01:00:00.000Z', required: false, recoveryCodesLeft: 8 } },
      'POST /auth/two-factor/disable': { body: { ok: true } },
    });
    renderAs(<TwoFactorCard />, { path: '/account', url: '/account', permissions: [] });
    fireEvent.click(await screen.findByTestId('two-factor-disable'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(dialog.querySelector('input[type="password"]')!, { target: { value: 'my-password' } });
    fireEvent.change(within(dialog).getByTestId('two-factor-step-code'), { target: { value: '123456' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认关闭/ }));
    await waitFor(() => expect(fetch.bodies('POST /auth/two-factor/disable')).toEqual([{ password: 'my-password', code: '123456' }]));
  });
});

describe('required by the role', () => {
  it.each(['zh-CN', 'en'] as const)('shows only the set-up while it is missing in %s', async (lng) => {
    await i18n.changeLanguage(lng);
    stubFetch({ 'GET /auth/two-factor': { body: { enabled: false, enabledAt: null, required: true, recoveryCodesLeft: 0 } } });
    renderAs(<AppRoutes />, {
      path: '*',
      url: '/users',
      permissions: ['users.read', 'users.manage'],
      twoFactor: { enabled: false, required: true },
    });
    expect(await screen.findByTestId('must-enrol-two-factor')).toBeTruthy();
    expect(screen.getByText(lng === 'en' ? /Your role requires two-factor sign-in: set up/ : /您的角色要求两步验证：请先/)).toBeTruthy();
    expect(await screen.findByTestId('two-factor-start')).toBeTruthy();
    expect(screen.queryByTestId('user-create')).toBeNull();
    await i18n.changeLanguage('zh-CN');
  });
});
