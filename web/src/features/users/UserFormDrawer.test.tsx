import { type TUser, defaultPolicy, reasonText } from '@techserve/core';
import { checkPassword } from '@techserve/core/passwords/strength';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import { renderAs } from '../../test/renderAs';
import { stubFetch } from '../../test/stubFetch';
import { UserFormDrawer } from './UserFormDrawer';

// ACC-1 (issue 18 item 3): the administrator's user form shows the strength of the password being set as it is typed,
// in the UI language, and a weak one is refused by the server's reason key, shown on the password field.

const WEAK = 'woaini1314';
const STRONG = 'Velvet-Orchid-93';
const COMPANY = '华信技术服务有限公司';

const engineer: TUser = {
  id: 12,
  username: 'zhangwei',
  name: '张伟',
  employeeNo: null,
  hireDate: null,
  phone: null,
  email: null,
  status: 'active',
  roleId: 5,
  roleKey: 'engineer',
  departmentId: null,
  teamId: null,
  levelId: null,
  tier: 1,
  customerId: null,
  siteId: null,
  regionIds: [],
  skills: [],
  lockedUntil: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 3,
};

/** The server's answer to a password ACC-1 refuses, as assertPasswordAllowed builds it (the same core estimator). */
function serverRefusal(password: string) {
  const check = checkPassword(password, defaultPolicy().accounts, {
    username: engineer.username,
    name: engineer.name,
    companyName: COMPANY,
  });
  expect(check.ok).toBe(false);
  const en = (r: (typeof check.refusals)[number]) => reasonText(r.reason, r.params, 'en') ?? r.reason;
  const [first] = check.refusals;
  return {
    refusals: check.refusals,
    body: {
      error: {
        code: 'invalid_value',
        message: `ACC-1: ${en(first)}`,
        ruleId: 'ACC-1',
        reason: first.reason,
        params: first.params,
        details: check.refusals.map((r) => ({ path: 'body.password', message: en(r), reason: r.reason, params: r.params })),
      },
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('user form: password strength (ACC-1)', () => {
  it.each([
    ['zh-CN', '很弱', '很强'],
    ['en', 'very weak', 'very strong'],
  ] as const)(
    'shows the verdict as the administrator types and the server’s refusal of a weak password in %s',
    async (lng, weak, strong) => {
      await i18n.changeLanguage(lng);
      const refusal = serverRefusal(WEAK);
      const api = stubFetch({
        'GET /roles': {
          body: {
            items: [{ id: 5, key: 'engineer', name: '技术服务工程师', nameEn: 'Service engineer', scope: 'own', permissions: [] }],
            permissions: [],
          },
        },
        'GET /departments': { body: { items: [] } },
        'GET /teams': { body: { items: [] } },
        'GET /engineer-levels': { body: { items: [] } },
        'GET /regions': { body: { items: [] } },
        'PATCH /users/12': (body) =>
          (body as { password?: string }).password === WEAK
            ? { status: 422, body: refusal.body }
            : { body: { ...engineer, version: engineer.version + 1 } },
      });
      const onClose = vi.fn();
      renderAs(<UserFormDrawer open user={engineer} onClose={onClose} />, {
        path: '/users',
        url: '/users',
        permissions: ['users.read', 'users.manage', 'org.read'],
      });
      const form = await screen.findByTestId('user-form');
      const password = form.querySelector('#password')!;

      fireEvent.change(password, { target: { value: WEAK } });
      const meter = await screen.findByTestId('password-strength', {}, { timeout: 10_000 });
      await waitFor(() => expect(meter.getAttribute('data-score')).toBe('0'));
      expect(meter.textContent).toContain(weak);
      for (const r of refusal.refusals) expect(meter.textContent).toContain(reasonText(r.reason, r.params, lng));

      // Submitted anyway: the server refuses by reason key; the form shows it on the field and stays open.
      fireEvent.click(screen.getByTestId('user-submit'));
      await waitFor(() => expect(api.bodies('PATCH /users/12')).toHaveLength(1));
      const fieldError = reasonText(refusal.refusals[0].reason, refusal.refusals[0].params, lng)!;
      await waitFor(() => expect(within(form).getAllByText(fieldError).length).toBeGreaterThan(0), { timeout: 5_000 });
      expect(onClose).not.toHaveBeenCalled();
      if (lng === 'zh-CN') {
        // No English in the Chinese form (the meter and the refusal included); rule ids such as ORG-1 are cited as such.
        const latin = (form.textContent ?? '').replace(/\b[A-Z]{2,5}-\d+[a-z]?\b/g, '').match(/[A-Za-z]{2,}/g) ?? [];
        expect(latin).toEqual([]);
      }

      fireEvent.change(password, { target: { value: STRONG } });
      await waitFor(() => expect(screen.getByTestId('password-strength').getAttribute('data-score')).toBe('4'), { timeout: 10_000 });
      expect(screen.getByTestId('password-strength').textContent).toContain(strong);
      fireEvent.click(screen.getByTestId('user-submit'));
      await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 5_000 });
      expect(api.bodies('PATCH /users/12').map((b) => (b as { password?: string }).password)).toEqual([WEAK, STRONG]);
    },
    90_000,
  ); // the first run loads the estimator's dictionaries and the whole antd form
});
